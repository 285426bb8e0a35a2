using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Firmware.Faults;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.Scenarios
{
    /// <summary>
    /// The weld scenario: DC+ welds while charging at 20 kW. Nothing shows it while the contactors
    /// are meant to be closed; it is found when they are opened at the vehicle's stop.
    /// </summary>
    [TestClass]
    public sealed class WeldScenarioTests : FaultScenarioTests
    {
        protected override ScenarioRun Run => BuiltInRuns.Of("weld");

        [TestMethod]
        public void TheWeldIsFoundWithinTheFeedbackTimeoutOfTheOpeningAtTheStop()
        {
            int tickMs = Settings.TickPeriodMs;

            // The stop ramps the current reference to zero, from at most the charger's rated current,
            // one step per tick; the first step is in the tick that entered stopping.
            double stepA = Settings.StopCurrentRampAPerS * tickMs / 1000.0;
            int rampTicks = (int)Math.Ceiling(Settings.MaxChargeCurrentA / stepA);

            // The converter's current lags a ramp by at most one step / (1 − e^(−tick/τ)); it then
            // decays with τ, and the contactors are commanded open in the tick that sees it at or
            // below ContactorOpenCurrentA.
            double tauMs = Run.Charger.Stage.CurrentTimeConstantMs;
            double lagA = stepA / (1 - Math.Exp(-tickMs / tauMs));
            int decayTicks = (int)Math.Ceiling(tauMs / tickMs * Math.Log(lagA / Settings.ContactorOpenCurrentA));
            long openedWithinMs = (rampTicks - 1 + decayTicks) * (long)tickMs;

            // An auxiliary contact still closed more than ContactorFeedbackTimeoutMs after the
            // command is a weld: found at the first tick past the timeout.
            long boundMs = openedWithinMs + Settings.ContactorFeedbackTimeoutMs + tickMs;
            Assert.IsInRange(0L, boundMs, Fault.RaisedAtMs - Run.EnteredAtMs("stopping"));
        }

        [TestMethod]
        public void TheWeldFaultIsLatched()
        {
            Assert.IsTrue(FaultCatalogue.Get(Fault.Code).IsLatched, "the catalogue does not latch it");
            Assert.IsTrue(Fault.IsActive, "the fault was cleared");
        }

        [TestMethod]
        public void TheChargerStaysInFaultAfterTheVehicleLeft()
        {
            Assert.IsFalse(Run.Charger.Vehicle.IsPlugged, "the vehicle is still plugged in");
            Assert.AreEqual("fault", Run.Result.FinalState);
        }
    }
}
