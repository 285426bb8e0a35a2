using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.Scenarios
{
    /// <summary>The estop scenario: the emergency stop is pressed while discharging at −20 kW.</summary>
    [TestClass]
    public sealed class EmergencyStopScenarioTests : FaultScenarioTests
    {
        protected override ScenarioRun Run => BuiltInRuns.Of("estop");

        [TestMethod]
        public void ThePressIsFoundInTheFirstTickAfterIt()
        {
            // The chain is read in every tick's measurements and judged without debounce, and the
            // injection happens at a tick boundary: the next tick, one period later, finds it.
            long boundMs = Settings.TickPeriodMs;
            Assert.IsInRange(0L, boundMs, Fault.RaisedAtMs - Run.InjectedAtMs);
        }

        [TestMethod]
        public void TheContactorsAreCommandedOpenInTheTickThatFoundThePress()
        {
            Assert.AreEqual(Fault.RaisedAtMs, Fault.ContactorsOpenAtMs);
        }

        [TestMethod]
        public void TheContactorsBreakTheLoadAndTheBreakingCurrentIsRecorded()
        {
            // More than a planned opening would wait for: they did not wait for the current to fall.
            Assert.IsGreaterThan(Settings.ContactorOpenCurrentA, Fault.BreakingCurrentA);
        }
    }
}
