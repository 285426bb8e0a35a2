using System.Net;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Protocol.Iso15118.Transport;
using V2G.Transport.Tests.TestSupport;

namespace V2G.Transport.Tests
{
    [TestClass]
    public sealed class SdpCodecTests
    {
        [TestMethod]
        public void RequestIsSecurityThenTransport()
        {
            byte[] buffer = new byte[SdpRequest.MessageLength];
            var request = new SdpRequest { Security = SdpSecurity.NoTls, TransportProtocol = SdpTransportProtocol.Tcp };

            Assert.AreEqual(SdpError.None, request.EncodeMessage(buffer, 0));
            Assert.AreEqual("01fe9000000000021000", Hex.Of(buffer, 0, buffer.Length));
        }

        [TestMethod]
        [DataRow("0000", SdpError.None)]
        [DataRow("1000", SdpError.None)]
        [DataRow("2000", SdpError.UnknownSecurity)]
        [DataRow("0010", SdpError.UnknownTransportProtocol)]
        [DataRow("00", SdpError.WrongLength)]
        [DataRow("000000", SdpError.WrongLength)]
        public void RequestBodyIsValidated(string body, SdpError expected)
        {
            byte[] bytes = Hex.Bytes(body);
            Assert.AreEqual(expected, new SdpRequest().Decode(bytes, 0, bytes.Length));
        }

        [TestMethod]
        [DataRow("01fe9000000000020000", SdpError.None)]
        [DataRow("01fe900000000003000000", SdpError.WrongLength)]
        [DataRow("01fe90000000000200", SdpError.WrongLength)]
        [DataRow("01fe900000000001 00", SdpError.WrongLength)]
        [DataRow("01fe9001000000020000", SdpError.BadHeader)]
        [DataRow("02fd9000000000020000", SdpError.BadHeader)]
        [DataRow("01fe9000", SdpError.WrongLength)]
        public void RequestDatagramIsValidated(string datagram, SdpError expected)
        {
            byte[] bytes = Hex.Bytes(datagram);
            Assert.AreEqual(expected, new SdpRequest().DecodeMessage(bytes, 0, bytes.Length));
        }

        [TestMethod]
        public void ResponseRoundTrips()
        {
            var response = new SdpResponse { Port = 0xC350, Security = SdpSecurity.Tls, TransportProtocol = SdpTransportProtocol.Tcp };
            response.SetAddress(IPAddress.Parse("fe80::21a:2bff:fe3c:4d5e").GetAddressBytes(), 0);
            byte[] buffer = new byte[SdpResponse.MessageLength];
            Assert.AreEqual(SdpError.None, response.EncodeMessage(buffer, 0));

            var decoded = new SdpResponse();
            Assert.AreEqual(SdpError.None, decoded.DecodeMessage(buffer, 0, buffer.Length));
            Assert.AreEqual((ushort)50000, decoded.Port);
            Assert.AreEqual(SdpSecurity.Tls, decoded.Security);
            Assert.AreEqual(IPAddress.Parse("fe80::21a:2bff:fe3c:4d5e"), new IPAddress(decoded.Address));
        }

        [TestMethod]
        [DataRow("fe80000000000000021a2bfffe3c4d5ec3501000", SdpError.None)]
        [DataRow("fe80000000000000021a2bfffe3c4d5e00000000", SdpError.InvalidPort)]
        [DataRow("fe80000000000000021a2bfffe3c4d5ec3500100", SdpError.UnknownSecurity)]
        [DataRow("fe80000000000000021a2bfffe3c4d5ec3500001", SdpError.UnknownTransportProtocol)]
        [DataRow("fe80000000000000021a2bfffe3c4d5ec35000", SdpError.WrongLength)]
        public void ResponseBodyIsValidated(string body, SdpError expected)
        {
            byte[] bytes = Hex.Bytes(body);
            Assert.AreEqual(expected, new SdpResponse().Decode(bytes, 0, bytes.Length));
        }

        [TestMethod]
        public void EncodingIntoATooSmallBufferIsRefused()
        {
            Assert.AreEqual(SdpError.BufferTooSmall, new SdpRequest().EncodeMessage(new byte[9], 0));
            Assert.AreEqual(SdpError.BufferTooSmall, new SdpResponse().Encode(new byte[20], 1));
        }
    }
}
