using System.Net;

namespace V2G.Sim.Net
{
    /// <summary>Where the SDP server listens and what it announces.</summary>
    public sealed class SdpServerOptions
    {
        /// <summary>The SDP port (ISO 15118: 15118).</summary>
        public const int DefaultPort = 15118;

        /// <summary>Address to bind: IPv6Any on the PLC interface (the requests go to ff02::1), or ::1 in tests.</summary>
        public IPAddress ListenAddress { get; set; } = IPAddress.IPv6Any;

        /// <summary>UDP port; 0 picks a free one (tests).</summary>
        public int Port { get; set; } = DefaultPort;

        /// <summary>The interface on which to join ff02::1 (0: the system's choice). Not used on loopback.</summary>
        public int InterfaceIndex { get; set; }

        /// <summary>The charger's (SECC) IPv6 address announced in responses, usually its link-local address.</summary>
        public IPAddress SeccAddress { get; set; } = IPAddress.IPv6Loopback;

        /// <summary>The TLS port of the V2G TCP server, or 0 if TLS is not offered.</summary>
        public int TlsPort { get; set; }

        /// <summary>The plain TCP port, or 0 if unsecured sessions are not offered.</summary>
        public int TcpPort { get; set; }
    }
}
