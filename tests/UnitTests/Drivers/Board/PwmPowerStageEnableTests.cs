#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Board;
using V2G.Hal.Buses;
using V2G.Hal.Power;
using V2G.Sim.Plant.Board.Pins;

namespace V2G.UnitTests.Drivers.Board
{
    /// <summary>The gate driver's enable, fault inputs and fault reset.</summary>
    [TestClass]
    public class PwmPowerStageEnableTests
    {
        private const int ResetPulseMs = 2;

        private sealed class Rig
        {
            public readonly SimDigitalOutput Enable = new SimDigitalOutput();
            public readonly SimDigitalOutput Reset = new SimDigitalOutput();
            public readonly SimDigitalInput GateFault = new SimDigitalInput(false);
            public readonly SimDigitalInput OverCurrent = new SimDigitalInput(false);
            public readonly PwmPowerStageEnable Stage;

            public Rig()
            {
                Stage = new PwmPowerStageEnable(
                    Enable,
                    new IDigitalInput[] { GateFault, OverCurrent },
                    new int[] { PowerStageFaults.GateDriver, PowerStageFaults.HardwareOverCurrent },
                    Reset,
                    ResetPulseMs);
            }
        }

        [TestMethod]
        public void EnableAssertsThePinWithoutFaults()
        {
            Rig rig = new Rig();

            Assert.IsTrue(rig.Stage.Enable());

            Assert.IsTrue(rig.Enable.State);
            Assert.IsTrue(rig.Stage.IsEnabled);
        }

        [TestMethod]
        public void AFaultInputDropsTheEnableAndLatchesItsBit()
        {
            Rig rig = new Rig();
            rig.Stage.Enable();

            rig.OverCurrent.Level = true;
            rig.Stage.Service(1);

            Assert.IsFalse(rig.Enable.State);
            Assert.AreEqual(PowerStageFaults.HardwareOverCurrent, rig.Stage.Faults);
        }

        [TestMethod]
        public void AFaultStaysLatchedWhenItsInputClears()
        {
            Rig rig = new Rig();
            rig.GateFault.Level = true;
            rig.Stage.Service(1);
            rig.GateFault.Level = false;
            rig.Stage.Service(2);

            Assert.AreEqual(PowerStageFaults.GateDriver, rig.Stage.Faults);
            Assert.IsFalse(rig.Stage.Enable(), "enable refused while latched");
            Assert.IsFalse(rig.Enable.State);
        }

        [TestMethod]
        public void ResetPulsesTheResetPinThenClearsFaultsWhoseCauseIsGone()
        {
            Rig rig = new Rig();
            rig.GateFault.Level = true;
            rig.OverCurrent.Level = true;
            rig.Stage.Service(1);
            rig.GateFault.Level = false;

            rig.Stage.ResetFaults();
            rig.Stage.Service(10);
            Assert.IsTrue(rig.Reset.State, "pulse started");
            rig.Stage.Service(11);
            Assert.IsTrue(rig.Reset.State, "pulse still on after 1 ms");
            rig.Stage.Service(12);

            Assert.IsFalse(rig.Reset.State, "pulse ended after 2 ms");
            Assert.AreEqual(1, rig.Reset.RisingEdgeCount);
            Assert.AreEqual(PowerStageFaults.HardwareOverCurrent, rig.Stage.Faults, "the over-current is still there");
        }

        [TestMethod]
        public void AfterAResetWithTheCauseGoneTheStageCanBeEnabledAgain()
        {
            Rig rig = new Rig();
            rig.GateFault.Level = true;
            rig.Stage.Service(1);
            rig.GateFault.Level = false;
            rig.Stage.ResetFaults();
            rig.Stage.Service(2);
            rig.Stage.Service(2 + ResetPulseMs);

            Assert.AreEqual(PowerStageFaults.None, rig.Stage.Faults);
            Assert.IsTrue(rig.Stage.Enable());
        }

        [TestMethod]
        public void EnableIsRefusedWhileAFaultInputIsAssertedEvenBeforeAService()
        {
            Rig rig = new Rig();
            rig.GateFault.Level = true;

            Assert.IsFalse(rig.Stage.Enable());
            Assert.IsFalse(rig.Enable.State);
            Assert.AreEqual(PowerStageFaults.GateDriver, rig.Stage.Faults);
        }
    }
}
