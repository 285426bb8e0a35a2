namespace V2G.Protocol.Iso15118.Exi
{
    /// <summary>
    /// Writes EXI 1.0 bit-packed primitives into a caller's byte[] window. Never throws and never
    /// allocates: every call returns an <see cref="ExiError"/>. Strings are always sent as literals
    /// (never as string-table hits), as ISO 15118 decoders such as libcbv2g require.
    /// </summary>
    public sealed class ExiBitWriter
    {
        private byte[] _buffer;
        private int _startBit;
        private int _endBit;
        private int _bit;

        /// <summary>Points the writer at <paramref name="capacity"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        public ExiError Reset(byte[] buffer, int offset, int capacity)
        {
            if (buffer == null || offset < 0 || capacity < 0 || offset > buffer.Length - capacity)
            {
                _buffer = null;
                _startBit = 0;
                _endBit = 0;
                _bit = 0;
                return ExiError.InvalidArgument;
            }
            _buffer = buffer;
            _startBit = offset * 8;
            _endBit = (offset + capacity) * 8;
            _bit = _startBit;
            return ExiError.Ok;
        }

        /// <summary>Bytes written so far, the last partly filled byte included (its spare bits are 0).</summary>
        public int Length
        {
            get { return (_bit - _startBit + 7) / 8; }
        }

        /// <summary>Writes the <paramref name="bitCount"/> low bits of <paramref name="value"/>, most significant first.</summary>
        public ExiError WriteBits(int bitCount, uint value)
        {
            int bit = _bit;
            if ((uint)bitCount > 32)
            {
                return ExiError.InvalidArgument;
            }
            if (bit + bitCount > _endBit)
            {
                return ExiError.BufferTooSmall;
            }
            byte[] buffer = _buffer;
            int index = bit >> 3;
            int used = bit & 7;
            int free = 8 - used;
            if (bitCount <= free)
            {
                // Within the current byte (event codes, booleans, enumerations): one store, no loop.
                if (bitCount == 0)
                {
                    return ExiError.Ok;
                }
                int bits = (int)(value & (uint)((1 << bitCount) - 1));
                int kept = used == 0 ? 0 : buffer[index] & (0xFF << free);
                buffer[index] = (byte)(kept | (bits << (free - bitCount)));
                _bit = bit + bitCount;
                return ExiError.Ok;
            }
            // A byte's worth at a time; bits not yet written in the current byte are left 0.
            while (bitCount > 0)
            {
                index = bit >> 3;
                used = bit & 7;
                free = 8 - used;
                int take = bitCount < free ? bitCount : free;
                int chunk = (int)((value >> (bitCount - take)) & (uint)((1 << take) - 1));
                int keep = used == 0 ? 0 : buffer[index] & (0xFF << free);
                buffer[index] = (byte)(keep | (chunk << (free - take)));
                bit += take;
                bitCount -= take;
            }
            _bit = bit;
            return ExiError.Ok;
        }

        /// <summary>Writes one 0 bit (a 1-bit event code 0), the commonest write of all.</summary>
        public ExiError WriteZeroBit()
        {
            int bit = _bit;
            if (bit >= _endBit)
            {
                return ExiError.BufferTooSmall;
            }
            int used = bit & 7;
            int index = bit >> 3;
            // Keep the bits already written in this byte, clear the rest (as WriteBits leaves them 0).
            _buffer[index] = used == 0 ? (byte)0 : (byte)(_buffer[index] & (0xFF << (8 - used)));
            _bit = bit + 1;
            return ExiError.Ok;
        }

        /// <summary>Writes 8 bits straight into the buffer (aligned, or straddling two bytes).</summary>
        private ExiError WriteOctet(int octet)
        {
            int bit = _bit;
            if (bit + 8 > _endBit)
            {
                return ExiError.BufferTooSmall;
            }
            byte[] buffer = _buffer;
            int index = bit >> 3;
            int used = bit & 7;
            if (used == 0)
            {
                buffer[index] = (byte)octet;
            }
            else
            {
                buffer[index] = (byte)((buffer[index] & (0xFF << (8 - used))) | (octet >> used));
                buffer[index + 1] = (byte)(octet << (8 - used));
            }
            _bit = bit + 8;
            return ExiError.Ok;
        }

        /// <summary>Fills the rest of the current byte with 0 bits (the end of an EXI stream).</summary>
        public ExiError PadToByte()
        {
            int spare = (8 - ((_bit - _startBit) & 7)) & 7;
            return WriteBits(spare, 0);
        }

        /// <summary>Writes the EXI header byte 0x80.</summary>
        public ExiError WriteHeader()
        {
            return WriteBits(8, 0x80);
        }

        /// <summary>Writes a boolean (one bit).</summary>
        public ExiError WriteBoolean(bool value)
        {
            return WriteBits(1, value ? 1u : 0u);
        }

        /// <summary>Writes an EXI unsigned integer (7-bit groups, least significant first).</summary>
        public ExiError WriteUnsigned(ulong value)
        {
            while (true)
            {
                uint part = (uint)(value & 0x7F);
                value >>= 7;
                ExiError e = WriteOctet((int)(value != 0 ? (part | 0x80) : part));
                if (e != ExiError.Ok || value == 0)
                {
                    return e;
                }
            }
        }

        /// <summary>Writes an EXI integer: sign bit, then |v| (|v| − 1 when negative) as unsigned.</summary>
        public ExiError WriteInteger(long value)
        {
            if (value < 0)
            {
                ExiError e = WriteBits(1, 1);
                if (e != ExiError.Ok)
                {
                    return e;
                }
                // -(value + 1) cannot overflow, even for long.MinValue.
                return WriteUnsigned((ulong)(-(value + 1)));
            }
            ExiError e2 = WriteZeroBit();
            if (e2 != ExiError.Ok)
            {
                return e2;
            }
            return WriteUnsigned((ulong)value);
        }

        /// <summary>Writes an EXI integer of any size: sign bit, then the magnitude (minus one when negative) as 7-bit groups.</summary>
        public ExiError WriteBigInteger(ExiBigInteger value)
        {
            if (value == null)
            {
                return ExiError.MissingElement;
            }
            byte[] m = value.Magnitude;
            int length = value.Length;
            if (length < 0 || length > m.Length)
            {
                return ExiError.ValueOutOfRange;
            }
            int first = 0; // index of the most significant byte in use: leading zero bytes carry nothing
            while (length > 0 && m[first] == 0)
            {
                first++;
                length--;
            }
            bool negative = value.Negative && length > 0;
            ExiError e = WriteBits(1, negative ? 1u : 0u);
            if (e != ExiError.Ok)
            {
                return e;
            }
            // For a negative value the magnitude minus one is sent; borrow while reading bytes
            // from the least significant end. bitLength counts the bits of what is sent.
            int bitLength = 0;
            int borrow = negative ? 1 : 0;
            for (int i = 0; i < length; i++)
            {
                int b = m[first + length - 1 - i] - borrow;
                borrow = b < 0 ? 1 : 0;
                b &= 0xFF;
                for (int k = 7; k >= 0; k--)
                {
                    if (((b >> k) & 1) != 0)
                    {
                        if (i * 8 + k + 1 > bitLength) bitLength = i * 8 + k + 1;
                        break;
                    }
                }
            }
            int groups = bitLength == 0 ? 1 : (bitLength + 6) / 7;
            for (int g = 0; g < groups; g++)
            {
                uint part = 0;
                for (int k = 0; k < 7; k++)
                {
                    if (SentBit(m, first, length, negative, g * 7 + k))
                    {
                        part |= 1u << k;
                    }
                }
                e = WriteBits(8, g + 1 < groups ? (part | 0x80) : part);
                if (e != ExiError.Ok)
                {
                    return e;
                }
            }
            return ExiError.Ok;
        }

        // Bit n (0 = least significant) of the magnitude, minus one when negative.
        private static bool SentBit(byte[] m, int first, int length, bool negative, int n)
        {
            int byteIndex = n >> 3;
            if (byteIndex >= length)
            {
                return false;
            }
            int borrow = negative ? 1 : 0;
            int b = 0;
            for (int i = 0; i <= byteIndex; i++)
            {
                b = m[first + length - 1 - i] - borrow;
                borrow = b < 0 ? 1 : 0;
                b &= 0xFF;
            }
            return ((b >> (n & 7)) & 1) != 0;
        }

        /// <summary>Writes CH, an integer of any size, EE.</summary>
        public ExiError WriteElementBigInteger(ExiBigInteger value)
        {
            ExiError e = WriteZeroBit();
            if (e == ExiError.Ok) e = WriteBigInteger(value);
            if (e == ExiError.Ok) e = WriteZeroBit();
            return e;
        }

        /// <summary>Writes binary data: unsigned length, then the bytes.</summary>
        public ExiError WriteBinary(ExiBytes value)
        {
            if (value == null)
            {
                return ExiError.MissingElement;
            }
            if (value.Length < 0 || value.Length > value.Bytes.Length)
            {
                return ExiError.BinaryTooLong;
            }
            ExiError e = WriteUnsigned((ulong)value.Length);
            for (int i = 0; i < value.Length && e == ExiError.Ok; i++)
            {
                e = WriteOctet(value.Bytes[i]);
            }
            return e;
        }

        /// <summary>Writes a string literal: (number of code points + 2), then each code point as unsigned.</summary>
        public ExiError WriteString(ExiString value)
        {
            if (value == null)
            {
                return ExiError.MissingElement;
            }
            if (value.Length < 0 || value.Length > value.Chars.Length)
            {
                return ExiError.StringTooLong;
            }
            int codePoints = 0;
            for (int i = 0; i < value.Length; i++)
            {
                if (IsHighSurrogate(value.Chars[i]) && i + 1 < value.Length && IsLowSurrogate(value.Chars[i + 1]))
                {
                    i++;
                }
                codePoints++;
            }
            ExiError e = WriteUnsigned((ulong)codePoints + 2);
            for (int i = 0; i < value.Length && e == ExiError.Ok; i++)
            {
                uint c = value.Chars[i];
                if (IsHighSurrogate(value.Chars[i]) && i + 1 < value.Length && IsLowSurrogate(value.Chars[i + 1]))
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + ((uint)value.Chars[i + 1] - 0xDC00);
                    i++;
                }
                e = WriteUnsigned(c);
            }
            return e;
        }

        // Simple-typed elements: CH (event code 0 of 1 bit), the value, EE (event code 0 of 1 bit).

        /// <summary>Writes CH, a boolean, EE.</summary>
        public ExiError WriteElementBoolean(bool value)
        {
            ExiError e = WriteZeroBit();
            if (e == ExiError.Ok) e = WriteBoolean(value);
            if (e == ExiError.Ok) e = WriteZeroBit();
            return e;
        }

        /// <summary>Writes CH, an n-bit unsigned integer, EE.</summary>
        public ExiError WriteElementBits(int bitCount, uint value)
        {
            ExiError e = WriteZeroBit();
            if (e == ExiError.Ok) e = WriteBits(bitCount, value);
            if (e == ExiError.Ok) e = WriteZeroBit();
            return e;
        }

        /// <summary>Writes CH, an unsigned integer, EE.</summary>
        public ExiError WriteElementUnsigned(ulong value)
        {
            ExiError e = WriteZeroBit();
            if (e == ExiError.Ok) e = WriteUnsigned(value);
            if (e == ExiError.Ok) e = WriteZeroBit();
            return e;
        }

        /// <summary>Writes CH, an integer, EE.</summary>
        public ExiError WriteElementInteger(long value)
        {
            ExiError e = WriteZeroBit();
            if (e == ExiError.Ok) e = WriteInteger(value);
            if (e == ExiError.Ok) e = WriteZeroBit();
            return e;
        }

        /// <summary>Writes CH, a string literal, EE.</summary>
        public ExiError WriteElementString(ExiString value)
        {
            ExiError e = WriteZeroBit();
            if (e == ExiError.Ok) e = WriteString(value);
            if (e == ExiError.Ok) e = WriteZeroBit();
            return e;
        }

        /// <summary>Writes CH, binary data, EE.</summary>
        public ExiError WriteElementBinary(ExiBytes value)
        {
            ExiError e = WriteZeroBit();
            if (e == ExiError.Ok) e = WriteBinary(value);
            if (e == ExiError.Ok) e = WriteZeroBit();
            return e;
        }

        private static bool IsHighSurrogate(char c)
        {
            return c >= 0xD800 && c <= 0xDBFF;
        }

        private static bool IsLowSurrogate(char c)
        {
            return c >= 0xDC00 && c <= 0xDFFF;
        }
    }
}
