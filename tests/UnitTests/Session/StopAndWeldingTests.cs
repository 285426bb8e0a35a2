#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Faults;
using V2G.Firmware.Session;
using V2G.Protocol.Session;
using V2G.UnitTests.Fakes;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Session
{
    [TestClass]
    public class StopAndWeldingTests
    {
        [TestMethod]
        public void ANormalStopOpensTheContactorsOnlyAtFiveAmperesOrLess()
        {
            ControllerRig rig = ControllerRig.ChargingAt(30000); // 75 A
            rig.Controller.StopEnergyTransfer();

            double largestAtOpen = -1;
            for (int i = 0; i < 50; i++)
            {
                bool closedBefore = rig.Positive.IsCommandedClosed;
                double currentBefore = rig.Stage.OutputCurrentA;
                rig.VehicleMessage();
                rig.Tick();
                if (closedBefore && !rig.Positive.IsCommandedClosed)
                {
                    largestAtOpen = currentBefore < 0 ? -currentBefore : currentBefore;
                }
            }

            Assert.IsTrue(largestAtOpen >= 0, "the contactors opened");
            Assert.IsTrue(largestAtOpen <= 5, "opened at " + largestAtOpen.ToString("F1") + " A");
            Assert.AreEqual(StepStatus.Finished, rig.Controller.StopEnergyTransfer());
            Assert.AreEqual(0, rig.Controller.Faults.Count);
        }

        [TestMethod]
        public void TheStopRampTakesTheCurrentDownAtTheConfiguredRate()
        {
            ControllerRig rig = ControllerRig.ChargingAt(30000); // 75 A; ramp 2000 A/s = 40 A per 20 ms tick
            rig.Controller.StopEnergyTransfer();

            rig.VehicleMessage();
            rig.Tick();
            Expect.Near(35, rig.Stage.CurrentTargetA, 0.001, "after one tick");
            rig.VehicleMessage();
            rig.Tick();
            Assert.AreEqual(0.0, rig.Stage.CurrentTargetA);
        }

        [TestMethod]
        public void ADischargeIsStoppedTheSameWay()
        {
            ControllerRig rig = ControllerRig.ChargingAt(-20000);
            rig.Controller.StopEnergyTransfer();

            rig.TicksWithVehicle(10);

            Assert.AreEqual(StepStatus.Finished, rig.Controller.StopEnergyTransfer());
            Assert.IsFalse(rig.Stage.IsEnabled);
            Assert.IsFalse(rig.Positive.IsCommandedClosed);
        }

        [TestMethod]
        public void AContactorWeldedAtTheStopIsALatchedFault()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);
            rig.Positive.Welded = true;
            rig.Controller.StopEnergyTransfer();

            rig.TicksWithVehicle(20);

            Assert.AreEqual(ChargerState.Fault, rig.Controller.State);
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.ContactorWelded));
            Assert.IsTrue(FaultCatalogue.Get(FaultCode.ContactorWelded).IsLatched);

            rig.VehicleContactorClosed = false;
            rig.Controller.VehicleDisconnected();
            rig.Tick();
            Assert.AreEqual(ChargerState.Fault, rig.Controller.State, "latched: unplugging does not clear it");
            Assert.AreEqual(1, rig.Controller.ClearFaults(), "cannot be cleared while the contact is still closed");
        }

        [TestMethod]
        public void WeldingDetectionPassesWhenTheConnectorVoltageDecays()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);
            rig.Controller.StopEnergyTransfer();
            rig.TicksWithVehicle(10);
            rig.VehicleContactorClosed = false;

            rig.Controller.WeldingDetection();
            rig.TicksWithVehicle(2);

            Assert.AreEqual(StepStatus.Finished, rig.Controller.WeldingDetection());
        }

        [TestMethod]
        public void AConnectorVoltageThatDoesNotDecayFailsWeldingDetection()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);
            rig.Controller.StopEnergyTransfer();
            rig.TicksWithVehicle(10);
            rig.VehicleContactorClosed = false;
            rig.ForcedOpenConnectorV = 380; // the vehicle's contactor is welded

            rig.Controller.WeldingDetection();
            rig.TicksWithVehicle(rig.Settings.WeldingDetectionTimeoutMs / rig.Settings.TickPeriodMs + 5);

            Assert.AreEqual(StepStatus.Failed, rig.Controller.WeldingDetection());
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.OutputVoltageNotDecayed));
        }

        [TestMethod]
        public void WeldingDetectionBeforeTheStopIsRefused()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);

            Assert.AreEqual(StepStatus.Failed, rig.Controller.WeldingDetection());
            Assert.AreEqual(ChargerState.EnergyTransfer, rig.Controller.State);
        }

        [TestMethod]
        public void AChargerStopRequestTellsTheVehicleToTerminate()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);

            rig.Controller.RequestStop();
            ChargerPresentValues present;
            rig.Controller.GetPresentValues(out present);

            Assert.AreEqual(ChargerNotification.Terminate, present.Notification);
            Assert.IsFalse(present.IsFaulted);
        }
    }
}
