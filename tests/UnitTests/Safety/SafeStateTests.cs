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

namespace V2G.UnitTests.Safety
{
    [TestClass]
    public class SafeStateTests
    {
        private static FaultRecord OnlyFault(ControllerRig rig)
        {
            Assert.AreEqual(1, rig.Controller.Faults.Count);
            return rig.Controller.Faults.Get(0);
        }

        [TestMethod]
        public void TheConverterIsDisabledInTheTickThatFindsTheFault()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);
            rig.ForcedCurrentA = 150; // far above 80 A + 10 A margin

            rig.TicksWithVehicle(rig.Settings.ProtectionDebounceTicks);

            FaultRecord f = OnlyFault(rig);
            Assert.AreEqual(FaultCode.OverCurrent, f.Code);
            Assert.AreEqual(f.RaisedAtMs, f.ConverterOffAtMs);
            Assert.IsFalse(rig.Stage.IsEnabled);
            Assert.AreEqual(ChargerState.Fault, rig.Controller.State);
        }

        [TestMethod]
        public void ContactorsOpenAsSoonAsTheCurrentHasFallenToFiveAmperes()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);
            rig.ForcedCurrentA = 150;
            rig.TicksWithVehicle(rig.Settings.ProtectionDebounceTicks);
            Assert.IsTrue(rig.Positive.IsCommandedClosed, "not opened while 150 A flow");

            rig.ForcedCurrentA = double.NaN; // the disabled converter's current collapses
            rig.TicksWithVehicle(1);

            FaultRecord f = OnlyFault(rig);
            Assert.AreEqual(f.RaisedAtMs + rig.Settings.TickPeriodMs, f.ContactorsOpenAtMs);
            Expect.AtMost(5, f.BreakingCurrentA, "breaking current");
            Assert.IsFalse(rig.Positive.IsCommandedClosed);
            Assert.IsFalse(rig.Negative.IsCommandedClosed);
        }

        [TestMethod]
        public void ContactorsOpenAtTheLatest100MsAfterTheConverterWasDisabled()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);
            rig.ForcedCurrentA = 150; // and it stays: a shorted switch

            rig.TicksWithVehicle(rig.Settings.ProtectionDebounceTicks);
            FaultRecord raised = OnlyFault(rig);
            for (int i = 0; i < 20 && rig.Positive.IsCommandedClosed; i++)
            {
                rig.VehicleMessage();
                rig.Tick();
            }

            FaultRecord f = OnlyFault(rig);
            Assert.AreEqual(raised.RaisedAtMs + rig.Settings.ContactorOpenDeadlineMs, f.ContactorsOpenAtMs);
            Expect.Near(150, f.BreakingCurrentA, 0.001, "breaking current recorded");
        }

        [TestMethod]
        public void AnEmergencyStopOpensTheContactorsAtOnceUnderLoad()
        {
            ControllerRig rig = ControllerRig.ChargingAt(-20000); // 50 A out of the vehicle

            rig.EmergencyStop.IsActive = true;
            rig.TicksWithVehicle(1);

            FaultRecord f = OnlyFault(rig);
            Assert.AreEqual(FaultCode.EmergencyStop, f.Code);
            Assert.AreEqual(f.RaisedAtMs, f.ConverterOffAtMs);
            Assert.AreEqual(f.RaisedAtMs, f.ContactorsOpenAtMs);
            Expect.Near(50, f.BreakingCurrentA, 0.001, "breaking current");
            Assert.IsFalse(rig.Positive.IsCommandedClosed);
        }

        [TestMethod]
        public void AnInsulationFaultWhileChargingOpensTheContactorsAtOnce()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);

            rig.Insulation.PathResistanceOhm = 20000; // limit 100 Ω/V × 450 V = 45 kΩ
            rig.TicksWithVehicle(1);

            FaultRecord f = OnlyFault(rig);
            Assert.AreEqual(FaultCode.InsulationFault, f.Code);
            Assert.AreEqual(f.RaisedAtMs, f.ContactorsOpenAtMs);
            Expect.Near(50, f.BreakingCurrentA, 0.001, "breaking current");
        }

        [TestMethod]
        public void TheInsulationIsMonitoredForAsLongAsEnergyFlows()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);

            Assert.IsTrue(rig.Insulation.Active);
        }

        [TestMethod]
        public void UnpluggingUnderLoadIsAFaultThatOpensAtOnce()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);

            rig.Controller.VehicleDisconnected();

            FaultRecord f = OnlyFault(rig);
            Assert.AreEqual(FaultCode.VehicleDisconnectedUnderLoad, f.Code);
            Assert.AreEqual(f.RaisedAtMs, f.ContactorsOpenAtMs);
            Assert.IsFalse(rig.Stage.IsEnabled);
        }

        [TestMethod]
        public void AVehicleThatFallsSilentIsAFaultAfterTheCommunicationTimeout()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);
            int ticksToTimeout = rig.Settings.VehicleCommunicationTimeoutMs / rig.Settings.TickPeriodMs;

            rig.Ticks(ticksToTimeout - 1);
            Assert.AreEqual(ChargerState.EnergyTransfer, rig.Controller.State, "still within the timeout");
            rig.Ticks(2);

            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.VehicleCommunicationLost));
            Assert.IsFalse(rig.Stage.IsEnabled);
        }

        [TestMethod]
        public void AProtocolThatGivesUpOnTheVehicleRaisesTheSameFault()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);

            rig.Controller.CommunicationLost();

            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.VehicleCommunicationLost));
        }

        [TestMethod]
        public void ALateTickWhileTheOutputIsLiveIsAFault()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);

            rig.Clock.NowMs += 200; // the control thread was starved for 10 periods
            rig.VehicleMessage();
            rig.Tick();

            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.ControlTickOverrun));
        }

        [TestMethod]
        public void ALateTickWhileIdleIsOnlyCounted()
        {
            ControllerRig rig = new ControllerRig();
            rig.Build();
            rig.Tick();

            rig.Clock.NowMs += 500;
            rig.Tick();

            Assert.AreEqual(1L, rig.Controller.TickOverruns);
            Assert.AreEqual(0, rig.Controller.Faults.Count);
        }

        [TestMethod]
        public void AHardwareTripOfTheConverterIsALatchedFault()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);

            rig.Stage.Faults = V2G.Hal.Power.PowerStageFaults.HardwareOverCurrent;
            rig.TicksWithVehicle(1);

            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.PowerStageHardware));
            Assert.IsTrue(FaultCatalogue.Get(FaultCode.PowerStageHardware).IsLatched);
        }

        [TestMethod]
        public void TheFaultTellsTheVehicleToTerminate()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);
            rig.EmergencyStop.IsActive = true;
            rig.TicksWithVehicle(1);

            ChargerPresentValues present;
            rig.Controller.GetPresentValues(out present);

            Assert.IsTrue(present.IsFaulted);
            Assert.AreEqual(ChargerNotification.Terminate, present.Notification);
            Assert.AreEqual(StepStatus.Failed, rig.Controller.StopEnergyTransfer());
        }
    }
}
