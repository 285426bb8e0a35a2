using System;
using V2G.Hal.Buses;
using V2G.Hal.Timing;

namespace V2G.Sim.Plant.Plc
{
    /// <summary>
    /// A register-level model of a QCA7000/QCA7005 on SPI in burst mode, as its host driver sees it (digest §5.2):
    /// one <see cref="Transfer"/> is one chip-select frame whose first two bytes are the big-endian command word
    /// (bit 15 read, bit 14 internal) [V:L1, L2]. The interface is what the Linux driver expects [V:L1–L4];
    /// the chip's inner behaviour is a guess [U] and is written down where it is chosen.
    /// <para>
    /// Host side: SIGNATURE 0xAA55; WRBUF_SPC_AVA = 3163 − bytes held for the medium (framed length + 4 per
    /// frame, which is what the Linux driver reserves); RDBUF_BYTE_AVA = bytes in the read FIFO (each frame as
    /// LEN (BE) · AA×4 · FL (LE) · 00 00 · frame · 55 55); BFR_SIZE must equal the length of the next external
    /// access and is consumed by it [U: strict on purpose, so a driver that skips the write is caught];
    /// SPI_CONFIG bit 6 resets the chip: both buffers are cleared and for <see cref="ResetHoldOffMs"/> the chip
    /// answers only zeros and ignores writes, then it raises CPU_ON. Writing INTR_CAUSE clears the written
    /// bits; PKT_AVLBL is raised again while the read FIFO is not empty. INT = (CAUSE &amp; ENABLE) ≠ 0, with
    /// <see cref="Asserted"/> on its rising edge [V:L5]. INTR_ENABLE is 0 at power-on and survives a soft
    /// reset [U: the Linux driver waits for the CPU_ON interrupt after its soft reset, so it must stay enabled].
    /// </para>
    /// <para>
    /// Medium side: <see cref="DeliverFromMedium"/> and <see cref="TryTakeSentFrame"/>, for a virtual PLC link.
    /// Fault injection: see the members in the "faults" group. Time comes from the model's clock;
    /// <see cref="Update"/> (also run by every transfer) ends the reset hold-off. Nothing is allocated after
    /// construction. Not thread-safe: drive it from the simulation's thread.
    /// </para>
    /// </summary>
    public sealed class Qca7000Model : ISpiTransfer, IInterruptInput
    {
        // Written out here rather than taken from the driver, so that a wrong constant in the driver is not
        // mirrored by its model [V:L1].
        private const int RegisterBufferSize = 0x0100;
        private const int RegisterWriteBufferSpace = 0x0200;
        private const int RegisterReadBufferBytes = 0x0300;
        private const int RegisterSpiConfig = 0x0400;
        private const int RegisterSpiStatus = 0x0500;
        private const int RegisterInterruptCause = 0x0C00;
        private const int RegisterInterruptEnable = 0x0D00;
        private const int RegisterReadWatermark = 0x1200;
        private const int RegisterWriteWatermark = 0x1300;
        private const int RegisterSignature = 0x1A00;
        private const int RegisterActionControl = 0x1B00;

        private const int CommandReadBit = 0x8000;
        private const int CommandInternalBit = 0x4000;
        private const int CommandAddressMask = 0x3FFF;

        private const int CausePacketAvailable = 1 << 0;
        private const int CauseReadBufferError = 1 << 1;
        private const int CauseWriteBufferError = 1 << 2;
        private const int CauseAddressError = 1 << 3;
        private const int CauseCpuOn = 1 << 6;

        private const int SpiConfigSlaveResetBit = 1 << 6;
        private const int GoodSignature = 0xAA55;

        // What a reporter saw on MISO from a badly wired chip [S:I-oplc144].
        private const int CorruptSignature = 0x5AD6;

        /// <summary>Capacity of each packet buffer, bytes (QCASPI_HW_BUF_LEN) [V:L4].</summary>
        public const int BufferCapacityBytes = 3163;

