#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Charger;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>What the 2023-A profile changes [digest §8, S16 — C]: CCS 7 bytes, the BSM timeout without re-handshake, first CHM within 1 s.</summary>
    [TestClass]
    public class GbtChargerProfileTests
    {
        [TestMethod]
        public void The2015ProfileSendsAnEightByteCcs()
        {
            GbtRig rig = GbtRig.Create(GbtProfile.Gbt2015);
            Assert.IsTrue(rig.ToCharging());
            rig.Advance(100);
            Assert.AreEqual(8, rig.Bus.Frame(rig.IndexOf(GbtPf.Ccs, 0)).Length);
        }

        [TestMethod]
        public void The2023AProfileSendsASevenByteCcs()
        {
            GbtRig rig = GbtRig.Create(GbtProfile.Gbt2023A);
            Assert.IsTrue(rig.ToCharging());
            rig.Advance(100);
            Assert.AreEqual(7, rig.Bus.Frame(rig.IndexOf(GbtPf.Ccs, 0)).Length);
        }

        [TestMethod]
        public void The2015ProfileAppliesNoBsmTimeout()
        {
            GbtRig rig = GbtRig.Create(GbtProfile.Gbt2015);
            Assert.IsTrue(rig.ToCharging());
            rig.Advance(1000);
            rig.Bms.SendBsm = false;
            rig.Advance(8000);
            Assert.AreEqual(GbtChargerStage.Charging, rig.Stage);
        }

        [TestMethod]
        public void The2023AProfileStopsOnABsmTimeoutAndDoesNotReHandshake()
        {
            GbtRig rig = GbtRig.Create(GbtProfile.Gbt2023A);
            Assert.IsTrue(rig.ToCharging());
            rig.Advance(1000);
            rig.Bms.SendBsm = false;
            long lastBsm = rig.NowMs;
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Stopping, 6000));
            long waited = rig.NowMs - lastBsm;
            Assert.IsTrue(waited >= 4750 && waited <= 5300, "BSM timeout after " + waited + " ms");
            Assert.AreEqual("bsm_timeout", rig.Session.LastFailure);
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Ended, 20000));
            Assert.AreEqual(0, rig.Session.Reconnects, "no re-handshake until re-plugged");
        }

        [TestMethod]
        public void The2023AProfileSendsTheFirstChmWithinOneSecondOfTheAuxiliaryPower()
        {
            GbtChargerSettings settings = GbtChargerSettings.ForProfile(GbtProfile.Gbt2023A);
            settings.ChmDelayAfterAuxiliaryPowerMs = 5000;
            GbtRig rig = new GbtRig(settings);
            rig.PlugIn();
            long auxOnMs = -1;
            for (int i = 0; i < 1000 && rig.IndexOf(GbtPf.Chm, 0) < 0; i++)
            {
                rig.Step();
                if (auxOnMs < 0 && rig.Aux.IsOn)
                {
                    auxOnMs = rig.NowMs;
                }
            }

            long chmMs = rig.Bus.TimeMs(rig.IndexOf(GbtPf.Chm, 0));
            Assert.IsTrue(chmMs - auxOnMs <= 1000, "first CHM " + (chmMs - auxOnMs) + " ms after the auxiliary power");
        }

        [TestMethod]
        public void The2023AProfileNamesTheSelfCheckFaultInCst()
        {
            GbtRig rig = GbtRig.Create(GbtProfile.Gbt2023A);
            rig.Port.CableCheckResult = V2G.Protocol.Session.StepStatus.Failed;
            rig.PlugIn();
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Stopping, 3000));
            Assert.AreEqual(1, rig.Session.StopFrame.Get(CstMessage.SelfCheckFault));
        }
    }
}
