using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.Scenarios
{
    /// <summary>The insulation scenario: the insulation falls to 20 kΩ while discharging at −15 kW.</summary>
    [TestClass]
    public sealed class InsulationScenarioTests : FaultScenarioTests
    {
        protected override ScenarioRun Run => BuiltInRuns.Of("insulation");

        [TestMethod]
        public void TheLowInsulationIsFoundWithinOneMeasurementIntervalAndATick()
        {
            // The monitor measures continuously during energy transfer and publishes a result every
            // MeasurementTimeMs, so the low resistance is published at most one interval after the
            // drop; the controller's tick at the end of that plant step reads it.
            long boundMs = (long)Run.Charger.Insulation.MeasurementTimeMs + Settings.TickPeriodMs;
            Assert.IsInRange(0L, boundMs, Fault.RaisedAtMs - Run.InjectedAtMs);
        }

        [TestMethod]
        public void TheContactorsAreCommandedOpenInTheTickThatFoundTheFault()
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
