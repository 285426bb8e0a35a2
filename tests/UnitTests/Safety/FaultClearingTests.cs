#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Faults;
using V2G.Firmware.Session;
using V2G.Protocol.Session;
using V2G.UnitTests.Fakes;

namespace V2G.UnitTests.Safety
{
    [TestClass]
    public class FaultClearingTests
    {
        [TestMethod]
        public void AnEmergencyStopCannotBeClearedWhileTheChainIsOpen()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);
            rig.EmergencyStop.IsActive = true;
            rig.TicksWithVehicle(3);
            rig.Controller.VehicleDisconnected();

            Assert.AreEqual(1, rig.Controller.ClearFaults());
            rig.EmergencyStop.IsActive = false;
            Assert.AreEqual(0, rig.Controller.ClearFaults());
            Assert.AreEqual(ChargerState.Idle, rig.Controller.State);
            Assert.IsFalse(rig.Controller.Faults.Get(0).IsActive);
        }

        [TestMethod]
        public void ALatchedFaultRefusesANewSessionUntilCleared()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);
            rig.EmergencyStop.IsActive = true;
            rig.TicksWithVehicle(3);
            rig.EmergencyStop.IsActive = false;
            rig.Controller.VehicleDisconnected();

            rig.Controller.VehicleConnected();
            Assert.AreEqual(ChargerState.Fault, rig.Controller.State);
            rig.Controller.CommunicationStarted(SessionProtocol.Iso15118_20);
            Assert.AreEqual(StepStatus.Failed, rig.Controller.CableCheck(450));
        }

        [TestMethod]
        public void ASessionFaultClearsWhenTheVehicleIsUnplugged()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);
            rig.Controller.CommunicationLost();
            rig.Ticks(10);

            rig.VehicleContactorClosed = false;
            rig.Controller.VehicleDisconnected();

            Assert.AreEqual(ChargerState.Idle, rig.Controller.State);
            Assert.AreEqual(0, rig.Controller.ActiveFaultCount);
            Assert.IsTrue(rig.Controller.Faults.Get(0).ClearedAtMs >= 0);
        }

        [TestMethod]
        public void ASessionFaultClearsEvenIfTheVehicleLeftDuringTheSafeStateSequence()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);
            rig.ForcedCurrentA = 150; // over-current; the contactors wait for the current to fall
            rig.TicksWithVehicle(rig.Settings.ProtectionDebounceTicks);
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.OverCurrent));
            Assert.IsTrue(rig.Positive.IsCommandedClosed, "the sequence is still running");

            rig.VehicleContactorClosed = false;
            rig.Controller.VehicleDisconnected();
            rig.ForcedCurrentA = double.NaN;
            rig.Ticks(10);

            Assert.AreEqual(0, rig.Controller.ActiveFaultCount);
            Assert.AreEqual(ChargerState.Idle, rig.Controller.State);
        }

        [TestMethod]
        public void OverTemperatureClearsByItselfOnceTheStageHasCooled()
        {
            ControllerRig rig = ControllerRig.ChargingAt(20000);
            rig.Stage.TemperatureC = 95;
            rig.TicksWithVehicle(1);
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.OverTemperature));

            rig.Stage.TemperatureC = 80; // below the trip, above the 75 °C clear point
            rig.TicksWithVehicle(5);
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.OverTemperature));

            rig.Stage.TemperatureC = 70;
            rig.TicksWithVehicle(5);
            Assert.IsFalse(rig.Controller.IsFaultActive(FaultCode.OverTemperature));
            Assert.AreEqual(ChargerState.SessionEnd, rig.Controller.State, "the session that faulted stays ended");
        }

        [TestMethod]
        public void AWatchdogResetIsRecordedAtBoot()
        {
            ControllerRig rig = new ControllerRig();
            rig.Watchdog.CausedLastReset = true;

            rig.Build();

            Assert.AreEqual(FaultCode.WatchdogReset, rig.Controller.Faults.Get(0).Code);
            rig.Tick();
            Assert.AreEqual(ChargerState.Idle, rig.Controller.State, "recorded, then cleared: the output was found safe");
        }

        [TestMethod]
        public void TheWatchdogIsStartedAtBootAndFedEveryTick()
        {
            ControllerRig rig = new ControllerRig();
            rig.Build();

            rig.Ticks(7);

            Assert.AreEqual(rig.Settings.HardwareWatchdogTimeoutMs, rig.Watchdog.TimeoutMs);
            Assert.AreEqual(7, rig.Watchdog.Feeds);
        }

        [TestMethod]
        public void TheOutputStartsOpenAndDisabledWhateverItWasLeftIn()
        {
            ControllerRig rig = new ControllerRig();
            rig.Positive.Close();
            rig.Stage.Enable();

            rig.Build();

            Assert.IsFalse(rig.Positive.IsCommandedClosed);
            Assert.IsFalse(rig.Stage.IsEnabled);
        }
    }
}
