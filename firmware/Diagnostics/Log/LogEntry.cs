namespace V2G.Firmware.Diagnostics.Log
{
    /// <summary>One entry of the <see cref="DiagnosticLog"/>.</summary>
    public struct LogEntry
    {
        /// <summary>Sequence number in this boot's log (the entries restored from the store come first).</summary>
        public long Number;

        /// <summary>Monotonic time of the entry, ms since that boot.</summary>
        public long TimeMs;

        /// <summary>Wall-clock time, Unix ms, or 0 when the wall clock was not set.</summary>
        public long WallUnixMs;

        /// <summary>Who wrote it.</summary>
        public LogModule Module;

        /// <summary>How much it matters.</summary>
        public LogLevel Level;

        /// <summary>The text, at most <see cref="DiagnosticLog.MaxTextLength"/> characters.</summary>
        public string Text;

        /// <summary>True for an entry restored from the non-volatile store: it was written before this boot.</summary>
        public bool FromEarlierBoot;
    }
}
