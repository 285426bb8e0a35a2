using System;
using V2G.Hal.Comms;

namespace V2G.Fuzz
{
    /// <summary>
    /// Two connected in-memory <see cref="IByteStream"/> ends on the host (a TCP connection without the
    /// sockets): what one end writes the other reads, in order, in any pieces. Closing either end closes
    /// the connection; bytes already written are still delivered, as on TCP. Single-threaded.
    /// </summary>
    public sealed class HostPipe
    {
        private bool _closed;

        public HostPipe()
        {
            ChargerEnd = new End(this);
            VehicleEnd = new End(this);
            ChargerEnd.Peer = VehicleEnd;
            VehicleEnd.Peer = ChargerEnd;
        }

        /// <summary>The end the SECC reads requests from and writes answers to.</summary>
        public End ChargerEnd { get; }

        /// <summary>The end the vehicle (the EVCC, or the fuzzer) writes requests to.</summary>
        public End VehicleEnd { get; }

        public bool IsClosed => _closed;

        /// <summary>One end of the pipe.</summary>
        public sealed class End : IByteStream
        {
            private readonly HostPipe _pipe;
            private byte[] _incoming = new byte[1024];
            private int _head;
            private int _count;

            internal End(HostPipe pipe)
            {
                _pipe = pipe;
            }

            internal End Peer { get; set; }

            /// <summary>Bytes written to this end by its peer and not yet read.</summary>
            public int Available => _count;

            public bool IsOpen => !(_pipe._closed && _count == 0);

            public int Read(byte[] buffer, int offset, int count)
            {
                int n = Math.Min(count, _count);
                Buffer.BlockCopy(_incoming, _head, buffer, offset, n);
                _head += n;
                _count -= n;
                if (_count == 0)
                {
                    _head = 0;
                }

                return n;
            }

            public bool Write(byte[] buffer, int offset, int count)
            {
                if (_pipe._closed)
                {
                    return false;
                }

                Peer.Append(buffer, offset, count);
                return true;
            }

            public void Close()
            {
                _pipe._closed = true;
            }

            private void Append(byte[] buffer, int offset, int count)
            {
                if (_head + _count + count > _incoming.Length)
                {
                    byte[] larger = _incoming.Length >= _count + count ? _incoming : new byte[Math.Max(_incoming.Length * 2, _count + count)];
                    Buffer.BlockCopy(_incoming, _head, larger, 0, _count);
                    _incoming = larger;
                    _head = 0;
                }

                Buffer.BlockCopy(buffer, offset, _incoming, _head + _count, count);
                _count += count;
            }
        }
    }
}
