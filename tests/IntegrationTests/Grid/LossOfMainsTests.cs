using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Firmware.Faults;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.Grid
{
    /// <summary>
    /// Loss of mains while discharging at −15 kW (the island drifts 2.5 Hz/s while the charger feeds it):
    /// the charger finds the island and ceases to energize well within IEEE 1547's 2 s, the output ends safe,
    /// and with no source left the island collapses: no more grid cycles.
    /// </summary>
    [TestClass]
    public sealed class LossOfMainsTests
    {
        /// <summary>IEEE 1547's unintentional-islanding limit, ms.</summary>
        private const double IslandingLimitMs = 2000;

        [TestMethod]
        public void TheIslandIsFoundAndTheChargerCeasesToEnergizeWithin2Seconds()
        {
            GridRun run = GridRuns.LossOfMains.Value;
            GridEventResult e = run.Event(0);
            Console.WriteLine($"loss of mains: {e.Trip} cleared {e.TripClearMs} ms after the mains opened");

            Assert.AreEqual("loss_of_mains", e.Type);
            Assert.AreEqual("loss_of_mains", e.Trip, run.Describe());
            Assert.IsGreaterThan(0.0, e.TripClearMs, run.Describe());
            Assert.IsLessThanOrEqualTo(IslandingLimitMs, e.TripClearMs, run.Describe());
        }

        [TestMethod]
        public void TheOutputEndsSafe()
        {
            GridRun run = GridRuns.LossOfMains.Value;
            FaultRecord record = run.FaultNamed("loss_of_mains");

            GridTripTests.AssertEndsSafe(run, record);
            Assert.AreEqual(-15000, run.Event(0).PowerBeforeW, 0.01 * run.RatedPowerW, "it was feeding the island");
        }

        [TestMethod]
        public void TheIslandCollapsesOnceTheChargerStopsFeedingIt()
        {
            GridRun run = GridRuns.LossOfMains.Value;
            FaultRecord record = run.FaultNamed("loss_of_mains");
            long endMs = (long)(run.Scenario.EndSeconds * 1000);
            long lastCycleEndMs = run.Runner.Charger.Controller.Grid.LastCycleEndMs;
            double islandVoltageV = run.Runner.Charger.Grid.RmsVoltageV;
            Console.WriteLine($"loss of mains: converter off at {record.ConverterOffAtMs} ms, last grid cycle ended at {lastCycleEndMs} ms, island voltage at the end {islandVoltageV:0.##} V (run ends {endMs} ms)");

            // Cycles may still end for a moment after the converter is off (the one in progress), never after that.
            Assert.IsLessThanOrEqualTo(record.ConverterOffAtMs + 100, lastCycleEndMs, run.Describe());
            Assert.IsGreaterThan(2000, endMs - lastCycleEndMs, "no cycles for the rest of the run");
            Assert.IsLessThan(0.1 * 230, islandVoltageV, "the island's voltage collapsed");
        }
    }
}
