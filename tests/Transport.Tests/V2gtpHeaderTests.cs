using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Protocol.Iso15118.Transport;
using V2G.Transport.Tests.TestSupport;

namespace V2G.Transport.Tests
{
    [TestClass]
    public sealed class V2gtpHeaderTests
    {
        private static readonly ushort[] Session = V2gtpPayloadType.SessionTypes();

        [TestMethod]
        public void HeaderIsVersionInverseVersionTypeAndLengthBigEndian()
        {
            byte[] buffer = new byte[8];
            V2gtpHeader.Write(buffer, 0, V2gtpPayloadType.Dc, 0x01020304);

            Assert.AreEqual("01fe800401020304", Hex.Of(buffer, 0, 8));
        }

        [TestMethod]
        public void ParseReadsWhatWriteWrote()
        {
            byte[] buffer = new byte[10];
            new V2gtpHeader(V2gtpPayloadType.CommonMessages, 300).WriteTo(buffer, 2);

            V2gtpError error = V2gtpHeader.Parse(buffer, 2, Session, 300, out V2gtpHeader header);

            Assert.AreEqual(V2gtpError.None, error);
            Assert.AreEqual(V2gtpPayloadType.CommonMessages, header.PayloadType);
            Assert.AreEqual(300u, header.PayloadLength);
        }

        [TestMethod]
        public void PayloadTypeConstantsAreTheStandardsValues()
        {
            CollectionAssert.AreEqual(
                new ushort[] { 0x8001, 0x8002, 0x8003, 0x8004, 0x8005, 0x8006, 0x8101, 0x8102, 0x8103, 0x8104 },
                V2gtpPayloadType.SessionTypes());
            CollectionAssert.AreEqual(
                new ushort[] { 0x9000, 0x9001, 0x9002, 0x9003 },
                new[] { V2gtpPayloadType.SdpRequest, V2gtpPayloadType.SdpResponse, V2gtpPayloadType.WirelessSdpRequest, V2gtpPayloadType.WirelessSdpResponse });
        }

        [TestMethod]
        [DataRow((ushort)0x8007)]
        [DataRow((ushort)0x8100)]
        [DataRow((ushort)0x0000)]
        [DataRow((ushort)0xFFFF)]
        public void ReservedPayloadTypesAreNotDefined(ushort payloadType)
        {
            Assert.IsFalse(V2gtpPayloadType.IsDefined(payloadType));
            Assert.IsNull(V2gtpPayloadType.Name(payloadType));
        }

        [TestMethod]
        public void WrongVersionIsRefused()
        {
            byte[] buffer = Hex.Bytes("02fe800200000000");
            Assert.AreEqual(V2gtpError.WrongProtocolVersion, V2gtpHeader.Parse(buffer, 0, Session, 100, out _));
        }

        [TestMethod]
        public void WrongInverseVersionIsRefused()
        {
            byte[] buffer = Hex.Bytes("01ff800200000000");
            Assert.AreEqual(V2gtpError.WrongInverseProtocolVersion, V2gtpHeader.Parse(buffer, 0, Session, 100, out _));
        }

        [TestMethod]
        public void SdpTypeOnASessionConnectionIsAnUnknownPayloadType()
        {
            byte[] buffer = Hex.Bytes("01fe900000000002");
            Assert.AreEqual(V2gtpError.UnknownPayloadType, V2gtpHeader.Parse(buffer, 0, Session, 100, out V2gtpHeader header));
            Assert.AreEqual((ushort)0x9000, header.PayloadType);
        }

        [TestMethod]
        public void LengthAboveTheMaximumIsRefusedAlsoBeyondInt32()
        {
            Assert.AreEqual(V2gtpError.PayloadTooLong, V2gtpHeader.Parse(Hex.Bytes("01fe800200000065"), 0, Session, 100, out _));
            Assert.AreEqual(V2gtpError.PayloadTooLong, V2gtpHeader.Parse(Hex.Bytes("01fe8002ffffffff"), 0, Session, 100, out V2gtpHeader header));
            Assert.AreEqual(0xFFFFFFFFu, header.PayloadLength);
            Assert.AreEqual(V2gtpError.None, V2gtpHeader.Parse(Hex.Bytes("01fe800200000064"), 0, Session, 100, out _));
        }

        [TestMethod]
        public void DatagramMustHoldExactlyTheStatedPayload()
        {
            ushort[] sdp = V2gtpPayloadType.SdpRequestTypes();
            Assert.AreEqual(V2gtpError.None, V2gtpHeader.ParseDatagram(Hex.Bytes("01fe9000000000021000"), 0, 10, sdp, 2, out _));
            Assert.AreEqual(V2gtpError.WrongPayloadLength, V2gtpHeader.ParseDatagram(Hex.Bytes("01fe900000000002100000"), 0, 11, sdp, 2, out _));
            Assert.AreEqual(V2gtpError.WrongPayloadLength, V2gtpHeader.ParseDatagram(Hex.Bytes("01fe9000000000"), 0, 7, sdp, 2, out _));
        }

        [TestMethod]
        public void EveryErrorHasAStableName()
        {
            Assert.AreEqual("none", V2gtpErrorNames.Of(V2gtpError.None));
            Assert.AreEqual("wrong_protocol_version", V2gtpErrorNames.Of(V2gtpError.WrongProtocolVersion));
            Assert.AreEqual("wrong_inverse_protocol_version", V2gtpErrorNames.Of(V2gtpError.WrongInverseProtocolVersion));
            Assert.AreEqual("unknown_payload_type", V2gtpErrorNames.Of(V2gtpError.UnknownPayloadType));
            Assert.AreEqual("payload_too_long", V2gtpErrorNames.Of(V2gtpError.PayloadTooLong));
            Assert.AreEqual("wrong_payload_length", V2gtpErrorNames.Of(V2gtpError.WrongPayloadLength));
            Assert.AreEqual("stream_closed", V2gtpErrorNames.Of(V2gtpError.StreamClosed));
            Assert.AreEqual("unknown", V2gtpErrorNames.Of((V2gtpError)99));
            foreach (V2gtpError error in System.Enum.GetValues<V2gtpError>())
            {
                Assert.AreNotEqual("unknown", V2gtpErrorNames.Of(error), error.ToString());
            }

            foreach (SdpError error in System.Enum.GetValues<SdpError>())
            {
                Assert.AreNotEqual("unknown", SdpErrorNames.Of(error), error.ToString());
            }
        }
    }
}
