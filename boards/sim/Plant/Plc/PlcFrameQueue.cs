namespace V2G.Sim.Plant.Plc
{
    /// <summary>
    /// A modem's bounded receive queue: a fixed set of preallocated slots, each holding one frame and
    /// the simulated time it becomes visible to the host. Frames come out in order of that time, and
    /// in arrival order among equal times, so a delayed frame from the medium never holds back a
    /// local answer that is already due. Nothing is allocated after construction.
    /// </summary>
    internal sealed class PlcFrameQueue
    {
        private readonly byte[][] _data;
        private readonly int[] _length;
        private readonly long[] _dueMs;
        private readonly long[] _order;
        private readonly bool[] _used;
        private long _nextOrder;
        private int _count;

        public PlcFrameQueue(int capacity, int maxFrameBytes)
        {
            if (capacity < 1)
            {
                capacity = 1;
            }

            _data = new byte[capacity][];
            _length = new int[capacity];
            _dueMs = new long[capacity];
            _order = new long[capacity];
            _used = new bool[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _data[i] = new byte[maxFrameBytes];
            }
        }

        public int Count => _count;

        public int Capacity => _data.Length;

        /// <summary>Frames refused because every slot was taken.</summary>
        public long Overflows;

        /// <summary>
        /// Copies a frame in, zero-padded to <paramref name="minLength"/>; false (and counted) if full.
        /// The caller has checked that the frame fits a slot.
        /// </summary>
        public bool Enqueue(byte[] frame, int length, int minLength, long dueMs)
        {
            int slot = -1;
            for (int i = 0; i < _used.Length; i++)
            {
                if (!_used[i])
                {
                    slot = i;
                    break;
                }
            }

            if (slot < 0)
            {
                Overflows++;
                return false;
            }

            byte[] target = _data[slot];
            int padded = length < minLength ? minLength : length;
            for (int i = 0; i < padded; i++)
            {
                target[i] = i < length ? frame[i] : (byte)0;
            }

            _length[slot] = padded;
            _dueMs[slot] = dueMs;
            _order[slot] = _nextOrder++;
            _used[slot] = true;
            _count++;
            return true;
        }

        /// <summary>
        /// Takes the earliest frame due at <paramref name="nowMs"/>: its slot index, or −1 if none is due.
        /// The slot stays readable (<see cref="DataOf"/>, <see cref="LengthOf"/>) until the next Enqueue.
        /// </summary>
        public int TakeDue(long nowMs)
        {
            int best = -1;
            for (int i = 0; i < _used.Length; i++)
            {
                if (!_used[i] || _dueMs[i] > nowMs)
                {
                    continue;
                }

                if (best < 0 || _dueMs[i] < _dueMs[best] || (_dueMs[i] == _dueMs[best] && _order[i] < _order[best]))
                {
                    best = i;
                }
            }

            if (best >= 0)
            {
                _used[best] = false;
                _count--;
            }

            return best;
        }

        public byte[] DataOf(int slot) => _data[slot];

        public int LengthOf(int slot) => _length[slot];

        /// <summary>Forgets every queued frame (a modem restart).</summary>
        public void Clear()
        {
            for (int i = 0; i < _used.Length; i++)
            {
                _used[i] = false;
            }

            _count = 0;
        }
    }
}
