using System;
using System.Device.Spi;
using V2G.Hal.Buses;

namespace V2G.BoardAdapters.Tests
{
    /// <summary>
    /// dotnet/iot's SpiDevice with one of our chip models on the far side of MOSI/MISO: each call is one
    /// chip-select frame handed to the model's transfer. Lets both our adapter (SpiDeviceTransfer) and dotnet/iot's
    /// own bindings talk to the same model.
    /// </summary>
    public sealed class ModelSpiDevice : SpiDevice
    {
        private readonly ISpiTransfer _chip;

        public ModelSpiDevice(ISpiTransfer chip, int busId = 1, int chipSelectLine = 5)
        {
            _chip = chip;
            ConnectionSettings = new SpiConnectionSettings(busId, chipSelectLine) { Mode = SpiMode.Mode0, ClockFrequency = 1_000_000 };
        }

        public override SpiConnectionSettings ConnectionSettings { get; }

        /// <summary>Chip-select frames passed to the model.</summary>
        public int Frames { get; private set; }

        /// <summary>Length of the last frame, bytes.</summary>
        public int LastFrameLength { get; private set; }

        public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
        {
            if (writeBuffer.Length != readBuffer.Length)
            {
                throw new ArgumentException("a full-duplex frame has one length");
            }

            byte[] mosi = writeBuffer.ToArray();
            byte[] miso = new byte[mosi.Length];
            _chip.Transfer(mosi, miso, mosi.Length);
            miso.CopyTo(readBuffer);
            Frames++;
            LastFrameLength = mosi.Length;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Span<byte> discard = new byte[buffer.Length];
            TransferFullDuplex(buffer, discard);
        }

        public override void Read(Span<byte> buffer)
        {
            TransferFullDuplex(new byte[buffer.Length], buffer);
        }
    }
}
