using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.Grid
{
    /// <summary>
    /// Phase jumps of 20° and 60° while discharging at −10 kW with the fast preset (no response filter, so
    /// the most sensitive to the false period a jump puts into one cycle): no trip, and the power stays within
    /// 1 % of rated of the setpoint for each event's whole window.
    /// </summary>
    [TestClass]
    public sealed class PhaseJumpTests
    {
        [TestMethod]
        public void A20DegreeJumpNeitherTripsNorMovesThePower() => AssertRidesThrough(0, 20, GridScenarios.EventAtS + 5);

        [TestMethod]
        public void A60DegreeJumpNeitherTripsNorMovesThePower() => AssertRidesThrough(1, 60, GridRuns.PhaseJumps.Value.Scenario.EndSeconds);

        private static void AssertRidesThrough(int index, double degrees, double untilS)
        {
            GridRun run = GridRuns.PhaseJumps.Value;
            GridEventResult e = run.Event(index);
            double onePercentW = 0.01 * run.RatedPowerW;
            Sample[] window = run.SamplesBetween(e.AtS, untilS);
            double worst = window.Max(s => Math.Abs(s.PowerW + 10000));
            Console.WriteLine($"phase jump {degrees}°: largest deviation from −10 kW {worst:0.#} W over {window.Length} ticks, trip '{e.Trip}'");

            Assert.AreEqual("phase_jump", e.Type);
            Assert.AreEqual(degrees, e.Value);
            Assert.AreEqual("", e.Trip, run.Describe());
            Assert.IsEmpty(run.Result.Faults, run.Describe());
            Assert.IsGreaterThan(100, window.Length, "the window was sampled");
            Assert.IsLessThanOrEqualTo(onePercentW, worst, run.Describe());
            Assert.AreEqual("energy_transfer", run.Result.FinalState, run.Describe());
        }
    }
}
