#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Charger;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>BSM's "charging allowed": 00 with every state normal pauses, 01 resumes, a pause of 10 min stops [digest §4, §6, S2].</summary>
    [TestClass]
    public class GbtChargerPauseTests
    {
        [TestMethod]
        public void BsmForbidPausesTheCurrentAndAllowResumesIt()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Advance(600);
            Expect.Near(150, rig.Port.Present.CurrentA, 0.05, "charging");

            rig.Bms.BsmAllow = BsmMessage.Forbidden;
            rig.Advance(300);
            Assert.IsTrue(rig.Session.IsPaused);
            Expect.Near(0, rig.Port.LastStatus.RequestedCurrentA, 0.001, "request cap 0 A while paused");
            Expect.Near(0, rig.Port.Present.CurrentA, 0.001, "current 0 A");
            Assert.AreEqual(GbtChargerStage.Charging, rig.Stage);

            rig.Bms.BsmAllow = BsmMessage.Allowed;
            rig.Advance(300);
            Assert.IsFalse(rig.Session.IsPaused);
            Expect.Near(150, rig.Port.Present.CurrentA, 0.05, "resumed");
        }

        [TestMethod]
        public void APauseLongerThanTenMinutesStopsTheSession()
        {
            GbtRig rig = GbtRig.Create();
            rig.StepMs = 10;
            Assert.IsTrue(rig.ToCharging());
            rig.Advance(600);
            rig.Bms.BsmAllow = BsmMessage.Forbidden;
            rig.Advance(300);
            long pausedMs = rig.NowMs;
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Stopping, 601000));
            long paused = rig.NowMs - pausedMs;
            Assert.IsTrue(paused >= 599700 && paused <= 600300, "stopped after " + paused + " ms");
            Assert.AreEqual("pause_limit", rig.Session.LastFailure);
        }
    }
}
