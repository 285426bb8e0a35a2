namespace V2G.Protocol.Iso15118.Exi
{
    /// <summary>
    /// A preallocated hexBinary/base64Binary value: the first <see cref="Length"/> bytes of
    /// <see cref="Bytes"/>. The capacity is the schema's length/maxLength facet (or the documented cap).
    /// </summary>
    public sealed class ExiBytes
    {
        /// <summary>The bytes; capacity fixed at construction.</summary>
        public readonly byte[] Bytes;

        /// <summary>Number of bytes in use.</summary>
        public int Length;

        /// <summary>A binary value with room for <paramref name="capacity"/> bytes.</summary>
        public ExiBytes(int capacity)
        {
            Bytes = new byte[capacity];
        }

        /// <summary>Copies <paramref name="count"/> bytes from <paramref name="source"/>; false if they do not fit.</summary>
        public bool Set(byte[] source, int offset, int count)
        {
            if (source == null || offset < 0 || count < 0 || offset + count > source.Length || count > Bytes.Length)
            {
                return false;
            }
            for (int i = 0; i < count; i++)
            {
                Bytes[i] = source[offset + i];
            }
            Length = count;
            return true;
        }
    }
}
