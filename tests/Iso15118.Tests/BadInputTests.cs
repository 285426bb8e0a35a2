using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Protocol.Iso15118.Exi;
using V2G.Protocol.Iso15118.Generated.AppHand;
using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Dc;

namespace V2G.Iso15118.Tests
{
    /// <summary>Bad streams give the right ExiError and never an exception.</summary>
    [TestClass]
    public sealed class BadInputTests
    {
        [TestMethod]
        public void EveryTruncationOfAStreamReportsEndOfStream()
        {
            var doc = new Iso20DcDocument();
            byte[] full = Samples.DcChargeLoopReqBptDynamic;
            for (int length = 0; length < full.Length; length++)
            {
                Assert.AreEqual(ExiError.EndOfStream, doc.Decode(full, 0, length), "length " + length);
                Assert.AreEqual(Iso20DcRoot.None, doc.Root);
            }
            Assert.AreEqual(ExiError.Ok, doc.Decode(full, 0, full.Length));
        }

        [TestMethod]
        public void AHeaderOtherThan0x80IsRefused()
        {
            var doc = new Iso20DcDocument();
            byte[] data = (byte[])Samples.DcChargeLoopReqBptDynamic.Clone();
            foreach (byte header in new byte[] { 0x00, 0x81, 0x90, 0xA0, 0xC0, 0x24 })
            {
                data[0] = header;
                Assert.AreEqual(ExiError.BadHeader, doc.Decode(data, 0, data.Length), "header " + header);
            }
        }

        [TestMethod]
        public void ADocumentEventCodeBeyondTheGlobalElementsIsUnexpected()
        {
            // appHand: 2 global elements + SE(*) in 2 bits; code 3 names nothing.
            Assert.AreEqual(ExiError.UnexpectedEvent, new AppHandDocument().Decode(new byte[] { 0x80, 0xC0 }, 0, 2));
            // appHand: code 2 is SE(*), a second-level production this codec does not accept.
            Assert.AreEqual(ExiError.UnexpectedEvent, new AppHandDocument().Decode(new byte[] { 0x80, 0x80 }, 0, 2));
            // DC: 6 bits, 63 names nothing.
            Assert.AreEqual(ExiError.UnexpectedEvent, new Iso20DcDocument().Decode(new byte[] { 0x80, 0xFC }, 0, 2));
        }

        [TestMethod]
        public void AnEventCodeOutOfRangeInsideAMessageIsUnexpected()
        {
            // SessionSetupRes, then in the Header the 1-bit event code for SessionID set to 1 (the second level).
            var w = new ExiBitWriter();
            var buffer = new byte[16];
            w.Reset(buffer, 0, buffer.Length);
            w.WriteHeader();
            w.WriteBits(Iso20CommonMessagesDocument.RootEventCodeBits, (uint)Iso20CommonMessagesRoot.SessionSetupRes);
            w.WriteBits(1, 0); // SE(Header)
            w.WriteBits(1, 1); // not SE(SessionID)
            w.PadToByte();
            Assert.AreEqual(ExiError.UnexpectedEvent, new Iso20CommonMessagesDocument().Decode(buffer, 0, w.Length));
        }

        [TestMethod]
        public void AnEnumerationIndexBeyondItsValuesIsOutOfRange()
        {
            var w = new ExiBitWriter();
            var buffer = new byte[8];
            w.Reset(buffer, 0, buffer.Length);
            w.WriteHeader();
            w.WriteBits(AppHandDocument.RootEventCodeBits, (uint)AppHandRoot.supportedAppProtocolRes);
            w.WriteBits(1, 0); // SE(ResponseCode)
            w.WriteElementBits(2, 3); // 3 values: index 3 is none of them
            w.PadToByte();
            Assert.AreEqual(ExiError.ValueOutOfRange, new AppHandDocument().Decode(buffer, 0, w.Length));
        }

        static AppProtocolType Protocol(string ns, byte schemaId, byte priority)
        {
            var p = new AppProtocolType();
            p.ProtocolNamespace.Set(ns);
            p.VersionNumberMajor = 1;
            p.SchemaID = schemaId;
            p.Priority = priority;
            return p;
        }

        [TestMethod]
        public void AfterMaxOccursRepetitionsOnlyTheEndOfTheElementIsAProduction()
        {
            // supportedAppProtocolReq allows 20 AppProtocol; after the 20th the state has EE alone
            // (1 bit), so a 21st can only come as the escape to the second level, which is refused.
            var w = new ExiBitWriter();
            var buffer = new byte[2048];
            w.Reset(buffer, 0, buffer.Length);
            w.WriteHeader();
            w.WriteBits(AppHandDocument.RootEventCodeBits, (uint)AppHandRoot.supportedAppProtocolReq);
            var p = Protocol("urn:iso:std:iso:15118:-20:DC", 1, 1);
            for (int i = 0; i < 20; i++)
            {
                w.WriteBits(i == 0 ? 1 : 2, 0); // SE(AppProtocol): 1 bit before minOccurs, then 2 bits (SE, EE + escape)
                Assert.AreEqual(ExiError.Ok, p.Encode(w));
            }
            w.WriteBits(1, 1); // escape: not EE
            w.PadToByte();
            Assert.AreEqual(ExiError.UnexpectedEvent, new AppHandDocument().Decode(buffer, 0, w.Length));
        }

