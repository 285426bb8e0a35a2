#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Telemetry;

namespace V2G.UnitTests.Telemetry
{
    [TestClass]
    public class SetpointCommandTests
    {
        // 2026-11-26T05:00:00Z; the commands below are valid until 06:00.
        private const long Now = 1795669200000;
        private const long SixOClock = 1795672800000;
        private const double MaxW = 300000;

        private static string Parse(string json, SetpointCommand into)
        {
            JsonReader r = new JsonReader();
            byte[] bytes = Utf8.Encode(json);
            r.Parse(bytes, bytes.Length);
            return SetpointCommand.Parse(r, Now, MaxW, into);
        }

        [TestMethod]
        public void AFullSetpointIsRead()
        {
            SetpointCommand c = new SetpointCommand();
            string error = Parse(
                "{\"id\":\"abc-1\",\"power_W\":-7400,\"valid_until\":\"2026-11-26T06:00:00Z\",\"priority\":100,\"purpose\":\"arbitrage\",\"price_spread_per_kWh\":0.2}",
                c);

            Assert.IsNull(error, error);
            Assert.AreEqual("abc-1", c.Id);
            Assert.AreEqual(-7400.0, c.PowerW);
            Assert.AreEqual(SixOClock, c.ValidUntilUnixMs);
            Assert.AreEqual(100, c.Priority);
            Assert.AreEqual(SetpointPurposes.Arbitrage, c.Purpose);
            Assert.IsTrue(c.HasPriceSpread);
            Assert.AreEqual(0.2, c.PriceSpreadPerKWh);
        }

        [TestMethod]
        public void OptionalMembersTakeTheirDefaultsEvenOnAReusedInstance()
        {
            SetpointCommand c = new SetpointCommand();
            Parse("{\"id\":\"a\",\"power_W\":1,\"valid_until\":\"2026-11-26T06:00:00Z\",\"priority\":5,\"purpose\":\"frequency\",\"price_spread_per_kWh\":1}", c);

            string error = Parse("{\"id\":\"b\",\"power_W\":7400.5,\"valid_until\":\"2026-11-26T07:00:00+01:00\"}", c);

            Assert.IsNull(error, error);
            Assert.AreEqual("b", c.Id);
            Assert.AreEqual(7400.5, c.PowerW);
            Assert.AreEqual(SixOClock, c.ValidUntilUnixMs);
            Assert.AreEqual(0, c.Priority);
            Assert.AreEqual(SetpointPurposes.Dispatch, c.Purpose);
            Assert.IsFalse(c.HasPriceSpread);
        }

