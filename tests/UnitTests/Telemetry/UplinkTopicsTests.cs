#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Telemetry;

namespace V2G.UnitTests.Telemetry
{
    [TestClass]
    public class UplinkTopicsTests
    {
        [TestMethod]
        public void TopicsHangUnderTheVersionedChargerRoot()
        {
            UplinkTopics t = new UplinkTopics("sim-0001");

            Assert.AreEqual("v2g/1/sim-0001/", t.Root);
            Assert.AreEqual("v2g/1/sim-0001/status", t.Status);
            Assert.AreEqual("v2g/1/sim-0001/capabilities", t.Capabilities);
            Assert.AreEqual("v2g/1/sim-0001/limits", t.Limits);
            Assert.AreEqual("v2g/1/sim-0001/telemetry", t.Telemetry);
            Assert.AreEqual("v2g/1/sim-0001/meter", t.Meter);
            Assert.AreEqual("v2g/1/sim-0001/event", t.Event);
            Assert.AreEqual("v2g/1/sim-0001/cmd/setpoint", t.Setpoint);
            Assert.AreEqual("v2g/1/sim-0001/cmd/setpoint/reply", t.SetpointReply);
            Assert.AreEqual("v2g/1/sim-0001/cfg/droop/set", t.DroopSet);
            Assert.AreEqual("v2g/1/sim-0001/cfg/droop", t.Droop);
            Assert.AreEqual("v2g/1/sim-0001/heartbeat", t.Heartbeat);
        }

        [TestMethod]
        public void SuffixesListEveryTopicOnce()
        {
            Assert.AreEqual(11, UplinkTopics.Suffixes.Length);
            for (int i = 0; i < UplinkTopics.Suffixes.Length; i++)
            {
                for (int j = i + 1; j < UplinkTopics.Suffixes.Length; j++)
                {
                    Assert.IsFalse(UplinkTopics.Suffixes[i] == UplinkTopics.Suffixes[j], UplinkTopics.Suffixes[i]);
                }
            }
        }

        [TestMethod]
        public void OnlyTheDownlinkIsSubscribed()
        {
            UplinkTopics t = new UplinkTopics("a");

            Assert.IsTrue(t.IsSubscribed("cmd/setpoint"));
            Assert.IsTrue(t.IsSubscribed("cfg/droop/set"));
            Assert.IsTrue(t.IsSubscribed("heartbeat"));
            Assert.IsFalse(t.IsSubscribed("cmd/setpoint/reply"));
            Assert.IsFalse(t.IsSubscribed("cfg/droop"));
            Assert.IsFalse(t.IsSubscribed("telemetry"));
        }

        [TestMethod]
        public void SuffixOfRecognisesThisChargersTopicsOnly()
        {
            UplinkTopics t = new UplinkTopics("sim-0001");

            Assert.AreEqual(UplinkTopics.SetpointSuffix, t.SuffixOf("v2g/1/sim-0001/cmd/setpoint"));
            Assert.AreEqual(UplinkTopics.HeartbeatSuffix, t.SuffixOf("v2g/1/sim-0001/heartbeat"));
            Assert.IsNull(t.SuffixOf("v2g/1/sim-0002/heartbeat"));
            Assert.IsNull(t.SuffixOf("v2g/1/sim-0001/cmd/setpoint/x"));
            Assert.IsNull(t.SuffixOf("v2g/1/sim-0001/"));
            Assert.IsNull(t.SuffixOf(null));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("sim/0001")]
        [DataRow("sim+")]
        [DataRow("sim#")]
        [DataRow("sim 1")]
        [DataRow("chargé")]
        [DataRow("012345678901234567890123456789012")]
        public void BadChargerIdsAreRefused(string id)
        {
            Assert.IsNotNull(UplinkTopics.ValidateChargerId(id), id);
            bool thrown = false;
            try
            {
                new UplinkTopics(id);
            }
            catch (System.ArgumentException)
            {
                thrown = true;
            }

            Assert.IsTrue(thrown, id);
        }

        [TestMethod]
        public void NullIsRefused()
        {
            Assert.AreEqual("charger id is empty", UplinkTopics.ValidateChargerId(null));
        }

        [TestMethod]
        [DataRow("A")]
        [DataRow("sim-0001")]
        [DataRow("Charger_7")]
        [DataRow("01234567890123456789012345678901")]
        public void GoodChargerIdsAreAccepted(string id)
        {
            Assert.IsNull(UplinkTopics.ValidateChargerId(id), id);
        }
    }
}
