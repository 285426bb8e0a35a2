namespace V2G.Firmware.Faults
{
    /// <summary>
    /// The faults of this boot, newest last, in a fixed ring (the oldest record is overwritten when
    /// full; <see cref="TotalRaised"/> keeps counting). Allocates only at construction.
    /// </summary>
    public sealed class FaultLog
    {
        private readonly FaultRecord[] _records;
        private int _count;
        private int _next;
        private int _totalRaised;

        public FaultLog(int capacity)
        {
            _records = new FaultRecord[capacity < 1 ? 1 : capacity];
        }

        public int Capacity => _records.Length;

        /// <summary>Records held, at most <see cref="Capacity"/>.</summary>
        public int Count => _count;

        /// <summary>Faults raised since boot, including those overwritten.</summary>
        public int TotalRaised => _totalRaised;

        /// <summary>Appends a record and returns its handle (valid until overwritten).</summary>
        public int Add(ref FaultRecord record)
        {
            int handle = _next;
            _records[handle] = record;
            _next = (_next + 1) % _records.Length;
            if (_count < _records.Length)
            {
                _count++;
            }

            _totalRaised++;
            return handle;
        }

        /// <summary>The i-th record held, 0 = oldest.</summary>
        public FaultRecord Get(int i)
        {
            return _records[HandleOf(i)];
        }

        /// <summary>The handle of the i-th record held, 0 = oldest.</summary>
        public int HandleOf(int i)
        {
            int oldest = _count < _records.Length ? 0 : _next;
            return (oldest + i) % _records.Length;
        }

        public FaultRecord GetByHandle(int handle)
        {
            return _records[handle];
        }

        public void SetContactorsOpen(int handle, long atMs, double breakingCurrentA)
        {
            _records[handle].ContactorsOpenAtMs = atMs;
            _records[handle].BreakingCurrentA = breakingCurrentA;
        }

        public void SetCleared(int handle, long atMs)
        {
            _records[handle].ClearedAtMs = atMs;
        }
    }
}
