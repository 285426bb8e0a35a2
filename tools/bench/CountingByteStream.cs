using V2G.Hal.Comms;

namespace V2G.Bench
{
    /// <summary>
    /// One end of a V2G connection with its application bytes counted: lets the benchmark tell when the
    /// SECC has answered and when nothing is in flight. Both ends are read and written from the
    /// benchmark's own thread only (the socket's pump threads fill the connection's buffer, they never
    /// call these), so plain counters suffice; counting is two additions per call, nothing is allocated.
    /// </summary>
    public sealed class CountingByteStream : IByteStream
    {
        private readonly IByteStream _inner;

        public CountingByteStream(IByteStream inner)
        {
            _inner = inner ?? throw new System.ArgumentNullException(nameof(inner));
        }

        /// <summary>Bytes this end has written.</summary>
        public long BytesWritten { get; private set; }

        /// <summary>Bytes this end has read.</summary>
        public long BytesRead { get; private set; }

        public bool IsOpen => _inner.IsOpen;

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = _inner.Read(buffer, offset, count);
            if (n > 0)
            {
                BytesRead += n;
            }

            return n;
        }

        public bool Write(byte[] buffer, int offset, int count)
        {
            if (!_inner.Write(buffer, offset, count))
            {
                return false;
            }

            BytesWritten += count;
            return true;
        }

        public void Close()
        {
            _inner.Close();
        }
    }
}
