namespace V2G.Firmware.Uplink
{
    /// <summary>
    /// The bounded hand-over from the control thread (one producer) to the uplink thread (one consumer):
    /// a ring of preallocated <see cref="UplinkItem"/> slots. The producer fills the slot it got from
    /// <see cref="BeginWrite"/> and publishes it with <see cref="CommitWrite"/>; the consumer reads the
    /// oldest with <see cref="Peek"/> and frees it with <see cref="Release"/>. Only the indices are
    /// locked, for a few instructions: the control thread never waits on the network. When full, new
    /// items are refused and counted (the control thread must not block).
    /// </summary>
    public sealed class UplinkOutbox
    {
        private readonly UplinkItem[] _items;
        private readonly object _lock = new object();
        private int _head;
        private int _count;
        private long _overflows;

        public UplinkOutbox(int capacity)
        {
            _items = new UplinkItem[capacity < 2 ? 2 : capacity];
            for (int i = 0; i < _items.Length; i++)
            {
                _items[i] = new UplinkItem();
            }
        }

        public int Capacity => _items.Length;

        /// <summary>Items waiting for the uplink thread.</summary>
        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return _count;
                }
            }
        }

        /// <summary>Items refused because the ring was full.</summary>
        public long Overflows => _overflows;

        /// <summary>The free slot to fill next, or null (counted) if the ring is full. Producer only.</summary>
        public UplinkItem BeginWrite()
        {
            lock (_lock)
            {
                if (_count == _items.Length)
                {
                    _overflows++;
                    return null;
                }

                return _items[(_head + _count) % _items.Length];
            }
        }

        /// <summary>Hands the slot from <see cref="BeginWrite"/> over to the consumer. Producer only.</summary>
        public void CommitWrite()
        {
            lock (_lock)
            {
                _count++;
            }
        }

        /// <summary>The oldest item, or null. Consumer only; the item stays until <see cref="Release"/>.</summary>
        public UplinkItem Peek()
        {
            lock (_lock)
            {
                return _count == 0 ? null : _items[_head];
            }
        }

        /// <summary>Frees the item <see cref="Peek"/> returned. Consumer only.</summary>
        public void Release()
        {
            lock (_lock)
            {
                if (_count > 0)
                {
                    _head = (_head + 1) % _items.Length;
                    _count--;
                }
            }
        }
    }
}
