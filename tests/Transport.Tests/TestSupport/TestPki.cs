using System;
using System.Security.Cryptography.X509Certificates;
using V2G.Sim.Net;

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
            Root = V2gPki.CreateRoot("CN=V2G Test Root CA");
            Charger = V2gPki.CreateLeaf("CN=SECC DE*ABC*E1234", Root, serverAuth: true);
            Vehicle = V2gPki.CreateLeaf("CN=EVCC WMIV1234567890ABCDEF", Root, serverAuth: false);
            ForeignRoot = V2gPki.CreateRoot("CN=Other Test Root CA");
            ForeignVehicle = V2gPki.CreateLeaf("CN=EVCC FOREIGN", ForeignRoot, serverAuth: false);
        }

        public static TestPki Instance => Shared.Value;

        public X509Certificate2 Root { get; }

        public X509Certificate2 Charger { get; }

        public X509Certificate2 Vehicle { get; }

        public X509Certificate2 ForeignRoot { get; }

        public X509Certificate2 ForeignVehicle { get; }
    }
}
