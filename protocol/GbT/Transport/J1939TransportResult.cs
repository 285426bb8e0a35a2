namespace V2G.Protocol.GbT.Transport
{
    /// <summary>How a <see cref="J1939TransportSender"/> transfer ended (name table included: Enum.ToString gives numbers on the device).</summary>
    public static class J1939TransportResult
    {
        /// <summary>No transfer has ended yet.</summary>
        public const int None = 0;

        /// <summary>EndOfMsgAck received (or, for BAM, the last packet sent).</summary>
        public const int Completed = 1;

        /// <summary>T3 or T4 expired; we sent TP.Conn_Abort with reason 3.</summary>
        public const int TimedOut = 2;

        /// <summary>The receiver sent TP.Conn_Abort (its reason is in LastAbortReason).</summary>
        public const int AbortedByPeer = 3;

        /// <summary>We aborted (a CTS out of place, or <see cref="J1939TransportSender.Abort"/>).</summary>
        public const int AbortedByUs = 4;

        private static readonly string[] Names = { "none", "completed", "timed out", "aborted by peer", "aborted by us" };

        public static string NameOf(int result)
        {
            return result >= 0 && result < Names.Length ? Names[result] : "?";
        }
    }
}
