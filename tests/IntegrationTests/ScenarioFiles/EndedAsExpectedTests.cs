using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Sim;
using V2G.Sim.Scenarios;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.ScenarioFiles
{
    /// <summary>The simulator's verdict on a fault scenario: only the fault it expects, reached safely, counts.</summary>
    [TestClass]
    public sealed class EndedAsExpectedTests
    {
        [TestMethod]
        public void AFaultScenarioEndsAsExpectedWhenItsExpectedFaultHappened()
        {
            Scenario weld = BuiltInScenarios.Get("weld");

            Assert.IsTrue(Program.EndedAsExpected(weld, new ScenarioRunner(weld).Run()));
        }

        [TestMethod]
        public void AFaultScenarioDoesNotEndAsExpectedWhenItsExpectedFaultDidNotHappen()
        {
            Scenario weld = BuiltInScenarios.Get("weld");
            weld.ExpectedFault = "over_voltage";

            Assert.IsFalse(Program.EndedAsExpected(weld, new ScenarioRunner(weld).Run()));
        }
    }
}
