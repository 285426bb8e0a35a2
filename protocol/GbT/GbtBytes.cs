namespace V2G.Protocol.GbT
{
    /// <summary>
    /// Byte-level helpers of the GB/T 27930 codecs: little-endian integers ("low byte sent first"),
    /// 2-bit state pairs, the 0.1 A / −400 A current scaling, rounding without Math, fill with 1s and
    /// packed BCD [digest §2, §4, S2, S10]. No method allocates or throws for in-range indices.
    /// </summary>
    public static class GbtBytes
    {
        /// <summary>Resolution of every current field, A per bit [digest §4, S2].</summary>
        public const double CurrentResolutionA = 0.1;

        /// <summary>Offset of every current field, A: physical = raw × 0.1 − 400 [digest §4, S2].</summary>
        public const double CurrentOffsetA = -400.0;

        /// <summary>Offset of every temperature byte, °C: physical = raw − 50 [digest §4, S2].</summary>
        public const int TemperatureOffsetC = -50;

        /// <summary>The fill byte for unused and "not available" bytes [digest §2, S2].</summary>
        public const byte FillByte = 0xFF;

        public static int ReadUInt16(byte[] b, int offset)
        {
            return b[offset] | (b[offset + 1] << 8);
        }

        public static void WriteUInt16(byte[] b, int offset, int value)
        {
            b[offset] = (byte)value;
            b[offset + 1] = (byte)(value >> 8);
        }

        public static int ReadUInt24(byte[] b, int offset)
        {
            return b[offset] | (b[offset + 1] << 8) | (b[offset + 2] << 16);
        }

        public static void WriteUInt24(byte[] b, int offset, int value)
        {
            b[offset] = (byte)value;
            b[offset + 1] = (byte)(value >> 8);
            b[offset + 2] = (byte)(value >> 16);
        }

        public static uint ReadUInt32(byte[] b, int offset)
        {
            return (uint)b[offset] | ((uint)b[offset + 1] << 8) | ((uint)b[offset + 2] << 16) | ((uint)b[offset + 3] << 24);
        }

        public static void WriteUInt32(byte[] b, int offset, uint value)
        {
            b[offset] = (byte)value;
            b[offset + 1] = (byte)(value >> 8);
            b[offset + 2] = (byte)(value >> 16);
            b[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>The 2-bit state number <paramref name="pairIndex"/> (0 = bits 1-2, the LSBs; 3 = bits 7-8) of a byte.</summary>
        public static int Get2Bits(byte[] b, int byteIndex, int pairIndex)
        {
            return (b[byteIndex] >> (2 * pairIndex)) & 0x3;
        }

        /// <summary>Sets one 2-bit state, leaving the other three pairs of the byte as they are.</summary>
        public static void Set2Bits(byte[] b, int byteIndex, int pairIndex, int value)
        {
            int shift = 2 * pairIndex;
            b[byteIndex] = (byte)((b[byteIndex] & ~(0x3 << shift)) | ((value & 0x3) << shift));
        }

        /// <summary>Fills <paramref name="count"/> bytes from <paramref name="offset"/> with 0xFF.</summary>
        public static void Fill(byte[] b, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                b[offset + i] = FillByte;
            }
        }

        /// <summary>Physical value of a raw field: raw × resolution + offset.</summary>
        public static double Scale(int raw, double resolution, double offset)
        {
            return raw * resolution + offset;
        }

        /// <summary>
        /// Raw field of a physical value: (value − offset) / resolution rounded half away from zero and
        /// clamped to 0..<paramref name="maxRaw"/> (a value out of range is sent as the nearest limit,
        /// not wrapped into a wrong one).
        /// </summary>
        public static int Unscale(double value, double resolution, double offset, int maxRaw)
        {
            double raw = (value - offset) / resolution;
            if (!(raw > 0))
            {
                return 0;
            }

            if (raw >= maxRaw)
            {
                return maxRaw;
            }

            return (int)(raw + 0.5);
        }

        /// <summary>Current in A from its raw field (standard sign: + discharge, − charge) [digest §2, §4, S2].</summary>
        public static double CurrentFromRaw(int raw)
        {
            return Scale(raw, CurrentResolutionA, CurrentOffsetA);
        }

        /// <summary>Raw field of a current in A (standard sign: −150 for a 150 A charge gives raw 2500).</summary>
        public static int CurrentToRaw(double currentA)
        {
            return Unscale(currentA, CurrentResolutionA, CurrentOffsetA, 0xFFFF);
        }

        /// <summary>Rounds half away from zero (the device has no Math.Round).</summary>
        public static int Round(double value)
        {
            return value >= 0 ? (int)(value + 0.5) : -(int)(-value + 0.5);
        }

        /// <summary>True if both nibbles are decimal digits.</summary>
        public static bool IsBcd(byte value)
        {
            return (value & 0x0F) <= 9 && (value >> 4) <= 9;
        }

        /// <summary>The number 0..99 of a packed BCD byte (garbage in, garbage out: check <see cref="IsBcd"/>).</summary>
        public static int FromBcd(byte value)
        {
            return (value >> 4) * 10 + (value & 0x0F);
        }

        /// <summary>Packed BCD of 0..99 (taken modulo 100).</summary>
        public static byte ToBcd(int value)
        {
            if (value < 0)
            {
                value = -value;
            }

            value %= 100;
            return (byte)(((value / 10) << 4) | (value % 10));
        }
    }
}
