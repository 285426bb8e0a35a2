using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Protocol.Iso15118.Transport;
using V2G.Sim.Net;
using V2G.Transport.Tests.TestSupport;

namespace V2G.Transport.Tests
{
    /// <summary>SDP over real UDP on ::1.</summary>
    [TestClass]
    public sealed class SdpOverUdpTests
    {
        private static SdpServer StartServer(int tlsPort, int tcpPort)
        {
            var server = new SdpServer(new SdpServerOptions
            {
                ListenAddress = IPAddress.IPv6Loopback,
                Port = 0,
                SeccAddress = IPAddress.IPv6Loopback,
                TlsPort = tlsPort,
                TcpPort = tcpPort,
            });
            server.Start();
            return server;
        }

        private static SdpClient Client(IPEndPoint server, SdpSecurity security, int intervalMs = 250, int maxRequests = 50)
            => new(new SdpClientOptions
            {
                Destination = server,
                Security = security,
                RequestInterval = TimeSpan.FromMilliseconds(intervalMs),
                MaxRequests = maxRequests,
            });

        [TestMethod]
        public void ClientDefaultsAreTheStandardsEvTiming()
        {
            var options = new SdpClientOptions();
            Assert.AreEqual(TimeSpan.FromMilliseconds(250), options.RequestInterval);
            Assert.AreEqual(50, options.MaxRequests);
            Assert.AreEqual(new IPEndPoint(IPAddress.Parse("ff02::1"), 15118), options.Destination);
            Assert.AreEqual(15118, new SdpServerOptions().Port);
        }

        [TestMethod]
        public async Task ATlsRequestIsAnsweredWithTheTlsPortOverUdp()
        {
            using SdpServer server = StartServer(tlsPort: 50000, tcpPort: 50001);

            SdpDiscovery found = await Client(server.LocalEndPoint, SdpSecurity.Tls).DiscoverAsync();

            Assert.IsNotNull(found);
            Assert.AreEqual(1, found.RequestsSent);
            Assert.AreEqual(new IPEndPoint(IPAddress.IPv6Loopback, 50000), found.SeccEndPoint);
            Assert.AreEqual(SdpSecurity.Tls, found.Response.Security);
            Assert.AreEqual(SdpTransportProtocol.Tcp, found.Response.TransportProtocol);
            Assert.AreEqual(1, server.Answered);
            Assert.IsFalse(server.JoinedMulticast);
        }

        [TestMethod]
        public async Task ARequestWithoutTlsIsAnsweredWithThePlainPort()
        {
            using SdpServer server = StartServer(tlsPort: 50000, tcpPort: 50001);

            SdpDiscovery found = await Client(server.LocalEndPoint, SdpSecurity.NoTls).DiscoverAsync();

            Assert.AreEqual(50001, found.SeccEndPoint.Port);
            Assert.AreEqual(SdpSecurity.NoTls, found.Response.Security);
        }

        [TestMethod]
        public async Task WhenOnlyTlsIsOfferedTlsIsAnnouncedWhateverWasAsked()
        {
            using SdpServer server = StartServer(tlsPort: 50000, tcpPort: 0);

            SdpDiscovery found = await Client(server.LocalEndPoint, SdpSecurity.NoTls).DiscoverAsync();

            Assert.AreEqual(50000, found.SeccEndPoint.Port);
            Assert.AreEqual(SdpSecurity.Tls, found.Response.Security);
        }

        [TestMethod]
        [DataRow("01fe9000000000022000", SdpError.UnknownSecurity)]
        [DataRow("01fe9000000000030000", SdpError.WrongLength)]
        [DataRow("01fe8001000000020000", SdpError.BadHeader)]
        public async Task AnInvalidRequestGetsNoAnswer(string datagram, SdpError expected)
        {
            using SdpServer server = StartServer(tlsPort: 50000, tcpPort: 0);
            using var vehicle = new UdpClient(AddressFamily.InterNetworkV6);
            vehicle.Client.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));

            byte[] bytes = Hex.Bytes(datagram);
            await vehicle.SendAsync(bytes, bytes.Length, server.LocalEndPoint);

            Assert.IsTrue(Polling.Eventually(() => server.Refused == 1));
            Assert.AreEqual(expected, server.LastError);
            using var quiet = new CancellationTokenSource(300);
            await Assert.ThrowsExactlyAsync<OperationCanceledException>(async () => await vehicle.ReceiveAsync(quiet.Token));
            Assert.AreEqual(0, server.Answered);
        }

        [TestMethod]
        public async Task TheClientRepeatsItsRequestAndGivesUpAfterTheMaximum()
        {
            using var silent = new UdpClient(new IPEndPoint(IPAddress.IPv6Loopback, 0));
            var started = DateTime.UtcNow;

            SdpDiscovery found = await Client((IPEndPoint)silent.Client.LocalEndPoint, SdpSecurity.Tls, intervalMs: 40, maxRequests: 5).DiscoverAsync();

            TimeSpan took = DateTime.UtcNow - started;
            Assert.IsNull(found);
            int requests = 0;
            while (silent.Available > 0)
            {
                IPEndPoint from = null;
                byte[] request = silent.Receive(ref from);
                Assert.AreEqual("01fe9000000000020000", Hex.Of(request, 0, request.Length));
                requests++;
            }

            Assert.AreEqual(5, requests);
            Assert.IsTrue(took >= TimeSpan.FromMilliseconds(5 * 40 - 20), $"took {took.TotalMilliseconds} ms");
        }

        [TestMethod]
        public async Task TheClientIgnoresAnInvalidAnswerAndAsksAgain()
        {
            using var fake = new UdpClient(new IPEndPoint(IPAddress.IPv6Loopback, 0));
            var client = Client((IPEndPoint)fake.Client.LocalEndPoint, SdpSecurity.Tls, intervalMs: 100, maxRequests: 10);
            Task<SdpDiscovery> discovery = client.DiscoverAsync();

            UdpReceiveResult first = await fake.ReceiveAsync();
            byte[] badPort = Hex.Bytes("01fe900100000014" + "00000000000000000000000000000001" + "0000" + "0000");
            await fake.SendAsync(badPort, badPort.Length, first.RemoteEndPoint);
            UdpReceiveResult second = await fake.ReceiveAsync();
            byte[] good = Hex.Bytes("01fe900100000014" + "00000000000000000000000000000001" + "c350" + "0000");
            await fake.SendAsync(good, good.Length, second.RemoteEndPoint);

            SdpDiscovery found = await discovery;
            Assert.AreEqual(2, found.RequestsSent);
            Assert.AreEqual(1, client.Ignored);
            Assert.AreEqual(50000, found.SeccEndPoint.Port);
        }

        [TestMethod]
        public async Task TheVehicleFindsTheChargerBySdpAndConnectsToTheAnnouncedPort()
        {
            using var tcp = new V2gTcpServer(IPAddress.IPv6Loopback, 0);
            tcp.Start();
            using SdpServer sdp = StartServer(tlsPort: 0, tcpPort: tcp.LocalEndPoint.Port);

            SdpDiscovery found = await Client(sdp.LocalEndPoint, SdpSecurity.NoTls).DiscoverAsync();
            using V2gConnection vehicle = await V2gTcpClient.ConnectAsync(found.SeccEndPoint);
            using var timeout = new CancellationTokenSource(5000);
            using V2gConnection charger = await tcp.AcceptAsync(timeout.Token);

            Assert.IsTrue(vehicle.IsOpen);
            Assert.AreEqual(vehicle.LocalEndPoint, charger.RemoteEndPoint);
        }
    }
}
