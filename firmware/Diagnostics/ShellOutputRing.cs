using V2G.Hal.Comms;

namespace V2G.Firmware.Diagnostics
{
    /// <summary>
    /// The shell's output: a byte ring drained to the UART a bounded amount per poll, so a long reply never
    /// makes a poll wait for the wire. Text goes in as UTF-8 without allocating. When the ring is full the
    /// bytes that do not fit are dropped and counted (the shell only starts a command step when enough is free).
    /// </summary>
    public sealed class ShellOutputRing
    {
        private readonly byte[] _ring;
        private readonly byte[] _chunk;
        private int _head;
        private int _count;

        /// <summary>A ring of <paramref name="capacityBytes"/> bytes, drained at most <paramref name="chunkBytes"/> per <see cref="Drain"/>.</summary>
        public ShellOutputRing(int capacityBytes, int chunkBytes)
        {
            _ring = new byte[capacityBytes];
            _chunk = new byte[chunkBytes];
        }

        /// <summary>The ring's size, bytes.</summary>
        public int Capacity => _ring.Length;

        /// <summary>Bytes waiting for the UART.</summary>
        public int Count => _count;

        /// <summary>Bytes that still fit.</summary>
        public int Free => _ring.Length - _count;

        /// <summary>Bytes dropped because the ring was full, since start.</summary>
        public long BytesDropped { get; private set; }

        /// <summary>Bytes offered to the ring since start (dropped ones included).</summary>
        public long TotalWritten { get; private set; }

        /// <summary>Appends one byte (dropped and counted if full).</summary>
        public void Write(byte b)
        {
            TotalWritten++;
            if (_count >= _ring.Length)
            {
                BytesDropped++;
                return;
            }

            _ring[(_head + _count) % _ring.Length] = b;
            _count++;
        }

        /// <summary>Appends bytes.</summary>
        public void Write(byte[] bytes, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                Write(bytes[offset + i]);
            }
        }

        /// <summary>Appends <paramref name="text"/> as UTF-8 (lone surrogates as U+FFFD).</summary>
        public void Write(string text)
        {
            if (text == null)
            {
                return;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x80)
                {
                    Write((byte)c);
                }
                else if (c < 0x800)
                {
                    Write((byte)(0xC0 | (c >> 6)));
                    Write((byte)(0x80 | (c & 0x3F)));
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    int codePoint = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    i++;
                    Write((byte)(0xF0 | (codePoint >> 18)));
                    Write((byte)(0x80 | ((codePoint >> 12) & 0x3F)));
                    Write((byte)(0x80 | ((codePoint >> 6) & 0x3F)));
                    Write((byte)(0x80 | (codePoint & 0x3F)));
                }
                else
                {
                    int unit = c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c;
                    Write((byte)(0xE0 | (unit >> 12)));
                    Write((byte)(0x80 | ((unit >> 6) & 0x3F)));
                    Write((byte)(0x80 | (unit & 0x3F)));
                }
            }
        }

        /// <summary>Appends one ASCII character.</summary>
        public void Write(char c)
        {
            if (c < 0x80)
            {
                Write((byte)c);
            }
            else
            {
                Write(c.ToString());
            }
        }

        /// <summary>Writes up to one chunk of waiting bytes to <paramref name="port"/>; returns how many left the ring.</summary>
        public int Drain(IByteStream port)
        {
            int n = _count < _chunk.Length ? _count : _chunk.Length;
            if (n == 0)
            {
                return 0;
            }

            for (int i = 0; i < n; i++)
            {
                _chunk[i] = _ring[(_head + i) % _ring.Length];
            }

            if (!port.Write(_chunk, 0, n))
            {
                // A closed port: what was for it is lost, like bytes on a cut wire.
                Clear();
                return 0;
            }

            _head = (_head + n) % _ring.Length;
            _count -= n;
            return n;
        }

        /// <summary>Forgets what is waiting.</summary>
        public void Clear()
        {
            _head = 0;
            _count = 0;
        }
    }
}
