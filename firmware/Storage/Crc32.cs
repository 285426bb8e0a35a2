namespace V2G.Firmware.Storage
{
    /// <summary>
    /// CRC-32 as in IEEE 802.3 / zlib (reflected polynomial 0xEDB88320, initial value and final
    /// XOR 0xFFFFFFFF; check value of "123456789" is 0xCBF43926). Chosen over a CRC-16 because a
    /// flash record store must also reject records whose header only looks plausible after a torn
    /// program or an interrupted erase, and 32 bits make such a false match practically impossible.
    /// </summary>
    public static class Crc32
    {
        /// <summary>The running value to start <see cref="Update"/> with.</summary>
        public const uint Seed = 0xFFFFFFFF;

        private const uint ReflectedPolynomial = 0xEDB88320;

        // 1 KB of RAM once, instead of eight shift-and-xor steps per byte: mounting scans whole sectors.
        private static readonly uint[] _table = BuildTable();

        /// <summary>Feeds <paramref name="length"/> bytes into a running CRC started with <see cref="Seed"/>.</summary>
        public static uint Update(uint crc, byte[] data, int offset, int length)
        {
            uint[] table = _table;
            int end = offset + length;
            for (int i = offset; i < end; i++)
            {
                crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }

        /// <summary>Turns a running CRC into the final value.</summary>
        public static uint Finish(uint crc)
        {
            return ~crc;
        }

        /// <summary>The CRC-32 of one block of bytes.</summary>
        public static uint Compute(byte[] data, int offset, int length)
        {
            return Finish(Update(Seed, data, offset, length));
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int bit = 0; bit < 8; bit++)
                {
                    c = (c & 1) != 0 ? ReflectedPolynomial ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
