#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.UnitTests.Fakes;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Uplink
{
    /// <summary>cfg/droop/set → validated → in force → retained cfg/droop.</summary>
    [TestClass]
    public class DroopCommandHandlingTests
    {
        private static FakePublish Send(UplinkRig rig, string payload)
        {
            rig.Client.ClearPublished();
            rig.Client.Inject(rig.Topic("cfg/droop/set"), payload);
            rig.Run(200);
            FakePublish droop = rig.Client.LastOn(rig.Topic("cfg/droop"));
            Assert.IsNotNull(droop, "cfg/droop after " + payload);
            Assert.IsTrue(droop.Retain, "cfg/droop is retained");
            return droop;
        }

        [TestMethod]
        public void APresetIsPutInForceAndReported()
        {
            UplinkRig rig = new UplinkRig();
            rig.Run(200);

            FakePublish droop = Send(rig, "{\"id\":\"d1\",\"preset\":\"ieee1547-cat3\"}");

            Assert.AreEqual("ieee1547-cat3", rig.Controller.Droop.Settings.PresetName);
            Assert.IsTrue(droop.Has("\"preset\":\"ieee1547-cat3\"") && droop.Has("\"result\":\"accepted\"") && droop.Has("\"response_s\":0.200"), droop.Payload);
            Assert.AreEqual(1L, rig.Service.DroopChangesAccepted);
        }

        [TestMethod]
        public void ParametersChangeTheSettingsInForce()
        {
            UplinkRig rig = new UplinkRig();
            rig.Run(200);

            Send(rig, "{\"db_of_Hz\":0.1,\"k_of\":0.04}");

            Expect.Near(0.1, rig.Controller.Droop.Settings.DeadbandOverHz, 1e-9, "dbOF");
            Expect.Near(0.04, rig.Controller.Droop.Settings.DroopOver, 1e-9, "kOF");
            Assert.AreEqual("custom", rig.Controller.Droop.Settings.PresetName);
        }

        [TestMethod]
        public void InvalidSettingsAreRejectedAndTheOldOnesStay()
        {
            UplinkRig rig = new UplinkRig();
            rig.Run(200);
            string before = rig.Controller.Droop.Settings.PresetName;

            FakePublish droop = Send(rig, "{\"k_of\":0.0005}");
            Assert.IsTrue(droop.Has("\"result\":\"rejected\"") && droop.Has("droop outside 0.001..1 per unit"), droop.Payload);
            droop = Send(rig, "{\"k_of\":0}");
            Assert.IsTrue(droop.Has("\"result\":\"rejected\"") && droop.Has("out of range"), droop.Payload);

            droop = Send(rig, "{\"preset\":\"nonsense\"}");
            Assert.IsTrue(droop.Has("unknown preset 'nonsense'"), droop.Payload);
            Assert.AreEqual(before, rig.Controller.Droop.Settings.PresetName);
            Assert.AreEqual(3L, rig.Service.DroopChangesRejected);
        }
    }
}
