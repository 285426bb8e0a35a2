using V2G.Hal.Comms;

namespace V2G.UnitTests.Iso15118.Evcc
{
    /// <summary>
    /// An in-memory, single-threaded connection: two <see cref="IByteStream"/> ends, what one writes the other
    /// reads. Fixed buffers (no allocation after construction), so the EVCC's charge loop can be measured
    /// for allocations through it. Closing either end closes both, like a TCP connection.
    /// </summary>
    public sealed class BytePipe
    {
        private readonly ByteQueue _evToCharger;
        private readonly ByteQueue _chargerToEv;
        private bool _open = true;

        public BytePipe(int capacityBytes)
        {
            _evToCharger = new ByteQueue(capacityBytes);
            _chargerToEv = new ByteQueue(capacityBytes);
            EvEnd = new End(this, _chargerToEv, _evToCharger);
            ChargerEnd = new End(this, _evToCharger, _chargerToEv);
        }

        /// <summary>The vehicle's end: reads what the charger wrote.</summary>
        public IByteStream EvEnd { get; }

        /// <summary>The charger's end: reads what the vehicle wrote.</summary>
        public IByteStream ChargerEnd { get; }

        public bool IsOpen => _open;

        /// <summary>One end of the pipe.</summary>
        private sealed class End : IByteStream
        {
            private readonly BytePipe _pipe;
            private readonly ByteQueue _inbound;
            private readonly ByteQueue _outbound;

            public End(BytePipe pipe, ByteQueue inbound, ByteQueue outbound)
            {
                _pipe = pipe;
                _inbound = inbound;
                _outbound = outbound;
            }

            public bool IsOpen => _pipe._open;

            public int Read(byte[] buffer, int offset, int count)
            {
                // Bytes already sent can still be read after the peer closed, as with TCP.
                return _inbound.Take(buffer, offset, count);
            }

            public bool Write(byte[] buffer, int offset, int count)
            {
                if (!_pipe._open)
                {
                    return false;
                }

                return _outbound.Put(buffer, offset, count);
            }

            public void Close()
            {
                _pipe._open = false;
            }
        }

        /// <summary>A fixed ring of bytes.</summary>
        private sealed class ByteQueue
        {
            private readonly byte[] _bytes;
            private int _head;
            private int _count;

            public ByteQueue(int capacity)
            {
                _bytes = new byte[capacity];
            }

            public bool Put(byte[] buffer, int offset, int count)
            {
                if (count > _bytes.Length - _count)
                {
                    return false;
                }

                for (int i = 0; i < count; i++)
                {
                    _bytes[(_head + _count) % _bytes.Length] = buffer[offset + i];
                    _count++;
                }

                return true;
            }

            public int Take(byte[] buffer, int offset, int count)
            {
                int n = count < _count ? count : _count;
                for (int i = 0; i < n; i++)
                {
                    buffer[offset + i] = _bytes[_head];
                    _head = (_head + 1) % _bytes.Length;
                }

                _count -= n;
                return n;
            }
        }
    }
}
