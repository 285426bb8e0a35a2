using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace V2G.Sim.Net
{
    /// <summary>
    /// A V2G PKI made fresh on secp521r1 (the curve ISO 15118-20 uses): a root CA with the charger's and
    /// the vehicle's leaf certificates under it. For the simulator's --tls and for tests; a real charger
    /// loads its certificates from its store.
    /// </summary>
    public sealed class V2gPki
    {
        public V2gPki(string rootName = "CN=V2G Simulation Root CA")
        {
            Root = CreateRoot(rootName);
            Charger = CreateLeaf("CN=SECC DE*V2G*E0001", Root, serverAuth: true);
            Vehicle = CreateLeaf("CN=EVCC WMIV2GTESTCAR0001", Root, serverAuth: false);
        }

        public X509Certificate2 Root { get; }

        public X509Certificate2 Charger { get; }

        public X509Certificate2 Vehicle { get; }

        /// <summary>The charger's TLS options: its certificate, and (for mutual authentication) the vehicle's CA.</summary>
        public V2gTlsServerOptions ServerOptions(bool requireVehicleCertificate)
        {
            var options = new V2gTlsServerOptions { Certificate = Charger, RequireClientCertificate = requireVehicleCertificate };
            options.ClientCertificateAuthorities.Add(Root);
            return options;
        }

        /// <summary>The vehicle's TLS options: the charger's CA, and its own certificate for mutual authentication.</summary>
        public V2gTlsClientOptions ClientOptions(bool presentVehicleCertificate)
        {
            var options = new V2gTlsClientOptions { ClientCertificate = presentVehicleCertificate ? Vehicle : null };
            options.ServerCertificateAuthorities.Add(Root);
            return options;
        }

        public static X509Certificate2 CreateRoot(string subject)
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP521);
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA512);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 2, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            using X509Certificate2 root = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            return Reload(root);
        }

        public static X509Certificate2 CreateLeaf(string subject, X509Certificate2 issuer, bool serverAuth)
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP521);
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA512);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
                new OidCollection { new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2") }, false));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            byte[] serial = new byte[16];
            RandomNumberGenerator.Fill(serial);
            serial[0] &= 0x7F;
            using X509Certificate2 signed = request.Create(issuer, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(30), serial);
            using X509Certificate2 withKey = signed.CopyWithPrivateKey(key);
            return Reload(withKey);
        }

        // Through PKCS#12 so that the key is a persisted one, as a certificate loaded from the charger's store is.
        private static X509Certificate2 Reload(X509Certificate2 certificate)
        {
            byte[] pfx = certificate.Export(X509ContentType.Pfx, "v2g");
            return X509CertificateLoader.LoadPkcs12(pfx, "v2g", X509KeyStorageFlags.Exportable);
        }
    }
}
