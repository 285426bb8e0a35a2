using System;
using System.Net;
using V2G.Protocol.Iso15118.Transport;

namespace V2G.Sim.Net
{
    /// <summary>An SDP request the server answered.</summary>
    public sealed class SdpRequestEventArgs : EventArgs
    {
        internal SdpRequestEventArgs(IPEndPoint requester, SdpSecurity requestedSecurity)
        {
            Requester = requester;
            RequestedSecurity = requestedSecurity;
        }

        /// <summary>The vehicle's address and UDP port.</summary>
        public IPEndPoint Requester { get; }

        /// <summary>The security the vehicle asked for.</summary>
        public SdpSecurity RequestedSecurity { get; }
    }
}
