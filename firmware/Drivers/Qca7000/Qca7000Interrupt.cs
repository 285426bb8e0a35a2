namespace V2G.Firmware.Drivers.Qca7000
{
    /// <summary>
    /// Bits of INTR_CAUSE and INTR_ENABLE (<see cref="Qca7000Register.InterruptCause"/>) [V:L1], with the
    /// reaction of the Linux driver [V:L4]. Kept as <c>ushort</c> masks: the register is a 16-bit bit set.
    /// </summary>
    public static class Qca7000Interrupt
    {
        /// <summary>SPI_INT_PKT_AVLBL (bit 0): the read buffer holds data; the driver receives.</summary>
        public const ushort PacketAvailable = 1 << 0;

        /// <summary>SPI_INT_RDBUF_ERR (bit 1): a read-buffer error; the driver resynchronises.</summary>
        public const ushort ReadBufferError = 1 << 1;

        /// <summary>SPI_INT_WRBUF_ERR (bit 2): a write-buffer error; the driver resynchronises.</summary>
        public const ushort WriteBufferError = 1 << 2;

        /// <summary>SPI_INT_ADDR_ERR (bit 3): not handled by Linux.</summary>
        public const ushort AddressError = 1 << 3;

        /// <summary>SPI_INT_CPU_ON (bit 6): the chip (re)started; the driver runs the CPU_ON sync check.</summary>
        public const ushort CpuOn = 1 << 6;

        /// <summary>SPI_INT_WRBUF_BELOW_WM (bit 10): not used by Linux.</summary>
        public const ushort WriteBufferBelowWatermark = 1 << 10;

        /// <summary>
        /// What the driver enables after servicing: CPU_ON | PKT_AVLBL | RDBUF_ERR | WRBUF_ERR = 0x0047 [V:L4].
        /// </summary>
        public const ushort ServicedMask = CpuOn | PacketAvailable | ReadBufferError | WriteBufferError;
    }
}
