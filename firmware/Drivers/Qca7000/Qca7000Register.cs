namespace V2G.Firmware.Drivers.Qca7000
{
    /// <summary>
    /// Internal (SPI slave) registers of the QCA7000/QCA7005, as the Linux driver names them in
    /// <c>qca_7k.h</c> [V:L1]. The values already hold the address in its position of the command word
    /// (bits 13..8), so a command is <c>read/write | internal | register</c> (<see cref="Qca7000Command"/>).
    /// Every value is 16 bits, big-endian on the wire [V:L2].
    /// </summary>
    public enum Qca7000Register : ushort
    {
        /// <summary>SPI_REG_BFR_SIZE (W): length in bytes of the next external read or write; written before every one [V:L1, L4].</summary>
        BufferSize = 0x0100,

        /// <summary>SPI_REG_WRBUF_SPC_AVA (R): free bytes in the chip's write buffer; 3163 when empty [V:L1, L4].</summary>
        WriteBufferSpaceAvailable = 0x0200,

        /// <summary>SPI_REG_RDBUF_BYTE_AVA (R): bytes waiting in the chip's read buffer, possibly several frames [V:L1, L4, C1].</summary>
        ReadBufferBytesAvailable = 0x0300,

        /// <summary>SPI_REG_SPI_CONFIG (R/W): bit 6 is the slave (soft) reset, <see cref="Qca7000Driver.SpiConfigSlaveResetBit"/> [V:L1, L4].</summary>
        SpiConfig = 0x0400,

        /// <summary>SPI_REG_SPI_STATUS: listed by Linux, not used by it [V:L1].</summary>
        SpiStatus = 0x0500,

        /// <summary>SPI_REG_INTR_CAUSE (R/W): pending causes (<see cref="Qca7000Interrupt"/>); acknowledged by writing the value back [V:L1, L4].</summary>
        InterruptCause = 0x0C00,

        /// <summary>SPI_REG_INTR_ENABLE (R/W): which causes drive the INT line [V:L1, L4].</summary>
        InterruptEnable = 0x0D00,

        /// <summary>SPI_REG_RDBUF_WATERMARK: listed by Linux, not used by it [V:L1].</summary>
        ReadBufferWatermark = 0x1200,

        /// <summary>SPI_REG_WRBUF_WATERMARK: listed by Linux, not used by it [V:L1].</summary>
        WriteBufferWatermark = 0x1300,

        /// <summary>SPI_REG_SIGNATURE (R): 0xAA55 while the chip is alive [V:L1, L4].</summary>
        Signature = 0x1A00,

        /// <summary>SPI_REG_ACTION_CTRL: listed by Linux, not used by it [V:L1].</summary>
        ActionControl = 0x1B00,
    }
}
