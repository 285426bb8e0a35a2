using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Protocol.Iso15118.Transport;
using V2G.Sim.Net;
using V2G.Transport.Tests.TestSupport;

namespace V2G.Transport.Tests
{
    /// <summary>TLS 1.3 on ::1 with a test PKI on secp521r1.</summary>
    [TestClass]
    public sealed class TlsTests
    {
        private static TestPki Pki => TestPki.Instance;

        private static V2gTcpServer StartServer(bool mutual, TimeSpan? handshakeTimeout = null)
        {
            var server = new V2gTcpServer(IPAddress.IPv6Loopback, 0, new V2gTlsServerOptions
            {
                Certificate = Pki.Charger,
                RequireClientCertificate = mutual,
                ClientCertificateAuthorities = new X509Certificate2Collection(Pki.Root),
                HandshakeTimeout = handshakeTimeout ?? TimeSpan.FromSeconds(15),
            });
            server.Start();
            return server;
        }

        private static V2gTlsClientOptions Vehicle(X509Certificate2 clientCertificate) => new()
        {
            ServerCertificateAuthorities = new X509Certificate2Collection(Pki.Root),
            ClientCertificate = clientCertificate,
            HandshakeTimeout = TimeSpan.FromSeconds(10),
        };

        private static async Task<V2gConnection> AcceptAsync(V2gTcpServer server)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            return await server.AcceptAsync(timeout.Token);
        }

        /// <summary>A refused vehicle either fails its own handshake or, in TLS 1.3 where the client finishes first, sees the charger close.</summary>
        private static async Task<bool> IsRefusedAsync(V2gTcpServer server, V2gTlsClientOptions options)
        {
            try
            {
                using V2gConnection connection = await V2gTcpClient.ConnectAsync(server.LocalEndPoint, options);
                return Polling.Eventually(() => !connection.IsOpen, 5000);
            }
            catch (Exception e) when (e is AuthenticationException || e is IOException)
            {
                return true;
            }
        }

        [TestMethod]
        public async Task Tls13IsNegotiatedAndTheCipherSuiteIsReportedOnBothSides()
        {
            using V2gTcpServer server = StartServer(mutual: false);

            using V2gConnection vehicle = await V2gTcpClient.ConnectAsync(server.LocalEndPoint, Vehicle(null));
            using V2gConnection charger = await AcceptAsync(server);

            Assert.IsTrue(charger.IsTls);
            Assert.AreEqual(SslProtocols.Tls13, charger.TlsProtocol);
            Assert.AreEqual(SslProtocols.Tls13, vehicle.TlsProtocol);
            Assert.AreEqual(vehicle.CipherSuite, charger.CipherSuite);
            StringAssert.StartsWith(charger.CipherSuite.ToString(), "TLS_");
            StringAssert.StartsWith(charger.SecurityDescription, "tls13 TLS_");
            Assert.AreEqual(Pki.Charger.Thumbprint, vehicle.RemoteCertificate.Thumbprint);
            Assert.IsNull(charger.RemoteCertificate);
        }

        [TestMethod]
        public async Task V2gtpMessagesCrossTheTlsConnectionByteByByte()
        {
            using V2gTcpServer server = StartServer(mutual: true);
            using V2gConnection vehicle = await V2gTcpClient.ConnectAsync(server.LocalEndPoint, Vehicle(Pki.Vehicle));
            using V2gConnection charger = await AcceptAsync(server);

            byte[] wire = Hex.Bytes("01fe800400000004deadbeef");
            for (int i = 0; i < wire.Length; i++)
            {
                Assert.IsTrue(vehicle.Write(wire, i, 1));
            }

            var reader = new V2gtpReader(charger, V2gtpPayloadType.SessionTypes(), 1024);
            Assert.AreEqual(V2gtpReadStatus.Message, Polling.Until(reader, charger));
            Assert.AreEqual("deadbeef", Hex.Of(reader.Buffer, reader.PayloadOffset, reader.PayloadLength));

            var writer = new V2gtpWriter(charger, 1024);
            Assert.AreEqual(V2gtpError.None, writer.Write(V2gtpPayloadType.Dc, Hex.Bytes("cafe"), 0, 2));
            var vehicleReader = new V2gtpReader(vehicle, V2gtpPayloadType.SessionTypes(), 1024);
            Assert.AreEqual(V2gtpReadStatus.Message, Polling.Until(vehicleReader, vehicle));
            Assert.AreEqual("cafe", Hex.Of(vehicleReader.Buffer, vehicleReader.PayloadOffset, vehicleReader.PayloadLength));
        }

        [TestMethod]
        public async Task MutualAuthenticationAcceptsTheVehiclesCertificate()
        {
            using V2gTcpServer server = StartServer(mutual: true);

            using V2gConnection vehicle = await V2gTcpClient.ConnectAsync(server.LocalEndPoint, Vehicle(Pki.Vehicle));
            using V2gConnection charger = await AcceptAsync(server);

            Assert.AreEqual(SslProtocols.Tls13, charger.TlsProtocol);
            Assert.AreEqual(Pki.Vehicle.Thumbprint, charger.RemoteCertificate.Thumbprint);
            Assert.AreEqual(0, server.HandshakesFailed);
        }

