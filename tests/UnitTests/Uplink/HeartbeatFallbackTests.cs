#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Uplink;
using V2G.UnitTests.Fakes;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Uplink
{
    /// <summary>The aggregator's heartbeat: its loss reverts to the safe setpoint; the next heartbeat restores.</summary>
    [TestClass]
    public class HeartbeatFallbackTests
    {
        private static bool HasEvent(UplinkRig rig, string kind)
        {
            FakePublish[] events = rig.Client.On(rig.Topic("event"));
            for (int i = 0; i < events.Length; i++)
            {
                if (events[i].Has("\"kind\":\"" + kind + "\""))
                {
                    return true;
                }
            }

            return false;
        }

        [TestMethod]
        public void TheMonitorIsArmedByTheFirstHeartbeatOrASetpointAndLosesAfterTheTimeout()
        {
            HeartbeatMonitor m = new HeartbeatMonitor(60000);
            Assert.AreEqual((int)HeartbeatTransition.None, (int)m.Update(1000000), "not armed: nothing to lose");

            m.OnSetpointInForce(1000000);
            Assert.AreEqual((int)HeartbeatTransition.None, (int)m.Update(1059999));
            Assert.AreEqual((int)HeartbeatTransition.Lost, (int)m.Update(1060000));
            Assert.AreEqual((int)HeartbeatTransition.None, (int)m.Update(1070000), "reported once");
            Assert.IsTrue(m.IsLost);

            m.OnHeartbeat(1080000);
            Assert.AreEqual((int)HeartbeatTransition.Restored, (int)m.Update(1080000));
            Assert.IsFalse(m.IsLost);
            Assert.AreEqual(1L, m.Losses);
        }

        [TestMethod]
        public void WithoutHeartbeatsASetpointRevertsToTheSafeSetpointAfterTheTimeout()
        {
            UplinkRig rig = new UplinkRig();
            rig.Run(200);
            rig.Heartbeat(1);
            rig.Setpoint("s1", -7400, UplinkRig.Until0600, 0);
            rig.Run(1000);
            Assert.IsTrue(rig.Controller.HasDispatch);

            rig.Run(rig.Settings.HeartbeatTimeoutMs - 2000);
            Assert.IsTrue(rig.Controller.HasDispatch, "still dispatched within the timeout");

            rig.Run(2000);

            Assert.IsFalse(rig.Controller.HasDispatch, "safe setpoint: the vehicle's own request, never export");
            Assert.IsTrue(rig.Service.Heartbeat.IsLost);
            Assert.IsTrue(HasEvent(rig, "heartbeat_lost"));
            FakePublish limits = rig.Client.LastOn(rig.Topic("limits"));
            Assert.IsTrue(limits.Has("\"max_export_W\":0.0") && limits.Has("\"source_export\":\"heartbeat_loss\""), limits.Payload);
        }

        [TestMethod]
        public void SetpointsAreRefusedWhileTheHeartbeatIsLostAndTakenAgainAfterTheNextHeartbeat()
        {
            UplinkRig rig = new UplinkRig();
            rig.Run(200);
            rig.Heartbeat(1);
            rig.Run(rig.Settings.HeartbeatTimeoutMs + 1000);
            Assert.IsTrue(rig.Service.Heartbeat.IsLost);

            rig.Setpoint("s2", -3000, UplinkRig.Until0600, 0);
            rig.Run(200);
            Assert.IsTrue(rig.LastReply.Has("\"result\":\"rejected\"") && rig.LastReply.Has("heartbeat lost"), rig.LastReply.Payload);

            rig.Heartbeat(2);
            rig.Run(200);
            Assert.IsTrue(HasEvent(rig, "heartbeat_restored"));
            Assert.IsTrue(rig.Client.LastOn(rig.Topic("limits")).Has("\"source_export\":\"charger\""), "export limit back to the charger's");

            rig.Setpoint("s3", -3000, UplinkRig.Until0600, 0);
            rig.Run(200);
            Assert.IsTrue(rig.LastReply.Has("\"result\":\"accepted\""), rig.LastReply.Payload);
        }

        [TestMethod]
        public void ALostBrokerLinkCountsAsSilence()
        {
            UplinkRig rig = new UplinkRig();
            rig.Run(200);
            rig.Heartbeat(1);
            rig.Setpoint("s1", 5000, UplinkRig.Until0600, 0);
            rig.Run(1000);

            rig.Client.ConnectBehaviour = FakeUplink.ConnectFails;
            rig.Client.DropLink();
            rig.Run(rig.Settings.HeartbeatTimeoutMs + 1000);

            Assert.IsFalse(rig.Controller.HasDispatch);
            Assert.IsTrue(rig.Service.Heartbeat.IsLost);
        }

        [TestMethod]
        public void AFallbackPowerIsHeldWhenConfiguredAndClampedAtTheLimits()
        {
            UplinkSettings settings = new UplinkSettings();
            settings.FallbackFollowsVehicle = false;
            settings.FallbackPowerW = 100000;
            UplinkRig rig = new UplinkRig(settings, null);
            rig.Run(200);
            rig.Heartbeat(1);
            rig.Run(settings.HeartbeatTimeoutMs + 1000);

            Assert.IsTrue(rig.Controller.HasDispatch);
            Expect.Near(30000, rig.Controller.DispatchPowerW, 0.01, "fallback clamped at the charge rating");
        }
    }
}
