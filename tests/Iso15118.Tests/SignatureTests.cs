using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Protocol.Iso15118.Exi;
using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Iso20;

namespace V2G.Iso15118.Tests
{
    /// <summary>
    /// xmldsig in the -20 grammars: a signed header (Plug and Charge) both ways, and the open parts of
    /// xmldsig (mixed content, wildcards) decoded from hand-built streams. No reference vector carries a
    /// Signature: these check self-consistency and the EXI 1.0 rules as read, not interop.
    /// </summary>
    [TestClass]
    public sealed class SignatureTests
    {
        const string C14n = "http://www.w3.org/2001/10/xml-exc-c14n#";
        const string Ecdsa = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
        const string Sha256 = "http://www.w3.org/2001/04/xmlenc#sha256";

        static byte[] Bytes(int n, int seed) => Enumerable.Range(0, n).Select(i => (byte)(i * 7 + seed)).ToArray();

        static Iso20CommonMessagesDocument SignedAuthorizationReq(bool keyInfo)
        {
            var doc = new Iso20CommonMessagesDocument { Root = Iso20CommonMessagesRoot.AuthorizationReq };
            var req = doc.AuthorizationReq = new AuthorizationReqType();
            req.Header = new MessageHeaderType();
            req.Header.SessionID.Set(Bytes(8, 1), 0, 8);
            req.Header.TimeStamp = 1732579200;
            req.Header.HasSignature = true;
            var sig = req.Header.Signature = new SignatureType();
            sig.SignedInfo = new SignedInfoType();
            sig.SignedInfo.CanonicalizationMethod = new CanonicalizationMethodType();
            sig.SignedInfo.CanonicalizationMethod.Algorithm.Set(C14n);
            sig.SignedInfo.SignatureMethod = new SignatureMethodType();
            sig.SignedInfo.SignatureMethod.Algorithm.Set(Ecdsa);
            var reference = sig.SignedInfo.Reference[0] = new ReferenceType();
            sig.SignedInfo.ReferenceCount = 1;
            reference.URI.Set("#id1");
            reference.HasURI = true;
            reference.Id.Set("ref1");
            reference.HasId = true;
            reference.HasTransforms = true;
            reference.Transforms = new TransformsType();
            reference.Transforms.Transform[0] = new TransformType();
            reference.Transforms.Transform[0].Algorithm.Set(C14n);
            reference.Transforms.TransformCount = 1;
            reference.DigestMethod = new DigestMethodType();
            reference.DigestMethod.Algorithm.Set(Sha256);
            reference.DigestValue.Set(Bytes(32, 3), 0, 32);
            sig.SignatureValue = new SignatureValueType();
            sig.SignatureValue.Value.Set(Bytes(64, 5), 0, 64);
            if (keyInfo)
            {
                sig.HasKeyInfo = true;
                sig.KeyInfo = new KeyInfoType();
                sig.KeyInfo.KeyName[0].Set("contract-key");
                sig.KeyInfo.KeyNameCount = 1;
            }
            req.SelectedAuthorizationService = AuthorizationType.PnC;
            req.HasPnC_AReqAuthorizationMode = true;
            var pnc = req.PnC_AReqAuthorizationMode = new PnC_AReqAuthorizationModeType();
            pnc.Id.Set("id1");
            pnc.GenChallenge.Set(Bytes(16, 9), 0, 16);
            pnc.ContractCertificateChain = new ContractCertificateChainType();
            pnc.ContractCertificateChain.Certificate.Set(Bytes(300, 11), 0, 300);
            pnc.ContractCertificateChain.SubCertificates = new SubCertificatesType();
            pnc.ContractCertificateChain.SubCertificates.Certificate[0].Set(Bytes(200, 13), 0, 200);
            pnc.ContractCertificateChain.SubCertificates.CertificateCount = 1;
            return doc;
        }

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public void ASignedAuthorizationReqRoundTrips(bool keyInfo)
        {
            var doc = SignedAuthorizationReq(keyInfo);
            var buffer1 = new byte[4096];
            Assert.AreEqual(ExiError.Ok, doc.Encode(buffer1, 0, buffer1.Length, out int length1));
            string expected = FieldTree.ToTree(doc.AuthorizationReq).ToJsonString();

            var decoded = new Iso20CommonMessagesDocument();
            Assert.AreEqual(ExiError.Ok, decoded.Decode(buffer1, 0, length1));
            Assert.AreEqual(Iso20CommonMessagesRoot.AuthorizationReq, decoded.Root);
            Assert.AreEqual(length1, decoded.BytesConsumed);
            var sig = decoded.AuthorizationReq.Header.Signature;
            Assert.IsTrue(decoded.AuthorizationReq.Header.HasSignature);
            Assert.IsTrue(sig.SignedInfo.CanonicalizationMethod.Algorithm.Equals(C14n));
            Assert.IsTrue(sig.SignedInfo.SignatureMethod.Algorithm.Equals(Ecdsa));
            Assert.AreEqual(1, sig.SignedInfo.ReferenceCount);
            Assert.IsTrue(sig.SignedInfo.Reference[0].URI.Equals("#id1"));
            Assert.IsTrue(sig.SignedInfo.Reference[0].DigestMethod.Algorithm.Equals(Sha256));
            Assert.AreEqual(64, sig.SignatureValue.Value.Length);
            Assert.AreEqual(keyInfo, sig.HasKeyInfo);
            Assert.AreEqual(expected, FieldTree.ToTree(decoded.AuthorizationReq).ToJsonString());

            var buffer2 = new byte[4096];
            Assert.AreEqual(ExiError.Ok, decoded.Encode(buffer2, 0, buffer2.Length, out int length2));
            CollectionAssert.AreEqual(buffer1.AsSpan(0, length1).ToArray(), buffer2.AsSpan(0, length2).ToArray());
        }

