using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace V2G.Transport.Tests.TestSupport
{
    /// <summary>
    /// A test V2G PKI on secp521r1 (the curve ISO 15118-20 uses), made fresh for the test run: a root CA, the
    /// charger's leaf and the vehicle's leaf under it, and a foreign root with a vehicle leaf of its own.
    /// </summary>
    internal sealed class TestPki
    {
        private static readonly Lazy<TestPki> Shared = new(() => new TestPki());

        private TestPki()
        {
            Root = CreateRoot("CN=V2G Test Root CA");
            Charger = CreateLeaf("CN=SECC DE*ABC*E1234", Root, serverAuth: true);
            Vehicle = CreateLeaf("CN=EVCC WMIV1234567890ABCDEF", Root, serverAuth: false);
            ForeignRoot = CreateRoot("CN=Other Test Root CA");
            ForeignVehicle = CreateLeaf("CN=EVCC FOREIGN", ForeignRoot, serverAuth: false);
        }

        public static TestPki Instance => Shared.Value;

        public X509Certificate2 Root { get; }

        public X509Certificate2 Charger { get; }

        public X509Certificate2 Vehicle { get; }

        public X509Certificate2 ForeignRoot { get; }

        public X509Certificate2 ForeignVehicle { get; }

        private static X509Certificate2 CreateRoot(string subject)
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP521);
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA512);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 2, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            using X509Certificate2 root = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            return Reload(root);
        }

        private static X509Certificate2 CreateLeaf(string subject, X509Certificate2 issuer, bool serverAuth)
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
            byte[] pfx = certificate.Export(X509ContentType.Pfx, "test");
            return X509CertificateLoader.LoadPkcs12(pfx, "test", X509KeyStorageFlags.Exportable);
        }
    }
}
