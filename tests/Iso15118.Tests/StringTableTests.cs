using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Protocol.Iso15118.Exi;
using V2G.Protocol.Iso15118.Generated.AppHand;

namespace V2G.Iso15118.Tests
{
    /// <summary>
    /// String-table hits (EXI 1.0 §7.3.3), which EXIficient-based peers may send: accepted when
    /// decoding, never emitted. Streams are built by hand: supportedAppProtocolReq with AppProtocols
    /// whose ProtocolNamespace is a literal or a hit.
    /// </summary>
    [TestClass]
    public sealed class StringTableTests
    {
        static readonly string[] Namespaces = { "urn:iso:std:iso:15118:-20:DC", "urn:iso:15118:2:2013:MsgDef" };

        // One AppProtocol's content; writeNamespace writes the ProtocolNamespace value (after CH).
        static void WriteProtocol(ExiBitWriter w, System.Action<ExiBitWriter> writeNamespace, byte schemaId)
        {
            w.WriteBits(1, 0);              // SE(ProtocolNamespace)
            w.WriteBits(1, 0);              // CH
            writeNamespace(w);
            w.WriteBits(1, 0);              // EE
            w.WriteBits(1, 0);              // SE(VersionNumberMajor)
            w.WriteElementUnsigned(1);
            w.WriteBits(1, 0);              // SE(VersionNumberMinor)
            w.WriteElementUnsigned(0);
            w.WriteBits(1, 0);              // SE(SchemaID)
            w.WriteElementBits(8, schemaId);
            w.WriteBits(1, 0);              // SE(Priority)
            w.WriteElementBits(5, 0);       // Priority 1
            w.WriteBits(1, 0);              // EE
        }

        static void Literal(ExiBitWriter w, string s)
        {
            var x = new ExiString(s.Length);
            x.Set(s);
            w.WriteString(x);
        }

        static byte[] Stream(System.Action<ExiBitWriter> third)
        {
            var buffer = new byte[512];
            var w = new ExiBitWriter();
            w.Reset(buffer, 0, buffer.Length);
            w.WriteHeader();
            w.WriteBits(AppHandDocument.RootEventCodeBits, (uint)AppHandRoot.supportedAppProtocolReq);
            w.WriteBits(1, 0);
            WriteProtocol(w, x => Literal(x, Namespaces[0]), 1);
            w.WriteBits(2, 0);
            WriteProtocol(w, x => Literal(x, Namespaces[1]), 2);
            w.WriteBits(2, 0);
            WriteProtocol(w, third, 3);
            w.WriteBits(2, 1);              // EE
            w.PadToByte();
            return buffer.AsSpan(0, w.Length).ToArray();
        }

        static ExiError Decode(AppHandDocument doc, System.Action<ExiBitWriter> third)
        {
            byte[] data = Stream(third);
            return doc.Decode(data, 0, data.Length);
        }

        [TestMethod]
        public void ALocalValueHitDecodesToTheEarlierValueOfThatElement()
        {
            var doc = new AppHandDocument();
            // Local table of ProtocolNamespace holds 2 values: compact id in 1 bit.
            Assert.AreEqual(ExiError.Ok, Decode(doc, w => { w.WriteUnsigned(0); w.WriteBits(1, 1); }));
            Assert.AreEqual(3, doc.supportedAppProtocolReq.AppProtocolCount);
            Assert.AreEqual(Namespaces[1], doc.supportedAppProtocolReq.AppProtocol[2].ProtocolNamespace.ToString());
            Assert.AreEqual(3, doc.supportedAppProtocolReq.AppProtocol[2].SchemaID);
        }

        [TestMethod]
        public void AGlobalValueHitDecodesToTheEarlierValue()
        {
            var doc = new AppHandDocument();
            Assert.AreEqual(ExiError.Ok, Decode(doc, w => { w.WriteUnsigned(1); w.WriteBits(1, 0); }));
            Assert.AreEqual(Namespaces[0], doc.supportedAppProtocolReq.AppProtocol[2].ProtocolNamespace.ToString());
        }

        [TestMethod]
        public void AHitNamingNoEntryIsAStringTableMiss()
        {
            var doc = new AppHandDocument();
            // Two entries need 1 bit; with a third literal the table has 3 entries and 2-bit ids: id 3 is none.
            var buffer = new byte[512];
            var w = new ExiBitWriter();
            w.Reset(buffer, 0, buffer.Length);
            w.WriteHeader();
            w.WriteBits(AppHandDocument.RootEventCodeBits, (uint)AppHandRoot.supportedAppProtocolReq);
            w.WriteBits(1, 0);
            WriteProtocol(w, x => Literal(x, "a"), 1);
            w.WriteBits(2, 0);
            WriteProtocol(w, x => Literal(x, "b"), 2);
            w.WriteBits(2, 0);
            WriteProtocol(w, x => Literal(x, "c"), 3);
            w.WriteBits(2, 0);
            WriteProtocol(w, x => { x.WriteUnsigned(0); x.WriteBits(2, 3); }, 4);
            w.WriteBits(2, 1);
            w.PadToByte();
            Assert.AreEqual(ExiError.StringTableMiss, doc.Decode(buffer, 0, w.Length));
        }

        [TestMethod]
        public void TheEncoderNeverEmitsHits()
        {
            var doc = new AppHandDocument();
            Assert.AreEqual(ExiError.Ok, Decode(doc, w => { w.WriteUnsigned(0); w.WriteBits(1, 0); }));
            var output = new byte[512];
            Assert.AreEqual(ExiError.Ok, doc.Encode(output, 0, output.Length, out int length));
            byte[] allLiterals = Stream(x => Literal(x, Namespaces[0]));
            CollectionAssert.AreEqual(allLiterals, output.AsSpan(0, length).ToArray());
        }
    }
}
