using System;
using V2G.Hal.Storage;

namespace V2G.Sim.Plant.Storage
{
    /// <summary>
    /// NOR flash in RAM: erase sets a whole sector to 0xFF, program can only clear bits (the new
    /// byte is the old one AND the data), as on the parts the store runs on. A power cut can be
    /// armed to stop a later program or erase part-way, which is how the store's recovery is tested.
    /// </summary>
    public class SimulatedFlash : IFlashRegion
    {
        private readonly int _sectorSizeBytes;
        private readonly int _sectorCount;
        private readonly byte[] _memory;
        private readonly int[] _eraseCounts;

        // Bytes left before the armed power cut; -1 when none is armed.
        private int _bytesUntilPowerCut = -1;
        private int _powerCutCount;
        private long _programmedBytes;
        private long _reprogrammedBytes;

        // xorshift32 state for the bits an interrupted erase leaves behind: fixed seed, so a failing
        // test replays the same flash contents.
        private uint _noise;

        /// <summary>Creates an erased flash of <paramref name="sectorCount"/> sectors.</summary>
        public SimulatedFlash(int sectorSizeBytes, int sectorCount)
            : this(sectorSizeBytes, sectorCount, 0x2545F491)
        {
        }

        /// <summary>Creates an erased flash; <paramref name="noiseSeed"/> seeds the leftovers of interrupted erases.</summary>
        public SimulatedFlash(int sectorSizeBytes, int sectorCount, uint noiseSeed)
        {
            if (sectorSizeBytes <= 0)
            {
                throw new ArgumentOutOfRangeException("sectorSizeBytes");
            }

            if (sectorCount <= 0)
            {
                throw new ArgumentOutOfRangeException("sectorCount");
            }

            _sectorSizeBytes = sectorSizeBytes;
            _sectorCount = sectorCount;
            _memory = new byte[sectorSizeBytes * sectorCount];
            _eraseCounts = new int[sectorCount];
            _noise = noiseSeed == 0 ? 1 : noiseSeed;
            for (int i = 0; i < _memory.Length; i++)
            {
                _memory[i] = 0xFF;
            }
        }

        /// <inheritdoc />
        public int SectorSizeBytes => _sectorSizeBytes;

        /// <inheritdoc />
        public int SectorCount => _sectorCount;

        /// <summary>Size of the whole region, bytes.</summary>
        public int SizeBytes => _memory.Length;

        /// <summary>Whether a power cut is armed and has not happened yet.</summary>
        public bool IsPowerCutArmed => _bytesUntilPowerCut >= 0;

        /// <summary>Power cuts that have happened.</summary>
        public int PowerCutCount => _powerCutCount;

        /// <summary>Bytes programmed since creation.</summary>
        public long ProgrammedBytes => _programmedBytes;

        /// <summary>
        /// Bytes programmed with something other than 0xFF over a byte that was no longer erased.
        /// NOR flash allows it, but flash with per-word ECC does not, so a store meant for both
        /// keeps this at zero.
        /// </summary>
        public long ReprogrammedBytes => _reprogrammedBytes;

        /// <summary>Times <paramref name="sector"/> has been erased (completed or not).</summary>
        public int EraseCount(int sector)
        {
            return _eraseCounts[sector];
        }

        /// <summary>
        /// Arms a power cut: after <paramref name="bytes"/> more bytes have been programmed or
        /// erased, the program or erase under way stops there and throws
        /// <see cref="SimulatedPowerCutException"/>. Bytes programmed up to then keep their value;
        /// an interrupted erase leaves the rest of the sector partly erased (bits set at random).
        /// An erase counts as one byte per byte of the sector. With 0, the next program or erase
        /// does nothing and throws.
        /// </summary>
        public void CutPowerAfterBytes(int bytes)
        {
            if (bytes < 0)
            {
                throw new ArgumentOutOfRangeException("bytes");
            }

            _bytesUntilPowerCut = bytes;
        }

        /// <summary>Disarms a power cut that has not happened.</summary>
        public void CancelPowerCut()
        {
            _bytesUntilPowerCut = -1;
        }

