using V2G.Hal.Comms;

namespace V2G.UnitTests.Iso15118.Secc
{
    /// <summary>
    /// An in-memory TCP connection for tests: two ends, each an <see cref="IByteStream"/>; what one end
    /// writes the other reads. Closing either end closes both (as a TCP peer sees a FIN). Each
    /// direction is a preallocated ring, so passing bytes allocates nothing. Portable (nano subset).
    /// </summary>
    public sealed class MemoryDuplex
    {
        private readonly Ring _toCharger;
        private readonly Ring _toEv;
        private bool _closed;

        public MemoryDuplex(int capacity)
        {
            _toCharger = new Ring(capacity);
            _toEv = new Ring(capacity);
            ChargerEnd = new End(this, _toCharger, _toEv);
            EvEnd = new End(this, _toEv, _toCharger);
        }

        /// <summary>The end the charger (SECC) reads and writes.</summary>
        public End ChargerEnd { get; }

        /// <summary>The end the vehicle (EVCC) reads and writes.</summary>
        public End EvEnd { get; }

        /// <summary>True once either end was closed.</summary>
        public bool IsClosed => _closed;

        /// <summary>One end of the connection.</summary>
        public sealed class End : IByteStream
        {
            private readonly MemoryDuplex _owner;
            private readonly Ring _in;
            private readonly Ring _out;

            internal End(MemoryDuplex owner, Ring input, Ring output)
            {
                _owner = owner;
                _in = input;
                _out = output;
            }

            /// <summary>Times <see cref="Close"/> was called on this end.</summary>
            public int CloseCalls;

            /// <summary>Bytes waiting to be read at this end.</summary>
            public int Available => _in.Count;

            public bool IsOpen => !_owner._closed || _in.Count > 0;

            public int Read(byte[] buffer, int offset, int count)
            {
                return _in.Take(buffer, offset, count);
            }

            public bool Write(byte[] buffer, int offset, int count)
            {
                if (_owner._closed)
                {
                    return false;
                }

                return _out.Put(buffer, offset, count);
            }

            public void Close()
            {
                CloseCalls++;
                _owner._closed = true;
            }
        }

        /// <summary>A byte ring of fixed capacity.</summary>
        internal sealed class Ring
        {
            private readonly byte[] _bytes;
            private int _head;
            private int _count;

            public Ring(int capacity)
            {
                _bytes = new byte[capacity];
            }

            public int Count => _count;

            public bool Put(byte[] buffer, int offset, int count)
            {
                if (count > _bytes.Length - _count)
                {
                    return false;
                }

                for (int i = 0; i < count; i++)
                {
                    _bytes[(_head + _count + i) % _bytes.Length] = buffer[offset + i];
                }

                _count += count;
                return true;
            }

            public int Take(byte[] buffer, int offset, int count)
            {
                int n = count < _count ? count : _count;
                for (int i = 0; i < n; i++)
                {
                    buffer[offset + i] = _bytes[(_head + i) % _bytes.Length];
                }

                _head = (_head + n) % _bytes.Length;
                _count -= n;
                return n;
            }
        }
    }
}
