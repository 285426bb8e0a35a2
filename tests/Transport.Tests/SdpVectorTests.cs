using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Protocol.Iso15118.Transport;
using V2G.Transport.Tests.TestSupport;

namespace V2G.Transport.Tests
{
    /// <summary>The SDP frames of shared/interop/iso15118-20/vectors.json (payload types 0x9000 and 0x9001).</summary>
    [TestClass]
    public sealed class SdpVectorTests
    {
        private static List<JsonElement> SdpVectors()
        {
            string path = SharedFolder.Find(Path.Combine("interop", "iso15118-20", "vectors.json"), out string missing);
            if (path == null)
            {
                Assert.Inconclusive(missing);
            }

            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            var vectors = new List<JsonElement>();
            foreach (JsonElement vector in document.RootElement.EnumerateArray())
            {
                string type = vector.GetProperty("payloadType").GetString();
                if (type == "0x9000" || type == "0x9001")
                {
                    vectors.Add(vector.Clone());
                }
            }

            return vectors;
        }

        private static byte FieldByte(JsonElement fields, string name)
            => System.Convert.ToByte(fields.GetProperty(name).GetString(), 16);

        [TestMethod]
        public void TheThreeSdpVectorsAreThere()
        {
            Assert.AreEqual(3, SdpVectors().Count);
        }

        [TestMethod]
        public void EveryRequestVectorDecodesToItsFieldsAndEncodesBack()
        {
            int seen = 0;
            foreach (JsonElement vector in SdpVectors())
            {
                if (vector.GetProperty("payloadType").GetString() != "0x9000")
                {
                    continue;
                }

                string name = vector.GetProperty("name").GetString();
                byte[] body = Hex.Bytes(vector.GetProperty("hex").GetString());
                JsonElement fields = vector.GetProperty("fields");
                var request = new SdpRequest();
                Assert.AreEqual(SdpError.None, request.Decode(body, 0, body.Length), name);
                Assert.AreEqual(FieldByte(fields, "Security"), (byte)request.Security, name);
                Assert.AreEqual(FieldByte(fields, "TransportProtocol"), (byte)request.TransportProtocol, name);

                byte[] encoded = new byte[SdpRequest.BodyLength];
                request.Encode(encoded, 0);
                Assert.AreEqual(vector.GetProperty("hex").GetString(), Hex.Of(encoded, 0, encoded.Length), name);

                byte[] message = new byte[SdpRequest.MessageLength];
                request.EncodeMessage(message, 0);
                Assert.AreEqual(vector.GetProperty("v2gtpHex").GetString(), Hex.Of(message, 0, message.Length), name);
                Assert.AreEqual(SdpError.None, new SdpRequest().DecodeMessage(message, 0, message.Length), name);
                seen++;
            }

            Assert.AreEqual(2, seen);
        }

        [TestMethod]
        public void TheResponseVectorDecodesToItsFieldsAndEncodesBack()
        {
            int seen = 0;
            foreach (JsonElement vector in SdpVectors())
            {
                if (vector.GetProperty("payloadType").GetString() != "0x9001")
                {
                    continue;
                }

                string name = vector.GetProperty("name").GetString();
                byte[] body = Hex.Bytes(vector.GetProperty("hex").GetString());
                JsonElement fields = vector.GetProperty("fields");
                var response = new SdpResponse();
                Assert.AreEqual(SdpError.None, response.Decode(body, 0, body.Length), name);
                Assert.AreEqual(IPAddress.Parse(fields.GetProperty("SECCIPAddress").GetString()), new IPAddress(response.Address), name);
                Assert.AreEqual(fields.GetProperty("SECCPort").GetInt32(), (int)response.Port, name);
                Assert.AreEqual(FieldByte(fields, "Security"), (byte)response.Security, name);
                Assert.AreEqual(FieldByte(fields, "TransportProtocol"), (byte)response.TransportProtocol, name);

                byte[] encoded = new byte[SdpResponse.BodyLength];
                response.Encode(encoded, 0);
                Assert.AreEqual(vector.GetProperty("hex").GetString(), Hex.Of(encoded, 0, encoded.Length), name);

                byte[] message = new byte[SdpResponse.MessageLength];
                response.EncodeMessage(message, 0);
                Assert.AreEqual(vector.GetProperty("v2gtpHex").GetString(), Hex.Of(message, 0, message.Length), name);
                seen++;
            }

            Assert.AreEqual(1, seen);
        }
    }
}
