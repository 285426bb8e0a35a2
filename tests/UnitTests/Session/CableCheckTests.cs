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
    public class CableCheckTests
    {
        [TestMethod]
        public void TheTestRunsAtTheHighestVoltageBothSidesAllow()
        {
            ControllerRig rig = new ControllerRig();
            rig.Build();
            rig.ToParameterExchange();

            rig.RunCableCheck();

            Assert.AreEqual(450.0, rig.Insulation.LastTestVoltageV);
            Assert.AreEqual(450.0, rig.Controller.CableCheckStep.TestVoltageV);
        }

        [TestMethod]
        public void TheTestVoltageNeverExceedsTheChargersMaximum()
        {
            ControllerRig rig = new ControllerRig();
            rig.Settings.MaxVoltageV = 420;
            ChargeController c = rig.Build();
            rig.ToParameterExchange();

            c.CableCheck(450);

            Assert.AreEqual(420.0, c.CableCheckStep.TestVoltageV);
        }

        [TestMethod]
        public void InsulationAboveTheLimitPassesAndLeavesTheOutputOpenAndDischarged()
        {
            ControllerRig rig = new ControllerRig();
            rig.Insulation.PathResistanceOhm = 46000; // limit at 450 V and 100 Ω/V is 45 kΩ
            rig.Build();
            rig.ToParameterExchange();

            Assert.AreEqual(StepStatus.Finished, rig.RunCableCheck());
            Assert.IsFalse(rig.Positive.IsCommandedClosed);
            Assert.IsFalse(rig.Negative.IsCommandedClosed);
            Assert.IsFalse(rig.Stage.IsEnabled);
            Assert.IsTrue(rig.Connector.VoltageV <= rig.Settings.SafeVoltageV);
        }

        [TestMethod]
        public void InsulationBelowTheLimitIsALatchedFaultWithTheOutputOpened()
        {
            ControllerRig rig = new ControllerRig();
            rig.Insulation.PathResistanceOhm = 44000;
            ChargeController c = rig.Build();
            rig.ToParameterExchange();

            Assert.AreEqual(StepStatus.Failed, rig.RunCableCheck());
            rig.Tick();

            Assert.AreEqual(ChargerState.Fault, c.State);
            Assert.IsTrue(c.IsFaultActive(FaultCode.InsulationFault));
            Assert.IsTrue(FaultCatalogue.Get(FaultCode.InsulationFault).IsLatched);
            Assert.IsFalse(rig.Stage.IsEnabled);
            Assert.IsFalse(rig.Positive.IsCommandedClosed);
            Assert.AreEqual(44000.0, c.Faults.Get(0).Value);
        }

        [TestMethod]
        public void TheMonitorMeasuresOnlyOnceTheCableHasReachedTheTestVoltage()
        {
            ControllerRig rig = new ControllerRig();
            ChargeController c = rig.Build();
            rig.ToParameterExchange();

            // Hold the converter below the test voltage: the contactors closed, no test yet.
            c.CableCheck(450);
            rig.Tick();
            rig.Stage.Disable();
            rig.Tick();

            Assert.AreEqual(0, rig.Insulation.Tests);
        }

        [TestMethod]
        public void ACableThatNeverReachesTheTestVoltageTimesOut()
        {
            ControllerRig rig = new ControllerRig();
            rig.Settings.CableCheckTimeoutMs = 1000;
            ChargeController c = rig.Build();
            rig.ToParameterExchange();
            rig.Positive.Dead = true;

            c.CableCheck(450);
            rig.TicksWithVehicle(60);

            Assert.AreEqual(ChargerState.Fault, c.State);
            Assert.IsTrue(c.IsFaultActive(FaultCode.CableCheckTimeout) || c.IsFaultActive(FaultCode.ContactorFailedToClose));
            Assert.IsFalse(rig.Stage.IsEnabled);
        }
    }
}
