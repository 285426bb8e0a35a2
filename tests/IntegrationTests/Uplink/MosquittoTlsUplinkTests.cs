using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Hal.Comms;
using V2G.IntegrationTests.TestSupport;
using V2G.Sim.Uplink;

namespace V2G.IntegrationTests.Uplink
{
    /// <summary>
    /// MQTT over TLS against mosquitto with a private CA made for the test: the broker is trusted through
    /// the CA file, refused without it, and accepted blindly only when asked to.
    /// </summary>
    [TestClass]
    public sealed class MosquittoTlsUplinkTests
    {
        private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

        private TempFolder _pki;
        private Mosquitto _mosquitto;

        [TestInitialize]
        public void StartTlsBroker()
        {
            _pki = new TempFolder();
            using ECDsa caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var caRequest = new CertificateRequest("CN=V2G test aggregator CA", caKey, HashAlgorithmName.SHA256);
            caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            using X509Certificate2 ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

            using ECDsa brokerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var brokerRequest = new CertificateRequest("CN=127.0.0.1", brokerKey, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            brokerRequest.CertificateExtensions.Add(names.Build());
            brokerRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            brokerRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            using X509Certificate2 broker = brokerRequest.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), new byte[] { 1, 2, 3, 4 });

            File.WriteAllText(CaFile, ca.ExportCertificatePem());
            File.WriteAllText(_pki.File("broker.pem"), broker.ExportCertificatePem());
            File.WriteAllText(_pki.File("broker.key"), brokerKey.ExportPkcs8PrivateKeyPem());
            _mosquitto = new Mosquitto(
                "cafile " + CaFile,
                "certfile " + _pki.File("broker.pem"),
                "keyfile " + _pki.File("broker.key"));
        }

        [TestCleanup]
        public void StopTlsBroker()
        {
            _mosquitto?.Dispose();
            _pki?.Dispose();
        }

        private string CaFile => _pki.File("ca.pem");

        [TestMethod]
        public void TheBrokerIsTrustedThroughTheCaFile()
        {
            using var uplink = new MqttNetUplink(new MqttNetUplinkOptions { Host = _mosquitto.Host, Port = _mosquitto.Port, Tls = true, CaFile = CaFile });
            AssertConnectsAndPublishes(uplink);
        }

        [TestMethod]
        public void ABrokerOutsideTheTrustStoreIsRefused()
        {
            using var uplink = new MqttNetUplink(new MqttNetUplinkOptions { Host = _mosquitto.Host, Port = _mosquitto.Port, Tls = true });
            uplink.BeginConnect(Options());
            WaitWhileConnecting(uplink);
            Assert.AreEqual(UplinkLinkState.Failed, uplink.LinkState, _mosquitto.Log);
            StringAssert.Contains(uplink.LastError, "certificate");
        }

        [TestMethod]
        public void AllowUntrustedAcceptsAnyBrokerCertificate()
        {
            using var uplink = new MqttNetUplink(new MqttNetUplinkOptions { Host = _mosquitto.Host, Port = _mosquitto.Port, Tls = true, AllowUntrusted = true });
            AssertConnectsAndPublishes(uplink);
        }

        [TestMethod]
        public void AMissingCaFileFailsAtConstruction()
        {
            Assert.Throws<Exception>(() => new MqttNetUplink(new MqttNetUplinkOptions { Tls = true, CaFile = _pki.File("missing.pem") }));
        }

        private void AssertConnectsAndPublishes(MqttNetUplink uplink)
        {
            uplink.BeginConnect(Options());
            WaitWhileConnecting(uplink);
            Assert.AreEqual(UplinkLinkState.Connected, uplink.LinkState, uplink.LastError + "\n" + _mosquitto.Log);
            byte[] payload = Encoding.UTF8.GetBytes("{\"state\":\"online\"}");
            Assert.IsTrue(uplink.Publish("v2g/1/tls-0001/status", payload, payload.Length, 1, true), uplink.LastError);
        }

        private static UplinkConnectOptions Options() => new UplinkConnectOptions { ClientId = "tls-test-" + Guid.NewGuid().ToString("N").Substring(0, 6) };

        private static void WaitWhileConnecting(MqttNetUplink uplink)
        {
            DateTime until = DateTime.UtcNow + Wait;
            while (uplink.LinkState == UplinkLinkState.Connecting && DateTime.UtcNow < until)
            {
                System.Threading.Thread.Sleep(10);
            }
        }
    }
}
