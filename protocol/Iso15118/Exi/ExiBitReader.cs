namespace V2G.Protocol.Iso15118.Exi
{
    /// <summary>
    /// Reads EXI 1.0 bit-packed primitives from a caller's byte[] window. Never throws on bad input
    /// and never allocates after construction: every call returns an <see cref="ExiError"/>.
    /// </summary>
    /// <remarks>
    /// The value string table (EXI 1.0 §7.3.3) is kept as positions into the stream instead of copies:
    /// a string-table hit re-reads the characters where they were first sent. Its capacity is
    /// <see cref="StringTableCapacity"/> entries; a hit after it overflowed is reported as
    /// <see cref="ExiError.StringTableFull"/> (ISO 15118 encoders, libcbv2g and ours, never emit hits;
    /// EXIficient-based peers may).
    /// </remarks>
    public sealed partial class ExiBitReader
    {
        /// <summary>Maximum number of value-string-table entries remembered per document.</summary>
        public const int StringTableCapacity = 64;

        private byte[] _buffer;
        private int _startBit;
        private int _endBit;
        private int _bit;

        private readonly int[] _entryBit = new int[StringTableCapacity];
        private readonly int[] _entryLength = new int[StringTableCapacity];
        private readonly int[] _entryQName = new int[StringTableCapacity];
        private int _entryCount;

        /// <summary>Points the reader at <paramref name="length"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>, and empties the string table.</summary>
        public ExiError Reset(byte[] buffer, int offset, int length)
        {
            if (buffer == null || offset < 0 || length < 0 || offset > buffer.Length - length)
            {
                _buffer = null;
                _startBit = 0;
                _endBit = 0;
                _bit = 0;
                return ExiError.InvalidArgument;
            }
            _buffer = buffer;
            _startBit = offset * 8;
            _endBit = (offset + length) * 8;
            _bit = _startBit;
            _entryCount = 0;
            ResetNameTables();
            return ExiError.Ok;
        }

        /// <summary>Bytes consumed so far, counting a partly read byte as whole.</summary>
        public int BytesConsumed
        {
            get { return (_bit - _startBit + 7) / 8; }
        }

        /// <summary>Reads an n-bit unsigned integer, 0 ≤ n ≤ 32, most significant bit first.</summary>
        public ExiError ReadBits(int bitCount, out uint value)
        {
            int bit = _bit;
            if ((uint)bitCount > 32)
            {
                value = 0;
                return ExiError.InvalidArgument;
            }
            int end = bit + bitCount;
            if (end > _endBit)
            {
                value = 0;
                return ExiError.EndOfStream;
            }
            byte[] buffer = _buffer;
            int index = bit >> 3;
            int free = 8 - (bit & 7);
            if (bitCount <= free)
            {
                // Within the current byte (event codes, booleans, enumerations): one load, no loop.
                value = bitCount == 0 ? 0u : (uint)((buffer[index] >> (free - bitCount)) & ((1 << bitCount) - 1));
                _bit = end;
                return ExiError.Ok;
            }
            // Across bytes: the rest of the first byte, whole bytes, then the head of the last one.
            uint v = (uint)(buffer[index] & ((1 << free) - 1));
            int left = bitCount - free;
            index++;
            while (left >= 8)
            {
                v = (v << 8) | buffer[index];
                index++;
                left -= 8;
            }
            if (left > 0)
            {
                v = (v << left) | (uint)(buffer[index] >> (8 - left));
            }
            value = v;
            _bit = end;
            return ExiError.Ok;
        }

        /// <summary>Reads a 1-bit event code that must be 0 (the only production of a state; CH and EE of a simple-typed element).</summary>
        public ExiError ExpectZeroBit()
        {
            int bit = _bit;
            if (bit >= _endBit)
            {
                return ExiError.EndOfStream;
            }
            _bit = bit + 1;
            return (_buffer[bit >> 3] & (0x80 >> (bit & 7))) == 0 ? ExiError.Ok : ExiError.UnexpectedEvent;
        }

        /// <summary>Reads the EXI header: the single byte 0x80 (distinguishing bits, no options, version 1).</summary>
        public ExiError ReadHeader()
        {
            uint header;
            ExiError e = ReadBits(8, out header);
            if (e != ExiError.Ok)
            {
                return e;
            }
            return header == 0x80 ? ExiError.Ok : ExiError.BadHeader;
        }

        /// <summary>Reads an event code of <paramref name="bitCount"/> bits.</summary>
        public ExiError ReadEventCode(int bitCount, out int code)
        {
            uint v;
            ExiError e = ReadBits(bitCount, out v);
            code = (int)v;
            return e;
        }

        /// <summary>Reads an event code of <paramref name="bitCount"/> bits and requires it to be <paramref name="expected"/>.</summary>
        public ExiError ExpectEventCode(int bitCount, int expected)
        {
            uint v;
            ExiError e = ReadBits(bitCount, out v);
            if (e != ExiError.Ok)
            {
                return e;
            }
            return v == (uint)expected ? ExiError.Ok : ExiError.UnexpectedEvent;
        }

        /// <summary>Reads a boolean (one bit).</summary>
        public ExiError ReadBoolean(out bool value)
        {
            uint v;
            ExiError e = ReadBits(1, out v);
            value = v != 0;
            return e;
        }

        /// <summary>Reads an EXI unsigned integer (7-bit groups, least significant first) of at most 64 bits.</summary>
        public ExiError ReadUnsigned(out ulong value)
        {
            // Octets straight from the buffer (aligned or straddling two bytes), not through ReadBits.
            byte[] buffer = _buffer;
            int bit = _bit;
            int endBit = _endBit;
            int shift = bit & 7;
            ulong result = 0;
            int position = 0;
            // 10 octets carry 70 bits: anything longer cannot be a 64-bit value.
            for (int i = 0; i < 10; i++)
            {
                if (bit + 8 > endBit)
                {
                    _bit = bit;
                    value = result;
                    return ExiError.EndOfStream;
                }
                int index = bit >> 3;
                int octet = shift == 0 ? buffer[index] : ((buffer[index] << shift) | (buffer[index + 1] >> (8 - shift))) & 0xFF;
                bit += 8;
                ulong part = (ulong)(octet & 0x7F);
                if (position == 63 && part > 1)
                {
                    _bit = bit;
                    value = result;
                    return ExiError.ValueOutOfRange;
                }
                result |= part << position;
                if ((octet & 0x80) == 0)
                {
                    _bit = bit;
                    value = result;
                    return ExiError.Ok;
                }
                position += 7;
            }
            _bit = bit;
            value = result;
            return ExiError.ValueOutOfRange;
        }

        /// <summary>Reads an EXI integer: a sign bit, then the magnitude (minus one when negative) as unsigned.</summary>
        public ExiError ReadInteger(out long value)
        {
            value = 0;
            bool negative;
            ExiError e = ReadBoolean(out negative);
            if (e != ExiError.Ok)
            {
                return e;
            }
            ulong magnitude;
            e = ReadUnsigned(out magnitude);
            if (e != ExiError.Ok)
            {
                return e;
            }
            if (magnitude > 0x7FFFFFFFFFFFFFFFUL)
            {
                return ExiError.ValueOutOfRange;
            }
            value = negative ? -(long)magnitude - 1 : (long)magnitude;
            return ExiError.Ok;
        }

        /// <summary>
        /// Reads an EXI integer of any size (sign bit, then the magnitude, minus one when negative, as
        /// 7-bit groups) into <paramref name="target"/>.
        /// </summary>
        public ExiError ReadBigInteger(ExiBigInteger target)
        {
            bool negative;
            ExiError e = ReadBoolean(out negative);
            if (e != ExiError.Ok)
            {
                return e;
            }
            // Accumulate little-endian in the target's buffer, then reverse to big-endian.
            byte[] m = target.Magnitude;
            for (int i = 0; i < m.Length; i++)
            {
                m[i] = 0;
            }
            int bit = 0;
            while (true)
            {
                uint octet;
                e = ReadBits(8, out octet);
                if (e != ExiError.Ok)
                {
                    return e;
                }
                for (int k = 0; k < 7; k++)
                {
                    if (((octet >> k) & 1) != 0)
                    {
                        int index = (bit + k) >> 3;
                        if (index >= m.Length)
                        {
                            return ExiError.ValueOutOfRange;
                        }
                        m[index] = (byte)(m[index] | (1 << ((bit + k) & 7)));
                    }
                }
                bit += 7;
                if ((octet & 0x80) == 0)
                {
                    break;
                }
                if (bit > m.Length * 8 + 7)
                {
                    return ExiError.ValueOutOfRange;
                }
            }
            if (negative)
            {
                // value = -(u + 1): add one to the magnitude.
                int i = 0;
                while (i < m.Length && m[i] == 0xFF)
                {
                    m[i] = 0;
                    i++;
                }
                if (i == m.Length)
                {
                    return ExiError.ValueOutOfRange;
                }
                m[i]++;
            }
            int length = m.Length;
            while (length > 0 && m[length - 1] == 0)
            {
                length--;
            }
            for (int i = 0, j = length - 1; i < j; i++, j--)
            {
                byte t = m[i];
                m[i] = m[j];
                m[j] = t;
            }
            target.Length = length;
            target.Negative = negative;
            return ExiError.Ok;
        }

        /// <summary>Reads CH, an integer of any size, EE.</summary>
        public ExiError ReadElementBigInteger(ExiBigInteger target)
        {
            ExiError e = ExpectZeroBit();
            if (e == ExiError.Ok) e = ReadBigInteger(target);
            if (e == ExiError.Ok) e = ExpectZeroBit();
            return e;
        }

        /// <summary>Reads binary data (unsigned length, then the bytes) into <paramref name="target"/>.</summary>
        public ExiError ReadBinary(ExiBytes target)
        {
            ulong length;
            ExiError e = ReadUnsigned(out length);
            if (e != ExiError.Ok)
            {
                return e;
            }
            if (length > (ulong)target.Bytes.Length)
            {
                return ExiError.BinaryTooLong;
            }
            int n = (int)length;
            if (_bit + n * 8 > _endBit)
            {
                return ExiError.EndOfStream;
            }
            // Whole octets: copied directly when aligned, else each from two neighbouring bytes.
            byte[] buffer = _buffer;
            byte[] bytes = target.Bytes;
            int index = _bit >> 3;
            int shift = _bit & 7;
            if (shift == 0)
            {
                for (int i = 0; i < n; i++)
                {
                    bytes[i] = buffer[index + i];
                }
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    bytes[i] = (byte)((buffer[index + i] << shift) | (buffer[index + i + 1] >> (8 - shift)));
                }
            }
            _bit += n * 8;
            target.Length = n;
            return ExiError.Ok;
        }

        /// <summary>
        /// Reads a string value of the element or attribute <paramref name="qnameId"/> (the grammar's
        /// number for its qualified name, which keys the local value table): a miss (length + 2, then
        /// the code points), a local hit (0, then the compact id) or a global hit (1, then the id).
        /// </summary>
        public ExiError ReadString(ExiString target, int qnameId)
        {
            ulong header;
            ExiError e = ReadUnsigned(out header);
            if (e != ExiError.Ok)
            {
                return e;
            }
            if (header == 0 || header == 1)
            {
                return ReadStringHit(target, qnameId, header == 0);
            }
            if (header - 2 > (ulong)target.Chars.Length)
            {
                return ExiError.StringTooLong;
            }
            int count = (int)(header - 2);
            int firstCharBit = _bit;
            e = ReadCodePoints(target, count);
            if (e != ExiError.Ok)
            {
                return e;
            }
            if (count > 0)
            {
                if (_entryCount < StringTableCapacity)
                {
                    _entryBit[_entryCount] = firstCharBit;
                    _entryLength[_entryCount] = count;
                    _entryQName[_entryCount] = qnameId;
                }
                _entryCount++;
            }
            return ExiError.Ok;
        }

        private ExiError ReadStringHit(ExiString target, int qnameId, bool local)
        {
            if (_entryCount > StringTableCapacity)
            {
                return ExiError.StringTableFull;
            }
            int size = 0;
            if (local)
            {
                for (int i = 0; i < _entryCount; i++)
                {
                    if (_entryQName[i] == qnameId)
                    {
                        size++;
                    }
                }
            }
            else
            {
                size = _entryCount;
            }
            uint id;
            ExiError e = ReadBits(BitWidth(size), out id);
            if (e != ExiError.Ok)
            {
                return e;
            }
            if (id >= (uint)size)
            {
                return ExiError.StringTableMiss;
            }
            int entry = (int)id;
            if (local)
            {
                int seen = -1;
                for (int i = 0; i < _entryCount; i++)
                {
                    if (_entryQName[i] == qnameId)
                    {
                        seen++;
                        if (seen == (int)id)
                        {
                            entry = i;
                            break;
                        }
                    }
                }
            }
            if (_entryLength[entry] > target.Chars.Length)
            {
                return ExiError.StringTooLong;
            }
            int resume = _bit;
            _bit = _entryBit[entry];
            e = ReadCodePoints(target, _entryLength[entry]);
            _bit = resume;
            return e;
        }

        private ExiError ReadCodePoints(ExiString target, int count)
        {
            int n = 0;
            for (int i = 0; i < count; i++)
            {
                ulong cp;
                ExiError e = ReadUnsigned(out cp);
                if (e != ExiError.Ok)
                {
                    return e;
                }
                if (cp > 0x10FFFF)
                {
                    return ExiError.ValueOutOfRange;
                }
                if (cp > 0xFFFF)
                {
                    if (n + 2 > target.Chars.Length)
                    {
                        return ExiError.StringTooLong;
                    }
                    uint v = (uint)cp - 0x10000;
                    target.Chars[n++] = (char)(0xD800 + (v >> 10));
                    target.Chars[n++] = (char)(0xDC00 + (v & 0x3FF));
                }
                else
                {
                    if (n + 1 > target.Chars.Length)
                    {
                        return ExiError.StringTooLong;
                    }
                    target.Chars[n++] = (char)cp;
                }
            }
            target.Length = n;
            return ExiError.Ok;
        }

        // Simple-typed elements: the element grammar is CH (event code 0 of 1 bit, the second level
        // being xsi:type/xsi:nil etc.), the value, then EE (event code 0 of 1 bit).

        /// <summary>Reads CH, a boolean, EE.</summary>
        public ExiError ReadElementBoolean(out bool value)
        {
            value = false;
            ExiError e = ExpectZeroBit();
            if (e == ExiError.Ok) e = ReadBoolean(out value);
            if (e == ExiError.Ok) e = ExpectZeroBit();
            return e;
        }

        /// <summary>Reads CH, an n-bit unsigned integer, EE.</summary>
        public ExiError ReadElementBits(int bitCount, out uint value)
        {
            value = 0;
            ExiError e = ExpectZeroBit();
            if (e == ExiError.Ok) e = ReadBits(bitCount, out value);
            if (e == ExiError.Ok) e = ExpectZeroBit();
            return e;
        }

        /// <summary>Reads CH, an unsigned integer, EE.</summary>
        public ExiError ReadElementUnsigned(out ulong value)
        {
            value = 0;
            ExiError e = ExpectZeroBit();
            if (e == ExiError.Ok) e = ReadUnsigned(out value);
            if (e == ExiError.Ok) e = ExpectZeroBit();
            return e;
        }

        /// <summary>Reads CH, an integer, EE.</summary>
        public ExiError ReadElementInteger(out long value)
        {
            value = 0;
            ExiError e = ExpectZeroBit();
            if (e == ExiError.Ok) e = ReadInteger(out value);
            if (e == ExiError.Ok) e = ExpectZeroBit();
            return e;
        }

        /// <summary>Reads CH, a string value of <paramref name="qnameId"/>, EE.</summary>
        public ExiError ReadElementString(ExiString target, int qnameId)
        {
            ExiError e = ExpectZeroBit();
            if (e == ExiError.Ok) e = ReadString(target, qnameId);
            if (e == ExiError.Ok) e = ExpectZeroBit();
            return e;
        }

        /// <summary>Reads CH, binary data, EE.</summary>
        public ExiError ReadElementBinary(ExiBytes target)
        {
            ExiError e = ExpectZeroBit();
            if (e == ExiError.Ok) e = ReadBinary(target);
            if (e == ExiError.Ok) e = ExpectZeroBit();
            return e;
        }

        /// <summary>⌈log2 n⌉: bits needed to tell n things apart (0 for n ≤ 1).</summary>
        public static int BitWidth(int n)
        {
            int bits = 0;
            while ((1 << bits) < n)
            {
                bits++;
            }
            return bits;
        }
    }
}
