namespace V2G.Firmware.Drivers.Ade9000
{
    /// <summary>
    /// The ADE9000 SPI command word: bits 15..4 the register address, bit 3 set for a read, sent MSB first;
    /// the data follow big-endian in the same chip-select frame (<c>ADE9000_REG_ADDR_MASK</c>,
    /// <c>ADE9000_REG_READ_BIT_MASK</c> in the Linux driver [L]).
    /// </summary>
    public static class Ade9000Command
    {
        /// <summary>Bytes of the command word.</summary>
        public const int LengthBytes = 2;

        /// <summary>The read flag, bit 3 [L].</summary>
        public const ushort ReadBit = 1 << 3;

        private const int AddressShift = 4;
        private const int AddressMask = 0xFFF;

        /// <summary>Command word that reads <paramref name="address"/>.</summary>
        public static ushort Read(int address)
        {
            return (ushort)(((address & AddressMask) << AddressShift) | ReadBit);
        }

        /// <summary>Command word that writes <paramref name="address"/>.</summary>
        public static ushort Write(int address)
        {
            return (ushort)((address & AddressMask) << AddressShift);
        }

        /// <summary>Address carried by a command word.</summary>
        public static int AddressOf(int command)
        {
            return (command >> AddressShift) & AddressMask;
        }

        /// <summary>True when the command word is a read.</summary>
        public static bool IsRead(int command)
        {
            return (command & ReadBit) != 0;
        }

        /// <summary>Puts the command word big-endian at <paramref name="offset"/>.</summary>
        public static void Put(ushort command, byte[] buffer, int offset)
        {
            buffer[offset] = (byte)(command >> 8);
            buffer[offset + 1] = (byte)command;
        }
    }
}
