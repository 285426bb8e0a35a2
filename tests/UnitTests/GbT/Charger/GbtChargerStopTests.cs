#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Charger;
using V2G.Protocol.Session;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>The end of charging: BST/CST, BSD/CSD [digest §6], stops the charger starts, and the unplug.</summary>
    [TestClass]
    public class GbtChargerStopTests
    {
        [TestMethod]
        public void BstFromTheBmsIsAnsweredWithCstBmsStoppedThenCsdAfterBsd()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Advance(1000);
            long bstMs = rig.NowMs;
            rig.Bms.StopNow(rig.NowMs);
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Stopping, 100));

            int cst = rig.IndexOf(GbtPf.Cst, 0);
            Assert.IsTrue(rig.Bus.TimeMs(cst) - bstMs <= 20, "CST answers BST at once");
            Assert.AreEqual(1, rig.Session.StopFrame.Get(CstMessage.BmsStopped));
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Statistics, 1000));
            int csd = rig.IndexOf(GbtPf.Csd, 0);
            Assert.IsTrue(csd > cst);

            // CST every 10 ms between the two.
            int csts = rig.CountSent(GbtPf.Cst, 0);
            long span = rig.LastSentMs(GbtPf.Cst) - rig.Bus.TimeMs(cst);
            Assert.IsTrue(csts >= span / 10 && csts <= span / 10 + 2, "CST count " + csts + " over " + span + " ms");
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Ended, 3000));
            Assert.AreEqual(1, rig.Port.EndCount);
            Assert.IsTrue(rig.Bms.CsdCount >= 2);
            Assert.IsTrue(rig.LoggedFailure("bms_stop") == false, "a BMS stop is not a failure");
        }

        [TestMethod]
        public void AnOperatorStopSendsCstManualStopAndTheBmsAnswersWithBst()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Session.RequestStop();
            Assert.AreEqual(GbtChargerStage.Stopping, rig.Stage);
            Assert.AreEqual(1, rig.Session.StopFrame.Get(CstMessage.ManualStop));
            Assert.AreEqual(0, rig.Session.StopFrame.Get(CstMessage.BmsStopped));
            rig.Step();
            Assert.AreEqual("0400F0F0", GbtRig.HexOf(rig.Bus.Frame(rig.IndexOf(GbtPf.Cst, 0))), "b1 = manual stop");
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Ended, 5000));
            Assert.AreEqual(0, rig.Session.Reconnects);
        }

        [TestMethod]
        public void AControllerFaultStopsWithCstFaultStop()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Port.Present.IsFaulted = true;
            rig.Step();
            Assert.AreEqual(GbtChargerStage.Stopping, rig.Stage);
            Assert.AreEqual(1, rig.Session.StopFrame.Get(CstMessage.FaultStop));
            Assert.AreEqual("controller_fault", rig.Session.LastFailure);
        }

        [TestMethod]
        public void TheControllersTerminateNotificationStopsTheSession()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Port.Present.Notification = ChargerNotification.Terminate;
            rig.Step();
            Assert.AreEqual(GbtChargerStage.Stopping, rig.Stage);
        }

        [TestMethod]
        public void AnAbnormalBsmStateStopsTheCharger()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Advance(600);
            rig.Bms.BsmInsulation = TwoBit.Yes;
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Stopping, 400));
            Assert.AreEqual("bsm_abnormal", rig.Session.LastFailure);
            Assert.AreEqual(1, rig.Session.StopFrame.Get(CstMessage.FaultStop));
        }

        [TestMethod]
        public void ANotCredibleBsmStateIsIgnored()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Advance(600);
            rig.Bms.BsmInsulation = TwoBit.NotCredible;
            rig.Advance(1000);
            Assert.AreEqual(GbtChargerStage.Charging, rig.Stage);
        }

        [TestMethod]
        public void UnplugMidChargeTellsTheControllerAtOnce()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Advance(500);
            rig.Unplug();
            rig.Step();
            Assert.AreEqual(1, rig.Port.DisconnectedCount, "in the first poll that reads 12 V");
            Assert.AreEqual(GbtChargerStage.Unplugged, rig.Stage);
            Assert.IsFalse(rig.Aux.IsOn);
            long unpluggedMs = rig.NowMs;
            rig.Advance(500);
            Assert.AreEqual(0, rig.CountSent(GbtPf.Ccs, unpluggedMs + 1), "nothing is sent once unplugged");
            Assert.IsTrue(rig.LoggedFailure("unplugged"));
        }

        [TestMethod]
        public void TheSwitchOpenLevelOpensTheOutputButKeepsTheConnectorLockedUntilTheOutputIsSafe()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Port.ForcedCurrentA = double.NaN;
            rig.Cc1.VoltageV = 6.0;
            rig.Advance(60);
            Assert.AreEqual(1, rig.Port.DisconnectedCount, "after the debounce");
            Assert.AreEqual(GbtChargerStage.Ended, rig.Stage);
            Assert.AreEqual("cc1_switch_open", rig.Session.LastFailure);
            Assert.IsFalse(rig.Aux.IsOn);
            Assert.IsFalse(rig.Lock.IsCommandedLocked, "the fake's output is at 0 V at once");

            rig.Unplug();
            rig.Step();
            Assert.AreEqual(GbtChargerStage.Unplugged, rig.Stage);
            Assert.AreEqual(1, rig.Port.DisconnectedCount, "told once");
        }

        [TestMethod]
        public void TheConnectorStaysLockedWhileTheOutputVoltageIsHigh()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Bms.StopNow(rig.NowMs);
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Statistics, 3000));
            rig.Port.Present.VoltageV = 300;
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Ended, 3000));
            rig.Advance(500);
            Assert.IsTrue(rig.Lock.IsCommandedLocked, "300 V on the output");
            rig.Port.Present.VoltageV = 20;
            rig.Step();
            Assert.IsFalse(rig.Lock.IsCommandedLocked);
        }

        [TestMethod]
        public void AReplugStartsAFreshSession()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Unplug();
            rig.Advance(200);
            Assert.IsTrue(rig.ToCharging());
            Assert.AreEqual(2, rig.Port.ConnectedCount);
            Assert.AreEqual(0, rig.Session.Reconnects);
        }

        [TestMethod]
        public void AJammedLockEndsTheSessionWithoutPoweringTheBms()
        {
            GbtRig rig = GbtRig.Create();
            rig.Lock.Jammed = true;
            rig.PlugIn();
            rig.Advance(1200);
            Assert.AreEqual(GbtChargerStage.Ended, rig.Stage);
            Assert.AreEqual("lock_failed", rig.Session.LastFailure);
            Assert.AreEqual(0, rig.Aux.OnCount);
            Assert.AreEqual(0, rig.Port.ConnectedCount);
        }

        [TestMethod]
        public void AFailedInsulationCheckStopsBeforeRecognition()
        {
            GbtRig rig = GbtRig.Create();
            rig.Port.CableCheckResult = StepStatus.Failed;
            rig.PlugIn();
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Stopping, 3000));
            Assert.AreEqual("insulation_check_failed", rig.Session.LastFailure);
            Assert.AreEqual(-1, rig.IndexOf(GbtPf.Crm, 0));
            Assert.AreEqual(1, rig.Session.StopFrame.Get(CstMessage.OtherFault), "2015 has no self-check field: other fault");
        }

        [TestMethod]
        public void RefusedParametersSendCmlThenCst()
        {
            GbtRig rig = GbtRig.Create();
            rig.Port.AcceptLimits = false;
            rig.PlugIn();
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Stopping, 6000));
            int cml = rig.IndexOf(GbtPf.Cml, 0);
            int cst = rig.IndexOf(GbtPf.Cst, 0);
            Assert.IsTrue(cml >= 0 && cml < cst);
            Assert.AreEqual("parameters_refused", rig.Session.LastFailure);
        }

        [TestMethod]
        public void TheStopCurrentIsCheckedAfterCst()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Session.RequestStop();
            rig.Advance(200);
            Assert.IsFalse(rig.Session.StopCurrentLate);
            Assert.IsTrue(rig.Session.StopCurrentDelayMs >= 0 && rig.Session.StopCurrentDelayMs <= 100);
        }

        [TestMethod]
        public void ACurrentThatDoesNotFallIsLoggedAsLate()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Port.ForcedCurrentA = 50;
            rig.Session.RequestStop();
            rig.Advance(200);
            Assert.IsTrue(rig.Session.StopCurrentLate);
            Assert.IsTrue(rig.LoggedFailure("stop_current_late"));
        }
    }
}
