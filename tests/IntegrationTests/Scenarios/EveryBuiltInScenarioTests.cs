using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;
using V2G.Sim.Plant.Electrical;
using V2G.Sim.Scenarios;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.Scenarios
{
    /// <summary>What holds at the end of every built-in scenario, faulted or not (a new built-in is covered automatically).</summary>
    [TestClass]
    public sealed class EveryBuiltInScenarioTests
    {
        public static IEnumerable<object[]> Names => BuiltInScenarios.Names.Select(n => new object[] { n });

        [TestMethod]
        [DynamicData(nameof(Names))]
        public void TheStatesVisitedStartWithIdle(string scenario)
        {
            List<string> states = BuiltInRuns.Of(scenario).Result.States;
            Assert.IsNotEmpty(states);
            Assert.AreEqual("idle", states[0], string.Join(" > ", states));
        }

        [TestMethod]
        [DynamicData(nameof(Names))]
        public void TheRunReportsTheOutputSafeAtTheEnd(string scenario)
        {
            Assert.IsTrue(BuiltInRuns.Of(scenario).Result.EndedSafe);
        }

        [TestMethod]
        [DynamicData(nameof(Names))]
        public void TheConverterIsDisabledAtTheEnd(string scenario)
        {
            Assert.IsFalse(BuiltInRuns.Of(scenario).Charger.Stage.IsEnabled);
        }

        [TestMethod]
        [DynamicData(nameof(Names))]
        public void TheDcContactorsMainContactsAreOpenAtTheEndUnlessWelded(string scenario)
        {
            ScenarioRun run = BuiltInRuns.Of(scenario);
            AssertOpenUnlessWelded(run.Charger.Positive, "DC+");
            AssertOpenUnlessWelded(run.Charger.Negative, "DC-");
        }

        [TestMethod]
        [DynamicData(nameof(Names))]
        public void TheSocNeverCrossesTheReserveUnlessTheRunStartedBelowIt(string scenario)
        {
            RunResult r = BuiltInRuns.Of(scenario).Result;
            Assert.IsFalse(double.IsNaN(r.SocReservePercent), "the summary carries the reserve");
            if (r.SocStartPercent < r.SocReservePercent)
            {
                return;
            }

            Assert.IsGreaterThanOrEqualTo(r.SocReservePercent - 0.1, r.SocMinPercent, $"lowest SoC {r.SocMinPercent:0.000} % against the reserve {r.SocReservePercent} %");
        }

        [TestMethod]
        [DynamicData(nameof(Names))]
        public void NoReachableDepartureTargetIsMissed(string scenario)
        {
            RunResult r = BuiltInRuns.Of(scenario).Result;
            Assert.AreNotEqual(false, r.DepartureTargetMet, $"{r.DepartureNote}: {r.DepartureSocPercent:0.00} % at the departure against the target {r.DepartureTargetSocPercent} %");
        }

        private static void AssertOpenUnlessWelded(SimContactor contactor, string name)
        {
            Assert.IsTrue(!contactor.IsClosed || contactor.IsWelded, $"{name} main contact closed and not welded");
        }
    }
}
