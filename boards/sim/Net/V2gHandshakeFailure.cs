using System;
using System.Net;

namespace V2G.Sim.Net
{
    /// <summary>A connection the server closed before handing it over: TLS refused or too slow.</summary>
    public sealed class V2gHandshakeFailure : EventArgs
    {
        internal V2gHandshakeFailure(IPEndPoint remoteEndPoint, bool timedOut, string reason, TimeSpan elapsed)
        {
            RemoteEndPoint = remoteEndPoint;
            TimedOut = timedOut;
            Reason = reason;
            Elapsed = elapsed;
        }

        /// <summary>The peer.</summary>
        public IPEndPoint RemoteEndPoint { get; }

        /// <summary>True if the handshake time limit ran out.</summary>
        public bool TimedOut { get; }

        /// <summary>What went wrong, for the log.</summary>
        public string Reason { get; }

        /// <summary>Time from accept to the close.</summary>
        public TimeSpan Elapsed { get; }
    }
}
