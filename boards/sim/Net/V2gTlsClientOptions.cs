using System;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace V2G.Sim.Net
{
    /// <summary>TLS settings of the vehicle side (EV simulator, benches).</summary>
    public sealed class V2gTlsClientOptions
    {
        /// <summary>The name sent as SNI; ISO 15118 charger certificates name the SECC, not a host, so it is not checked.</summary>
        public string TargetHost { get; set; } = "secc";

        /// <summary>The trust anchors the charger's certificate must chain to (the V2G root). Empty: the system store decides.</summary>
        public X509Certificate2Collection ServerCertificateAuthorities { get; set; } = new();

        /// <summary>The vehicle's certificate with its private key, for mutual authentication; null sends none.</summary>
        public X509Certificate2 ClientCertificate { get; set; }

        /// <summary>Sub-CA certificates sent with <see cref="ClientCertificate"/>.</summary>
        public X509Certificate2Collection ClientCertificateChain { get; set; } = new();

        /// <summary>Versions offered; TLS 1.3 only by default.</summary>
        public SslProtocols EnabledProtocols { get; set; } = SslProtocols.Tls13;

        /// <summary>How long the handshake may take.</summary>
        public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(15);
    }
}
