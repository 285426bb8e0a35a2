namespace V2G.Protocol.Can
{
    /// <summary>How a <see cref="SlcanPort"/> opens and paces its adapter.</summary>
    public sealed class SlcanSettings
    {
        /// <summary>
        /// Bus bit rate, bit/s: 250000 for GB/T 27930, or 50000, the 2015 edition's option for harsh
        /// environments [digest §2, S2, S10, S15]. Any rate of <see cref="SlcanCommands.BitRateCode"/> works.
        /// </summary>
        public int BitRateBps = 250000;

        /// <summary>
        /// Whether to send "Z1" before opening, so the adapter appends a 4-digit ms timestamp to received
        /// frames. Off by default: not every adapter knows the command, and received lines are read with or
        /// without a timestamp anyway.
        /// </summary>
        public bool RequestTimestamps;

        /// <summary>How long to wait for the adapter's reply to each open-sequence command, ms (our choice: USB adapters answer within a few ms).</summary>
        public int ReplyTimeoutMs = 500;

        /// <summary>Received frames kept until taken; further frames are counted in <see cref="SlcanPort.ReceiveOverflows"/>.</summary>
        public int ReceiveQueueFrames = 64;

        /// <summary>
        /// Bytes read from the stream per <see cref="SlcanPort.Poll"/> at most, so a flooding adapter cannot hold
        /// the caller's loop (at 250 kbit/s a bus carries about 2000 frames/s, ≈ 56 kB/s of slcan text).
        /// </summary>
        public int MaxBytesPerPoll = 1024;
    }
}
