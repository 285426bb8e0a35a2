// Device-only (nanoFramework): compiled by the boards whose stock firmware image has no file system. The
// ST_NUCLEO144_F746ZG image is built with NF_FEATURE_HAS_SDCARD, NF_FEATURE_USE_SPIFFS and Windows.Storage OFF
// and without System.IO.FileSystem (nf-Community-Targets, ChibiOS/ST_NUCLEO144_F746ZG/CMakePresets.json).
using System;
using V2G.Hal.Storage;

namespace V2G.Boards.Device
{
    /// <summary>
    /// An <see cref="IFlashRegion"/> in RAM, with raw-flash semantics (erase to 0xFF, program clears bits), for a board
    /// with nowhere non-volatile to keep records: the stores run unchanged, and everything they hold (droop settings,
    /// configuration, the battery's lifetime state, the log, the outage queue) is lost at each reset.
    /// </summary>
    public sealed class VolatileFlashRegion : IFlashRegion
    {
        private readonly byte[] _bytes;
        private readonly int _sectorSizeBytes;
        private readonly int _sectorCount;

        /// <summary>Opens a region in RAM and says so on the debug console (a <see cref="DeviceBoot.FlashRegionOpener"/>; the path is ignored).</summary>
        public static IFlashRegion Open(string path, int sectorSizeBytes, int sectorCount)
        {
            Console.WriteLine("storage: " + sectorCount.ToString() + " sectors in RAM only (no file system): lost at each reset");
            return new VolatileFlashRegion(sectorSizeBytes, sectorCount);
        }

        /// <summary>A blank (erased) region of <paramref name="sectorCount"/> × <paramref name="sectorSizeBytes"/> bytes of heap.</summary>
        public VolatileFlashRegion(int sectorSizeBytes, int sectorCount)
        {
            if (sectorSizeBytes <= 0 || sectorCount <= 0)
            {
                throw new ArgumentOutOfRangeException();
            }

            _sectorSizeBytes = sectorSizeBytes;
            _sectorCount = sectorCount;
            _bytes = new byte[sectorSizeBytes * sectorCount];
            for (int i = 0; i < _bytes.Length; i++)
            {
                _bytes[i] = 0xFF;
            }
        }

        /// <inheritdoc />
        public int SectorSizeBytes => _sectorSizeBytes;

        /// <inheritdoc />
        public int SectorCount => _sectorCount;

        /// <inheritdoc />
        public void EraseSector(int sector)
        {
            if (sector < 0 || sector >= _sectorCount)
            {
                throw new ArgumentOutOfRangeException("sector");
            }

            int start = sector * _sectorSizeBytes;
            for (int i = 0; i < _sectorSizeBytes; i++)
            {
                _bytes[start + i] = 0xFF;
            }
        }

        /// <inheritdoc />
        public void Program(int address, byte[] data, int offset, int length)
        {
            Check(address, length);
            for (int i = 0; i < length; i++)
            {
                _bytes[address + i] &= data[offset + i];
            }
        }

        /// <inheritdoc />
        public void Read(int address, byte[] buffer, int offset, int length)
        {
            Check(address, length);
            Array.Copy(_bytes, address, buffer, offset, length);
        }

        private void Check(int address, int length)
        {
            if (address < 0 || length < 0 || address + length > _bytes.Length)
            {
                throw new ArgumentOutOfRangeException("address");
            }
        }
    }
}
