using System;
using System.Device.Spi;
using V2G.Hal.Buses;

namespace V2G.Boards.Hal
{
    /// <summary>
    /// An <see cref="ISpiTransfer"/> over one SpiDevice (its chip select held for the whole transfer by the SPI
    /// driver). A transfer shorter than the driver's preallocated buffers is passed as a slice, so nothing is
    /// allocated per call here: nanoFramework's TransferFullDuplex takes SpanByte, dotnet/iot's takes
    /// ReadOnlySpan&lt;byte&gt;/Span&lt;byte&gt;; both are structs over the same array. Whether the device's native
    /// SPI itself allocates is the nanoFramework version's business (older System.Device.Spi copied through
    /// intermediate arrays).
    /// </summary>
    public sealed class SpiDeviceTransfer : ISpiTransfer, IDisposable
    {
        private readonly SpiDevice _device;

        /// <summary>Wraps <paramref name="device"/>, created by the board with its bus, chip select, clock and mode.</summary>
        public SpiDeviceTransfer(SpiDevice device)
        {
            if (device == null)
            {
                throw new ArgumentNullException("device");
            }

            _device = device;
        }

        /// <summary>Transfers made, for diagnostics.</summary>
        public int Transfers { get; private set; }

        /// <inheritdoc />
        public void Transfer(byte[] writeBuffer, byte[] readBuffer, int length)
        {
            if (writeBuffer == null || readBuffer == null || length < 0 || length > writeBuffer.Length || length > readBuffer.Length)
            {
                throw new ArgumentException("buffers shorter than the transfer");
            }

            if (length == 0)
            {
                return;
            }

#if NANOFRAMEWORK_1_0
            _device.TransferFullDuplex(new SpanByte(writeBuffer, 0, length), new SpanByte(readBuffer, 0, length));
#else
            _device.TransferFullDuplex(new ReadOnlySpan<byte>(writeBuffer, 0, length), new Span<byte>(readBuffer, 0, length));
#endif
            Transfers++;
        }

        /// <summary>Releases the device.</summary>
        public void Dispose()
        {
            _device.Dispose();
        }
    }
}
