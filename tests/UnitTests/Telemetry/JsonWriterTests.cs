#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Telemetry;

namespace V2G.UnitTests.Telemetry
{
    [TestClass]
    public class JsonWriterTests
    {
        [TestMethod]
        public void MembersAreWrittenInOrderWithCommas()
        {
            JsonWriter w = new JsonWriter(256);
            w.BeginObject();
            w.String("a", "x");
            w.Integer("b", -42);
            w.Boolean("c", true);
            w.Boolean("d", false);
            w.Null("e");
            w.Number("f", 1.5, 2);
            w.EndObject();

            Assert.AreEqual("{\"a\":\"x\",\"b\":-42,\"c\":true,\"d\":false,\"e\":null,\"f\":1.50}", w.ToString());
            Assert.IsFalse(w.Overflowed);
            Assert.AreEqual(0, w.Depth);
        }

        [TestMethod]
        public void NestedObjectsAndArraysTakeNamesOrNone()
        {
            JsonWriter w = new JsonWriter(256);
            w.BeginObject();
            w.BeginArray("p");
            w.String(null, "iso15118-20");
            w.Integer(null, 2);
            w.BeginObject();
            w.Integer("x", 1);
            w.EndObject();
            w.BeginArray(null);
            w.EndArray();
            w.EndArray();
            w.BeginObject("o");
            w.EndObject();
            w.Name("n");
            w.BeginObject();
            w.Null("z");
            w.EndObject();
            w.Name("v");
            w.Integer(null, 7);
            w.EndObject();

            Assert.AreEqual("{\"p\":[\"iso15118-20\",2,{\"x\":1},[]],\"o\":{},\"n\":{\"z\":null},\"v\":7}", w.ToString());
        }

        [TestMethod]
        public void NumbersHaveFixedDecimalsRoundedHalfAwayFromZero()
        {
            JsonWriter w = new JsonWriter(256);
            w.BeginArray(null);
            w.Number(null, -7400, 1);
            w.Number(null, 49.9874, 3);
            w.Number(null, 49.98751, 3);
            w.Number(null, -0.04, 1);
            w.Number(null, 0.05, 1);
            w.Number(null, -2.5, 0);
            w.Number(null, 401.2, 2);
            w.Number(null, 123456789.25, 1);
            w.EndArray();

            Assert.AreEqual("[-7400.0,49.987,49.988,0.0,0.1,-3,401.20,123456789.3]", w.ToString());
        }

        [TestMethod]
        public void NaNAndInfinitiesAreWrittenAsNull()
        {
            JsonWriter w = new JsonWriter(128);
            w.BeginObject();
            w.Number("a", double.NaN, 1);
            w.Number("b", double.PositiveInfinity, 1);
            w.Number("c", double.NegativeInfinity, 1);
            w.Number("d", 1e30, 1);
            w.EndObject();

            Assert.AreEqual("{\"a\":null,\"b\":null,\"c\":null,\"d\":null}", w.ToString());
        }

        [TestMethod]
        public void IntegersCoverTheWholeLongRange()
        {
            JsonWriter w = new JsonWriter(128);
            w.BeginArray(null);
            w.Integer(null, long.MinValue);
            w.Integer(null, long.MaxValue);
            w.Integer(null, 0);
            w.EndArray();

            Assert.AreEqual("[-9223372036854775808,9223372036854775807,0]", w.ToString());
        }

        [TestMethod]
        public void QuotesBackslashesAndControlCharactersAreEscaped()
        {
            JsonWriter w = new JsonWriter(128);
            w.BeginObject();
            w.String("k\"", "a\"b\\c\n\r\t\b\f\u0001\u001f/");
            w.EndObject();

            Assert.AreEqual("{\"k\\\"\":\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f/\"}", w.ToString());
        }

        [TestMethod]
        public void NonAsciiIsWrittenAsUtf8()
        {
            JsonWriter w = new JsonWriter(64);
            w.BeginArray(null);
            w.String(null, "é€\uD83D\uDE00\uD800");
            w.EndArray();

            byte[] expected = { (byte)'[', (byte)'"', 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0xEF, 0xBF, 0xBD, (byte)'"', (byte)']' };
            Assert.AreEqual(expected.Length, w.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], w.Buffer[i], "byte " + i.ToString());
            }
        }

        [TestMethod]
        public void ANullStringIsJsonNull()
        {
            JsonWriter w = new JsonWriter(64);
            w.BeginObject();
            w.String("id", null);
            w.EndObject();

            Assert.AreEqual("{\"id\":null}", w.ToString());
        }

        [TestMethod]
        public void TimestampsAreRfc3339UtcWithMilliseconds()
        {
            JsonWriter w = new JsonWriter(64);
            w.BeginObject();
            w.Timestamp("ts", 1795669201000);
            w.EndObject();

            Assert.AreEqual("{\"ts\":\"2026-11-26T05:00:01.000Z\"}", w.ToString());
        }

        [TestMethod]
        public void WhatDoesNotFitSetsOverflowedAndStopsWriting()
        {
            JsonWriter w = new JsonWriter(16);
            w.BeginObject();
            w.String("state", "energy_transfer");
            Assert.IsTrue(w.Overflowed);
            int length = w.Length;
            w.Integer("x", 1);
            w.EndObject();

            Assert.IsTrue(w.Overflowed);
            Assert.AreEqual(length, w.Length, "nothing is written after an overflow");
        }

        [TestMethod]
        public void ExactlyFullIsNotAnOverflow()
        {
            JsonWriter w = new JsonWriter(7);
            w.BeginObject();
            w.Integer("a", 1);
            w.EndObject();

            Assert.IsFalse(w.Overflowed);
            Assert.AreEqual("{\"a\":1}", w.ToString());
        }

        [TestMethod]
        public void ATimestampThatDoesNotFitIsNotWrittenInPart()
        {
            JsonWriter w = new JsonWriter(20);
            w.BeginObject();
            w.Timestamp("ts", 0);

            Assert.IsTrue(w.Overflowed);
            Assert.AreEqual("{\"ts\":", w.ToString());
        }

        [TestMethod]
        public void ClosingMoreThanWasOpenedIsFlagged()
        {
            JsonWriter w = new JsonWriter(16);
            w.BeginObject();
            w.EndObject();
            w.EndObject();

            Assert.IsTrue(w.Overflowed);
        }

        [TestMethod]
        public void ResetStartsANewDocument()
        {
            JsonWriter w = new JsonWriter(8);
            w.BeginObject();
            w.String("long", "too long for eight bytes");
            Assert.IsTrue(w.Overflowed);

            w.Reset();
            w.BeginObject();
            w.Integer("a", 1);
            w.EndObject();

            Assert.IsFalse(w.Overflowed);
            Assert.AreEqual("{\"a\":1}", w.ToString());
        }

        [TestMethod]
        public void CopyToCopiesTheDocumentWhenItFits()
        {
            JsonWriter w = new JsonWriter(16);
            w.BeginObject();
            w.EndObject();
            byte[] target = new byte[4];

            Assert.AreEqual(2, w.CopyTo(target, 1));
            Assert.AreEqual((byte)'{', target[1]);
            Assert.AreEqual((byte)'}', target[2]);
            Assert.AreEqual(0, w.CopyTo(target, 3));
        }
    }
}
