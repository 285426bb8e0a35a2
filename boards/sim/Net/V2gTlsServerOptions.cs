using System;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace V2G.Sim.Net
{
    /// <summary>TLS settings of the charger's V2G TCP server (ISO 15118-20 expects TLS 1.3 with mutual authentication).</summary>
    public sealed class V2gTlsServerOptions
    {
        /// <summary>The charger's (SECC) leaf certificate, with its private key.</summary>
        public X509Certificate2 Certificate { get; set; }

        /// <summary>The certificates between the leaf and the root (sub-CAs), sent with the leaf; the root may be left out.</summary>
        public X509Certificate2Collection CertificateChain { get; set; } = new();

        /// <summary>Require a client (vehicle) certificate that chains to <see cref="ClientCertificateAuthorities"/>.</summary>
        public bool RequireClientCertificate { get; set; }

        /// <summary>The trust anchors a vehicle certificate must chain to (e.g. the OEM or V2G root).</summary>
        public X509Certificate2Collection ClientCertificateAuthorities { get; set; } = new();

        /// <summary>Versions offered; TLS 1.3 only by default (EVerest also allows 1.2 for -2 vehicles).</summary>
        public SslProtocols EnabledProtocols { get; set; } = SslProtocols.Tls13;

        /// <summary>
        /// How long a connection may take from accept to a finished handshake before it alone is closed.
        /// 15 s is our choice (no anchor states one): a stalled peer must not hold the charger.
        /// </summary>
        public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(15);
    }
}
