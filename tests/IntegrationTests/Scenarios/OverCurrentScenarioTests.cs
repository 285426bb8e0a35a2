using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Firmware.Faults;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.Scenarios
{
    /// <summary>The overcurrent scenario: the converter's regulator runs away to 1.3× its reference while charging at 70 A.</summary>
    [TestClass]
    public sealed class OverCurrentScenarioTests : FaultScenarioTests
    {
        protected override ScenarioRun Run => BuiltInRuns.Of("overcurrent");

        [TestMethod]
        public void TheOverCurrentIsFoundWithinATickAndTheDebounce()
        {
            // The converter's current follows the runaway with a 15 ms time constant: 70 A → 91 A
            // crosses the 80 A trip (limit + margin) about 10 ms later, within the first tick. The
            // supervisor then needs ProtectionDebounceTicks consecutive ticks over the trip.
            long boundMs = (1L + Settings.ProtectionDebounceTicks) * Settings.TickPeriodMs;
            Assert.IsInRange(0L, boundMs, Fault.RaisedAtMs - Run.InjectedAtMs);
        }

        [TestMethod]
        public void TheContactorsWaitForTheCurrentToFallBeforeOpening()
        {
            Assert.IsLessThanOrEqualTo(Settings.ContactorOpenCurrentA, Fault.BreakingCurrentA);
        }

        [TestMethod]
        public void TheFaultIsClearedWhenTheVehicleLeaves()
        {
            Assert.AreEqual(FaultClearing.SessionEnd, FaultCatalogue.Get(Fault.Code).Clearing);
            Assert.IsFalse(Run.Charger.Vehicle.IsPlugged, "the vehicle is still plugged in");
            Assert.IsFalse(Fault.IsActive, "the fault is still active");
        }

        [TestMethod]
        public void TheChargerReturnsToIdleAfterTheVehicleLeft()
        {
            Assert.IsFalse(Run.Charger.Vehicle.IsPlugged, "the vehicle is still plugged in");
            Assert.AreEqual("idle", Run.Result.FinalState);
        }
    }
}
