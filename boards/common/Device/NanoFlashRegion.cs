// Device-only (nanoFramework, package nanoFramework.System.IO.FileSystem).
//
// nanoFramework gives managed code no raw-flash API; it gives a file system (ESP32: the internal drive I:\ in the
// firmware's storage partition). This region is one file of sectorCount × sectorSizeBytes bytes with raw-flash
// semantics laid on top: erase writes 0xFF over a sector, program ANDs the new bytes into the old (bits only go 1→0),
// so FlashRecordStore and OutageQueue run on it unchanged.
//
// FileStream facts (source: nanoframework/System.IO.FileSystem, System.IO.FileSystem/FileStream.cs): every Read and
// Write goes to the native file system at once ("Already everything flushed/sync after every Read/Write operation";
// Flush does nothing); each call copies through a new array of the requested size (so this class allocates per call:
// it is for the housekeeping thread, never the control tick); Position cannot be set beyond Length, so the file is
// grown by writing at its end; SetLength is not implemented.
//
// Power cut: what a cut during a write leaves is the file system's behaviour, not established here (which file system
// the flashed ESP32 image uses, SPIFFS or littlefs, and whether it updates a file in place or copy-on-write, is a
// device-build check). The layer above already assumes the worst raw flash can do (a record cut part-way, a sector
// half-erased) and checks every record, so a partly applied write is covered; losing the whole file (file-system
// metadata damaged) shows up as an empty region of the right size, i.e. lost history, not wrong data.
using System;
using System.IO;
using V2G.Hal.Storage;

namespace V2G.Boards.Device
{
    /// <summary>An <see cref="IFlashRegion"/> kept in one file of the device's file system, with raw-flash erase/program semantics.</summary>
    public sealed class NanoFlashRegion : IFlashRegion
    {
        private const byte Erased = 0xFF;

        private readonly FileStream _file;
        private readonly int _sectorSizeBytes;
        private readonly int _sectorCount;
        private readonly byte[] _erasedSector;
        private readonly byte[] _scratch;
        private readonly object _gate = new object();

        /// <summary>Opens the region's file (a <see cref="DeviceBoot.FlashRegionOpener"/>).</summary>
        public static IFlashRegion Open(string path, int sectorSizeBytes, int sectorCount)
        {
            return new NanoFlashRegion(path, sectorSizeBytes, sectorCount);
        }

        /// <summary>Opens (or creates, fully erased) the region's file.</summary>
        /// <param name="path">The file, e.g. I:\records.bin (ESP32 internal drive).</param>
        /// <param name="sectorSizeBytes">Erase unit the store is laid out for; required.</param>
        /// <param name="sectorCount">Number of sectors; required.</param>
        public NanoFlashRegion(string path, int sectorSizeBytes, int sectorCount)
        {
            if (path == null || path.Length == 0)
            {
                throw new ArgumentException("a file path is required");
            }

            if (sectorSizeBytes <= 0 || sectorCount <= 0)
            {
                throw new ArgumentException("sector size and count are required settings");
            }

            _sectorSizeBytes = sectorSizeBytes;
            _sectorCount = sectorCount;
            _erasedSector = new byte[sectorSizeBytes];
            _scratch = new byte[sectorSizeBytes];
            for (int i = 0; i < sectorSizeBytes; i++)
            {
                _erasedSector[i] = Erased;
            }

            _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
            long sizeBytes = (long)sectorSizeBytes * sectorCount;
            long length = _file.Length;
            if (length > sizeBytes)
            {
                // Another geometry wrote this file: refusing beats reading records at the wrong offsets.
                throw new InvalidOperationException("the file is larger than the region: " + path);
            }

            // Grow to full size with erased bytes (a new file, or one cut short while it was being created).
            _file.Position = length;
            while (length < sizeBytes)
            {
                int chunk = sizeBytes - length < sectorSizeBytes ? (int)(sizeBytes - length) : sectorSizeBytes;
                _file.Write(_erasedSector, 0, chunk);
                length += chunk;
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

            lock (_gate)
            {
                _file.Position = (long)sector * _sectorSizeBytes;
                _file.Write(_erasedSector, 0, _sectorSizeBytes);
            }
        }

        /// <inheritdoc />
        public void Program(int address, byte[] data, int offset, int length)
        {
            CheckRange(address, data, offset, length);
            lock (_gate)
            {
                while (length > 0)
                {
                    int chunk = length < _sectorSizeBytes ? length : _sectorSizeBytes;
                    ReadExactly(address, _scratch, 0, chunk);
                    for (int i = 0; i < chunk; i++)
                    {
                        // NOR flash can only clear bits: programming over a written byte gives the AND of both.
                        _scratch[i] = (byte)(_scratch[i] & data[offset + i]);
                    }

                    _file.Position = address;
                    _file.Write(_scratch, 0, chunk);
                    address += chunk;
                    offset += chunk;
                    length -= chunk;
                }
            }
        }

        /// <inheritdoc />
        public void Read(int address, byte[] buffer, int offset, int length)
        {
            CheckRange(address, buffer, offset, length);
            lock (_gate)
            {
                ReadExactly(address, buffer, offset, length);
            }
        }

        private void ReadExactly(int address, byte[] buffer, int offset, int length)
        {
            _file.Position = address;
            while (length > 0)
            {
                int read = _file.Read(buffer, offset, length);
                if (read <= 0)
                {
                    throw new IOException("the region's file ended early");
                }

                offset += read;
                length -= read;
            }
        }

        private void CheckRange(int address, byte[] buffer, int offset, int length)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (address < 0 || offset < 0 || length < 0 || offset + length > buffer.Length
                || (long)address + length > (long)_sectorSizeBytes * _sectorCount)
            {
                throw new ArgumentOutOfRangeException("address");
            }
        }
    }
}
