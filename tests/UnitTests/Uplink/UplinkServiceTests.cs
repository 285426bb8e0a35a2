#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.UnitTests.Fakes;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Uplink
{
    /// <summary>The uplink service's connection duties: will, birth, boot id, telemetry cadence.</summary>
    [TestClass]
    public class UplinkServiceTests
    {
        [TestMethod]
        public void TheWillIsTheRetainedOfflineStatusWithThisBootsId()
        {
            UplinkRig rig = new UplinkRig();
            rig.Run(200);

            Assert.AreEqual("v2g/1/sim-0001/status", rig.Client.LastOptions.WillTopic);
            Assert.IsTrue(rig.Client.LastOptions.WillRetain, "will retained");
            Assert.AreEqual(1, rig.Client.LastOptions.WillQos);
            Assert.IsFalse(rig.Client.LastOptions.CleanStart, "persistent session");
            Assert.AreEqual("sim-0001", rig.Client.LastOptions.ClientId);
            Assert.IsTrue(rig.Client.LastWill.IndexOf("\"state\":\"offline\"") >= 0, rig.Client.LastWill);
            Assert.IsTrue(rig.Client.LastWill.IndexOf("\"boot_id\":1") >= 0, rig.Client.LastWill);
            Assert.IsTrue(rig.Client.LastWill.IndexOf("\"ts\"") < 0, "the will has no time: " + rig.Client.LastWill);
        }

        [TestMethod]
        public void EachConstructionOnTheSameStoreIsANewBoot()
        {
            UplinkRig first = new UplinkRig();
            UplinkRig second = new UplinkRig(new V2G.Firmware.Uplink.UplinkSettings(), first.Store);

            Assert.AreEqual(1L, first.Service.BootId);
            Assert.AreEqual(2L, second.Service.BootId);
        }

        [TestMethod]
        public void TheBirthPublishesRetainedStatusCapabilitiesLimitsAndDroop()
        {
            UplinkRig rig = new UplinkRig();
            rig.Run(200);

            Assert.IsTrue(rig.Service.IsOnline);
            FakePublish status = rig.Client.LastOn(rig.Topic("status"));
            Assert.IsNotNull(status);
            Assert.IsTrue(status.Retain && status.Qos == 1, "status retained, QoS 1");
            Assert.IsTrue(status.Has("\"state\":\"online\"") && status.Has("\"boot_id\":1") && status.Has("\"fw\":\"0.7.0\""), status.Payload);

            string[] retained = { "capabilities", "limits", "cfg/droop" };
            for (int i = 0; i < retained.Length; i++)
            {
                FakePublish p = rig.Client.LastOn(rig.Topic(retained[i]));
                Assert.IsNotNull(p, retained[i] + " published");
                Assert.IsTrue(p.Retain, retained[i] + " retained");
            }

            Assert.IsTrue(rig.Client.LastOn(rig.Topic("capabilities")).Has("\"bidirectional\":true"));
            Assert.IsTrue(rig.Client.LastOn(rig.Topic("limits")).Has("\"source_import\":\"charger\""));
        }

        [TestMethod]
        public void TelemetryIsLiveAtTheSettingsQosEverySecondWhileDispatchedAndSlowerWhenIdle()
        {
            UplinkRig rig = new UplinkRig();
            rig.Run(30000);
            int idle = rig.Client.On(rig.Topic("telemetry")).Length;
            Assert.IsTrue(idle >= 3 && idle <= 4, "idle: one sample per 10 s, got " + idle.ToString());

            rig.Setpoint("t1", 5000, UplinkRig.Until0600, 0);
            rig.Client.ClearPublished();
            rig.Run(10000);
            FakePublish[] active = rig.Client.On(rig.Topic("telemetry"));
            Assert.IsTrue(active.Length >= 9 && active.Length <= 11, "dispatched: one sample per second, got " + active.Length.ToString());
            FakePublish last = active[active.Length - 1];
            Assert.AreEqual(rig.Settings.TelemetryQos, last.Qos);
            Assert.AreEqual(1, last.Qos, "QoS 1 by default: a sample in flight when the link breaks is kept, not lost");
            Assert.IsFalse(last.Retain);
            Assert.IsTrue(last.Has("\"hist\":false") && last.Has("\"setpoint_id\":\"t1\"") && last.Has("\"setpoint_W\":5000.0"), last.Payload);
        }

        [TestMethod]
        public void TelemetrySeqStartsAtOneAndIsContiguous()
        {
            UplinkRig rig = new UplinkRig();
            rig.Setpoint("t1", 5000, UplinkRig.Until0600, 0);
            rig.Run(20000);

            FakePublish[] samples = rig.Client.On(rig.Topic("telemetry"));
            Assert.IsTrue(samples.Length > 10);
            UplinkRig.AssertSeqContiguous(samples, "telemetry");
        }
    }
}