        /// <summary>Per-frame overhead in the write buffer beyond the framed bytes (QCASPI_HW_PKT_LEN) [V:L4].</summary>
        public const int PacketOverheadBytes = 4;

        private const int MinFrameLength = 60;
        private const int MaxFrameLength = 1518;
        private const int FramingBytes = 10;
        private const int LengthPrefixBytes = 4;

        private readonly IMonotonicClock _clock;

        // Read FIFO as the host will read it: framed frames with their LEN prefix, oldest first.
        private readonly byte[] _readFifo = new byte[BufferCapacityBytes];
        private int _readFifoBytes;

        // Frames written by the host, waiting for the medium: [FL lo, FL hi, frame...] each.
        private readonly byte[] _writeStore = new byte[BufferCapacityBytes];
        private int _writeStoreBytes;
        private int _writeBufferUsedBytes;

        private int _bufferSize;
        private int _spiConfig;
        private int _cause;
        private int _enable;
        private bool _line;

        private bool _holdingOff;
        private long _aliveAtMs;
        private bool _firstSignatureReadPending;

        private int _corruptSignatureReads;
        private int _flipRegister = -1;
        private int _flipBit;
        // The mid-frame reset: armed (bytes to report), then pending (bytes the host may read), then due.
        private int _resetMidFrameAfterBytes = -1;
        private int _pendingResetAfterBytes = -1;
        private bool _resetAfterThisRead;
        private int _writeBufferHeldAfterNextReset;
        private int _writeBufferHeldBytes;
        private uint _random;
        private uint _flipThreshold;

        /// <summary>A chip that has booted (CPU_ON pending, INT disabled) and holds off for 100 ms after each reset.</summary>
        public Qca7000Model(IMonotonicClock clock)
            : this(clock, 100)
        {
        }

        /// <summary>A chip that has booted (CPU_ON pending, INT disabled).</summary>
        /// <param name="clock">The simulation's clock.</param>
        /// <param name="resetHoldOffMs">How long a reset keeps the chip silent before CPU_ON, ms [U].</param>
        public Qca7000Model(IMonotonicClock clock, int resetHoldOffMs)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _clock = clock;
            ResetHoldOffMs = resetHoldOffMs;
            _cause = CauseCpuOn;
        }

        /// <summary>Raised on the rising edge of INT, with the model's time (unless edges are being dropped).</summary>
        public event InterruptHandler Asserted;

        /// <summary>The INT line: (CAUSE &amp; ENABLE) ≠ 0, or false while <see cref="InterruptLineStuckLow"/>.</summary>
        public bool IsAsserted
        {
            get
            {
                Update();
                return _line && !InterruptLineStuckLow;
            }
        }

        /// <summary>How long a reset keeps the chip silent before CPU_ON, ms.</summary>
        public int ResetHoldOffMs { get; set; }

        /// <summary>True while the chip reboots after a reset (it answers zeros, ignores writes and the medium).</summary>
        public bool IsHoldingOff
        {
            get
            {
                Update();
                return _holdingOff;
            }
        }

        /// <summary>What WRBUF_SPC_AVA reads now, bytes.</summary>
        public int WriteBufferSpaceBytes => BufferCapacityBytes - _writeBufferUsedBytes - _writeBufferHeldBytes;

        /// <summary>What RDBUF_BYTE_AVA reads now, bytes.</summary>
        public int ReadBufferBytes => _readFifoBytes;

        /// <summary>INTR_CAUSE now.</summary>
        public int InterruptCause => _cause;

        /// <summary>INTR_ENABLE now.</summary>
        public int InterruptEnable => _enable;

        /// <summary>Resets of the chip (soft, through SPI_CONFIG, or by <see cref="ResetChip"/>).</summary>
        public int ResetCount { get; private set; }

        /// <summary>Soft resets requested through SPI_CONFIG bit 6.</summary>
        public int SoftResetCount { get; private set; }

        /// <summary>Frames the host wrote that reached the write buffer.</summary>
        public int FramesFromHost { get; private set; }

        /// <summary>Frames put into the read FIFO from the medium.</summary>
        public int FramesToHost { get; private set; }

