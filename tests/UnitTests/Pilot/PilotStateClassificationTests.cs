#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Pilot;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Pilot
{
    /// <summary>Each pilot state as the charger classifies it on the circuit model (digest §1.1, §1.2).</summary>
    [TestClass]
    public class PilotStateClassificationTests
    {
        [TestMethod]
        public void AnOpenPilotReadsTwelveVoltsAndIsStateA()
        {
            PilotRig rig = new PilotRig();
            rig.Settle();

            Expect.Near(12.0, rig.Circuit.TrueHighPhaseVoltageV, 0.001, "A level");
            Assert.AreEqual(PilotState.A, rig.Pilot.State);
        }

        [TestMethod]
        public void APluggedVehicleReadsAboutNineVoltsAndIsStateB()
        {
            PilotRig rig = new PilotRig();
            rig.Vehicle.Plug();
            rig.Settle();

            Expect.Near(8.98, rig.Circuit.TrueHighPhaseVoltageV, 0.01, "B level");
            Assert.AreEqual(PilotState.B, rig.Pilot.State);
        }

        [TestMethod]
        public void ClosingS2ReadsAboutSixVoltsAndIsStateC()
        {
            PilotRig rig = new PilotRig();
            rig.Vehicle.Plug();
            rig.Vehicle.SetS2(true);
            rig.Settle();

            Expect.Near(6.0, rig.Circuit.TrueHighPhaseVoltageV, 0.01, "C level");
            Assert.AreEqual(PilotState.C, rig.Pilot.State);
        }

        [TestMethod]
        public void AVehicleThatNeedsVentilationReadsAboutThreeVoltsAndIsStateD()
        {
            PilotRig rig = new PilotRig();
            rig.Vehicle.RequiresVentilation = true;
            rig.Vehicle.Plug();
            rig.Vehicle.SetS2(true);
            rig.Settle();

            Expect.Near(2.93, rig.Circuit.TrueHighPhaseVoltageV, 0.01, "D level");
            Assert.AreEqual(PilotState.D, rig.Pilot.State);
        }

        [TestMethod]
        public void ThePositiveLevelIsClassifiedAlsoWhilePwmRuns()
        {
            PilotRig rig = new PilotRig();
            rig.Settings.SleepBeforePwmMs = 0;
            rig.Vehicle.Plug();
            rig.Vehicle.SetS2(true);
            rig.Pilot.OfferDigitalCommunication(rig.NowMs);
            rig.Settle();

            Expect.Near(-12.0, rig.Circuit.TrueLowPhaseVoltageV, 0.001, "low phase blocked by the diode");
            Assert.AreEqual(PilotState.C, rig.Pilot.State);
            Assert.IsFalse(rig.Pilot.DiodeFault);
        }

        [TestMethod]
        public void APilotShortedToPeIsStateE()
        {
            PilotRig rig = new PilotRig();
            rig.Vehicle.Plug();
            rig.Settle();

            rig.Circuit.PilotShortedToPe = true;
            rig.Settle();

            Assert.AreEqual(PilotState.E, rig.Pilot.State);
            Assert.AreEqual(PilotState.B, rig.Pilot.PreviousState);
        }

        [TestMethod]
        public void ASteadyMinusTwelveVoltsIsStateF()
        {
            PilotRig rig = new PilotRig();
            rig.Vehicle.Plug();
            rig.Settle();

            rig.Pilot.SetStateF();
            rig.Settle();

            Assert.AreEqual(0, rig.Pilot.DutyCycle);
            Assert.AreEqual(PilotState.F, rig.Pilot.State);
        }

        [TestMethod]
        public void AVoltageBetweenTheBandsIsInvalid()
        {
            PilotRig rig = new PilotRig();
            rig.Vehicle.Plug();
            rig.Circuit.MeasurementOffsetV = -1.5; // 8.98 V reads 7.48 V: between B and C
            rig.Settle();

            Assert.AreEqual(PilotState.Invalid, rig.Pilot.State);
        }

        [TestMethod]
        public void ACutCableLooksLikeNoVehicle()
        {
            PilotRig rig = new PilotRig();
            rig.Vehicle.Plug();
            rig.Settle();

            rig.Circuit.CableCut = true;
            rig.Settle();

            Assert.AreEqual(PilotState.A, rig.Pilot.State);
        }

        [TestMethod]
        public void EveryStateHasAName()
        {
            Assert.AreEqual("A", PilotStateNames.Of(PilotState.A));
            Assert.AreEqual("D", PilotStateNames.Of(PilotState.D));
            Assert.AreEqual("F", PilotStateNames.Of(PilotState.F));
            Assert.AreEqual("invalid", PilotStateNames.Of(PilotState.Invalid));
            Assert.AreEqual(7, PilotStateNames.Count);
        }
    }
}
