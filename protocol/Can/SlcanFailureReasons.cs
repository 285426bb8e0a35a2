namespace V2G.Protocol.Can
{
    /// <summary>Why a <see cref="SlcanPort"/>'s open sequence failed (constant strings).</summary>
    public static class SlcanFailureReasons
    {
        /// <summary><see cref="SlcanSettings.BitRateBps"/> has no slcan code ("S0".."S8").</summary>
        public const string UnsupportedBitRate = "unsupported_bit_rate";

        /// <summary>The byte stream is closed or refused a write.</summary>
        public const string StreamClosed = "stream_closed";

        /// <summary>The adapter answered "Sn" with BELL.</summary>
        public const string BitRateRefused = "bit_rate_refused";

        /// <summary>The adapter answered "Z1" with BELL.</summary>
        public const string TimestampsRefused = "timestamps_refused";

        /// <summary>The adapter answered "O" with BELL.</summary>
        public const string OpenRefused = "open_refused";

        /// <summary>No reply within <see cref="SlcanSettings.ReplyTimeoutMs"/>.</summary>
        public const string NoReply = "no_reply";
    }
}
