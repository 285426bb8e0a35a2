using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Protocol.Iso15118.Exi;

namespace V2G.Iso15118.Tests
{
    /// <summary>The runtime's primitives: what the writer writes, the reader reads back, inside the caller's window only.</summary>
    [TestClass]
    public sealed class ExiBitStreamTests
    {
        [TestMethod]
        public void RandomBitFieldsReadBackAsWritten()
        {
            var rng = new Random(1);
            var buffer = new byte[4096];
            var widths = new int[2000];
            var values = new uint[2000];
            var w = new ExiBitWriter();
            Assert.AreEqual(ExiError.Ok, w.Reset(buffer, 0, buffer.Length));
            for (int i = 0; i < widths.Length; i++)
            {
                widths[i] = rng.Next(33);
                values[i] = (uint)rng.NextInt64(0, 1L << widths[i]);
                Assert.AreEqual(ExiError.Ok, w.WriteBits(widths[i], values[i]));
            }
            var r = new ExiBitReader();
            Assert.AreEqual(ExiError.Ok, r.Reset(buffer, 0, w.Length));
            for (int i = 0; i < widths.Length; i++)
            {
                Assert.AreEqual(ExiError.Ok, r.ReadBits(widths[i], out uint v));
                Assert.AreEqual(values[i], v, "field " + i + " of " + widths[i] + " bits");
            }
        }

        [TestMethod]
        public void IntegersAtTheirLimitsReadBackAsWritten()
        {
            ulong[] unsigned = { 0, 1, 127, 128, 16383, 16384, uint.MaxValue, long.MaxValue, ulong.MaxValue };
            long[] signed = { 0, -1, 1, -64, 64, -129, int.MinValue, long.MaxValue, long.MinValue };
            var buffer = new byte[256];
            var w = new ExiBitWriter();
            w.Reset(buffer, 0, buffer.Length);
            foreach (var u in unsigned) Assert.AreEqual(ExiError.Ok, w.WriteUnsigned(u));
            foreach (var s in signed) Assert.AreEqual(ExiError.Ok, w.WriteInteger(s));
            var r = new ExiBitReader();
            r.Reset(buffer, 0, w.Length);
            foreach (var u in unsigned)
            {
                Assert.AreEqual(ExiError.Ok, r.ReadUnsigned(out ulong v));
                Assert.AreEqual(u, v);
            }
            foreach (var s in signed)
            {
                Assert.AreEqual(ExiError.Ok, r.ReadInteger(out long v));
                Assert.AreEqual(s, v);
            }
        }

        [TestMethod]
        public void AnUnsignedIntegerOfMoreThan64BitsIsOutOfRange()
        {
            // 2^64: ten octets, the last carrying 2.
            byte[] data = { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02 };
            var r = new ExiBitReader();
            r.Reset(data, 0, data.Length);
            Assert.AreEqual(ExiError.ValueOutOfRange, r.ReadUnsigned(out ulong _));
        }

        [TestMethod]
        public void TheWriterTouchesNothingOutsideItsWindow()
        {
            var buffer = new byte[16];
            Array.Fill(buffer, (byte)0xFF);
            var w = new ExiBitWriter();
            w.Reset(buffer, 4, 8);
            w.WriteHeader();
            w.WriteBits(3, 0b101);
            w.PadToByte();
            Assert.AreEqual(2, w.Length);
            CollectionAssert.AreEqual(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x80, 0xA0, 0xFF, 0xFF }, buffer[..8]);
            Assert.AreEqual(ExiError.Ok, w.WriteBits(32, 0xFFFFFFFF));       // 6 bytes of the window were left
            Assert.AreEqual(ExiError.BufferTooSmall, w.WriteBits(32, 0xFFFFFFFF)); // 2 are left
            for (int i = 12; i < 16; i++) Assert.AreEqual(0xFF, buffer[i]);
        }

        [TestMethod]
        public void StringsCarryCharactersBeyondTheBasicPlane()
        {
            var s = new ExiString(8);
            s.Set("a\U0001F50Cb"); // a, plug (surrogate pair), b
            var buffer = new byte[64];
            var w = new ExiBitWriter();
            w.Reset(buffer, 0, buffer.Length);
            Assert.AreEqual(ExiError.Ok, w.WriteString(s));
            var r = new ExiBitReader();
            r.Reset(buffer, 0, w.Length);
            Assert.AreEqual(ExiError.Ok, r.ReadUnsigned(out ulong length));
            Assert.AreEqual(3UL + 2, length, "3 code points");
            r.Reset(buffer, 0, w.Length);
            var back = new ExiString(8);
            Assert.AreEqual(ExiError.Ok, r.ReadString(back, 0));
            Assert.AreEqual("a\U0001F50Cb", back.ToString());
        }
    
        [TestMethod]
        public void ABigIntegerThatFitsALongIsEncodedLikeALong()
        {
            var rng = new Random(3);
            var g = new ExiBigInteger(32);
            var a = new byte[64];
            var b = new byte[64];
            var wa = new ExiBitWriter();
            var wb = new ExiBitWriter();
            var r = new ExiBitReader();
            var back = new ExiBigInteger(32);
            long[] edges = { 0, 1, -1, 63, 64, -64, -65, 127, 128, -128, -129, long.MaxValue, long.MinValue, long.MinValue + 1 };
            for (int i = 0; i < 2000; i++)
            {
                long v = i < edges.Length ? edges[i] : rng.NextInt64(long.MinValue, long.MaxValue) >> rng.Next(63);
                g.Set(v);
                wa.Reset(a, 0, a.Length);
                wb.Reset(b, 0, b.Length);
                Assert.AreEqual(ExiError.Ok, wa.WriteBigInteger(g));
                Assert.AreEqual(ExiError.Ok, wb.WriteInteger(v));
                wa.PadToByte();
                wb.PadToByte();
                CollectionAssert.AreEqual(b[..wb.Length], a[..wa.Length], "value " + v);
                r.Reset(a, 0, wa.Length);
                Assert.AreEqual(ExiError.Ok, r.ReadBigInteger(back));
                Assert.IsTrue(back.TryGetInt64(out long got));
                Assert.AreEqual(v, got);
            }
        }

        [TestMethod]
        public void ATwentyOctetCertificateSerialNumberSurvivesEncodeAndDecode()
        {
            var serial = System.Numerics.BigInteger.Parse("1157920892373161954235709850086879078532699846656405"); // > 2^159
            var g = new ExiBigInteger(32);
            FieldTree.SetBig(g, serial);
            Assert.AreEqual(22, g.Length);
            var buffer = new byte[64];
            var w = new ExiBitWriter();
            w.Reset(buffer, 0, buffer.Length);
            Assert.AreEqual(ExiError.Ok, w.WriteBigInteger(g));
            var r = new ExiBitReader();
            r.Reset(buffer, 0, w.Length);
            var back = new ExiBigInteger(32);
            Assert.AreEqual(ExiError.Ok, r.ReadBigInteger(back));
            Assert.AreEqual(serial, FieldTree.ToBig(back));
            Assert.IsFalse(back.TryGetInt64(out long _));

            r.Reset(buffer, 0, w.Length);
            Assert.AreEqual(ExiError.ValueOutOfRange, r.ReadBigInteger(new ExiBigInteger(16)), "larger than the capacity");
        }
    }
}
