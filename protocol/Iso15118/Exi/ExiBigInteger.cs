namespace V2G.Protocol.Iso15118.Exi
{
    /// <summary>
    /// A preallocated integer of unbounded XSD type (xs:integer without range facets), such as an
    /// X.509 certificate serial number (up to 20 octets, RFC 5280 §4.1.2.2), which does not fit a
    /// <c>long</c>: the value is <see cref="Negative"/> ? −M : M, where M is the big-endian magnitude
    /// in the first <see cref="Length"/> bytes of <see cref="Magnitude"/> (no leading zero bytes; 0 has length 0).
    /// </summary>
    public sealed class ExiBigInteger
    {
        /// <summary>Big-endian magnitude; capacity fixed at construction.</summary>
        public readonly byte[] Magnitude;

        /// <summary>Bytes of <see cref="Magnitude"/> in use.</summary>
        public int Length;

        /// <summary>True for a value below zero.</summary>
        public bool Negative;

        /// <summary>An integer with room for <paramref name="capacity"/> magnitude bytes.</summary>
        public ExiBigInteger(int capacity)
        {
            Magnitude = new byte[capacity];
        }

        /// <summary>Sets a value that fits a long.</summary>
        public void Set(long value)
        {
            Negative = value < 0;
            // Magnitude of long.MinValue is 2^63: take it as unsigned.
            ulong m = Negative ? (ulong)(-(value + 1)) + 1 : (ulong)value;
            SetMagnitude(m);
        }

        /// <summary>Sets a non-negative value that fits a ulong.</summary>
        public void Set(ulong value)
        {
            Negative = false;
            SetMagnitude(value);
        }

        private void SetMagnitude(ulong m)
        {
            int n = 0;
            for (ulong t = m; t != 0; t >>= 8)
            {
                n++;
            }
            if (n > Magnitude.Length)
            {
                n = Magnitude.Length;
            }
            for (int i = n - 1; i >= 0; i--)
            {
                Magnitude[i] = (byte)m;
                m >>= 8;
            }
            Length = n;
            if (n == 0)
            {
                Negative = false;
            }
        }

        /// <summary>The value as a long; false if it does not fit.</summary>
        public bool TryGetInt64(out long value)
        {
            value = 0;
            if (Length > 8)
            {
                return false;
            }
            ulong m = 0;
            for (int i = 0; i < Length; i++)
            {
                m = (m << 8) | Magnitude[i];
            }
            if (Negative)
            {
                if (m > 0x8000000000000000UL)
                {
                    return false;
                }
                value = m == 0x8000000000000000UL ? long.MinValue : -(long)m;
                return true;
            }
            if (m > 0x7FFFFFFFFFFFFFFFUL)
            {
                return false;
            }
            value = (long)m;
            return true;
        }
    }
}