        /// <summary>Frames from the medium dropped because the read FIFO was full or the chip was rebooting.</summary>
        public int FramesLostFromMedium { get; private set; }

        /// <summary>External accesses whose length differed from BFR_SIZE (a driver bug).</summary>
        public int BufferSizeMismatches { get; private set; }

        /// <summary>Times WRBUF_ERR was raised (bad framing, BFR_SIZE mismatch, overflow).</summary>
        public int WriteBufferErrorCount { get; private set; }

        /// <summary>Times RDBUF_ERR was raised (read past the FIFO, BFR_SIZE mismatch).</summary>
        public int ReadBufferErrorCount { get; private set; }

        /// <summary>SPI frames too short for their command.</summary>
        public int ShortTransfers { get; private set; }

        /// <summary>Rising edges of INT (raised or dropped).</summary>
        public int InterruptEdges { get; private set; }

        // ----- faults -----

        /// <summary>Fault: rising edges are not raised as events (the line level is still right) [S:I-rpi5766].</summary>
        public bool DropInterruptEdges { get; set; }

        /// <summary>Fault: the INT line never asserts (a broken wire): neither edges nor level.</summary>
        public bool InterruptLineStuckLow { get; set; }

        /// <summary>Fault: writes of the SPI_CONFIG reset bit are counted but do nothing (a chip that never restarts, so no CPU_ON).</summary>
        public bool IgnoreSoftReset { get; set; }

        /// <summary>Fault: the first SIGNATURE read after each reset returns 0x0000 (why drivers read it twice) [V:S1, L4].</summary>
        public bool ZeroFirstSignatureReadAfterReset { get; set; }

        /// <summary>Option: each frame in the read FIFO is zero-padded to a multiple of 4 bytes, LEN included [V:Q3].</summary>
        public bool PadReadFramesToFourBytes { get; set; }

        /// <summary>Fault: the next <paramref name="count"/> SIGNATURE reads return 0x5AD6 [S:I-oplc144].</summary>
        public void CorruptSignatureReads(int count)
        {
            _corruptSignatureReads = count;
        }

        /// <summary>Fault: the next read of internal register <paramref name="register"/> (e.g. 0x0300) has bit <paramref name="bit"/> flipped.</summary>
        public void FlipBitInNextRead(int register, int bit)
        {
            _flipRegister = register;
            _flipBit = bit;
        }

        /// <summary>
        /// Fault: random bit flips on MISO, each byte read by the host having the given chance in a million of
        /// one flipped bit (0 stops them). Seeded, with the model's own generator (xorshift32), so a run repeats.
        /// </summary>
        public void SetRandomBitFlips(uint seed, int flipsPerMillionBytes)
        {
            _random = seed == 0 ? 0x9E3779B9u : seed;
            _flipThreshold = flipsPerMillionBytes <= 0 ? 0u : (uint)((ulong)flipsPerMillionBytes * 4294u);
        }

        /// <summary>
        /// Fault: the chip resets in the middle of a frame the host is reading. The next RDBUF_BYTE_AVA read reports
        /// at most <paramref name="bytesBeforeReset"/> bytes; once the host has read them the chip resets, losing the
        /// rest of the FIFO, and raises CPU_ON after the hold-off.
        /// </summary>
        public void ResetInNextRead(int bytesBeforeReset)
        {
            _resetMidFrameAfterBytes = bytesBeforeReset;
        }

        /// <summary>
        /// Fault: after the next reset WRBUF_SPC_AVA reads <paramref name="bytesHeld"/> short of 3163 (until the reset
        /// after it), so the driver must reset again [V:L4].
        /// </summary>
        public void HoldWriteBufferAfterNextReset(int bytesHeld)
        {
            _writeBufferHeldAfterNextReset = bytesHeld;
        }

        /// <summary>Resets the chip as if from inside (its watchdog, or RS_DEV): buffers lost, hold-off, then CPU_ON.</summary>
        public void ResetChip()
        {
            Reset();
        }

