#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Faults;
using V2G.Firmware.Session;
using V2G.Protocol.Session;
using V2G.UnitTests.Fakes;

namespace V2G.UnitTests.Session
{
    [TestClass]
    public class PreChargeTests
    {
        private static ControllerRig ReadyForPreCharge()
        {
            ControllerRig rig = new ControllerRig();
            rig.Build();
            rig.ToParameterExchange();
            rig.RunCableCheck();
            return rig;
        }

        [TestMethod]
        public void ContactorsCloseOnlyOnceTheConverterMatchesTheTarget()
        {
            ControllerRig rig = ReadyForPreCharge();
            rig.ConverterVoltageErrorV = 25; // tolerance is 10 V

            rig.Controller.PreCharge(400);
            rig.TicksWithVehicle(10);
            Assert.IsFalse(rig.Positive.IsCommandedClosed);
            Assert.AreEqual(StepStatus.Ongoing, rig.Controller.PreCharge(400));

            rig.ConverterVoltageErrorV = 8;
            rig.TicksWithVehicle(2);
            Assert.IsTrue(rig.Positive.IsCommandedClosed);
            Assert.AreEqual(StepStatus.Finished, rig.Controller.PreCharge(400));
        }

        [TestMethod]
        public void TheConverterPrechargesWithASmallCurrentLimit()
        {
            ControllerRig rig = ReadyForPreCharge();

            rig.Controller.PreCharge(400);

            Assert.AreEqual(400.0, rig.Stage.VoltageTargetV);
            Assert.AreEqual(rig.Settings.PreChargeCurrentLimitA, rig.Stage.CurrentLimitA);
        }

        [TestMethod]
        public void ContactorsNeverCloseOntoALiveConnectorThatDiffers()
        {
            // The vehicle's contactor is already closed at 400 V; the target asked is 350 V.
            ControllerRig rig = ReadyForPreCharge();
            rig.VehicleContactorClosed = true;

            rig.Controller.PreCharge(350);
            rig.TicksWithVehicle(10);

            Assert.IsFalse(rig.Positive.IsCommandedClosed);
        }

        [TestMethod]
        public void APreChargeThatNeverMatchesFailsInTime()
        {
            ControllerRig rig = ReadyForPreCharge();
            rig.Settings.PreChargeTimeoutMs = 500;
            rig.ConverterVoltageErrorV = 50;

            rig.Controller.PreCharge(400);
            rig.TicksWithVehicle(30);

            Assert.AreEqual(ChargerState.Fault, rig.Controller.State);
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.PreChargeFailed));
            Assert.IsFalse(rig.Stage.IsEnabled);
        }

        [TestMethod]
        public void ATargetOutsideTheVoltageWindowIsRefused()
        {
            ControllerRig rig = ReadyForPreCharge();

            Assert.AreEqual(StepStatus.Failed, rig.Controller.PreCharge(500));
            Assert.AreEqual(StepStatus.Failed, rig.Controller.PreCharge(200));
            Assert.IsFalse(rig.Stage.IsEnabled);
        }

        [TestMethod]
        public void ARepeatedRequestFollowsTheVehiclesDriftingVoltage()
        {
            ControllerRig rig = ReadyForPreCharge();

            rig.Controller.PreCharge(400);
            rig.Controller.PreCharge(402);

            Assert.AreEqual(402.0, rig.Stage.VoltageTargetV);
        }
    }
}
