namespace V2G.Firmware.Diagnostics
{
    /// <summary>
    /// One command line split into tokens: separated by spaces or tabs, double quotes group ("a b" is one
    /// token, the quotes removed). Bounded so a line can never make the shell allocate without limit: at
    /// most <see cref="MaxTokens"/> tokens of at most <see cref="MaxTokenChars"/> characters each, else
    /// <see cref="Parse"/> fails with a clear <see cref="Error"/>. Token 0 is the command.
    /// </summary>
    public sealed class ShellArgs
    {
        /// <summary>Most tokens in one line, the command included.</summary>
        public const int MaxTokens = 12;

        /// <summary>Longest token, characters.</summary>
        public const int MaxTokenChars = 64;

        // Exact powers of ten as doubles, for a correctly rounded result when the digits fit in 53 bits.
        private readonly string[] _tokens = new string[MaxTokens];
        private readonly char[] _token = new char[MaxTokenChars];
        private int _count;

        /// <summary>Tokens, the command included (0 for an empty line or after a failed parse).</summary>
        public int Count => _count;

        /// <summary>Token <paramref name="index"/>, or null beyond <see cref="Count"/>.</summary>
        public string this[int index] => index >= 0 && index < _count ? _tokens[index] : null;

        /// <summary>Token 0, the command word, or null for an empty line.</summary>
        public string Command => _count > 0 ? _tokens[0] : null;

        /// <summary>Why the last <see cref="Parse"/> failed, or null.</summary>
        public string Error { get; private set; }

        /// <summary>The tokens of <paramref name="line"/> (allocates: for tests and command code that builds its own).</summary>
        public static ShellArgs Of(string line)
        {
            ShellArgs args = new ShellArgs();
            args.Parse(line);
            return args;
        }

        /// <summary>Splits <paramref name="line"/>; false (and <see cref="Error"/> set, no tokens) if it breaks a bound or a quote is open.</summary>
        public bool Parse(string line)
        {
            Clear();
            if (line == null)
            {
                return true;
            }

            int i = 0;
            while (true)
            {
                while (i < line.Length && IsSpace(line[i]))
                {
                    i++;
                }

                if (i >= line.Length)
                {
                    return true;
                }

                if (_count >= MaxTokens)
                {
                    return Fail("too many arguments (max " + MaxTokens.ToString() + ")");
                }

                int length = 0;
                bool quoted = false;
                bool wasQuoted = false;
                while (i < line.Length && (quoted || !IsSpace(line[i])))
                {
                    char c = line[i++];
                    if (c == '"')
                    {
                        quoted = !quoted;
                        wasQuoted = true;
                        continue;
                    }

                    if (length >= MaxTokenChars)
                    {
                        return Fail("argument too long (max " + MaxTokenChars.ToString() + " characters)");
                    }

                    _token[length++] = c;
                }

                if (quoted)
                {
                    return Fail("unterminated quote");
                }

                _tokens[_count++] = length == 0 && wasQuoted ? string.Empty : new string(_token, 0, length);
            }
        }

        /// <summary>Forgets the tokens.</summary>
        public void Clear()
        {
            for (int i = 0; i < _count; i++)
            {
                _tokens[i] = null;
            }

            _count = 0;
            Error = null;
        }

        /// <summary>True if a token after the command equals <paramref name="flag"/> ("--json"), case-sensitive.</summary>
        public bool Has(string flag)
        {
            return IndexOf(flag) > 0;
        }

        /// <summary>The index of the first token after the command equal to <paramref name="word"/>, or -1.</summary>
        public int IndexOf(string word)
        {
            for (int i = 1; i < _count; i++)
            {
                if (_tokens[i] == word)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Token <paramref name="index"/> as a number, invariant culture whatever the device's: optional sign,
        /// digits, optional fraction after '.', optional exponent ("22000", "-0.5", "1e3"). False if absent or not a finite number.
        /// </summary>
        public bool TryGetDouble(int index, out double value)
        {
            value = 0;
            string s = this[index];
            return s != null && TryParseDouble(s, out value);
        }

        /// <summary>Token <paramref name="index"/> as a whole number (optional sign, digits only, within ±9.2e18).</summary>
        public bool TryGetInteger(int index, out long value)
        {
            value = 0;
            string s = this[index];
            return s != null && TryParseInteger(s, out value);
        }

        /// <summary>Token <paramref name="index"/> as a whole number within the range of int.</summary>
        public bool TryGetInteger(int index, out int value)
        {
            value = 0;
            long v;
            if (!TryGetInteger(index, out v) || v < int.MinValue || v > int.MaxValue)
            {
                return false;
            }

            value = (int)v;
            return true;
        }

        /// <summary>A whole number: optional sign, 1 to 18 digits.</summary>
        public static bool TryParseInteger(string s, out long value)
        {
            value = 0;
            int i = 0;
            bool negative = false;
            if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
            {
                negative = s[0] == '-';
                i = 1;
            }

            if (i >= s.Length || s.Length - i > 18)
            {
                return false;
            }

            long v = 0;
            for (; i < s.Length; i++)
            {
                if (s[i] < '0' || s[i] > '9')
                {
                    return false;
                }

                v = v * 10 + (s[i] - '0');
            }

            value = negative ? -v : v;
            return true;
        }

        /// <summary>A decimal number with optional sign, fraction and exponent; never NaN or infinite.</summary>
        public static bool TryParseDouble(string s, out double value)
        {
            value = 0;
            int i = 0;
            int n = s.Length;
            bool negative = false;
            if (i < n && (s[i] == '-' || s[i] == '+'))
            {
                negative = s[i] == '-';
                i++;
            }

            long mantissa = 0;
            int significant = 0;
            int exponent = 0;
            int digits = 0;
            while (i < n && IsDigit(s[i]))
            {
                V2G.Protocol.Text.DecimalDigits.Accumulate(s[i] - '0', ref mantissa, ref significant, ref exponent, false);
                digits++;
                i++;
            }

            if (i < n && s[i] == '.')
            {
                i++;
                while (i < n && IsDigit(s[i]))
                {
                    V2G.Protocol.Text.DecimalDigits.Accumulate(s[i] - '0', ref mantissa, ref significant, ref exponent, true);
                    digits++;
                    i++;
                }
            }

            if (digits == 0)
            {
                return false;
            }

            if (i < n && (s[i] == 'e' || s[i] == 'E'))
            {
                i++;
                bool negativeExponent = false;
                if (i < n && (s[i] == '+' || s[i] == '-'))
                {
                    negativeExponent = s[i] == '-';
                    i++;
                }

                if (i >= n)
                {
                    return false;
                }

                int written = 0;
                while (i < n && IsDigit(s[i]))
                {
                    if (written < 100000)
                    {
                        written = written * 10 + (s[i] - '0');
                    }

                    i++;
                }

                exponent += negativeExponent ? -written : written;
            }

            if (i != n)
            {
                return false;
            }

            double v = V2G.Protocol.Text.DecimalDigits.Scale(mantissa, exponent);
            if (!(v <= double.MaxValue))
            {
                return false;
            }

            value = negative ? -v : v;
            return true;
        }

        private bool Fail(string error)
        {
            Clear();
            Error = error;
            return false;
        }

        private static bool IsSpace(char c)
        {
            return c == ' ' || c == '\t';
        }

        private static bool IsDigit(char c)
        {
            return c >= '0' && c <= '9';
        }
    }
}
