using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Protocol.Iso15118.Transport;
using V2G.Sim.Net;
using V2G.Transport.Tests.TestSupport;

namespace V2G.Transport.Tests
{
    /// <summary>V2GTP framing over a real TCP connection on ::1 (plain TCP).</summary>
    [TestClass]
    public sealed class V2gtpOverTcpTests
    {
        private const int MaxPayloadBytes = 4096;

        private V2gTcpServer _server;
        private V2gConnection _client;
        private V2gConnection _charger;

        [TestInitialize]
        public async Task Connect()
        {
            _server = new V2gTcpServer(IPAddress.IPv6Loopback, 0);
            _server.Start();
            _client = await V2gTcpClient.ConnectAsync(_server.LocalEndPoint);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            _charger = await _server.AcceptAsync(timeout.Token);
        }

        [TestCleanup]
        public void Disconnect()
        {
            _client?.Close();
            _charger?.Close();
            _server?.Dispose();
        }

        private V2gtpReader ChargerReader() => new(_charger, V2gtpPayloadType.SessionTypes(), MaxPayloadBytes);

        [TestMethod]
        public void APlainConnectionSaysSo()
        {
            Assert.IsFalse(_charger.IsTls);
            Assert.AreEqual("tcp", _charger.SecurityDescription);
            Assert.AreEqual(IPAddress.IPv6Loopback, _charger.RemoteEndPoint.Address);
        }

        [TestMethod]
        public void MessagesWrittenByteByByteArriveWholeAndInOrder()
        {
            byte[] payload1 = new byte[300];
            for (int i = 0; i < payload1.Length; i++)
            {
                payload1[i] = (byte)(i * 7);
            }

            var encoder = new MemoryByteStream();
            var writer = new V2gtpWriter(encoder, MaxPayloadBytes);
            writer.Write(V2gtpPayloadType.SupportedAppProtocol, payload1, 0, payload1.Length);
            writer.Write(V2gtpPayloadType.Dc, Hex.Bytes("80a1"), 0, 2);
            writer.Write(V2gtpPayloadType.CommonMessages, Array.Empty<byte>(), 0, 0);
            byte[] wire = encoder.Written.ToArray();

            V2gtpReader reader = ChargerReader();
            int messages = 0;
            for (int i = 0; i < wire.Length; i++)
            {
                Assert.IsTrue(_client.Write(wire, i, 1));
                // Poll between writes too, so the reader sees the pieces as they come.
                if (reader.Poll() == V2gtpReadStatus.Message)
                {
                    Check(reader, messages++, payload1);
                }
            }

            while (messages < 3)
            {
                Assert.AreEqual(V2gtpReadStatus.Message, Polling.Until(reader, _charger), $"message {messages}");
                Check(reader, messages++, payload1);
            }

            Assert.AreEqual(V2gtpReadStatus.Waiting, reader.Poll());
        }

        private static void Check(V2gtpReader reader, int index, byte[] payload1)
        {
            switch (index)
            {
                case 0:
                    Assert.AreEqual(V2gtpPayloadType.SupportedAppProtocol, reader.PayloadType);
                    CollectionAssert.AreEqual(payload1, reader.Buffer.AsSpan(reader.PayloadOffset, reader.PayloadLength).ToArray());
                    break;
                case 1:
                    Assert.AreEqual(V2gtpPayloadType.Dc, reader.PayloadType);
                    Assert.AreEqual("80a1", Hex.Of(reader.Buffer, reader.PayloadOffset, reader.PayloadLength));
                    break;
                default:
                    Assert.AreEqual(V2gtpPayloadType.CommonMessages, reader.PayloadType);
                    Assert.AreEqual(0, reader.PayloadLength);
                    break;
            }
        }

        [TestMethod]
        public void TheChargersAnswerReachesTheVehicle()
        {
            var writer = new V2gtpWriter(_charger, MaxPayloadBytes);
            Assert.AreEqual(V2gtpError.None, writer.Write(V2gtpPayloadType.Dc, Hex.Bytes("8042"), 0, 2));
            var reader = new V2gtpReader(_client, V2gtpPayloadType.SessionTypes(), MaxPayloadBytes);

            Assert.AreEqual(V2gtpReadStatus.Message, Polling.Until(reader, _client));
            Assert.AreEqual("8042", Hex.Of(reader.Buffer, reader.PayloadOffset, reader.PayloadLength));
        }

        [TestMethod]
        [DataRow("00fe800200000002", V2gtpError.WrongProtocolVersion)]
        [DataRow("01ff800200000002", V2gtpError.WrongInverseProtocolVersion)]
        [DataRow("01fe900000000002", V2gtpError.UnknownPayloadType)]
        [DataRow("01fe810500000002", V2gtpError.UnknownPayloadType)]
        [DataRow("01fe800200001001", V2gtpError.PayloadTooLong)]
        public void EveryHeaderErrorIsReportedByItsCode(string header, V2gtpError expected)
        {
            byte[] wire = Hex.Bytes(header + "0000");
            for (int i = 0; i < wire.Length; i++)
            {
                _client.Write(wire, i, 1);
            }

            V2gtpReader reader = ChargerReader();
            Assert.AreEqual(V2gtpReadStatus.Error, Polling.Until(reader, _charger));
            Assert.AreEqual(expected, reader.Error);
            Assert.AreEqual(V2gtpReadStatus.Error, reader.Poll());

            // What the session does on a framing error: close; the vehicle sees the close.
            _charger.Close();
            Assert.IsTrue(Polling.Eventually(() => !_client.IsOpen));
        }

        [TestMethod]
        public void AnOversizedLengthIsRefusedWithoutAllocatingTheClaimedSize()
        {
            V2gtpReader reader = ChargerReader();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            byte[] wire = Hex.Bytes("01fe80027ffffff0");
            _client.Write(wire, 0, wire.Length);
            _client.Write(new byte[1000], 0, 1000);

            Assert.AreEqual(V2gtpReadStatus.Error, Polling.Until(reader, _charger));
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            Assert.AreEqual(V2gtpError.PayloadTooLong, reader.Error);
            Assert.AreEqual(0x7ffffff0u, (uint)((reader.Buffer[4] << 24) | (reader.Buffer[5] << 16) | (reader.Buffer[6] << 8) | reader.Buffer[7]));
            Assert.AreEqual(8 + MaxPayloadBytes, reader.Buffer.Length);
            // Other test classes run alongside and allocate too; the claimed size is 2 GiB.
            Assert.IsTrue(allocated < 16 * 1024 * 1024, $"{allocated} bytes allocated");
        }

        [TestMethod]
        public void AVehicleClosingMidMessageEndsTheReader()
        {
            byte[] wire = Hex.Bytes("01fe80020000000a0102");
            _client.Write(wire, 0, wire.Length);
            _client.Close();

            V2gtpReader reader = ChargerReader();
            Assert.AreEqual(V2gtpReadStatus.Closed, Polling.Until(reader, _charger));
            Assert.IsFalse(_charger.IsOpen);
        }

        [TestMethod]
        public void TheServerAcceptsTheNextVehicleAfterOneLeft()
        {
            _client.Close();
            using V2gConnection second = V2gTcpClient.Connect(_server.LocalEndPoint);
            Assert.IsTrue(Polling.Eventually(() => _server.TryAccept(out V2gConnection next) && Keep(next)));
        }

        private bool Keep(V2gConnection next)
        {
            _charger.Close();
            _charger = next;
            return true;
        }
    }
}
