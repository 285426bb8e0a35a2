using V2G.Hal.Comms;

namespace V2G.UnitTests.Can
{
    /// <summary>
    /// An in-memory byte stream standing in for a USB-CAN adapter's serial port: the test feeds what the
    /// adapter "sends" and reads back what the port wrote. Fixed buffers, no collections (nano subset).
    /// </summary>
    public sealed class ScriptedByteStream : IByteStream
    {
        private readonly byte[] _incoming = new byte[16384];
        private readonly byte[] _written = new byte[16384];
        private int _incomingHead;
        private int _incomingCount;
        private int _writtenCount;
        private bool _closed;

        /// <summary>At most this many bytes per Read (to split lines across polls).</summary>
        public int MaxBytesPerRead = 1000000;

        public bool IsOpen => !_closed;

        /// <summary>Everything the port wrote since the last <see cref="TakeWritten"/>, as text ("\r" stays "\r").</summary>
        public string Written => Text(_written, 0, _writtenCount);

        public int WrittenCount => _writtenCount;

        public void Feed(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                _incoming[_incomingCount++] = (byte)text[i];
            }
        }

        public void FeedBytes(byte[] bytes)
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                _incoming[_incomingCount++] = bytes[i];
            }
        }

        /// <summary>What was written, then forgets it.</summary>
        public string TakeWritten()
        {
            string s = Written;
            _writtenCount = 0;
            return s;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = _incomingCount - _incomingHead;
            if (n > count)
            {
                n = count;
            }

            if (n > MaxBytesPerRead)
            {
                n = MaxBytesPerRead;
            }

            for (int i = 0; i < n; i++)
            {
                buffer[offset + i] = _incoming[_incomingHead++];
            }

            if (_incomingHead == _incomingCount)
            {
                _incomingHead = 0;
                _incomingCount = 0;
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
                _written[_writtenCount++] = buffer[offset + i];
            }

            return true;
        }

        public void Close()
        {
            _closed = true;
        }

        private static string Text(byte[] bytes, int offset, int count)
        {
            char[] chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                chars[i] = (char)bytes[offset + i];
            }

            return new string(chars);
        }
    }
}
