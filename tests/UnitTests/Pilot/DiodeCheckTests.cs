#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Pilot;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Pilot
{
    /// <summary>The diode check (digest §1.8): only with PWM, where the low phase must stay at −12 V.</summary>
    [TestClass]
    public class DiodeCheckTests
    {
        private static PilotRig PluggedWithShortedDiode()
        {
            PilotRig rig = new PilotRig();
            rig.Settings.SleepBeforePwmMs = 0;
            rig.Circuit.DiodeShorted = true;
            rig.Vehicle.Plug();
            return rig;
        }

        [TestMethod]
        public void AShortedDiodeIsNotJudgedWithoutPwm()
        {
            PilotRig rig = PluggedWithShortedDiode();
            rig.Ticks(50);

            Assert.AreEqual(PilotState.B, rig.Pilot.State);
            Assert.IsFalse(rig.Pilot.DiodeFault);
        }

        [TestMethod]
        public void AShortedDiodeIsFlaggedOnceThePwmRuns()
        {
            PilotRig rig = PluggedWithShortedDiode();
            rig.Settle();
            rig.Pilot.OfferDigitalCommunication(rig.NowMs);
            rig.Settle();

            Expect.Near(-rig.Circuit.TrueHighPhaseVoltageV, rig.Circuit.TrueLowPhaseVoltageV, 0.001, "low phase mirrors the high phase");
            Assert.AreEqual(PilotState.B, rig.Pilot.State);
            Assert.IsTrue(rig.Pilot.DiodeFault);
        }

        [TestMethod]
        public void TheDiodeFaultNeedsDebounceSamplesEqualReadings()
        {
            PilotRig rig = PluggedWithShortedDiode();
            rig.Settle();
            rig.Pilot.OfferDigitalCommunication(rig.NowMs);

            rig.Ticks(rig.Settings.DebounceSamples - 1);
            Assert.IsFalse(rig.Pilot.DiodeFault);
            rig.Tick();
            Assert.IsTrue(rig.Pilot.DiodeFault);
        }

        [TestMethod]
        public void AHealthyDiodeUnderPwmIsNotFlaggedInBCOrD()
        {
            PilotRig rig = new PilotRig();
            rig.Settings.SleepBeforePwmMs = 0;
            rig.Circuit.NoiseAmplitudeMv = 200;
            rig.Vehicle.Plug();
            rig.Pilot.OfferDigitalCommunication(rig.NowMs);
            rig.Ticks(50);
            Assert.AreEqual(PilotState.B, rig.Pilot.State);
            Assert.IsFalse(rig.Pilot.DiodeFault);

            rig.Vehicle.SetS2(true);
            rig.Ticks(50);
            Assert.AreEqual(PilotState.C, rig.Pilot.State);
            Assert.IsFalse(rig.Pilot.DiodeFault);

            rig.Vehicle.RequiresVentilation = true;
            rig.Ticks(50);
            Assert.AreEqual(PilotState.D, rig.Pilot.State);
            Assert.IsFalse(rig.Pilot.DiodeFault);
        }

        [TestMethod]
        public void PwmWithoutAVehicleIsNotADiodeFault()
        {
            // In A the low phase is −12 V too, yet high + low ≈ 0: the check applies only to B, C and D.
            PilotRig rig = new PilotRig();
            rig.Settings.SleepBeforePwmMs = 0;
            rig.Pilot.OfferDigitalCommunication(rig.NowMs);
            rig.Ticks(20);

            Assert.AreEqual(PilotState.A, rig.Pilot.State);
            Assert.IsFalse(rig.Pilot.DiodeFault);
        }

        [TestMethod]
        public void TheDiodeFaultClearsWhenTheVehicleLeaves()
        {
            PilotRig rig = PluggedWithShortedDiode();
            rig.Pilot.OfferDigitalCommunication(rig.NowMs);
            rig.Settle();
            Assert.IsTrue(rig.Pilot.DiodeFault);

            rig.Vehicle.Unplug();
            rig.Settle();

            Assert.AreEqual(PilotState.A, rig.Pilot.State);
            Assert.IsFalse(rig.Pilot.DiodeFault);
        }

        [TestMethod]
        public void TheClassifierFlagsAMirroredLowPhaseOnlyWithPwm()
        {
            PilotSettings settings = new PilotSettings();
            bool fault;

            Assert.AreEqual(PilotState.B, PilotClassifier.Classify(settings, 8.79, -8.79, true, out fault));
            Assert.IsTrue(fault);
            Assert.AreEqual(PilotState.B, PilotClassifier.Classify(settings, 8.79, -8.79, false, out fault));
            Assert.IsFalse(fault);
            Assert.AreEqual(PilotState.B, PilotClassifier.Classify(settings, 8.98, -12.0, true, out fault));
            Assert.IsFalse(fault);
        }
    }
}
