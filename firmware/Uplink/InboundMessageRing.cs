namespace V2G.Firmware.Uplink
{
    /// <summary>
    /// Messages from the broker, copied on the transport's thread (whose handler must return at once)
    /// into preallocated buffers and taken by the uplink thread's pump. A message longer than the
    /// buffers is not copied: only its length is kept, so it can be rejected with a reason. When the
    /// ring is full the message is dropped and counted (QoS 1 commands come again on a redelivery).
    /// </summary>
    public sealed class InboundMessageRing
    {
        private readonly string[] _topics;
        private readonly byte[][] _payloads;
        private readonly int[] _lengths;
        private readonly object _lock = new object();
        private int _head;
        private int _count;
        private long _dropped;

        public InboundMessageRing(int capacity, int maxPayloadBytes)
        {
            int n = capacity < 2 ? 2 : capacity;
            _topics = new string[n];
            _payloads = new byte[n][];
            _lengths = new int[n];
            for (int i = 0; i < n; i++)
            {
                _payloads[i] = new byte[maxPayloadBytes];
            }
        }

        /// <summary>Messages dropped because the ring was full.</summary>
        public long Dropped => _dropped;

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

        /// <summary>Copies one message in (transport thread). False if dropped.</summary>
        public bool Put(string topic, byte[] payload, int length)
        {
            lock (_lock)
            {
                if (_count == _topics.Length)
                {
                    _dropped++;
                    return false;
                }

                int i = (_head + _count) % _topics.Length;
                _topics[i] = topic;
                _lengths[i] = length;
                if (payload != null && length <= _payloads[i].Length)
                {
                    System.Array.Copy(payload, 0, _payloads[i], 0, length);
                }

                _count++;
                return true;
            }
        }

        /// <summary>
        /// Takes the oldest message (pump thread): its topic, and its payload copied into
        /// <paramref name="buffer"/> (at least the ring's buffer size). Returns its length (longer than
        /// the buffer: oversized, not copied), or −1 if there is none.
        /// </summary>
        public int Take(byte[] buffer, out string topic)
        {
            lock (_lock)
            {
                topic = null;
                if (_count == 0)
                {
                    return -1;
                }

                topic = _topics[_head];
                int length = _lengths[_head];
                if (length <= _payloads[_head].Length)
                {
                    System.Array.Copy(_payloads[_head], 0, buffer, 0, length);
                }

                _topics[_head] = null;
                _head = (_head + 1) % _topics.Length;
                _count--;
                return length;
            }
        }
    }
}
