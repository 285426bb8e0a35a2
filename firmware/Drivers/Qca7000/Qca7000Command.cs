namespace V2G.Firmware.Drivers.Qca7000
{
    /// <summary>
    /// The 16-bit command word that opens every SPI frame to the QCA7000, sent big-endian [V:L1, L2]:
    /// bit 15 read (1) or write (0), bit 14 internal register (1) or external packet buffer (0),
    /// bits 13..0 the register address (<see cref="Qca7000Register"/>).
    /// </summary>
    public static class Qca7000Command
    {
        /// <summary>QCA7K_SPI_READ: bit 15 set for a read [V:L1].</summary>
        public const ushort ReadBit = 0x8000;

        /// <summary>QCA7K_SPI_INTERNAL: bit 14 set for an internal register, clear for the packet buffer [V:L1].</summary>
        public const ushort InternalBit = 0x4000;

        /// <summary>External write (host to chip write buffer), bytes <c>00 00</c> [V:L4, C1].</summary>
        public const ushort ExternalWrite = 0x0000;

        /// <summary>External read (chip read buffer to host), bytes <c>80 00</c> [V:L4, C1].</summary>
        public const ushort ExternalRead = ReadBit;

        /// <summary>Length of the command word on the wire, bytes.</summary>
        public const int LengthBytes = 2;

        /// <summary>The command that reads <paramref name="register"/> (e.g. 0xDA00 for SIGNATURE).</summary>
        public static ushort ReadRegister(Qca7000Register register)
        {
            return (ushort)(ReadBit | InternalBit | (ushort)register);
        }

        /// <summary>The command that writes <paramref name="register"/> (e.g. 0x4100 for BFR_SIZE).</summary>
        public static ushort WriteRegister(Qca7000Register register)
        {
            return (ushort)(InternalBit | (ushort)register);
        }

        /// <summary>Puts <paramref name="command"/> big-endian at <paramref name="offset"/> of <paramref name="buffer"/>.</summary>
        public static void Put(ushort command, byte[] buffer, int offset)
        {
            buffer[offset] = (byte)(command >> 8);
            buffer[offset + 1] = (byte)command;
        }
    }
}
