using System.Net;
using V2G.Protocol.Iso15118.Transport;

namespace V2G.Sim.Net
{
    /// <summary>The outcome of SDP on the vehicle side: the charger's answer and where to connect.</summary>
    public sealed class SdpDiscovery
    {
        internal SdpDiscovery(SdpResponse response, IPEndPoint secc, IPEndPoint responder, int requestsSent)
        {
            Response = response;
            SeccEndPoint = secc;
            Responder = responder;
            RequestsSent = requestsSent;
        }

        /// <summary>The decoded SDP response.</summary>
        public SdpResponse Response { get; }

        /// <summary>The announced address and TCP port (a link-local address gets the scope of the interface the answer came by).</summary>
        public IPEndPoint SeccEndPoint { get; }

        /// <summary>Where the UDP answer came from.</summary>
        public IPEndPoint Responder { get; }

        /// <summary>Requests sent until the answer.</summary>
        public int RequestsSent { get; }
    }
}