        [TestMethod]
        public void MoreRepetitionsThanTheArrayCapacityAreRefused()
        {
            // EVPowerProfileEntry allows 2048 by the schema; the generated array holds 64 (the documented cap).
            var w = new ExiBitWriter();
            var buffer = new byte[4096];
            w.Reset(buffer, 0, buffer.Length);
            var entry = new PowerScheduleEntryType();
            entry.Duration = 3600;
            entry.Power = new V2G.Protocol.Iso15118.Generated.Iso20.RationalNumberType();
            entry.Power.Exponent = 1;
            entry.Power.Value = 1100;
            var list = new EVPowerProfileEntryListType();
            Assert.AreEqual(64, list.EVPowerProfileEntry.Length);
            for (int i = 0; i < 65; i++)
            {
                w.WriteBits(i == 0 ? 1 : 2, 0);
                Assert.AreEqual(ExiError.Ok, entry.Encode(w));
            }
            w.WriteBits(2, 1); // EE
            w.PadToByte();
            var r = new ExiBitReader();
            r.Reset(buffer, 0, w.Length);
            Assert.AreEqual(ExiError.ArrayTooLong, list.Decode(r));

            // 64 are fine.
            w.Reset(buffer, 0, buffer.Length);
            for (int i = 0; i < 64; i++)
            {
                w.WriteBits(i == 0 ? 1 : 2, 0);
                entry.Encode(w);
            }
            w.WriteBits(2, 1);
            w.PadToByte();
            r.Reset(buffer, 0, w.Length);
            Assert.AreEqual(ExiError.Ok, list.Decode(r));
            Assert.AreEqual(64, list.EVPowerProfileEntryCount);
        }

        [TestMethod]
        public void EncodingMoreItemsThanTheArrayHoldsIsRefused()
        {
            var doc = new AppHandDocument();
            doc.Root = AppHandRoot.supportedAppProtocolReq;
            doc.supportedAppProtocolReq = new SupportedAppProtocolReqType();
            doc.supportedAppProtocolReq.AppProtocolCount = 21;
            Assert.AreEqual(ExiError.ArrayTooLong, doc.Encode(new byte[256], 0, 256, out int _));
        }

        [TestMethod]
        public void EncodingFewerItemsThanMinOccursIsRefused()
        {
            var doc = new AppHandDocument();
            doc.Root = AppHandRoot.supportedAppProtocolReq;
            doc.supportedAppProtocolReq = new SupportedAppProtocolReqType();
            Assert.AreEqual(ExiError.ArrayTooShort, doc.Encode(new byte[256], 0, 256, out int _));
        }

        [TestMethod]
        public void AStringLongerThanMaxLengthIsRefused()
        {
            // ProtocolNamespace has maxLength 100; send 101 characters.
            var w = new ExiBitWriter();
            var buffer = new byte[512];
            w.Reset(buffer, 0, buffer.Length);
            w.WriteHeader();
            w.WriteBits(AppHandDocument.RootEventCodeBits, (uint)AppHandRoot.supportedAppProtocolReq);
            w.WriteBits(1, 0); // SE(AppProtocol)
            w.WriteBits(1, 0); // SE(ProtocolNamespace)
            var s = new ExiString(101);
            s.Set(new string('x', 101));
            w.WriteElementString(s);
            w.PadToByte();
            Assert.AreEqual(ExiError.StringTooLong, new AppHandDocument().Decode(buffer, 0, w.Length));
        }

        [TestMethod]
        public void EncodingIntoATooSmallBufferIsRefused()
        {
            var doc = new Iso20DcDocument();
            Assert.AreEqual(ExiError.Ok, doc.Decode(Samples.DcChargeLoopReqBptDynamic, 0, Samples.DcChargeLoopReqBptDynamic.Length));
            for (int capacity = 0; capacity < Samples.DcChargeLoopReqBptDynamic.Length; capacity++)
            {
                Assert.AreEqual(ExiError.BufferTooSmall, doc.Encode(new byte[capacity], 0, capacity, out int length), "capacity " + capacity);
            }
        }