        // ----- medium side -----

        /// <summary>
        /// A frame from the powerline for the host: queued in the read FIFO with its framing, PKT_AVLBL raised.
        /// Frames shorter than 60 bytes are padded. False (and counted) if the chip is rebooting or the FIFO is full
        /// [U: the real overflow policy is not known].
        /// </summary>
        public bool DeliverFromMedium(byte[] frame, int length)
        {
            Update();
            if (frame == null || length <= 0 || length > MaxFrameLength || length > frame.Length)
            {
                throw new ArgumentOutOfRangeException("length");
            }

            int frameLength = length < MinFrameLength ? MinFrameLength : length;
            int framed = frameLength + FramingBytes;
            int padding = PadReadFramesToFourBytes ? (4 - (framed & 3)) & 3 : 0;
            int total = LengthPrefixBytes + framed + padding;
            if (_holdingOff || _readFifoBytes + total > BufferCapacityBytes)
            {
                FramesLostFromMedium++;
                return false;
            }

            int at = _readFifoBytes;
            int lengthField = framed + padding;
            _readFifo[at++] = 0;
            _readFifo[at++] = 0;
            _readFifo[at++] = (byte)(lengthField >> 8);
            _readFifo[at++] = (byte)lengthField;
            for (int i = 0; i < 4; i++)
            {
                _readFifo[at++] = 0xAA;
            }

            _readFifo[at++] = (byte)frameLength;
            _readFifo[at++] = (byte)(frameLength >> 8);
            _readFifo[at++] = 0;
            _readFifo[at++] = 0;
            Array.Copy(frame, 0, _readFifo, at, length);
            at += length;
            Array.Clear(_readFifo, at, frameLength - length);
            at += frameLength - length;
            _readFifo[at++] = 0x55;
            _readFifo[at++] = 0x55;
            Array.Clear(_readFifo, at, padding);
            _readFifoBytes = at + padding;

            FramesToHost++;
            SetCause(CausePacketAvailable);
            return true;
        }

        /// <summary>
        /// Takes the oldest frame the host wrote (as sent on the powerline: FL bytes, padding included) into
        /// <paramref name="buffer"/> and frees its space in the write buffer; returns its length, or 0 if none.
        /// </summary>
        public int TryTakeSentFrame(byte[] buffer)
        {
            Update();
            if (_writeStoreBytes == 0 || _holdingOff)
            {
                return 0;
            }

            int length = _writeStore[0] | (_writeStore[1] << 8);
            if (buffer == null || buffer.Length < length)
            {
                throw new ArgumentException("buffer too short for the frame", "buffer");
            }

            Array.Copy(_writeStore, 2, buffer, 0, length);
            int entry = 2 + length;
            Array.Copy(_writeStore, entry, _writeStore, 0, _writeStoreBytes - entry);
            _writeStoreBytes -= entry;
            _writeBufferUsedBytes -= length + FramingBytes + PacketOverheadBytes;
            return length;
        }

        /// <summary>Ends the reset hold-off when its time has come (raising CPU_ON). Every transfer runs it too.</summary>
        public void Update()
        {
            if (_holdingOff && _clock.NowMs >= _aliveAtMs)
            {
                _holdingOff = false;
                SetCause(CauseCpuOn);
            }
        }

        // ----- host side -----

