namespace V2G.Protocol.Iso15118.Exi
{
    /// <summary>
    /// A preallocated string value: UTF-16 code units in <see cref="Chars"/>, the first
    /// <see cref="Length"/> of them in use. The capacity is the schema's maxLength facet (or the
    /// generator's documented cap), so decoding into it never allocates.
    /// </summary>
    public sealed class ExiString
    {
        /// <summary>The characters; capacity fixed at construction.</summary>
        public readonly char[] Chars;

        /// <summary>Number of characters in use.</summary>
        public int Length;

        /// <summary>A string value with room for <paramref name="capacity"/> characters.</summary>
        public ExiString(int capacity)
        {
            Chars = new char[capacity];
        }

        /// <summary>Copies <paramref name="value"/> in; false (and unchanged) if it does not fit.</summary>
        public bool Set(string value)
        {
            if (value == null || value.Length > Chars.Length)
            {
                return false;
            }
            for (int i = 0; i < value.Length; i++)
            {
                Chars[i] = value[i];
            }
            Length = value.Length;
            return true;
        }

        /// <summary>True if the value equals <paramref name="value"/> (ordinal), without allocating.</summary>
        public bool Equals(string value)
        {
            if (value == null || value.Length != Length)
            {
                return false;
            }
            for (int i = 0; i < Length; i++)
            {
                if (Chars[i] != value[i])
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>The value as a new string (allocates; for logs and tests, not the control path).</summary>
        public override string ToString()
        {
            return new string(Chars, 0, Length);
        }
    }
}