        [TestMethod]
        [DataRow("{\"power_W\":1,\"valid_until\":\"2026-11-26T06:00:00Z\"}", "missing 'id'")]
        [DataRow("{\"id\":7,\"power_W\":1,\"valid_until\":\"2026-11-26T06:00:00Z\"}", "'id' must be a string")]
        [DataRow("{\"id\":\"\",\"power_W\":1,\"valid_until\":\"2026-11-26T06:00:00Z\"}", "'id' must have 1 to 36 characters")]
        [DataRow("{\"id\":\"0123456789012345678901234567890123456\",\"power_W\":1,\"valid_until\":\"2026-11-26T06:00:00Z\"}", "'id' must have 1 to 36 characters")]
        [DataRow("{\"id\":\"a\",\"valid_until\":\"2026-11-26T06:00:00Z\"}", "missing 'power_W'")]
        [DataRow("{\"id\":\"a\",\"power_W\":\"-7400\",\"valid_until\":\"2026-11-26T06:00:00Z\"}", "'power_W' must be a number")]
        [DataRow("{\"id\":\"a\",\"power_W\":null,\"valid_until\":\"2026-11-26T06:00:00Z\"}", "'power_W' must be a number")]
        [DataRow("{\"id\":\"a\",\"power_W\":-300001,\"valid_until\":\"2026-11-26T06:00:00Z\"}", "out of range: |power_W| > 300000 W")]
        [DataRow("{\"id\":\"a\",\"power_W\":1e9,\"valid_until\":\"2026-11-26T06:00:00Z\"}", "out of range: |power_W| > 300000 W")]
        [DataRow("{\"id\":\"a\",\"power_W\":1}", "missing 'valid_until'")]
        [DataRow("{\"id\":\"a\",\"power_W\":1,\"valid_until\":\"tomorrow\"}", "'valid_until' must be an RFC 3339 time")]
        [DataRow("{\"id\":\"a\",\"power_W\":1,\"valid_until\":1795672800}", "'valid_until' must be an RFC 3339 time")]
        [DataRow("{\"id\":\"a\",\"power_W\":1,\"valid_until\":\"2026-11-26T05:00:00Z\"}", "expired: valid_until 2026-11-26T05:00:00.000Z is not after the charger's time 2026-11-26T05:00:00.000Z")]
        [DataRow("{\"id\":\"a\",\"power_W\":1,\"valid_until\":\"2026-11-26T04:00:00Z\"}", "expired: valid_until 2026-11-26T04:00:00.000Z is not after the charger's time 2026-11-26T05:00:00.000Z")]
        [DataRow("{\"id\":\"a\",\"power_W\":1,\"valid_until\":\"2026-11-26T06:00:00Z\",\"priority\":1001}", "'priority' must be an integer 0..1000")]
        [DataRow("{\"id\":\"a\",\"power_W\":1,\"valid_until\":\"2026-11-26T06:00:00Z\",\"priority\":-1}", "'priority' must be an integer 0..1000")]
        [DataRow("{\"id\":\"a\",\"power_W\":1,\"valid_until\":\"2026-11-26T06:00:00Z\",\"priority\":1.5}", "'priority' must be an integer 0..1000")]
        [DataRow("{\"id\":\"a\",\"power_W\":1,\"valid_until\":\"2026-11-26T06:00:00Z\",\"priority\":\"high\"}", "'priority' must be an integer 0..1000")]
        [DataRow("{\"id\":\"a\",\"power_W\":1,\"valid_until\":\"2026-11-26T06:00:00Z\",\"purpose\":\"Dispatch\"}", "'purpose' must be dispatch, arbitrage or frequency")]
        [DataRow("{\"id\":\"a\",\"power_W\":1,\"valid_until\":\"2026-11-26T06:00:00Z\",\"price_spread_per_kWh\":\"0.2\"}", "'price_spread_per_kWh' must be a number")]
        [DataRow("{\"id\":\"a\",\"power_W\":1,\"valid_until\":\"2026-11-26T06:00:00Z\",\"total_power_W\":1}", "unknown key 'total_power_W'")]
        [DataRow("{\"id\":\"a\",\"power_w\":1,\"valid_until\":\"2026-11-26T06:00:00Z\"}", "unknown key 'power_w'")]
        [DataRow("{\"id\":\"a\",\"power_W\":1,\"power_W\":2,\"valid_until\":\"2026-11-26T06:00:00Z\"}", "duplicate key 'power_W'")]
        [DataRow("{\"id\":\"a\",\"power_W\":01}", "malformed JSON at byte 21: leading zero in number")]
        public void BadSetpointsAreRejectedWithTheirReason(string json, string reason)
        {
            SetpointCommand c = new SetpointCommand();

            Assert.AreEqual(reason, Parse(json, c), json);
        }

        [TestMethod]
        public void ARejectedSetpointStillKnowsItsId()
        {
            SetpointCommand c = new SetpointCommand();

            Assert.AreEqual(0, Parse("{\"id\":\"late-1\",\"power_W\":1,\"valid_until\":\"2026-11-26T04:00:00Z\"}", c).IndexOf("expired: "));
            Assert.AreEqual("late-1", c.Id);
        }

        [TestMethod]
        public void TheBoundIsInclusive()
        {
            SetpointCommand c = new SetpointCommand();

            Assert.IsNull(Parse("{\"id\":\"a\",\"power_W\":-300000,\"valid_until\":\"2026-11-26T06:00:00Z\",\"priority\":1000}", c));
            Assert.AreEqual(1000, c.Priority);
        }

        [TestMethod]
        public void TheThreeArgumentParseUsesTheSanityBound()
        {
            JsonReader r = new JsonReader();
            byte[] bytes = Utf8.Encode("{\"id\":\"a\",\"power_W\":999999,\"valid_until\":\"2026-11-26T06:00:00Z\"}");
            r.Parse(bytes, bytes.Length);

            Assert.IsNull(SetpointCommand.Parse(r, Now, new SetpointCommand()));
        }
    }
}