        [TestMethod]
        public void TruncatedOrCorruptedSignedMessagesNeverThrow()
        {
            var doc = SignedAuthorizationReq(true);
            var buffer = new byte[4096];
            Assert.AreEqual(ExiError.Ok, doc.Encode(buffer, 0, buffer.Length, out int length));
            var decoder = new Iso20CommonMessagesDocument();
            for (int n = 0; n < length; n++)
            {
                Assert.AreEqual(ExiError.EndOfStream, decoder.Decode(buffer, 0, n), "truncated to " + n);
            }
            var rng = new Random(15118);
            var copy = new byte[length];
            for (int i = 0; i < 5000; i++)
            {
                Array.Copy(buffer, copy, length);
                for (int k = 0; k < 1 + rng.Next(4); k++) copy[1 + rng.Next(length - 1)] ^= (byte)(1 << rng.Next(8));
                decoder.Decode(copy, 0, length); // any ExiError, never an exception
            }
        }

        // ---------------------------------------------------------------- hand-built streams

        static void Literal(ExiBitWriter w, string s, int offset)
        {
            Assert.AreEqual(ExiError.Ok, w.WriteUnsigned((ulong)(s.Length + offset)));
            foreach (char c in s) Assert.AreEqual(ExiError.Ok, w.WriteUnsigned(c));
        }

        static void Bits(ExiBitWriter w, int n, uint v) => Assert.AreEqual(ExiError.Ok, w.WriteBits(n, v));

        // CommonMessages URI partitions: "", xml, xsi, xsd, xmldsig, CommonMessages, CommonTypes (7: 3-bit URI codes).

        /// <summary>
        /// A CanonicalizationMethod root (mixed content, xs:any) carrying, after its Algorithm, character
        /// data (CH, event code 2 of 2 bits: SE(*)=0, EE=1, CH=2), then two wildcard elements decoded with
        /// the built-in grammar, the second one through the productions the first one taught.
        /// </summary>
        [TestMethod]
        public void MixedContentAndWildcardElementsDecode()
        {
            byte[] buffer = WildcardStream(out int length);
            var doc = new Iso20CommonMessagesDocument();
            Assert.AreEqual(ExiError.Ok, doc.Decode(buffer, 0, length));
            Assert.AreEqual(Iso20CommonMessagesRoot.CanonicalizationMethod, doc.Root);
            Assert.IsTrue(doc.CanonicalizationMethod.Algorithm.Equals(C14n));
            Assert.AreEqual(length, doc.BytesConsumed);
            for (int n = 0; n < length; n++)
            {
                Assert.AreEqual(ExiError.EndOfStream, doc.Decode(buffer, 0, n), "truncated to " + n);
            }
            var rng = new Random(20);
            var copy = new byte[length];
            for (int i = 0; i < 5000; i++)
            {
                Array.Copy(buffer, copy, length);
                for (int k = 0; k < 1 + rng.Next(3); k++) copy[1 + rng.Next(length - 1)] ^= (byte)(1 << rng.Next(8));
                doc.Decode(copy, 0, length); // any ExiError, never an exception
            }
        }