        /// <inheritdoc />
        public void EraseSector(int sector)
        {
            if (sector < 0 || sector >= _sectorCount)
            {
                throw new ArgumentOutOfRangeException("sector");
            }

            _eraseCounts[sector]++;
            int start = sector * _sectorSizeBytes;
            int end = start + _sectorSizeBytes;
            int erasable = end - start;
            bool cut = _bytesUntilPowerCut >= 0 && _bytesUntilPowerCut < _sectorSizeBytes;
            if (cut)
            {
                erasable = _bytesUntilPowerCut;
            }
            else if (_bytesUntilPowerCut >= 0)
            {
                _bytesUntilPowerCut -= _sectorSizeBytes;
            }

            for (int i = start; i < start + erasable; i++)
            {
                _memory[i] = 0xFF;
            }

            if (cut)
            {
                // Erasing only sets bits; stopped part-way, the rest of the sector is left somewhere
                // between its old contents and 0xFF.
                for (int i = start + erasable; i < end; i++)
                {
                    _memory[i] |= (byte)NextNoise();
                }

                PowerFails("erase of sector " + sector.ToString() + " stopped after " + erasable.ToString() + " bytes");
            }
        }

        /// <inheritdoc />
        public void Program(int address, byte[] data, int offset, int length)
        {
            CheckRange(address, length);
            if (data == null)
            {
                throw new ArgumentNullException("data");
            }

            if (offset < 0 || length < 0 || offset > data.Length - length)
            {
                throw new ArgumentOutOfRangeException("offset");
            }

            int programmable = length;
            bool cut = _bytesUntilPowerCut >= 0 && _bytesUntilPowerCut < length;
            if (cut)
            {
                programmable = _bytesUntilPowerCut;
            }
            else if (_bytesUntilPowerCut >= 0)
            {
                _bytesUntilPowerCut -= length;
            }

            for (int i = 0; i < programmable; i++)
            {
                byte old = _memory[address + i];
                byte value = data[offset + i];
                if (old != 0xFF && value != 0xFF)
                {
                    _reprogrammedBytes++;
                }

                _memory[address + i] = (byte)(old & value);
            }

            _programmedBytes += programmable;
            if (cut)
            {
                PowerFails("program of " + length.ToString() + " bytes at " + address.ToString() + " stopped after " + programmable.ToString());
            }
        }

        /// <inheritdoc />
        public void Read(int address, byte[] buffer, int offset, int length)
        {
            CheckRange(address, length);
            Array.Copy(_memory, address, buffer, offset, length);
        }

        /// <summary>Inverts the bits of <paramref name="mask"/> in one byte: bit rot, a disturbed cell.</summary>
        public void FlipBits(int address, byte mask)
        {
            CheckRange(address, 1);
            _memory[address] ^= mask;
        }

        /// <summary>Copies the whole flash contents out (to snapshot a state, or persist the simulator's flash).</summary>
        public void CopyImageTo(byte[] image)
        {
            if (image == null || image.Length != _memory.Length)
            {
                throw new ArgumentException("image must be SizeBytes long", "image");
            }

            Array.Copy(_memory, image, _memory.Length);
        }

        /// <summary>Replaces the whole flash contents with <paramref name="image"/>.</summary>
        public void LoadImage(byte[] image)
        {
            if (image == null || image.Length != _memory.Length)
            {
                throw new ArgumentException("image must be SizeBytes long", "image");
            }

            Array.Copy(image, _memory, _memory.Length);
        }

        /// <summary>
        /// Address of the first occurrence of <paramref name="pattern"/> at or after
        /// <paramref name="startAddress"/>, or -1: lets a test find a record's bytes to damage them.
        /// </summary>
        public int Find(byte[] pattern, int startAddress)
        {
            for (int address = startAddress; address <= _memory.Length - pattern.Length; address++)
            {
                int i = 0;
                while (i < pattern.Length && _memory[address + i] == pattern[i])
                {
                    i++;
                }

                if (i == pattern.Length)
                {
                    return address;
                }
            }

            return -1;
        }

        private void CheckRange(int address, int length)
        {
            if (address < 0 || length < 0 || address > _memory.Length - length)
            {
                throw new ArgumentOutOfRangeException("address");
            }
        }

        private void PowerFails(string what)
        {
            _bytesUntilPowerCut = -1;
            _powerCutCount++;
            throw new SimulatedPowerCutException("power cut: " + what);
        }

        private uint NextNoise()
        {
            uint x = _noise;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _noise = x;
            return x;
        }
    }
}