        [TestMethod]
        public void EncodingAValueOutsideItsFacetsIsRefused()
        {
            var doc = new AppHandDocument();
            doc.Root = AppHandRoot.supportedAppProtocolReq;
            doc.supportedAppProtocolReq = new SupportedAppProtocolReqType();
            doc.supportedAppProtocolReq.AppProtocol[0] = Protocol("urn:x", 1, 21); // Priority is 1..20
            doc.supportedAppProtocolReq.AppProtocolCount = 1;
            Assert.AreEqual(ExiError.ValueOutOfRange, doc.Encode(new byte[256], 0, 256, out int _));
        }

        [TestMethod]
        public void AnUnsignedNumberBeyondItsTypeIsOutOfRange()
        {
            // VersionNumberMajor is xs:unsignedInt: send 2^32.
            var w = new ExiBitWriter();
            var buffer = new byte[256];
            w.Reset(buffer, 0, buffer.Length);
            w.WriteHeader();
            w.WriteBits(AppHandDocument.RootEventCodeBits, (uint)AppHandRoot.supportedAppProtocolReq);
            w.WriteBits(1, 0); // SE(AppProtocol)
            w.WriteBits(1, 0); // SE(ProtocolNamespace)
            var s = new ExiString(8);
            s.Set("urn:x");
            w.WriteElementString(s);
            w.WriteBits(1, 0); // SE(VersionNumberMajor)
            w.WriteElementUnsigned(1UL << 32);
            w.PadToByte();
            Assert.AreEqual(ExiError.ValueOutOfRange, new AppHandDocument().Decode(buffer, 0, w.Length));
        }

        [TestMethod]
        public void EncodingAnUndefinedEnumerationValueIsRefused()
        {
            var doc = new AppHandDocument();
            doc.Root = AppHandRoot.supportedAppProtocolRes;
            doc.supportedAppProtocolRes = new SupportedAppProtocolResType();
            doc.supportedAppProtocolRes.ResponseCode = (ResponseCodeType)3;
            Assert.AreEqual(ExiError.ValueOutOfRange, doc.Encode(new byte[16], 0, 16, out int _));
        }

        [TestMethod]
        public void EncodingWithoutARootIsMissingElement()
        {
            Assert.AreEqual(ExiError.MissingElement, new Iso20DcDocument().Encode(new byte[64], 0, 64, out int _));
        }

        [TestMethod]
        public void BadBufferArgumentsAreRefused()
        {
            var doc = new Iso20DcDocument();
            Assert.AreEqual(ExiError.InvalidArgument, doc.Decode(null, 0, 0));
            Assert.AreEqual(ExiError.InvalidArgument, doc.Decode(new byte[4], 2, 3));
            Assert.AreEqual(ExiError.InvalidArgument, doc.Decode(new byte[4], -1, 1));
            Assert.AreEqual(ExiError.InvalidArgument, doc.Encode(new byte[4], 3, 2, out int _));
        }

        [TestMethod]
        public void RandomCorruptionOfAStreamNeverThrowsAndWhatDecodesReencodesToTheSameFields()
        {
            var rng = new Random(15118);
            byte[][] samples = { Samples.SupportedAppProtocolReq, Samples.SessionSetupRes, Samples.DcChargeLoopReqBptDynamic };
            string[] grammars = { "appHand", "iso20_CommonMessages", "iso20_DC" };
            var docs = new object[3];
            var again = new object[3];
            for (int k = 0; k < 3; k++)
            {
                docs[k] = Vectors.NewDocument(grammars[k]);
                again[k] = Vectors.NewDocument(grammars[k]);
            }
            var buffer = new byte[8192];
            int decoded = 0;
            for (int i = 0; i < 6000; i++)
            {
                int k = i % 3;
                byte[] data = (byte[])samples[k].Clone();
                int flips = 1 + rng.Next(4);
                for (int f = 0; f < flips; f++)
                {
                    int bit = 8 + rng.Next((data.Length - 1) * 8); // keep the header, corrupt the body
                    data[bit >> 3] ^= (byte)(0x80 >> (bit & 7));
                }
                ExiError e = FieldTree.Decode(docs[k], data);
                Assert.IsTrue(Enum.IsDefined(e), "unknown error " + (int)e);
                if (e != ExiError.Ok) continue;
                decoded++;
                string root = FieldTree.RootName(docs[k]);
                e = FieldTree.Encode(docs[k], buffer, out int length);
                Assert.AreEqual(ExiError.Ok, e, "re-encoding a stream that decoded");
                Assert.AreEqual(ExiError.Ok, FieldTree.Decode(again[k], buffer.AsSpan(0, length).ToArray()));
                Assert.AreEqual(FieldTree.Canonical(FieldTree.ToTree(FieldTree.RootObject(docs[k], root))),
                    FieldTree.Canonical(FieldTree.ToTree(FieldTree.RootObject(again[k], root))));
            }
            Assert.IsTrue(decoded > 100, "too few corrupted streams still decoded (" + decoded + ") to exercise the encoder");
        }
    }
}