        static byte[] WildcardStream(out int length)
        {
            var buffer = new byte[256];
            var w = new ExiBitWriter();
            w.Reset(buffer, 0, buffer.Length);
            Assert.AreEqual(ExiError.Ok, w.WriteHeader());
            Bits(w, Iso20CommonMessagesDocument.RootEventCodeBits, (uint)Iso20CommonMessagesRoot.CanonicalizationMethod);
            Bits(w, 1, 0);                       // AT(Algorithm)
            Literal(w, C14n, 2);
            Bits(w, 2, 2);                       // CH [untyped]
            Literal(w, "some text", 2);
            Bits(w, 2, 0);                       // SE(*)
            Bits(w, 3, 0); Literal(w, "urn:x", 0);      // URI miss: 7 entries + 1 -> 3 bits
            Literal(w, "foo", 1);                        // local-name miss
            Bits(w, 2, 1);                       // foo StartTagContent, 0 learned: level 2, AT(*)
            Bits(w, 4, 1); Literal(w, "bar", 1);         // qname: URI "" (8 URIs now: 4 bits), new local name
            Literal(w, "v", 2);                          // attribute value
            Bits(w, 1, 1); Bits(w, 2, 3);        // 1 learned: escape, then CH
            Literal(w, "text", 2);
            Bits(w, 1, 1); Bits(w, 1, 0);        // ElementContent, 0 learned: escape (EE is 0), SE(*)
            Bits(w, 4, 8); Literal(w, "baz", 1);         // URI urn:x (hit 7 -> 8), new local name
            Bits(w, 2, 0);                       // baz StartTagContent: level 2, EE
            Bits(w, 2, 1);                       // foo ElementContent, 1 learned (SE(baz)): EE is 1
            Bits(w, 2, 0);                       // CanonicalizationMethod: SE(*) again
            Bits(w, 4, 8); Bits(w, 8, 0); Bits(w, 1, 0); // urn:x, local-name hit (0) of 2 names: foo
            Bits(w, 2, 1);                       // foo StartTagContent learned [AT(bar), CH]: newest first, AT(bar) = 1
            Bits(w, 8, 0);                               // value: local hit (0), one "bar" entry -> 0 bits
            Bits(w, 2, 0);                       // CH (learned)
            Literal(w, "t2", 2);
            Bits(w, 2, 1);                       // ElementContent: EE
            Bits(w, 2, 1);                       // CanonicalizationMethod: EE
            Assert.AreEqual(ExiError.Ok, w.PadToByte());

            length = w.Length;
            return buffer;
        }
        [TestMethod]
        public void WildcardNestingIsBounded()
        {
            var buffer = new byte[512];
            var w = new ExiBitWriter();
            w.Reset(buffer, 0, buffer.Length);
            w.WriteHeader();
            Bits(w, Iso20CommonMessagesDocument.RootEventCodeBits, (uint)Iso20CommonMessagesRoot.CanonicalizationMethod);
            Bits(w, 1, 0);
            Literal(w, C14n, 2);
            Bits(w, 2, 0);                       // SE(*)
            Bits(w, 3, 1); Literal(w, "e0", 1);
            for (int i = 1; i < 20; i++)
            {
                Bits(w, 2, 2);                   // StartTagContent: SE(*) of a new name
                Bits(w, 3, 1); Literal(w, "e" + i, 1);
            }
            w.PadToByte();
            var doc = new Iso20CommonMessagesDocument();
            Assert.AreEqual(ExiError.Unsupported, doc.Decode(buffer, 0, w.Length));
        }

        [TestMethod]
        public void AWildcardElementNamedByTheSchemaIsRefused()
        {
            var buffer = new byte[256];
            var w = new ExiBitWriter();
            w.Reset(buffer, 0, buffer.Length);
            w.WriteHeader();
            Bits(w, Iso20CommonMessagesDocument.RootEventCodeBits, (uint)Iso20CommonMessagesRoot.CanonicalizationMethod);
            Bits(w, 1, 0);
            Literal(w, C14n, 2);
            Bits(w, 2, 0);                       // SE(*)
            Bits(w, 3, 5); Bits(w, 8, 0); Bits(w, 7, 0); // xmldsig URI (index 4), local-name hit 0 of 70
            w.PadToByte();
            var doc = new Iso20CommonMessagesDocument();
            Assert.AreEqual(ExiError.Unsupported, doc.Decode(buffer, 0, w.Length));
        }
    }
}
