namespace V2G.Protocol.Telemetry
{
    /// <summary>
    /// A bounded JSON reader for command payloads from the network: one object of at most
    /// <see cref="MaxPayloadBytes"/> bytes, <see cref="MaxMembers"/> members per object, nesting
    /// <see cref="MaxDepth"/> deep and strings of <see cref="MaxStringChars"/> characters, so a hostile or
    /// broken payload costs bounded time and no memory. <see cref="Parse"/> validates the whole
    /// document (RFC 8259 grammar exactly, UTF-8 included) and indexes the top-level members; nested
    /// values are validated and skipped. Lookups are by top-level key; only the strings actually asked
    /// for are allocated. The payload array is read again by the lookups: do not reuse it before.
    /// </summary>
    public sealed class JsonReader
    {
        /// <summary>Most members of one object.</summary>
        public const int MaxMembers = 24;

        /// <summary>Deepest nesting: the payload object is depth 1.</summary>
        public const int MaxDepth = 4;

        /// <summary>Longest string (keys included), in UTF-16 characters after unescaping.</summary>
        public const int MaxStringChars = 64;

        /// <summary>The default of <see cref="MaxPayloadBytes"/>.</summary>
        public const int DefaultMaxPayloadBytes = 1024;

        // Exact powers of ten as doubles (10^22 is the largest a double holds exactly), for a correctly
        // rounded result whenever the digits fit in 53 bits and the exponent in this table.
        private readonly int[] _keyStart = new int[MaxMembers];
        private readonly int[] _keyEnd = new int[MaxMembers];
        private readonly int[] _kind = new int[MaxMembers];
        private readonly int[] _valueStart = new int[MaxMembers];
        private readonly int[] _valueEnd = new int[MaxMembers];
        private readonly double[] _number = new double[MaxMembers];
        private readonly char[] _scratch = new char[MaxStringChars];

        private byte[] _payload;
        private int _end;
        private int _pos;
        private int _count;
        private string _error;

        // Set by ParseString and ParseNumber for the member being stored.
        private int _lastStringStart;
        private int _lastStringEnd;
        private double _lastNumber;

        /// <summary>Largest payload accepted, bytes (a setting; default 1024).</summary>
        public int MaxPayloadBytes { get; set; } = DefaultMaxPayloadBytes;

        /// <summary>Top-level members of the last payload parsed (0 after a failed parse).</summary>
        public int MemberCount => _count;

        /// <summary>The error text of the last <see cref="Parse"/>, or null.</summary>
        public string Error => _error;

        /// <summary>
        /// Parses <paramref name="length"/> bytes of <paramref name="payload"/>. Returns null on success, else
        /// why not, e.g. "malformed JSON at byte 17: expected ':'" (byte offsets from 0), "payload too large:
        /// 2048 bytes > 1024", "not an object", "too many members", "string too long", "nesting too deep",
        /// "duplicate key 'id'", "trailing data at byte 40".
        /// </summary>
        public string Parse(byte[] payload, int length)
        {
            _count = 0;
            _error = null;
            _payload = payload;
            _pos = 0;
            _end = length;
            if (payload == null)
            {
                return Fail("no payload");
            }

            if (length < 0 || length > payload.Length)
            {
                return Fail("payload length out of range");
            }

            if (length > MaxPayloadBytes)
            {
                return Fail("payload too large: " + length.ToString() + " bytes > " + MaxPayloadBytes.ToString());
            }

            SkipWhitespace();
            if (_pos >= _end)
            {
                return Fail("empty payload");
            }

            if (_payload[_pos] != (byte)'{')
            {
                return Fail("not an object");
            }

            if (!ParseObject(1, true))
            {
                _count = 0;
                return _error;
            }

            SkipWhitespace();
            if (_pos < _end)
            {
                _count = 0;
                return Fail("trailing data at byte " + _pos.ToString());
            }

            return null;
        }

        /// <summary>True if the payload has a top-level member <paramref name="key"/>.</summary>
        public bool Has(string key)
        {
            return IndexOf(key) >= 0;
        }

        /// <summary>The <see cref="JsonValueKind"/> of top-level member <paramref name="key"/> (Missing if absent).</summary>
        public int KindOf(string key)
        {
            int i = IndexOf(key);
            return i < 0 ? JsonValueKind.Missing : _kind[i];
        }

