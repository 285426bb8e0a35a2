#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Charger;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>
    /// Each BMS message missing in its stage: CEM with its field [digest §4], the output stopped, a
    /// re-handshake from CRM(00h) after the reconnect delay, and after three reconnects the end [digest §6, §7, S2].
    /// </summary>
    [TestClass]
    public class GbtChargerTimeoutTests
    {
        [TestMethod]
        public void ABclTimeoutSendsCemFcF0C4FcWithinOneSecondAndStopsTheOutput()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Advance(2000);
            rig.Bms.SendBcl = false;
            long lastBclMs = rig.NowMs;
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.TimedOut, 2000));

            int cem = rig.IndexOf(GbtPf.Cem, 0);
            Assert.IsTrue(cem >= 0, "CEM sent");
            Assert.AreEqual("FCF0C4FC", GbtRig.HexOf(rig.Bus.Frame(cem)));
            long delay = rig.Bus.TimeMs(cem) - lastBclMs;
            Assert.IsTrue(delay >= 1000 && delay <= 1060, "CEM " + delay + " ms after the last BCL");
            Assert.AreEqual(-1, rig.IndexOf(GbtPf.Ccs, cem), "CCS stops");
            Assert.IsTrue(rig.Port.StopCalls > 0, "output stopped");
            Assert.IsFalse(rig.Port.IsTransferring);
            Assert.AreEqual("bcl_timeout", rig.Session.LastFailure);
            Assert.IsTrue(rig.LoggedFailure("bcl_timeout"));
            rig.Step();
            Assert.AreEqual("FCF0C4FC", rig.Bms.LastCemHex, "the BMS read it");
        }

        [TestMethod]
        public void AfterATimeoutTheChargerReHandshakesFromCrm00AfterTheDelay()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Advance(1000);
            rig.Bms.SendBcl = false;
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.TimedOut, 2000));
            long timedOutMs = rig.NowMs;
            rig.Bms.SendBcl = true;
            int cem = rig.IndexOf(GbtPf.Cem, 0);

            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Recognition, 5000));
            long waited = rig.NowMs - timedOutMs;
            Assert.IsTrue(waited >= 2000 && waited <= 2020, "re-handshake after " + waited + " ms");
            Assert.AreEqual(1, rig.Session.Reconnects);
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Charging, 10000), "charging again");

            // After the CEMs, the charger's next message is CRM(00h): no CHM, and CEM stops as CRM restarts.
            int crm = rig.IndexOf(GbtPf.Crm, cem);
            Assert.AreEqual(0x00, (int)rig.Bus.Frame(crm).GetByte(0));
            Assert.AreEqual(-1, rig.IndexOf(GbtPf.Chm, cem));
            Assert.AreEqual(-1, rig.IndexOf(GbtPf.Cem, crm));
            Assert.IsTrue(rig.Port.CommunicationStartedCount == 2 && rig.Port.CableCheckCalls > 0, "the controller's new segment runs its insulation check");
        }

        [TestMethod]
        public void AfterThreeReconnectsTheSessionEnds()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Bms.SendBcl = false;

            // BCL never comes back: the first timeout in charging, then three re-handshakes that each
            // time out waiting for BCL after CRO(AAh).
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Ended, 120000));
            Assert.AreEqual(3, rig.Session.Reconnects);
            Assert.AreEqual(4, rig.Session.TimeoutCount);
            Assert.IsTrue(rig.LoggedFailure("reconnects_exhausted"));
            Assert.IsFalse(rig.Aux.IsOn);
            Assert.IsFalse(rig.Lock.IsCommandedLocked, "unlocked once the output is safe");
            Assert.AreEqual(1, rig.Port.CommunicationLostCount);
            long endedMs = rig.NowMs;
            rig.Advance(5000);
            Assert.AreEqual(GbtChargerStage.Ended, rig.Stage, "the operator must re-plug");
            Assert.AreEqual(0, rig.CountSent(GbtPf.Crm, endedMs + 10));
        }

        [TestMethod]
        public void ABrmTimeoutSetsCemB11()
        {
            AssertTimeout("brm_timeout", "FDF0C0FC", SetUp.NoBrm);
        }

        [TestMethod]
        public void ABcpTimeoutSetsCemB21()
        {
            AssertTimeout("bcp_timeout", "FCF1C0FC", SetUp.NoBcp);
        }

        [TestMethod]
        public void AMissingBroSetsCemB23()
        {
            AssertTimeout("bro_timeout", "FCF4C0FC", SetUp.NoBro);
        }

        [TestMethod]
        public void BroNeverReadyWithinSixtySecondsSetsCemB23()
        {
            GbtRig rig = GbtRig.Create();
            rig.StepMs = 10;
            rig.Bms.NeverReady = true;
            rig.PlugIn();
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Parameters, 10000));
            long parametersMs = rig.NowMs;
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.TimedOut, 70000));
            long waited = rig.NowMs - parametersMs;
            Assert.IsTrue(waited >= 60000 && waited <= 60400, "timed out after " + waited + " ms");
            Assert.AreEqual("bro_not_ready_timeout", rig.Session.LastFailure);
            Assert.AreEqual("FCF4C0FC", GbtRig.HexOf(rig.Bus.Frame(rig.IndexOf(GbtPf.Cem, 0))));
        }

        [TestMethod]
        public void ABcsTimeoutSetsCemB31()
        {
            AssertTimeout("bcs_timeout", "FCF0C1FC", SetUp.NoBcsWhileCharging);
        }

        [TestMethod]
        public void ANoBclAfterCroReadySetsCemB33()
        {
            AssertTimeout("bcl_timeout", "FCF0C4FC", SetUp.NoBcl);
        }

        [TestMethod]
        public void ABstTimeoutAfterTheChargersStopSetsCemB35AndEnds()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Bms.SendBst = false;
            rig.Bms.SendBsd = false;
            rig.Session.RequestStop();
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.TimedOut, 6000));
            Assert.AreEqual("bst_timeout", rig.Session.LastFailure);
            Assert.AreEqual("FCF0D0FC", GbtRig.HexOf(rig.Bus.Frame(rig.IndexOf(GbtPf.Cem, 0))));
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Ended, 5000), "no re-handshake after a stop");
            Assert.AreEqual(0, rig.Session.Reconnects);
        }

        [TestMethod]
        public void ABsdTimeoutSetsCemB41AndEnds()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Bms.SendBsd = false;
            rig.Session.RequestStop();
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.TimedOut, 11000));
            Assert.AreEqual("bsd_timeout", rig.Session.LastFailure);
            Assert.AreEqual("FCF0C0FD", GbtRig.HexOf(rig.Bus.Frame(rig.IndexOf(GbtPf.Cem, 0))));
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Ended, 5000));
        }

        [TestMethod]
        public void BemFromTheBmsStopsTheOutputAndReHandshakesWithoutCem()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.BmsActive = false;
            BemMessage bem = new BemMessage();
            bem.AllNormal();
            bem.Set(BemMessage.CcsTimeout, 1);
            byte[] payload = new byte[8];
            int length = bem.Write(payload);
            V2G.Hal.Buses.CanFrame frame = default(V2G.Hal.Buses.CanFrame);
            frame.Id = GbtCanId.Make(GbtPf.Bem, GbtAddress.Charger, GbtAddress.Bms);
            frame.IsExtended = true;
            frame.Length = length;
            for (int i = 0; i < length; i++)
            {
                frame.SetByte(i, payload[i]);
            }

            rig.Bus.Charger.Deliver(ref frame);
            rig.Step();
            Assert.AreEqual(GbtChargerStage.TimedOut, rig.Stage);
            Assert.AreEqual("bem_received", rig.Session.LastFailure);
            rig.Advance(100);
            Assert.IsFalse(rig.Port.IsTransferring);
            Assert.AreEqual(-1, rig.IndexOf(GbtPf.Cem, 0));
            rig.BmsActive = true;
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Charging, 10000));
            Assert.AreEqual(1, rig.Session.Reconnects);
        }

        private enum SetUp
        {
            NoBrm,
            NoBcp,
            NoBro,
            NoBcl,
            NoBcsWhileCharging,
        }

        private static void AssertTimeout(string failure, string cemHex, SetUp setUp)
        {
            GbtRig rig = GbtRig.Create();
            rig.Bms.SendBrm = setUp != SetUp.NoBrm;
            rig.Bms.SendBcp = setUp != SetUp.NoBcp;
            rig.Bms.SendBro = setUp != SetUp.NoBro;
            rig.Bms.SendBcl = setUp != SetUp.NoBcl;
            rig.PlugIn();
            if (setUp == SetUp.NoBcsWhileCharging)
            {
                Assert.IsTrue(rig.RunUntil(GbtChargerStage.Charging, 10000));
                rig.Bms.SendBcs = false;
            }

            Assert.IsTrue(rig.RunUntil(GbtChargerStage.TimedOut, 20000), failure);
            Assert.AreEqual(failure, rig.Session.LastFailure);
            int cem = rig.IndexOf(GbtPf.Cem, 0);
            Assert.AreEqual(cemHex, GbtRig.HexOf(rig.Bus.Frame(cem)));

            // The failed stage began at most 5 s (+ one poll) before: every default timeout is 5 s.
            Assert.IsTrue(rig.LoggedFailure(failure));
            rig.Advance(300);
            Assert.IsTrue(rig.CountSent(GbtPf.Cem, rig.Bus.TimeMs(cem)) >= 2, "CEM repeats every 250 ms");
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Recognition, 3000), "re-handshake");
        }
    }
}
