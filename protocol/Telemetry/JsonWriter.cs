namespace V2G.Protocol.Telemetry
{
    /// <summary>
    /// Writes one UTF-8 JSON document into a preallocated byte array, without allocating: the
    /// uplink encodes a telemetry sample every second, and the device's garbage collector stops the
    /// world. Values take their member name as the first argument; inside an array pass null as the
    /// name. Once something does not fit, <see cref="Overflowed"/> is set and nothing more is
    /// written until <see cref="Reset"/>: such a document is cut short and is not to be sent.
    /// </summary>
    public sealed class JsonWriter
    {
        /// <summary>Deepest nesting of objects and arrays the writer keeps track of.</summary>
        public const int MaxDepth = 16;

        /// <summary>Most decimals <see cref="Number"/> writes.</summary>
        public const int MaxDecimals = 9;

        private static readonly long[] PowersOfTen =
        {
            1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
        };

        private static readonly byte[] HexDigits =
        {
            (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7',
            (byte)'8', (byte)'9', (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f',
        };

        private readonly byte[] _buffer;
        private readonly byte[] _digits = new byte[20];

        // Per open container: has a member or element been written yet (the next needs a comma).
        private readonly bool[] _hasItems = new bool[MaxDepth + 1];
        private int _depth;
        private int _length;
        private bool _afterName;

        /// <summary>A writer over a new buffer of <paramref name="capacityBytes"/> bytes.</summary>
        public JsonWriter(int capacityBytes)
            : this(new byte[capacityBytes])
        {
        }

        /// <summary>A writer over the caller's <paramref name="buffer"/>.</summary>
        public JsonWriter(byte[] buffer)
        {
            if (buffer == null)
            {
                throw new System.ArgumentNullException("buffer");
            }

            _buffer = buffer;
        }

        /// <summary>The bytes written so far start at index 0 of this array.</summary>
        public byte[] Buffer => _buffer;

        /// <summary>Bytes written since <see cref="Reset"/>.</summary>
        public int Length => _length;

        /// <summary>The buffer's size.</summary>
        public int Capacity => _buffer.Length;

        /// <summary>True if something did not fit (or the nesting was wrong) since <see cref="Reset"/>: do not send the document.</summary>
        public bool Overflowed { get; private set; }

        /// <summary>Open objects and arrays.</summary>
        public int Depth => _depth;

        /// <summary>Starts a new document.</summary>
        public void Reset()
        {
            _length = 0;
            _depth = 0;
            _afterName = false;
            _hasItems[0] = false;
            Overflowed = false;
        }

        /// <summary>Opens an object: the document itself, an array element, or the value after <see cref="Name"/>.</summary>
        public void BeginObject()
        {
            BeginObject(null);
        }

        /// <summary>Opens an object as member <paramref name="name"/> (null: no name).</summary>
        public void BeginObject(string name)
        {
            Open(name, (byte)'{');
        }

        /// <summary>Closes the innermost object.</summary>
        public void EndObject()
        {
            Close((byte)'}');
        }

        /// <summary>Opens an array as member <paramref name="name"/> (null: the document, an array element or after <see cref="Name"/>).</summary>
        public void BeginArray(string name)
        {
            Open(name, (byte)'[');
        }

        /// <summary>Closes the innermost array.</summary>
        public void EndArray()
        {
            Close((byte)']');
        }

        /// <summary>Writes a member name; the next call writes its value (pass null as that call's name).</summary>
        public void Name(string name)
        {
            Separator();
            WriteQuoted(name);
            Byte((byte)':');
            _afterName = true;
        }

        /// <summary>A string member, escaped; null writes JSON null.</summary>
        public void String(string name, string value)
        {
            Prefix(name);
            if (value == null)
            {
                Ascii("null");
            }
            else
            {
                WriteQuoted(value);
            }
        }

        /// <summary>
        /// A number member rounded half away from zero to <paramref name="decimals"/> places (0..9), always
        /// with that many decimals ("-7400.0"); NaN, infinities and magnitudes beyond 9.2e18 / 10^decimals write null.
        /// </summary>
        public void Number(string name, double value, int decimals)
        {
            Prefix(name);
            if (decimals < 0)
            {
                decimals = 0;
            }
            else if (decimals > MaxDecimals)
            {
                decimals = MaxDecimals;
            }

            long scale = PowersOfTen[decimals];
            bool negative = value < 0;
            double magnitude = negative ? -value : value;

            // NaN fails every comparison, so it lands here with the infinities and the too large.
            if (!(magnitude * scale < 9.2e18))
            {
                Ascii("null");
                return;
            }

            ulong units = (ulong)(magnitude * scale + 0.5);
            int start = _length;
            if (negative && units != 0)
            {
                Byte((byte)'-');
            }

            Unsigned(units / (ulong)scale);
            if (decimals > 0)
            {
                Byte((byte)'.');
                ulong fraction = units % (ulong)scale;
                for (long p = scale / 10; p >= 1; p /= 10)
                {
                    Byte((byte)('0' + (int)(fraction / (ulong)p % 10)));
                }
            }

            if (Overflowed)
            {
                _length = start;
            }
        }

        /// <summary>An integer member.</summary>
        public void Integer(string name, long value)
        {
            Prefix(name);
            int start = _length;
            if (value < 0)
            {
                Byte((byte)'-');

                // long.MinValue has no positive counterpart: take its digits from the unsigned value.
                Unsigned((ulong)(-(value + 1)) + 1);
            }
            else
            {
                Unsigned((ulong)value);
            }

            if (Overflowed)
            {
                _length = start;
            }
        }

        /// <summary>A true/false member.</summary>
        public void Boolean(string name, bool value)
        {
            Prefix(name);
            Ascii(value ? "true" : "false");
        }

        /// <summary>A null member.</summary>
        public void Null(string name)
        {
            Prefix(name);
            Ascii("null");
        }

        /// <summary>A time member as RFC 3339 UTC with milliseconds, e.g. "2026-11-26T05:00:01.000Z".</summary>
        public void Timestamp(string name, long unixMs)
        {
            Prefix(name);
            if (Overflowed || _length + Rfc3339.UtcLength + 2 > _buffer.Length)
            {
                Overflowed = true;
                return;
            }

            _buffer[_length++] = (byte)'"';
            _length += Rfc3339.WriteUtc(unixMs, _buffer, _length);
            _buffer[_length++] = (byte)'"';
        }

        /// <summary>Copies the document into <paramref name="target"/> at <paramref name="offset"/>; returns the bytes copied (0 if it does not fit).</summary>
        public int CopyTo(byte[] target, int offset)
        {
            if (offset < 0 || target.Length - offset < _length)
            {
                return 0;
            }

            for (int i = 0; i < _length; i++)
            {
                target[offset + i] = _buffer[i];
            }

            return _length;
        }

        /// <summary>The document as text (allocates: for logs and tests, not for the publishing path).</summary>
        public override string ToString()
        {
            return Utf8.Decode(_buffer, 0, _length);
        }

        private void Open(string name, byte bracket)
        {
            Prefix(name);
            if (_depth >= MaxDepth)
            {
                Overflowed = true;
                return;
            }

            Byte(bracket);
            _depth++;
            _hasItems[_depth] = false;
        }

        private void Close(byte bracket)
        {
            if (_depth == 0)
            {
                Overflowed = true;
                return;
            }

            Byte(bracket);
            _depth--;
            _afterName = false;
        }

        /// <summary>The comma before an item, then its name if it has one.</summary>
        private void Prefix(string name)
        {
            if (name != null)
            {
                Name(name);
            }

            if (_afterName)
            {
                _afterName = false;
                return;
            }

            Separator();
        }

        private void Separator()
        {
            if (_hasItems[_depth] && _depth > 0)
            {
                Byte((byte)',');
            }

            _hasItems[_depth] = true;
        }

        private void WriteQuoted(string s)
        {
            int start = _length;
            Byte((byte)'"');
            for (int i = 0; i < s.Length && !Overflowed; i++)
            {
                char c = s[i];
                if (c == '"' || c == '\\')
                {
                    Byte((byte)'\\');
                    Byte((byte)c);
                }
                else if (c < 0x20)
                {
                    ControlEscape(c);
                }
                else if (c < 0x80)
                {
                    Byte((byte)c);
                }
                else if (c < 0x800)
                {
                    Byte((byte)(0xC0 | (c >> 6)));
                    Byte((byte)(0x80 | (c & 0x3F)));
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.Length && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
                {
                    int codePoint = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
                    i++;
                    Byte((byte)(0xF0 | (codePoint >> 18)));
                    Byte((byte)(0x80 | ((codePoint >> 12) & 0x3F)));
                    Byte((byte)(0x80 | ((codePoint >> 6) & 0x3F)));
                    Byte((byte)(0x80 | (codePoint & 0x3F)));
                }
                else
                {
                    // A lone surrogate cannot be written in UTF-8: U+FFFD, as the platform encoders do.
                    int unit = c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c;
                    Byte((byte)(0xE0 | (unit >> 12)));
                    Byte((byte)(0x80 | ((unit >> 6) & 0x3F)));
                    Byte((byte)(0x80 | (unit & 0x3F)));
                }
            }

            Byte((byte)'"');
            if (Overflowed)
            {
                _length = start;
            }
        }

        private void ControlEscape(char c)
        {
            Byte((byte)'\\');
            switch (c)
            {
                case '\n':
                    Byte((byte)'n');
                    break;
                case '\r':
                    Byte((byte)'r');
                    break;
                case '\t':
                    Byte((byte)'t');
                    break;
                case '\b':
                    Byte((byte)'b');
                    break;
                case '\f':
                    Byte((byte)'f');
                    break;
                default:
                    Byte((byte)'u');
                    Byte((byte)'0');
                    Byte((byte)'0');
                    Byte(HexDigits[(c >> 4) & 0xF]);
                    Byte(HexDigits[c & 0xF]);
                    break;
            }
        }

        private void Ascii(string s)
        {
            if (Overflowed || _length + s.Length > _buffer.Length)
            {
                Overflowed = true;
                return;
            }

            for (int i = 0; i < s.Length; i++)
            {
                _buffer[_length++] = (byte)s[i];
            }
        }

        private void Unsigned(ulong value)
        {
            int n = 0;
            do
            {
                _digits[n++] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }
            while (value != 0);

            while (n > 0)
            {
                Byte(_digits[--n]);
            }
        }

        private void Byte(byte b)
        {
            if (Overflowed)
            {
                return;
            }

            if (_length < _buffer.Length)
            {
                _buffer[_length++] = b;
            }
            else
            {
                Overflowed = true;
            }
        }
    }
}
