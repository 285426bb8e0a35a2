using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Firmware.Faults;
using V2G.Firmware.Grid;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.Grid
{
    /// <summary>
    /// The protection trips beyond the 50 Hz table (GridProtectionSettings.AssumedAt50Hz, 230 V on this
    /// board) within its clearing time plus the measurement's latency, and leaves the output safe; inside
    /// the continuous range nothing trips.
    /// </summary>
    [TestClass]
    public sealed class GridTripTests
    {
        [TestMethod]
        public void UnderFrequencyBeyondTheTableTripsWithinItsClearingTime()
        {
            GridRun run = GridRuns.UnderFrequencyTrip.Value;
            GridProtectionSettings table = run.Runner.Charger.Controller.Protection.Settings;
            Assert.IsLessThan(table.UnderFrequency2Hz, run.Event(0).Value, "the step is below UF2");

            AssertTripsInTime(run, "grid_under_frequency", table.UnderFrequency2ClearingMs, FrequencyLatencyMs(run));
        }

        [TestMethod]
        public void OverFrequencyBeyondTheTableTripsWithinItsClearingTime()
        {
            GridRun run = GridRuns.OverFrequencyTrip.Value;
            GridProtectionSettings table = run.Runner.Charger.Controller.Protection.Settings;
            Assert.IsGreaterThan(table.OverFrequency2Hz, run.Event(0).Value, "the step is above OF2");

            AssertTripsInTime(run, "grid_over_frequency", table.OverFrequency2ClearingMs, FrequencyLatencyMs(run));
        }

        [TestMethod]
        public void AVoltageSagBelowUv2TripsWithinItsClearingTime()
        {
            GridRun run = GridRuns.UnderVoltageTrip.Value;
            GridProtectionSettings table = run.Runner.Charger.Controller.Protection.Settings;
            Assert.IsLessThan(table.UnderVoltage2Pu * table.NominalVoltageV, run.Event(0).Value, "the sag is below UV2");

            // The RMS voltage is the last whole cycle's: the cycle the sag falls into may still read
            // above UV2, the next one reads the sag, so at most two cycles; then one tick until the
            // controller looks.
            double latencyMs = 2 * CycleMs(run) + run.TickPeriodMs;
            AssertTripsInTime(run, "grid_under_voltage", table.UnderVoltage2ClearingMs, latencyMs);
        }

        [TestMethod]
        public void ASwellAboveOv1TripsAfterItsLongerClearingTimeAndTheEventStillReportsIt()
        {
            GridRun run = GridRuns.OverVoltage1Trip.Value;
            GridProtectionSettings table = run.Runner.Charger.Controller.Protection.Settings;
            double rmsV = run.Event(0).Value;
            Assert.IsGreaterThan(table.OverVoltage1Pu * table.NominalVoltageV, rmsV, "above OV1");
            Assert.IsLessThan(table.OverVoltage2Pu * table.NominalVoltageV, rmsV, "below OV2");

            // As for the sag: the RMS of the last whole cycle, so two cycles and a tick at most.
            AssertTripsInTime(run, "grid_over_voltage", table.OverVoltage1ClearingMs, 2 * CycleMs(run) + run.TickPeriodMs);
        }

        [TestMethod]
        public void AMinuteAt49Point5HzInsideTheContinuousRangeTripsNothing()
        {
            GridRun run = GridRuns.ContinuousUnderFrequency.Value;
            GridProtectionSettings table = run.Runner.Charger.Controller.Protection.Settings;
            Assert.IsGreaterThan(table.ContinuousMinHz, run.Event(0).Value, "49.5 Hz is inside the continuous range");
            Assert.IsGreaterThanOrEqualTo(60.0, run.Scenario.EndSeconds - GridScenarios.EventAtS - 1, "a minute at 49.5 Hz");

            Assert.IsEmpty(run.Result.Faults, run.Describe());
            Assert.AreEqual("", run.Event(0).Trip, run.Describe());
            Assert.IsFalse(run.Runner.Charger.Controller.Protection.IsTripped, run.Describe());
            Assert.AreEqual("energy_transfer", run.Result.FinalState, run.Describe());
            Assert.IsLessThanOrEqualTo(1.0, run.Event(0).SteadyErrorPct, run.Describe());
            Sample last = run.Result.Samples[^1];
            Assert.AreEqual(run.Event(0).ExpectedPowerW, last.PowerW, 0.01 * run.RatedPowerW, $"still on the droop at the end: {run.Describe()}");
        }

        private static double CycleMs(GridRun run) => 1000.0 / run.Scenario.GridNominalHz;

        /// <summary>
        /// The frequency estimate's latency after a step, at most: the cycle the step falls into (its
        /// period is neither the old nor the new one), the guard's ConfirmCycles before it accepts the new
        /// level (a step looks like a disturbance at first), and the estimator's window to be all at the new
        /// level; then one tick until the controller looks. An upper bound: the stages overlap in practice.
        /// </summary>
        private static double FrequencyLatencyMs(GridRun run)
        {
            int windowCycles = run.Runner.Charger.Controller.Grid.Estimator.WindowCycles;
            int confirmCycles = new FrequencyEstimatorSettings().ConfirmCycles;
            return (1 + confirmCycles + windowCycles) * CycleMs(run) + run.TickPeriodMs;
        }

        private static void AssertTripsInTime(GridRun run, string fault, int clearingMs, double latencyMs)
        {
            GridEventResult e = run.Event(0);
            FaultRecord record = run.FaultNamed(fault);
            Console.WriteLine($"{run.Scenario.Name}: {e.Trip} cleared {e.TripClearMs} ms after the event (clearing time {clearingMs} ms + latency ≤ {latencyMs:0} ms); converter off at {record.ConverterOffAtMs} ms, contactors open at {record.ContactorsOpenAtMs} ms");

            Assert.AreEqual(fault, e.Trip, run.Describe());
            Assert.AreEqual(fault, FaultCatalogue.Get(run.Result.Faults[0].Code).Name, $"the first fault: {run.Describe()}");
            Assert.IsGreaterThanOrEqualTo((double)clearingMs, e.TripClearMs, $"not before the clearing time (ride-through): {run.Describe()}");
            Assert.IsLessThanOrEqualTo(clearingMs + latencyMs, e.TripClearMs, run.Describe());
            Assert.AreEqual(record.ConverterOffAtMs - (long)Math.Round(e.AtS * 1000), (long)e.TripClearMs);
            AssertEndsSafe(run, record);
        }

        /// <summary>The output ends safe: the contactors open, no current from the converter off on (a tick of decay allowed).</summary>
        internal static void AssertEndsSafe(GridRun run, FaultRecord record)
        {
            Assert.IsTrue(run.Result.EndedSafe, run.Describe());
            Assert.AreEqual("fault", run.Result.FinalState, run.Describe());
            Assert.IsGreaterThanOrEqualTo(record.ConverterOffAtMs, record.ContactorsOpenAtMs, run.Describe());
            Sample[] after = run.SamplesBetween((record.ConverterOffAtMs + run.TickPeriodMs) / 1000.0, run.Scenario.EndSeconds);
            Assert.IsNotEmpty(after);
            double worst = after.Max(s => Math.Abs(s.PowerW));
            Assert.IsLessThanOrEqualTo(1.0, worst, $"no power after the converter was off: {run.Describe()}");
            Assert.AreEqual(0, after[^1].CurrentA, 0.01, run.Describe());
        }
    }
}