        /// <summary>One chip-select frame: the command word, then register value or packet data.</summary>
        public void Transfer(byte[] writeBuffer, byte[] readBuffer, int length)
        {
            Update();
            Array.Clear(readBuffer, 0, length);
            if (length < 2)
            {
                ShortTransfers++;
                return;
            }

            if (_holdingOff)
            {
                // Still booting: MISO stays low and nothing is latched [U].
                return;
            }

            int command = (writeBuffer[0] << 8) | writeBuffer[1];
            bool read = (command & CommandReadBit) != 0;
            if ((command & CommandInternalBit) != 0)
            {
                if (length < 4)
                {
                    ShortTransfers++;
                    return;
                }

                int register = command & CommandAddressMask;
                if (read)
                {
                    int value = ReadRegister(register);
                    if (register == _flipRegister)
                    {
                        value ^= 1 << _flipBit;
                        _flipRegister = -1;
                    }

                    readBuffer[2] = (byte)(value >> 8);
                    readBuffer[3] = (byte)value;
                }
                else
                {
                    WriteRegister(register, (writeBuffer[2] << 8) | writeBuffer[3]);
                }
            }
            else if (read)
            {
                ExternalRead(readBuffer, length - 2);
            }
            else
            {
                ExternalWrite(writeBuffer, length - 2);
            }

            if (_flipThreshold != 0)
            {
                FlipRandomBits(readBuffer, length);
            }

            if (_resetAfterThisRead)
            {
                _resetAfterThisRead = false;
                Reset();
            }
        }

        private int ReadRegister(int register)
        {
            switch (register)
            {
                case RegisterSignature:
                    if (_firstSignatureReadPending)
                    {
                        _firstSignatureReadPending = false;
                        return 0;
                    }

                    if (_corruptSignatureReads > 0)
                    {
                        _corruptSignatureReads--;
                        return CorruptSignature;
                    }

                    return GoodSignature;

                case RegisterWriteBufferSpace:
                    return WriteBufferSpaceBytes;

                case RegisterReadBufferBytes:
                    if (_resetMidFrameAfterBytes >= 0)
                    {
                        int reported = _resetMidFrameAfterBytes < _readFifoBytes ? _resetMidFrameAfterBytes : _readFifoBytes;
                        _resetMidFrameAfterBytes = -1;
                        _pendingResetAfterBytes = reported;
                        return reported;
                    }

                    return _readFifoBytes;

                case RegisterBufferSize:
                    return _bufferSize;

                case RegisterSpiConfig:
                    return _spiConfig;

                case RegisterInterruptCause:
                    return _cause;

                case RegisterInterruptEnable:
                    return _enable;

                case RegisterSpiStatus:
                case RegisterReadWatermark:
                case RegisterWriteWatermark:
                case RegisterActionControl:
                    return 0;

                default:
                    SetCause(CauseAddressError);
                    return 0;
            }
        }

        private void WriteRegister(int register, int value)
        {
            switch (register)
            {
                case RegisterBufferSize:
                    _bufferSize = value;
                    break;

                case RegisterSpiConfig:
                    if ((value & SpiConfigSlaveResetBit) != 0)
                    {
                        SoftResetCount++;
                        if (!IgnoreSoftReset)
                        {
                            Reset();
                        }
                    }
                    else
                    {
                        _spiConfig = value;
                    }

                    break;

                case RegisterInterruptCause:
                    // The driver acknowledges by writing the cause back [V:L4]; clear-on-write of those bits [U].
                    _cause &= ~value;
                    if (_readFifoBytes > 0)
                    {
                        _cause |= CausePacketAvailable;
                    }

                    UpdateLine();
                    break;

                case RegisterInterruptEnable:
                    _enable = value;
                    UpdateLine();
                    break;

                case RegisterSpiStatus:
                case RegisterReadWatermark:
                case RegisterWriteWatermark:
                case RegisterActionControl:
                case RegisterSignature:
                case RegisterWriteBufferSpace:
                case RegisterReadBufferBytes:
                    break;

                default:
                    SetCause(CauseAddressError);
                    break;
            }
        }

        private void ExternalRead(byte[] readBuffer, int count)
        {
            int size = _bufferSize;
            _bufferSize = 0;
            if (count != size)
            {
                BufferSizeMismatches++;
                RaiseReadBufferError();
            }

            int available = _readFifoBytes;
            if (_pendingResetAfterBytes >= 0)
            {
                available = _pendingResetAfterBytes < available ? _pendingResetAfterBytes : available;
                _pendingResetAfterBytes = -1;
                _resetAfterThisRead = true;
            }

            int delivered = count < available ? count : available;
            if (count > available)
            {
                // Reading more than RDBUF_BYTE_AVA [U].
                RaiseReadBufferError();
            }

            Array.Copy(_readFifo, 0, readBuffer, 2, delivered);
            Array.Copy(_readFifo, delivered, _readFifo, 0, _readFifoBytes - delivered);
            _readFifoBytes -= delivered;
            if (_readFifoBytes == 0)
            {
                _cause &= ~CausePacketAvailable;
                UpdateLine();
            }
        }

