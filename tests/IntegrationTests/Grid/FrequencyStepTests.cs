using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.Grid
{
    /// <summary>
    /// The built-in "freq-step" scenario (fast preset, −10 kW, 0.2 Hz under-frequency step at 60 s, back
    /// at 90 s): the droop answers both steps within 100 ms end to end and settles on the droop equation.
    /// </summary>
    [TestClass]
    public sealed class FrequencyStepTests
    {
        /// <summary>The fast preset's end-to-end budget: estimator + converter only, no response filter.</summary>
        private const double FastT90LimitMs = 100;

        [TestMethod]
        public void BothStepsReach90PercentWithin100MsAndSettleWithin1PercentOfTheDroopEquation()
        {
            GridRun run = GridRuns.FreqStep.Value;

            Assert.HasCount(2, run.Result.GridEvents, run.Describe());
            for (int i = 0; i < 2; i++)
            {
                GridEventResult e = run.Event(i);
                Console.WriteLine($"freq-step event {i}: t90 {e.DroopT90Ms} ms, steady error {e.SteadyErrorPct:0.###} %");
                Assert.AreEqual("frequency_step", e.Type, run.Describe());
                Assert.IsGreaterThan(0.0, e.DroopT90Ms, $"event {i} moved the power: {run.Describe()}");
                Assert.IsLessThanOrEqualTo(FastT90LimitMs, e.DroopT90Ms, run.Describe());
                Assert.IsLessThanOrEqualTo(1.0, e.SteadyErrorPct, run.Describe());
                Assert.AreEqual("", e.Trip, run.Describe());
            }
        }

        [TestMethod]
        public void TheExportRisesOnTheUnderFrequencyStepAndReturnsToTheDispatchAfter()
        {
            GridRun run = GridRuns.FreqStep.Value;
            GridEventResult down = run.Event(0);
            GridEventResult back = run.Event(1);
            double onePercentW = 0.01 * run.RatedPowerW;

            Assert.AreEqual(-10000, down.PowerBeforeW, onePercentW, run.Describe());
            Assert.IsLessThan(down.PowerBeforeW - 0.1 * run.RatedPowerW, down.PowerAfterW, $"more export: {run.Describe()}");
            Assert.AreEqual(down.PowerAfterW, back.PowerBeforeW, onePercentW, run.Describe());
            Assert.AreEqual(-10000, back.PowerAfterW, onePercentW, $"back to the dispatch: {run.Describe()}");
        }

        [TestMethod]
        public void NoLimitIsViolatedAndNoFaultIsRaised()
        {
            GridRun run = GridRuns.FreqStep.Value;

            Assert.IsEmpty(run.Result.LimitViolations, run.Describe());
            Assert.IsEmpty(run.Result.Faults, run.Describe());
            Assert.AreEqual("fast", run.Result.DroopPreset);
        }
    }
}
