using System;
using System.Net;
using V2G.Protocol.Iso15118.Transport;

namespace V2G.Sim.Net
{
    /// <summary>What the vehicle's SDP client asks and how often (ISO 15118-20: every 250 ms, at most 50 requests).</summary>
    public sealed class SdpClientOptions
    {
        /// <summary>Where requests go: ff02::1 port 15118 on the PLC interface, or the server's endpoint on ::1 in tests.</summary>
        public IPEndPoint Destination { get; set; } = new IPEndPoint(IPAddress.Parse("ff02::1"), SdpServerOptions.DefaultPort);

        /// <summary>The interface multicast requests leave by (0: the system's choice).</summary>
        public int InterfaceIndex { get; set; }

        /// <summary>The security asked for.</summary>
        public SdpSecurity Security { get; set; } = SdpSecurity.Tls;

        /// <summary>Time between requests while no valid response came.</summary>
        public TimeSpan RequestInterval { get; set; } = TimeSpan.FromMilliseconds(250);

        /// <summary>Requests sent at most before giving up.</summary>
        public int MaxRequests { get; set; } = 50;
    }
}