        private void ExternalWrite(byte[] writeBuffer, int count)
        {
            int size = _bufferSize;
            _bufferSize = 0;
            if (count != size)
            {
                BufferSizeMismatches++;
                RaiseWriteBufferError();
                return;
            }

            // AA AA AA AA · FL (LE) · 00 00 · frame · 55 55, with FL + 10 = BFR_SIZE [V:L3, L4, C1].
            const int data = 2;
            if (count < MinFrameLength + FramingBytes
                || writeBuffer[data] != 0xAA || writeBuffer[data + 1] != 0xAA || writeBuffer[data + 2] != 0xAA || writeBuffer[data + 3] != 0xAA)
            {
                RaiseWriteBufferError();
                return;
            }

            int frameLength = writeBuffer[data + 4] | (writeBuffer[data + 5] << 8);
            if (frameLength < MinFrameLength || frameLength > MaxFrameLength || frameLength + FramingBytes != count
                || writeBuffer[data + count - 2] != 0x55 || writeBuffer[data + count - 1] != 0x55)
            {
                RaiseWriteBufferError();
                return;
            }

            int needed = frameLength + FramingBytes + PacketOverheadBytes;
            if (needed > WriteBufferSpaceBytes || _writeStoreBytes + 2 + frameLength > _writeStore.Length)
            {
                RaiseWriteBufferError();
                return;
            }

            _writeStore[_writeStoreBytes] = (byte)frameLength;
            _writeStore[_writeStoreBytes + 1] = (byte)(frameLength >> 8);
            Array.Copy(writeBuffer, data + 8, _writeStore, _writeStoreBytes + 2, frameLength);
            _writeStoreBytes += 2 + frameLength;
            _writeBufferUsedBytes += needed;
            FramesFromHost++;
        }

        private void RaiseReadBufferError()
        {
            ReadBufferErrorCount++;
            SetCause(CauseReadBufferError);
        }

        private void RaiseWriteBufferError()
        {
            WriteBufferErrorCount++;
            SetCause(CauseWriteBufferError);
        }

        private void Reset()
        {
            ResetCount++;
            _readFifoBytes = 0;
            _writeStoreBytes = 0;
            _writeBufferUsedBytes = 0;
            _writeBufferHeldBytes = _writeBufferHeldAfterNextReset;
            _writeBufferHeldAfterNextReset = 0;
            _bufferSize = 0;
            _spiConfig = 0;
            _pendingResetAfterBytes = -1;
            _firstSignatureReadPending = ZeroFirstSignatureReadAfterReset;
            _holdingOff = true;
            _aliveAtMs = _clock.NowMs + ResetHoldOffMs;
            _cause = 0;
            UpdateLine();
        }

        private void SetCause(int bits)
        {
            _cause |= bits;
            UpdateLine();
        }

        private void UpdateLine()
        {
            bool line = (_cause & _enable) != 0;
            bool rising = line && !_line;
            _line = line;
            if (rising)
            {
                InterruptEdges++;
                InterruptHandler handler = Asserted;
                if (handler != null && !DropInterruptEdges && !InterruptLineStuckLow)
                {
                    handler(_clock.NowMs);
                }
            }
        }

        private void FlipRandomBits(byte[] readBuffer, int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (NextRandom() < _flipThreshold)
                {
                    readBuffer[i] ^= (byte)(1 << (int)(NextRandom() & 7));
                }
            }
        }

        // Marsaglia's xorshift32: the model's own, so its faults repeat whatever else draws random numbers.
        private uint NextRandom()
        {
            uint x = _random;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _random = x;
            return x;
        }
    }
}
