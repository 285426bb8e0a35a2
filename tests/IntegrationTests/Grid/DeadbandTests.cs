using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.Grid
{
    /// <summary>A frequency step inside the deadband, either way, changes nothing: no t90, the power stays on the dispatch.</summary>
    [TestClass]
    public sealed class DeadbandTests
    {
        /// <summary>"Unchanged", W: 0.1 % of the 30 kW rating, far below the droop's 1 % "no change" threshold.</summary>
        private const double UnchangedW = 30;

        [TestMethod]
        public void StepsInsideTheFastDeadbandChangeNothing() => AssertNothingChanges(GridRuns.InsideFastDeadband.Value);

        [TestMethod]
        public void StepsInsideTheEn50549DeadbandChangeNothing() => AssertNothingChanges(GridRuns.InsideEn50549Deadband.Value);

        private static void AssertNothingChanges(GridRun run)
        {
            Assert.HasCount(2, run.Result.GridEvents, run.Describe());
            double deadbandHz = run.Runner.Charger.Controller.Droop.Settings.DeadbandUnderHz;
            foreach (GridEventResult e in run.Result.GridEvents)
            {
                Assert.IsLessThan(deadbandHz, Math.Abs(e.Value - 50), "the step is inside the deadband");
                Assert.AreEqual(-1, e.DroopT90Ms, run.Describe());
                Assert.AreEqual(e.PowerBeforeW, e.PowerAfterW, UnchangedW, run.Describe());
            }

            Sample[] window = run.SamplesBetween(GridScenarios.EventAtS, run.Scenario.EndSeconds);
            double worst = window.Max(s => Math.Abs(s.PowerW + 10000));
            Console.WriteLine($"{run.Scenario.Name}: largest deviation from −10 kW after the steps {worst:0.#} W");
            Assert.IsLessThanOrEqualTo(UnchangedW, worst, run.Describe());
            Assert.IsEmpty(run.Result.Faults, run.Describe());
        }
    }
}
