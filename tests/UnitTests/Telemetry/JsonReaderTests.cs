#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Telemetry;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Telemetry
{
    [TestClass]
    public class JsonReaderTests
    {
        private static string Parse(JsonReader r, string json)
        {
            byte[] bytes = Utf8.Encode(json);
            return r.Parse(bytes, bytes.Length);
        }

        private static JsonReader Parsed(string json)
        {
            JsonReader r = new JsonReader();
            string error = Parse(r, json);
            Assert.IsNull(error, json + ": " + error);
            return r;
        }

        [TestMethod]
        public void TopLevelMembersAreFoundByKeyWithTheirKinds()
        {
            JsonReader r = Parsed(" {\"id\":\"abc\", \"power_W\": -7400, \"on\":true,\"off\":false,\"n\":null,\"o\":{\"x\":[1,2]},\"a\":[]}\r\n");

            Assert.AreEqual(7, r.MemberCount);
            Assert.AreEqual(JsonValueKind.String, r.KindOf("id"));
            Assert.AreEqual(JsonValueKind.Number, r.KindOf("power_W"));
            Assert.AreEqual(JsonValueKind.True, r.KindOf("on"));
            Assert.AreEqual(JsonValueKind.False, r.KindOf("off"));
            Assert.AreEqual(JsonValueKind.Null, r.KindOf("n"));
            Assert.AreEqual(JsonValueKind.Object, r.KindOf("o"));
            Assert.AreEqual(JsonValueKind.Array, r.KindOf("a"));
            Assert.AreEqual(JsonValueKind.Missing, r.KindOf("x"), "nested keys are not looked up");
            Assert.IsTrue(r.Has("n"));
            Assert.IsFalse(r.Has("ID"), "keys are case-sensitive");
            Assert.AreEqual("power_W", r.KeyAt(1));
            Assert.AreEqual(JsonValueKind.Object, r.KindAt(5));
        }

        [TestMethod]
        public void TypedGettersRefuseOtherKinds()
        {
            JsonReader r = Parsed("{\"s\":\"1\",\"n\":1,\"b\":true,\"z\":null}");
            double number;
            string text;
            bool flag;

            Assert.IsFalse(r.TryGetNumber("s", out number));
            Assert.IsFalse(r.TryGetString("n", out text));
            Assert.IsFalse(r.TryGetBool("z", out flag));
            Assert.IsFalse(r.TryGetNumber("missing", out number));
            Assert.IsTrue(r.TryGetString("s", out text));
            Assert.AreEqual("1", text);
            Assert.IsTrue(r.TryGetBool("b", out flag));
            Assert.IsTrue(flag);
        }

        [TestMethod]
        public void EscapesAreResolvedInStringsAndKeys()
        {
            JsonReader r = Parsed("{\"k\\u0065y\":\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00\",\"é\":1}");
            string text;

            Assert.IsTrue(r.TryGetString("key", out text));
            Assert.AreEqual("a\"b\\c/d\n\té\uD83D\uDE00", text);
            Assert.AreEqual(JsonValueKind.Number, r.KindOf("é"));
            Assert.AreEqual("key", r.KeyAt(0));
        }

        [TestMethod]
        [DataRow("0", 0.0)]
        [DataRow("-0", 0.0)]
        [DataRow("7400", 7400.0)]
        [DataRow("-7400", -7400.0)]
        [DataRow("49.987", 49.987)]
        [DataRow("0.2", 0.2)]
        [DataRow("0.05", 0.05)]
        [DataRow("-0.001", -0.001)]
        [DataRow("1e3", 1000.0)]
        [DataRow("1E+3", 1000.0)]
        [DataRow("2.5e-3", 0.0025)]
        [DataRow("123456789012345678901", 1.2345678901234568e20)]
        [DataRow("1e-400", 0.0)]
        [DataRow("0.000000000000000000000000000001", 1e-30)]
        public void NumbersAreReadExactlyAsDoublesWould(string text, double expected)
        {
            JsonReader r = Parsed("{\"v\":" + text + "}");
            double value;

            Assert.IsTrue(r.TryGetNumber("v", out value));
            Assert.AreEqual(expected, value, text);
        }

        [TestMethod]
        public void ExtremeExponentsAreReadWithinAFewUlps()
        {
            JsonReader r = Parsed("{\"big\":1.7976931348623157e308,\"small\":2.2250738585072014e-308,\"e\":1e308}");
            double value;

            Assert.IsTrue(r.TryGetNumber("big", out value));
            Expect.Near(1.0, value / 1.7976931348623157e308, 1e-15, "largest double");
            Assert.IsTrue(r.TryGetNumber("small", out value));
            Expect.Near(1.0, value / 2.2250738585072014e-308, 1e-15, "smallest normal double");
            Assert.IsTrue(r.TryGetNumber("e", out value));
            Expect.Near(1.0, value / 1e308, 1e-15, "1e308");
        }

        [TestMethod]
        public void IntegersMustBeWholeNumbers()
        {
            JsonReader r = Parsed("{\"a\":100,\"b\":100.5,\"c\":1e2,\"d\":1e300}");
            long value;

            Assert.IsTrue(r.TryGetInteger("a", out value));
            Assert.AreEqual(100L, value);
            Assert.IsFalse(r.TryGetInteger("b", out value));
            Assert.IsTrue(r.TryGetInteger("c", out value));
            Assert.AreEqual(100L, value);
            Assert.IsFalse(r.TryGetInteger("d", out value));
        }

        [TestMethod]
        [DataRow("{\"v\":01}", "malformed JSON at byte 6: leading zero in number")]
        [DataRow("{\"v\":1.}", "malformed JSON at byte 7: expected a digit")]
        [DataRow("{\"v\":.5}", "malformed JSON at byte 5: expected a value")]
        [DataRow("{\"v\":+1}", "malformed JSON at byte 5: expected a value")]
        [DataRow("{\"v\":-}", "malformed JSON at byte 6: expected a digit")]
        [DataRow("{\"v\":1e}", "malformed JSON at byte 7: expected a digit")]
        [DataRow("{\"v\":NaN}", "malformed JSON at byte 5: expected a value")]
        [DataRow("{\"v\":Infinity}", "malformed JSON at byte 5: expected a value")]
        [DataRow("{\"v\":0x10}", "malformed JSON at byte 6: expected ',' or '}'")]
        [DataRow("{\"v\":1.2.3}", "malformed JSON at byte 8: expected ',' or '}'")]
        [DataRow("{\"v\":1e999}", "number out of range at byte 5")]
        [DataRow("{\"v\" 1}", "malformed JSON at byte 5: expected ':'")]
        [DataRow("{\"v\":1,}", "malformed JSON at byte 7: expected '\"'")]
        [DataRow("{\"v\":1", "malformed JSON at byte 6: unexpected end, expected ',' or '}'")]
        [DataRow("{v:1}", "malformed JSON at byte 1: expected '\"'")]
        [DataRow("{'v':1}", "malformed JSON at byte 1: expected '\"'")]
        [DataRow("{\"v\":tru}", "malformed JSON at byte 8: expected 'true'")]
        [DataRow("{\"v\":nul}", "malformed JSON at byte 8: expected 'null'")]
        [DataRow("{\"v\":[1,2}", "malformed JSON at byte 9: expected ',' or ']'")]
        [DataRow("{\"v\":[1,]}", "malformed JSON at byte 8: expected a value")]
        [DataRow("{\"v\":\"abc}", "malformed JSON at byte 10: unterminated string")]
        [DataRow("{\"v\":\"a\tb\"}", "malformed JSON at byte 7: control character in string")]
        [DataRow("{\"v\":\"\\x\"}", "malformed JSON at byte 7: invalid escape")]
        [DataRow("{\"v\":\"\\u12G4\"}", "malformed JSON at byte 6: invalid \\u escape")]
        [DataRow("{\"v\":\"\\ud83d\"}", "malformed JSON at byte 6: unpaired surrogate in \\u escape")]
        [DataRow("{\"v\":\"\\ude00\"}", "malformed JSON at byte 6: unpaired surrogate in \\u escape")]
        [DataRow("{\"v\":1}x", "trailing data at byte 7")]
        [DataRow("{\"v\":1}{}", "trailing data at byte 7")]
        [DataRow("[1,2]", "not an object")]
        [DataRow("\"v\"", "not an object")]
        [DataRow("42", "not an object")]
        [DataRow("", "empty payload")]
        [DataRow("  \n ", "empty payload")]
        [DataRow("{\"id\":1,\"id\":2}", "duplicate key 'id'")]
        [DataRow("{\"id\":1,\"i\\u0064\":2}", "duplicate key 'id'")]
        [DataRow("{\"a\":{\"b\":{\"c\":{\"d\":{}}}}}", "nesting too deep: more than 4 levels")]
        [DataRow("{\"a\":[[[[1]]]]}", "nesting too deep: more than 4 levels")]
        public void BadInputIsRefusedWithAClearReason(string json, string expected)
        {
            JsonReader r = new JsonReader();

            Assert.AreEqual(expected, Parse(r, json), json);
            Assert.AreEqual(expected, r.Error);
            Assert.AreEqual(0, r.MemberCount, "nothing can be looked up after a failed parse");
            Assert.AreEqual(JsonValueKind.Missing, r.KindOf("v"));
        }

        [TestMethod]
        public void NestingUpToFourLevelsIsAccepted()
        {
            JsonReader r = Parsed("{\"a\":{\"b\":{\"c\":[1,2]}},\"z\":[[[]]]}");

            Assert.AreEqual(JsonValueKind.Object, r.KindOf("a"));
        }

        [TestMethod]
        public void InvalidUtf8IsRefused()
        {
            JsonReader r = new JsonReader();
            byte[] overlong = { (byte)'{', (byte)'"', 0xC0, 0xAF, (byte)'"', (byte)':', (byte)'1', (byte)'}' };
            byte[] truncated = { (byte)'{', (byte)'"', (byte)'v', (byte)'"', (byte)':', (byte)'"', 0xE2, 0x82, (byte)'"', (byte)'}' };
            byte[] surrogate = { (byte)'{', (byte)'"', 0xED, 0xA0, 0x80, (byte)'"', (byte)':', (byte)'1', (byte)'}' };

            Assert.AreEqual("malformed JSON at byte 2: invalid UTF-8", r.Parse(overlong, overlong.Length));
            Assert.AreEqual("malformed JSON at byte 6: invalid UTF-8", r.Parse(truncated, truncated.Length));
            Assert.AreEqual("malformed JSON at byte 2: invalid UTF-8", r.Parse(surrogate, surrogate.Length));
        }

        [TestMethod]
        public void APayloadAboveTheLimitIsRefusedBeforeReadingIt()
        {
            JsonReader r = new JsonReader();
            byte[] big = new byte[2048];

            Assert.AreEqual("payload too large: 2048 bytes > 1024", r.Parse(big, big.Length));

            r.MaxPayloadBytes = 4096;
            Assert.AreEqual("not an object", r.Parse(big, big.Length), "zeros are not JSON");
        }

        [TestMethod]
        public void OnlyTheGivenLengthIsRead()
        {
            JsonReader r = new JsonReader();
            byte[] bytes = Utf8.Encode("{\"v\":1}garbage");

            Assert.IsNull(r.Parse(bytes, 7));
            Assert.AreEqual("payload length out of range", r.Parse(bytes, bytes.Length + 1));
            Assert.AreEqual("no payload", r.Parse(null, 0));
        }

        [TestMethod]
        public void MoreThanTwentyFourMembersAreRefused()
        {
            string json = "{\"k0\":0";
            for (int i = 1; i < 24; i++)
            {
                json += ",\"k" + i.ToString() + "\":" + i.ToString();
            }

            JsonReader r = new JsonReader();
            Assert.AreEqual("too many members: more than 24", Parse(r, json + ",\"k24\":24}"));

            Assert.IsNull(Parse(r, json + "}"));
            Assert.AreEqual(24, r.MemberCount);
        }

        [TestMethod]
        public void StringsLongerThanSixtyFourCharactersAreRefused()
        {
            string sixtyFour = "0123456789012345678901234567890123456789012345678901234567890123";
            JsonReader r = new JsonReader();
            string text;

            Assert.IsNull(Parse(r, "{\"v\":\"" + sixtyFour + "\"}"));
            Assert.IsTrue(r.TryGetString("v", out text));
            Assert.AreEqual(sixtyFour, text);
            Assert.AreEqual("string too long: more than 64 characters at byte 6", Parse(r, "{\"v\":\"" + sixtyFour + "x\"}"));
            Assert.AreEqual("string too long: more than 64 characters at byte 2", Parse(r, "{\"" + sixtyFour + "x\":1}"));
        }

        [TestMethod]
        public void IndexOfStringMatchesWithoutAllocating()
        {
            JsonReader r = Parsed("{\"purpose\":\"arbitrage\",\"n\":1}");

            Assert.AreEqual(1, r.IndexOfString("purpose", SetpointPurposes.All));
            Assert.AreEqual(-1, r.IndexOfString("n", SetpointPurposes.All));
            Assert.AreEqual(-1, r.IndexOfString("missing", SetpointPurposes.All));
            Assert.IsTrue(r.KeyAtIsOneOf(0, SetpointCommand.Keys));
            Assert.IsFalse(r.KeyAtIsOneOf(1, SetpointCommand.Keys));
        }

        [TestMethod]
        public void AReaderIsReusedForTheNextPayload()
        {
            JsonReader r = Parsed("{\"a\":1,\"b\":2}");
            Assert.IsNull(Parse(r, "{\"c\":3}"));

            Assert.AreEqual(1, r.MemberCount);
            Assert.IsFalse(r.Has("a"));
            Assert.IsNull(r.Error);
        }
    }
}
