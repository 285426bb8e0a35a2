using System;
using System.Collections.Generic;
using V2G.Hal.Comms;

namespace V2G.Transport.Tests.TestSupport
{
    /// <summary>An in-memory IByteStream: bytes are fed by the test, and each Read returns at most <see cref="MaxBytesPerRead"/>.</summary>
    internal sealed class MemoryByteStream : IByteStream
    {
        private readonly Queue<byte> _incoming = new();
        private bool _closed;

        public List<byte> Written { get; } = new();

        public int MaxBytesPerRead { get; set; } = int.MaxValue;

        public int ReadCalls { get; private set; }

        public bool IsOpen => !_closed || _incoming.Count > 0;

        public void Feed(params byte[] bytes)
        {
            foreach (byte b in bytes)
            {
                _incoming.Enqueue(b);
            }
        }

        public void PeerClose() => _closed = true;

        public int Read(byte[] buffer, int offset, int count)
        {
            ReadCalls++;
            int n = Math.Min(Math.Min(count, MaxBytesPerRead), _incoming.Count);
            for (int i = 0; i < n; i++)
            {
                buffer[offset + i] = _incoming.Dequeue();
            }

            return n;
        }

        public bool Write(byte[] buffer, int offset, int count)
        {
            if (_closed)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                Written.Add(buffer[offset + i]);
            }

            return true;
        }

        public void Close() => _closed = true;
    }
}