        /// <summary>The number of member <paramref name="key"/>; false if absent or not a number.</summary>
        public bool TryGetNumber(string key, out double value)
        {
            int i = IndexOf(key);
            if (i < 0 || _kind[i] != JsonValueKind.Number)
            {
                value = 0;
                return false;
            }

            value = _number[i];
            return true;
        }

        /// <summary>The number of member <paramref name="key"/> if it is a whole number within ±2^53; false otherwise.</summary>
        public bool TryGetInteger(string key, out long value)
        {
            double number;
            value = 0;
            if (!TryGetNumber(key, out number) || number > 9007199254740992.0 || number < -9007199254740992.0)
            {
                return false;
            }

            long whole = (long)number;
            if (whole != number)
            {
                return false;
            }

            value = whole;
            return true;
        }

        /// <summary>The string of member <paramref name="key"/>, unescaped (allocates it); false if absent or not a string.</summary>
        public bool TryGetString(string key, out string value)
        {
            int i = IndexOf(key);
            if (i < 0 || _kind[i] != JsonValueKind.String)
            {
                value = null;
                return false;
            }

            value = Text(_valueStart[i], _valueEnd[i]);
            return true;
        }

        /// <summary>The boolean of member <paramref name="key"/>; false if absent or not true/false.</summary>
        public bool TryGetBool(string key, out bool value)
        {
            int kind = KindOf(key);
            value = kind == JsonValueKind.True;
            return kind == JsonValueKind.True || kind == JsonValueKind.False;
        }

        /// <summary>
        /// The index in <paramref name="candidates"/> of the string value of member <paramref name="key"/>
        /// (exact, case-sensitive), or -1 if absent, not a string or none matches; allocates nothing.
        /// </summary>
        public int IndexOfString(string key, string[] candidates)
        {
            int i = IndexOf(key);
            if (i < 0 || _kind[i] != JsonValueKind.String)
            {
                return -1;
            }

            for (int c = 0; c < candidates.Length; c++)
            {
                if (candidates[c] != null && RawEquals(_valueStart[i], _valueEnd[i], candidates[c]))
                {
                    return c;
                }
            }

            return -1;
        }

        /// <summary>The key of top-level member <paramref name="index"/> (0..MemberCount-1), unescaped (allocates).</summary>
        public string KeyAt(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new System.ArgumentOutOfRangeException("index");
            }

            return Text(_keyStart[index], _keyEnd[index]);
        }

        /// <summary>The <see cref="JsonValueKind"/> of top-level member <paramref name="index"/>.</summary>
        public int KindAt(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new System.ArgumentOutOfRangeException("index");
            }

