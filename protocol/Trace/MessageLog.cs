namespace V2G.Protocol.Trace
{
    /// <summary>
    /// The decoded message log of a vehicle session: a fixed ring of preallocated entries, newest
    /// last, kept for the diagnostics shell's `trace` and the simulator's --trace. Logging a message
    /// allocates nothing; when full, the oldest entry is reused.
    /// </summary>
    public sealed class MessageLog
    {
        private readonly TraceEntry[] _entries;
        private int _next;
        private int _count;
        private long _total;

        public MessageLog(int capacity, int detailCapacity)
        {
            _entries = new TraceEntry[capacity < 1 ? 1 : capacity];
            for (int i = 0; i < _entries.Length; i++)
            {
                _entries[i] = new TraceEntry(detailCapacity);
            }
        }

        public int Capacity => _entries.Length;

        /// <summary>Entries held, at most <see cref="Capacity"/>.</summary>
        public int Count => _count;

        /// <summary>Entries written since the last <see cref="Clear"/>, including those overwritten.</summary>
        public long Total => _total;

        /// <summary>Starts a new entry and returns it for the caller to fill in (details, failure).</summary>
        public TraceEntry Add(long timeMs, MessageDirection direction, string message)
        {
            TraceEntry entry = _entries[_next];
            entry.Reset(timeMs, direction, message);
            _next = (_next + 1) % _entries.Length;
            if (_count < _entries.Length)
            {
                _count++;
            }

            _total++;
            return entry;
        }

        /// <summary>Records a failure with the layer it happened in.</summary>
        public TraceEntry AddFailure(long timeMs, FailureLayer layer, string failure)
        {
            TraceEntry entry = Add(timeMs, MessageDirection.Event, "failure");
            entry.Layer = layer;
            entry.Failure = failure;
            return entry;
        }

        /// <summary>The i-th entry held, 0 = oldest.</summary>
        public TraceEntry Get(int i)
        {
            int oldest = _count < _entries.Length ? 0 : _next;
            return _entries[(oldest + i) % _entries.Length];
        }

        /// <summary>The newest entry, or null if empty.</summary>
        public TraceEntry Last => _count == 0 ? null : _entries[(_next + _entries.Length - 1) % _entries.Length];

        /// <summary>Forgets everything (a new session).</summary>
        public void Clear()
        {
            _next = 0;
            _count = 0;
            _total = 0;
        }
    }
}