        [TestMethod]
        public async Task MutualAuthenticationRefusesAVehicleWithoutACertificateAndServesTheNext()
        {
            using V2gTcpServer server = StartServer(mutual: true);
            var failures = new ConcurrentQueue<V2gHandshakeFailure>();
            server.HandshakeFailed += (_, failure) => failures.Enqueue(failure);

            Assert.IsTrue(await IsRefusedAsync(server, Vehicle(null)));
            Assert.IsTrue(Polling.Eventually(() => server.HandshakesFailed == 1));
            Assert.IsFalse(server.TryAccept(out _));
            Assert.IsTrue(failures.TryPeek(out V2gHandshakeFailure refused));
            Assert.IsFalse(refused.TimedOut);

            using V2gConnection next = await V2gTcpClient.ConnectAsync(server.LocalEndPoint, Vehicle(Pki.Vehicle));
            using V2gConnection charger = await AcceptAsync(server);
            Assert.AreEqual(Pki.Vehicle.Thumbprint, charger.RemoteCertificate.Thumbprint);
        }

        [TestMethod]
        public async Task MutualAuthenticationRefusesACertificateFromAnotherCaAndServesTheNext()
        {
            using V2gTcpServer server = StartServer(mutual: true);

            Assert.IsTrue(await IsRefusedAsync(server, Vehicle(Pki.ForeignVehicle)));
            Assert.IsTrue(Polling.Eventually(() => server.HandshakesFailed == 1));
            Assert.IsFalse(server.TryAccept(out _));

            using V2gConnection next = await V2gTcpClient.ConnectAsync(server.LocalEndPoint, Vehicle(Pki.Vehicle));
            using V2gConnection charger = await AcceptAsync(server);
            Assert.AreEqual(Pki.Vehicle.Thumbprint, charger.RemoteCertificate.Thumbprint);
        }

        [TestMethod]
        public async Task TheVehicleRefusesAChargerItsRootDoesNotVouchFor()
        {
            using V2gTcpServer server = StartServer(mutual: false);
            V2gTlsClientOptions options = Vehicle(null);
            options.ServerCertificateAuthorities = new X509Certificate2Collection(Pki.ForeignRoot);

            await Assert.ThrowsExactlyAsync<AuthenticationException>(() => V2gTcpClient.ConnectAsync(server.LocalEndPoint, options));
        }

        [TestMethod]
        public async Task AClientThatNeverStartsTheHandshakeIsDroppedAfterTheLimitWhileAnotherIsServed()
        {
            using V2gTcpServer server = StartServer(mutual: true, handshakeTimeout: TimeSpan.FromSeconds(1));
            var failures = new ConcurrentQueue<V2gHandshakeFailure>();
            server.HandshakeFailed += (_, failure) => failures.Enqueue(failure);
            using var stalled = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            await stalled.ConnectAsync(server.LocalEndPoint);
            DateTime stalledAt = DateTime.UtcNow;

            using V2gConnection vehicle = await V2gTcpClient.ConnectAsync(server.LocalEndPoint, Vehicle(Pki.Vehicle));
            using V2gConnection charger = await AcceptAsync(server);
            Assert.AreEqual(SslProtocols.Tls13, charger.TlsProtocol);

            // The charger closes the stalled socket: the read ends with 0 bytes (FIN) or a reset.
            stalled.ReceiveTimeout = 5000;
            int read;
            try
            {
                read = stalled.Receive(new byte[16]);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                read = 0;
            }

            TimeSpan dropped = DateTime.UtcNow - stalledAt;
            Assert.AreEqual(0, read);
            Assert.IsTrue(dropped >= TimeSpan.FromMilliseconds(900) && dropped < TimeSpan.FromSeconds(4), $"dropped after {dropped.TotalMilliseconds} ms");
            Assert.IsTrue(Polling.Eventually(() => failures.Count == 1));
            failures.TryPeek(out V2gHandshakeFailure failure);
            Assert.IsTrue(failure.TimedOut, failure.Reason);

            // The served vehicle's connection was untouched by the other's timeout.
            Assert.IsTrue(vehicle.IsOpen && charger.IsOpen);
            Assert.IsTrue(vehicle.Write(new byte[] { 1 }, 0, 1));
            Assert.IsTrue(charger.WaitForData(2000));
        }

        [TestMethod]
        public void TheHandshakeLimitIsFifteenSecondsByDefault()
        {
            Assert.AreEqual(TimeSpan.FromSeconds(15), new V2gTlsServerOptions().HandshakeTimeout);
            Assert.AreEqual(SslProtocols.Tls13, new V2gTlsServerOptions().EnabledProtocols);
        }
    }
}
