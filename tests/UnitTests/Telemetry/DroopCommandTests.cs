#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Telemetry;

namespace V2G.UnitTests.Telemetry
{
    [TestClass]
    public class DroopCommandTests
    {
        private static string Parse(string json, DroopCommand into)
        {
            JsonReader r = new JsonReader();
            byte[] bytes = Utf8.Encode(json);
            r.Parse(bytes, bytes.Length);
            return DroopCommand.Parse(r, into);
        }

        [TestMethod]
        public void APresetAloneIsARequest()
        {
            DroopCommand c = new DroopCommand();

            Assert.IsNull(Parse("{\"id\":\"d1\",\"preset\":\"ieee1547-cat2\"}", c));
            Assert.AreEqual("d1", c.Id);
            Assert.IsTrue(c.HasPreset);
            Assert.AreEqual("ieee1547-cat2", c.Preset);
            Assert.IsFalse(c.HasEnabled);
            Assert.IsFalse(c.HasDroopOver);
        }

        [TestMethod]
        public void ParametersAreReadWithTheirFlags()
        {
            DroopCommand c = new DroopCommand();
            string error = Parse(
                "{\"enabled\":true,\"nominal_Hz\":50,\"db_of_Hz\":0.2,\"db_uf_Hz\":0.1,\"k_of\":0.04,\"k_uf\":0.05,\"response_s\":1.5,\"rated_W\":30000}",
                c);

            Assert.IsNull(error, error);
            Assert.IsFalse(c.HasPreset);
            Assert.IsTrue(c.HasEnabled && c.Enabled);
            Assert.AreEqual(50.0, c.NominalHz);
            Assert.AreEqual(0.2, c.DeadbandOverHz);
            Assert.AreEqual(0.1, c.DeadbandUnderHz);
            Assert.AreEqual(0.04, c.DroopOver);
            Assert.AreEqual(0.05, c.DroopUnder);
            Assert.AreEqual(1.5, c.ResponseS);
            Assert.AreEqual(30000.0, c.RatedW);
            Assert.IsTrue(c.HasNominalHz && c.HasDeadbandOverHz && c.HasDeadbandUnderHz && c.HasDroopOver && c.HasDroopUnder && c.HasResponseS && c.HasRatedW);
        }

        [TestMethod]
        public void DisablingAloneIsARequest()
        {
            DroopCommand c = new DroopCommand();

            Assert.IsNull(Parse("{\"enabled\":false}", c));
            Assert.IsTrue(c.HasEnabled);
            Assert.IsFalse(c.Enabled);
        }

        [TestMethod]
        [DataRow("{}", "no settings given")]
        [DataRow("{\"id\":\"x\"}", "no settings given")]
        [DataRow("{\"preset\":\"\"}", "'preset' must be a string of 1 to 23 characters")]
        [DataRow("{\"preset\":1}", "'preset' must be a string of 1 to 23 characters")]
        [DataRow("{\"enabled\":\"yes\"}", "'enabled' must be true or false")]
        [DataRow("{\"k_of\":\"0.05\"}", "'k_of' must be a number")]
        [DataRow("{\"k_of\":0}", "'k_of' out of range (0..1")]
        [DataRow("{\"k_uf\":2}", "'k_uf' out of range (0..1")]
        [DataRow("{\"db_of_Hz\":-0.1}", "'db_of_Hz' out of range 0..5")]
        [DataRow("{\"nominal_Hz\":400}", "'nominal_Hz' out of range 40..70")]
        [DataRow("{\"response_s\":601}", "'response_s' out of range 0..600")]
        [DataRow("{\"rated_W\":0}", "'rated_W' out of range (0..10000000")]
        [DataRow("{\"kof\":0.05}", "unknown key 'kof'")]
        [DataRow("{\"preset\":\"fast\",\"preset\":\"fast\"}", "duplicate key 'preset'")]
        public void BadRequestsAreRejectedWithTheirReason(string json, string reason)
        {
            Assert.AreEqual(reason, Parse(json, new DroopCommand()), json);
        }
    }
}
