namespace V2G.Hal.Buses
{
    /// <summary>
    /// One SPI device (its chip select asserted for the whole transfer). Chip drivers take this,
    /// never nanoFramework's SpiDevice, whose members are not virtual and so cannot be modelled in tests.
    /// </summary>
    public interface ISpiTransfer
    {
        /// <summary>Full-duplex transfer of <paramref name="length"/> bytes.</summary>
        void Transfer(byte[] writeBuffer, byte[] readBuffer, int length);
    }
}
