using V2G.Protocol.Text;

namespace V2G.Protocol.Trace
{
    /// <summary>
    /// One line of a session's message log. Entries are preallocated by <see cref="MessageLog"/> and
    /// reused; <see cref="Details"/> holds the key fields as text, written without allocating.
    /// </summary>
    public sealed class TraceEntry
    {
        internal TraceEntry(int detailCapacity)
        {
            Details = new TextBuffer(detailCapacity);
        }

        /// <summary>Monotonic time of the message, ms.</summary>
        public long TimeMs { get; internal set; }

        public MessageDirection Direction { get; internal set; }

        /// <summary>The message's name (a constant string: SessionSetupReq, BCL, ...).</summary>
        public string Message { get; internal set; }

        /// <summary>Key fields, e.g. "EVTargetVoltage=398.5 V".</summary>
        public TextBuffer Details { get; }

        /// <summary>For a response: time since the request it answers, ms; −1 otherwise.</summary>
        public long ResponseTimeMs { get; set; }

        /// <summary>The layer that failed, for a failure; None otherwise.</summary>
        public FailureLayer Layer { get; set; }

        /// <summary>The failure's name (a response code, an error code), or null.</summary>
        public string Failure { get; set; }

        internal void Reset(long timeMs, MessageDirection direction, string message)
        {
            TimeMs = timeMs;
            Direction = direction;
            Message = message;
            Details.Clear();
            ResponseTimeMs = -1;
            Layer = FailureLayer.None;
            Failure = null;
        }
    }
}
