namespace V2G.Protocol.Text
{
    /// <summary>
    /// Appends text and numbers into a preallocated char array, without allocating: the device has
    /// no StringBuilder, and formatting with string concatenation would allocate in the charge loop.
    /// Text that does not fit is cut, and <see cref="Overflowed"/> says so.
    /// </summary>
    public sealed class TextBuffer
    {
        private static readonly long[] PowersOfTen = { 1, 10, 100, 1000, 10000, 100000, 1000000 };

        private readonly char[] _chars;
        private readonly char[] _digits = new char[20];
        private int _length;

        public TextBuffer(int capacity)
        {
            _chars = new char[capacity];
        }

        public int Length => _length;

        public int Capacity => _chars.Length;

        /// <summary>True if something did not fit since the last <see cref="Clear"/>.</summary>
        public bool Overflowed { get; private set; }

        public char this[int index] => _chars[index];

        public void Clear()
        {
            _length = 0;
            Overflowed = false;
        }

        public TextBuffer Append(char c)
        {
            if (_length < _chars.Length)
            {
                _chars[_length++] = c;
            }
            else
            {
                Overflowed = true;
            }

            return this;
        }

        public TextBuffer Append(string s)
        {
            if (s == null)
            {
                return this;
            }

            for (int i = 0; i < s.Length; i++)
            {
                Append(s[i]);
            }

            return this;
        }

        public TextBuffer Append(long value)
        {
            if (value < 0)
            {
                Append('-');

                // long.MinValue has no positive counterpart: write its digits from the unsigned value.
                return AppendUnsigned((ulong)(-(value + 1)) + 1);
            }

            return AppendUnsigned((ulong)value);
        }

        /// <summary>Appends <paramref name="value"/> rounded to <paramref name="decimals"/> places (0..6), e.g. "-12.50".</summary>
        public TextBuffer Append(double value, int decimals)
        {
            if (double.IsNaN(value))
            {
                return Append("NaN");
            }

            if (decimals < 0)
            {
                decimals = 0;
            }
            else if (decimals > 6)
            {
                decimals = 6;
            }

            if (value >= 9.2e12 || value <= -9.2e12)
            {
                return Append(value < 0 ? "-inf" : "inf");
            }

            long scale = PowersOfTen[decimals];
            bool negative = value < 0;
            double scaled = (negative ? -value : value) * scale + 0.5;
            long units = (long)scaled;
            if (negative && units != 0)
            {
                Append('-');
            }

            AppendUnsigned((ulong)(units / scale));
            if (decimals > 0)
            {
                Append('.');
                long fraction = units % scale;
                for (long p = scale / 10; p >= 1; p /= 10)
                {
                    Append((char)('0' + (int)(fraction / p % 10)));
                }
            }

            return this;
        }

        /// <summary>Copies the text into <paramref name="target"/>; returns the number of chars copied.</summary>
        public int CopyTo(char[] target, int offset)
        {
            int n = _length < target.Length - offset ? _length : target.Length - offset;
            for (int i = 0; i < n; i++)
            {
                target[offset + i] = _chars[i];
            }

            return n;
        }

        /// <summary>The text as a string (allocates: for display and tests, not for the control path).</summary>
        public override string ToString()
        {
            return new string(_chars, 0, _length);
        }

        private TextBuffer AppendUnsigned(ulong value)
        {
            int n = 0;
            do
            {
                _digits[n++] = (char)('0' + (int)(value % 10));
                value /= 10;
            }
            while (value != 0);

            while (n > 0)
            {
                Append(_digits[--n]);
            }

            return this;
        }
    }
}