            return _kind[index];
        }

        /// <summary>True if the key of member <paramref name="index"/> is one of <paramref name="keys"/>; allocates nothing.</summary>
        public bool KeyAtIsOneOf(int index, string[] keys)
        {
            for (int k = 0; k < keys.Length; k++)
            {
                if (RawEquals(_keyStart[index], _keyEnd[index], keys[k]))
                {
                    return true;
                }
            }

            return false;
        }

        private int IndexOf(string key)
        {
            if (key == null)
            {
                return -1;
            }

            for (int i = 0; i < _count; i++)
            {
                if (RawEquals(_keyStart[i], _keyEnd[i], key))
                {
                    return i;
                }
            }

            return -1;
        }

        private string Fail(string error)
        {
            _count = 0;
            _error = error;
            return error;
        }

        private bool Malformed(string expected)
        {
            _error = "malformed JSON at byte " + _pos.ToString() + ": " + expected;
            return false;
        }

        private bool Refuse(string error)
        {
            _error = error;
            return false;
        }

        private void SkipWhitespace()
        {
            while (_pos < _end)
            {
                byte b = _payload[_pos];
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\n' && b != (byte)'\r')
                {
                    return;
                }

                _pos++;
            }
        }

        private bool Expect(byte b, string what)
        {
            if (_pos < _end && _payload[_pos] == b)
            {
                _pos++;
                return true;
            }

            return Malformed(_pos < _end ? "expected " + what : "unexpected end, expected " + what);
        }

        /// <summary>At '{': the object up to its '}'; <paramref name="top"/> indexes its members.</summary>
        private bool ParseObject(int depth, bool top)
        {
            if (depth > MaxDepth)
            {
                return Refuse("nesting too deep: more than " + MaxDepth.ToString() + " levels");
            }

            _pos++;
            SkipWhitespace();
            if (_pos < _end && _payload[_pos] == (byte)'}')
            {
                _pos++;
                return true;
            }

            int members = 0;
            while (true)
            {
                SkipWhitespace();
                if (_pos >= _end || _payload[_pos] != (byte)'"')
                {
                    return Malformed(_pos < _end ? "expected '\"'" : "unexpected end, expected '\"'");
                }

                if (!ParseString())
                {
                    return false;
                }

                members++;
                if (members > MaxMembers)
                {
                    return Refuse("too many members: more than " + MaxMembers.ToString());
                }

                int keyStart = _lastStringStart;
                int keyEnd = _lastStringEnd;
                if (top)
                {
                    for (int i = 0; i < _count; i++)
                    {
                        if (RawEqualsRaw(_keyStart[i], _keyEnd[i], keyStart, keyEnd))
                        {
                            return Refuse("duplicate key '" + Text(keyStart, keyEnd) + "'");
                        }
                    }
                }

                SkipWhitespace();
                if (!Expect((byte)':', "':'"))
                {
                    return false;
                }

                SkipWhitespace();
                int kind;
                if (!ParseValue(depth, out kind))
                {
                    return false;
                }

                if (top)
                {
                    _keyStart[_count] = keyStart;
                    _keyEnd[_count] = keyEnd;
                    _kind[_count] = kind;
                    _valueStart[_count] = _lastStringStart;
                    _valueEnd[_count] = _lastStringEnd;
                    _number[_count] = _lastNumber;
                    _count++;
                }

                SkipWhitespace();
                if (_pos < _end && _payload[_pos] == (byte)',')
                {
                    _pos++;
                    continue;
                }

                return Expect((byte)'}', "',' or '}'");
            }
        }

        /// <summary>At '[': the array up to its ']'.</summary>
        private bool ParseArray(int depth)
        {
            if (depth > MaxDepth)
            {
                return Refuse("nesting too deep: more than " + MaxDepth.ToString() + " levels");
            }

            _pos++;
            SkipWhitespace();
            if (_pos < _end && _payload[_pos] == (byte)']')
            {
                _pos++;
                return true;
            }

            while (true)
            {
                SkipWhitespace();
                int kind;
                if (!ParseValue(depth, out kind))
                {
                    return false;
                }

                SkipWhitespace();
                if (_pos < _end && _payload[_pos] == (byte)',')
                {
                    _pos++;
                    continue;
                }

                return Expect((byte)']', "',' or ']'");
            }
        }

        /// <summary>One value of a container at <paramref name="depth"/>; sets its kind (and the string range or number).</summary>
        private bool ParseValue(int depth, out int kind)
        {
            kind = JsonValueKind.Missing;
            _lastStringStart = 0;
            _lastStringEnd = 0;
            _lastNumber = 0;
            if (_pos >= _end)
            {
                return Malformed("unexpected end, expected a value");
            }

            byte b = _payload[_pos];
            switch (b)
            {
                case (byte)'{':
                    kind = JsonValueKind.Object;
                    return ParseObject(depth + 1, false);
                case (byte)'[':
                    kind = JsonValueKind.Array;
                    return ParseArray(depth + 1);
                case (byte)'"':
                    kind = JsonValueKind.String;
                    return ParseString();
                case (byte)'t':
                    kind = JsonValueKind.True;
                    return Literal("true");
                case (byte)'f':
                    kind = JsonValueKind.False;
                    return Literal("false");
                case (byte)'n':
                    kind = JsonValueKind.Null;
                    return Literal("null");
                default:
                    if (b == (byte)'-' || (b >= (byte)'0' && b <= (byte)'9'))
                    {
                        kind = JsonValueKind.Number;
                        return ParseNumber();
                    }

                    return Malformed("expected a value");
            }
        }

        private bool Literal(string word)
        {
            for (int i = 0; i < word.Length; i++)
            {
                if (_pos >= _end || _payload[_pos] != (byte)word[i])
                {
                    return Malformed("expected '" + word + "'");
                }

                _pos++;
            }

            return true;
        }

        /// <summary>At '"': validates the string (escapes, UTF-8, length) and records its content range.</summary>
        private bool ParseString()
        {
            _pos++;
            int start = _pos;
            int chars = 0;
            while (true)
            {
                if (_pos >= _end)
                {
                    return Malformed("unterminated string");
                }

                int b = _payload[_pos];
                if (b == '"')
                {
                    _lastStringStart = start;
                    _lastStringEnd = _pos;
                    _pos++;
                    return true;
                }

                if (b < 0x20)
                {
                    return Malformed("control character in string");
                }

                if (b == '\\')
                {
                    int units = Escape();
                    if (units == 0)
                    {
                        return false;
                    }

                    chars += units;
                }
                else if (b < 0x80)
                {
                    _pos++;
                    chars++;
                }
                else
                {
                    int at = _pos;
                    int codePoint = Utf8.Next(_payload, ref _pos, _end);
                    if (codePoint < 0)
                    {
                        _pos = at;
                        return Malformed("invalid UTF-8");
                    }

                    chars += codePoint >= 0x10000 ? 2 : 1;
                }

                if (chars > MaxStringChars)
                {
                    return Refuse("string too long: more than " + MaxStringChars.ToString() + " characters at byte " + start.ToString());
                }
            }
        }

        /// <summary>At '\\': validates one escape and moves past it; the UTF-16 units it stands for, 0 on error.</summary>
        private int Escape()
        {
            if (_pos + 1 >= _end)
            {
                _pos++;
                Malformed("unterminated string");
                return 0;
            }

            byte e = _payload[_pos + 1];
            if (e == (byte)'"' || e == (byte)'\\' || e == (byte)'/' || e == (byte)'b' || e == (byte)'f'
                || e == (byte)'n' || e == (byte)'r' || e == (byte)'t')
            {
                _pos += 2;
                return 1;
            }

            if (e != (byte)'u')
            {
                _pos++;
                Malformed("invalid escape");
                return 0;
            }

            int unit = Hex4(_pos + 2);
            if (unit < 0)
            {
                Malformed("invalid \\u escape");
                return 0;
            }

            if (unit >= 0xDC00 && unit <= 0xDFFF)
            {
                Malformed("unpaired surrogate in \\u escape");
                return 0;
            }

            if (unit >= 0xD800 && unit <= 0xDBFF)
            {
                int low = _pos + 7 < _end && _payload[_pos + 6] == (byte)'\\' && _payload[_pos + 7] == (byte)'u' ? Hex4(_pos + 8) : -1;
                if (low < 0xDC00 || low > 0xDFFF)
                {
                    Malformed("unpaired surrogate in \\u escape");
                    return 0;
                }

                _pos += 12;
                return 2;
            }

            _pos += 6;
            return 1;
        }

        /// <summary>The value of four hex digits at <paramref name="at"/>, or -1.</summary>
        private int Hex4(int at)
        {
            if (at + 4 > _end)
            {
                return -1;
            }

            int value = 0;
            for (int i = at; i < at + 4; i++)
            {
                int b = _payload[i];
                int digit;
                if (b >= '0' && b <= '9')
                {
                    digit = b - '0';
                }
                else if (b >= 'a' && b <= 'f')
                {
                    digit = b - 'a' + 10;
                }
                else if (b >= 'A' && b <= 'F')
                {
                    digit = b - 'A' + 10;
                }
                else
                {
                    return -1;
                }

                value = value * 16 + digit;
            }

            return value;
        }

        /// <summary>
        /// A number in the JSON grammar exactly (-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?), converted by this code
        /// rather than double.Parse (culture on the host, precision and speed on the device). Correctly rounded
        /// for up to 15 significant digits with a decimal exponent within ±22 (every value a command carries);
        /// otherwise within 2 ulp of double.Parse (checked on the host against 200 000 random numbers).
        /// </summary>
        private bool ParseNumber()
        {
            int start = _pos;
            bool negative = false;
            if (_payload[_pos] == (byte)'-')
            {
                negative = true;
                _pos++;
            }

            long mantissa = 0;
            int significant = 0;
            int exponent = 0;
            if (_pos >= _end || !IsDigit(_payload[_pos]))
            {
                return Malformed("expected a digit");
            }

            if (_payload[_pos] == (byte)'0')
            {
                _pos++;
                if (_pos < _end && IsDigit(_payload[_pos]))
                {
                    return Malformed("leading zero in number");
                }
            }
            else
            {
                while (_pos < _end && IsDigit(_payload[_pos]))
                {
                    V2G.Protocol.Text.DecimalDigits.Accumulate(_payload[_pos] - '0', ref mantissa, ref significant, ref exponent, false);
                    _pos++;
                }
            }

            if (_pos < _end && _payload[_pos] == (byte)'.')
            {
                _pos++;
                if (_pos >= _end || !IsDigit(_payload[_pos]))
                {
                    return Malformed("expected a digit");
                }

                while (_pos < _end && IsDigit(_payload[_pos]))
                {
                    V2G.Protocol.Text.DecimalDigits.Accumulate(_payload[_pos] - '0', ref mantissa, ref significant, ref exponent, true);
                    _pos++;
                }
            }

            if (_pos < _end && (_payload[_pos] == (byte)'e' || _payload[_pos] == (byte)'E'))
            {
                _pos++;
                bool negativeExponent = false;
                if (_pos < _end && (_payload[_pos] == (byte)'+' || _payload[_pos] == (byte)'-'))
                {
                    negativeExponent = _payload[_pos] == (byte)'-';
                    _pos++;
                }

                if (_pos >= _end || !IsDigit(_payload[_pos]))
                {
                    return Malformed("expected a digit");
                }

                int written = 0;
                while (_pos < _end && IsDigit(_payload[_pos]))
                {
                    // Beyond 100000 the result is 0 or infinite anyway: stop counting, keep validating.
                    if (written < 100000)
                    {
                        written = written * 10 + (_payload[_pos] - '0');
                    }

                    _pos++;
                }

                exponent += negativeExponent ? -written : written;
            }

            double value = V2G.Protocol.Text.DecimalDigits.Scale(mantissa, exponent);
            if (!(value <= double.MaxValue))
            {
                _pos = start;
                return Refuse("number out of range at byte " + start.ToString());
            }

            _lastNumber = negative ? -value : value;
            return true;
        }

        private static bool IsDigit(byte b)
        {
            return b >= (byte)'0' && b <= (byte)'9';
        }

        /// <summary>The next code point of validated string content at <paramref name="p"/> (escapes resolved).</summary>
        private int NextCodePoint(ref int p)
        {
            int b = _payload[p];
            if (b != '\\')
            {
                return Utf8.Next(_payload, ref p, _end);
            }

            byte e = _payload[p + 1];
            p += 2;
            switch (e)
            {
                case (byte)'b':
                    return '\b';
                case (byte)'f':
                    return '\f';
                case (byte)'n':
                    return '\n';
                case (byte)'r':
                    return '\r';
                case (byte)'t':
                    return '\t';
                case (byte)'u':
                    int unit = Hex4(p);
                    p += 4;
                    if (unit >= 0xD800 && unit <= 0xDBFF)
                    {
                        int low = Hex4(p + 2);
                        p += 6;
                        return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    }

                    return unit;
                default:
                    return e;
            }
        }

        /// <summary>True if validated string content [start, end) equals <paramref name="s"/>.</summary>
        private bool RawEquals(int start, int end, string s)
        {
            int p = start;
            int i = 0;
            while (p < end)
            {
                int codePoint = NextCodePoint(ref p);
                if (i >= s.Length)
                {
                    return false;
                }

                int expected = s[i++];
                if (expected >= 0xD800 && expected <= 0xDBFF && i < s.Length)
                {
                    expected = 0x10000 + ((expected - 0xD800) << 10) + (s[i++] - 0xDC00);
                }

                if (codePoint != expected)
                {
                    return false;
                }
            }

            return i == s.Length;
        }

        private bool RawEqualsRaw(int startA, int endA, int startB, int endB)
        {
            int a = startA;
            int b = startB;
            while (a < endA && b < endB)
            {
                if (NextCodePoint(ref a) != NextCodePoint(ref b))
                {
                    return false;
                }
            }

            return a == endA && b == endB;
        }

        /// <summary>Validated string content [start, end) as a string (allocates only the string).</summary>
        private string Text(int start, int end)
        {
            int n = 0;
            int p = start;
            while (p < end)
            {
                int codePoint = NextCodePoint(ref p);
                if (codePoint >= 0x10000)
                {
                    codePoint -= 0x10000;
                    _scratch[n++] = (char)(0xD800 + (codePoint >> 10));
                    _scratch[n++] = (char)(0xDC00 + (codePoint & 0x3FF));
                }
                else
                {
                    _scratch[n++] = (char)codePoint;
                }
            }

            return new string(_scratch, 0, n);
        }
    }
}
