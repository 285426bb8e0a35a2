using System;
using System.Threading;
using V2G.Hal.Buses;
using V2G.Hal.Comms;
using V2G.Hal.Timing;
using V2G.Firmware.Drivers;

namespace V2G.Firmware.Drivers.Qca7000
{
    /// <summary>
    /// Driver for a QCA7000/QCA7005 HomePlug Green PHY modem on SPI in burst mode (command word and data in
    /// one chip-select frame) [V:L2, L5]: the charger's <see cref="IEthernetPort"/> for SLAC and IPv6.
    /// It follows the Linux <c>qca_spi</c> driver [V:L4] (digest §3.4–3.8), reshaped for a microcontroller:
    /// <list type="bullet">
    /// <item>Nothing blocks and nothing sleeps. The board's thread calls <see cref="Service(long)"/>
    /// periodically; every wait of the Linux driver (the 1000 ms loop while out of sync, the reset timeout,
    /// the TX timeout) is a deadline on the monotonic clock.</item>
    /// <item>The INT edge only sets a flag (no SPI in the event handler, which runs on the board's interrupt
    /// thread); the cause is also read when the line is found asserted and at least every
    /// <see cref="Qca7000Settings.InterruptPollPeriodMs"/>, because a missed edge freezes reception [S:I-rpi5766].</item>
    /// <item>Ten preallocated transmit slots (QCASPI_TX_RING_MAX_LEN) [V:L4] and a bounded receive queue:
    /// <see cref="Service(long)"/>, <see cref="TrySend"/> and <see cref="Receive"/> allocate nothing.</item>
    /// </list>
    /// SPI bus errors surface as exceptions from <see cref="ISpiTransfer.Transfer"/>; each one is counted
    /// and sends the driver back to UNKNOWN, as Linux does on any transfer error [V:L4].
    /// <see cref="TrySend"/> and <see cref="Receive"/> may be called from another thread than <see cref="Service(long)"/>.
    /// </summary>
    public sealed class Qca7000Driver : IEthernetPort, IDisposable, IDriverService
    {
        /// <summary>SIGNATURE of a live chip (QCASPI_GOOD_SIGNATURE) [V:L1, L4].</summary>
        public const ushort GoodSignature = 0xAA55;

        /// <summary>
        /// Bit 6 of SPI_CONFIG, the slave (soft) reset (QCASPI_SLAVE_RESET_BIT) [V:L4]. Equal in value to
        /// <see cref="Qca7000Interrupt.CpuOn"/>, which some drivers write here by mistake (digest §3.9 pitfall).
        /// </summary>
        public const ushort SpiConfigSlaveResetBit = 1 << 6;

        /// <summary>Size of each of the chip's packet buffers; WRBUF_SPC_AVA when empty (QCASPI_HW_BUF_LEN) [V:L4, S1].</summary>
        public const int HardwareBufferLengthBytes = 3163;

        /// <summary>What the chip stores per packet beyond the framed bytes (QCASPI_HW_PKT_LEN) [V:L4].</summary>
        public const int HardwarePacketLengthBytes = 4;

        /// <summary>Largest believable RDBUF_BYTE_AVA; above it the value is an SPI glitch [V:L4 qcaspi_receive].</summary>
        public const int MaxReadBufferBytes = HardwareBufferLengthBytes + HardwarePacketLengthBytes;

        /// <summary>Frames the transmit ring holds (QCASPI_TX_RING_MAX_LEN) [V:L4].</summary>
        public const int TransmitRingFrames = 10;

        private const int MacAddressLength = 6;
        private const int RegisterFrameBytes = Qca7000Command.LengthBytes + 2;

        private readonly ISpiTransfer _spi;
        private readonly IMonotonicClock _clock;
        private readonly IInterruptInput _interrupt;
        private readonly InterruptHandler _onAsserted;
        private readonly byte[] _macAddress;

        private readonly int _pollPeriodMs;
        private readonly int _syncCheckPeriodMs;
        private readonly int _resetTimeoutChecks;
        private readonly int _transmitTimeoutMs;

        private readonly Qca7000Status _status = new Qca7000Status();
        private readonly QcaFrameDecoder _decoder = new QcaFrameDecoder();
        private readonly object _queueLock = new object();

        // One frame on the bus at a time: a register access (4 bytes) or an external read/write (2 + up to 3167).
        private readonly byte[] _registerWrite = new byte[RegisterFrameBytes];
        private readonly byte[] _registerRead = new byte[RegisterFrameBytes];
        private readonly byte[] _bulkWrite;
        private readonly byte[] _bulkRead;

        // Transmit ring: frames as given to TrySend (framed only when written, straight into _bulkWrite).
        private readonly byte[][] _txFrames = new byte[TransmitRingFrames][];
        private readonly int[] _txLengths = new int[TransmitRingFrames];
        private readonly long[] _txQueuedAtMs = new long[TransmitRingFrames];
        private int _txHead;
        private int _txCount;

        // Receive queue: decoded frames waiting for Receive.
        private readonly byte[][] _rxFrames;
        private readonly int[] _rxLengths;
        private int _rxHead;
        private int _rxCount;

        private Qca7000SyncState _syncState = Qca7000SyncState.Unknown;
        private int _resetCount;
        private bool _started;
        private long _nowMs;
        private long _nextSyncCheckMs;
        private long _nextPollMs;

        // Set from the interrupt thread on an edge; taken by Service.
        private int _interruptRequested;

        // The driver's own requests for an early interrupt service (at start, and to retry after a glitch).
        private bool _pollNow;
        private bool _disposed;

        /// <summary>
        /// Creates the driver. Nothing is sent until the first <see cref="Service(long)"/>.
        /// </summary>
        /// <param name="spi">The chip's SPI device: mode 3, at most 16 MHz (8 MHz is the Linux default) [V:L4, L5].</param>
        /// <param name="clock">Stamps queued frames for the transmit timeout; also the time of <see cref="Service()"/>.</param>
        /// <param name="macAddress">The host's MAC address (6 bytes; not the modem's own), copied.</param>
        /// <param name="interrupt">The INT line (rising edge) [V:L5], or null to rely on polling alone.</param>
        /// <param name="settings">Timing and sizes, or null for the defaults.</param>
        public Qca7000Driver(ISpiTransfer spi, IMonotonicClock clock, byte[] macAddress, IInterruptInput interrupt, Qca7000Settings settings)
        {
            if (spi == null)
            {
                throw new ArgumentNullException("spi");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (macAddress == null)
            {
                throw new ArgumentNullException("macAddress");
            }

            if (macAddress.Length != MacAddressLength)
            {
                throw new ArgumentException("a MAC address is 6 bytes", "macAddress");
            }

            if (settings == null)
            {
                settings = new Qca7000Settings();
            }

            if (settings.InterruptPollPeriodMs <= 0 || settings.SyncCheckPeriodMs <= 0 || settings.ResetTimeoutChecks <= 0
                || settings.TransmitTimeoutMs <= 0 || settings.ReceiveQueueFrames <= 0)
            {
                throw new ArgumentException("periods, timeouts and sizes must be positive", "settings");
            }

            _spi = spi;
            _clock = clock;
            _interrupt = interrupt;
            _macAddress = new byte[MacAddressLength];
            Array.Copy(macAddress, _macAddress, MacAddressLength);

            _pollPeriodMs = settings.InterruptPollPeriodMs;
            _syncCheckPeriodMs = settings.SyncCheckPeriodMs;
            _resetTimeoutChecks = settings.ResetTimeoutChecks;
            _transmitTimeoutMs = settings.TransmitTimeoutMs;

            int bulkLength = Qca7000Command.LengthBytes + MaxReadBufferBytes;
            _bulkWrite = new byte[bulkLength];
            _bulkRead = new byte[bulkLength];

            for (int i = 0; i < TransmitRingFrames; i++)
            {
                _txFrames[i] = new byte[QcaFrameEncoder.MaxFrameLengthBytes];
            }

            _rxFrames = new byte[settings.ReceiveQueueFrames][];
            _rxLengths = new int[settings.ReceiveQueueFrames];
            for (int i = 0; i < _rxFrames.Length; i++)
            {
                _rxFrames[i] = new byte[QcaFrameEncoder.MaxFrameLengthBytes];
            }

            // Linux marks an interrupt as pending at open(), so the first loop reads the cause without an edge [V:L4].
            _pollNow = true;

            if (_interrupt != null)
            {
                _onAsserted = OnInterruptAsserted;
                _interrupt.Asserted += _onAsserted;
            }
        }

        /// <summary>The host's MAC address (6 bytes). Do not modify.</summary>
        public byte[] MacAddress => _macAddress;

        /// <summary>Where the driver stands with the chip; frames move only in <see cref="Qca7000SyncState.Ready"/>.</summary>
        public Qca7000SyncState SyncState => _syncState;

        /// <summary>Sync state and counters, updated in place.</summary>
        public Qca7000Status Status => _status;

        /// <summary>Frames waiting in the transmit ring.</summary>
        public int QueuedTransmitFrames
        {
            get
            {
                lock (_queueLock)
                {
                    return _txCount;
                }
            }
        }

        /// <summary>
        /// Queues <paramref name="frame"/> (an Ethernet frame without FCS, 1 … 1518 bytes; shorter than 60 is
        /// padded when written). False when the chip is not in sync (Linux stops the queue then [V:L4]) or
        /// the ring is full. Allocates nothing.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The length is not 1 … 1518 or exceeds the array.</exception>
        public bool TrySend(byte[] frame, int length)
        {
            if (frame == null)
            {
                throw new ArgumentNullException("frame");
            }

            if (length <= 0 || length > QcaFrameEncoder.MaxFrameLengthBytes || length > frame.Length)
            {
                throw new ArgumentOutOfRangeException("length");
            }

            lock (_queueLock)
            {
                if (_syncState != Qca7000SyncState.Ready || _txCount == TransmitRingFrames)
                {
                    _status.TxRefusedFrames++;
                    return false;
                }

                int slot = (_txHead + _txCount) % TransmitRingFrames;
                Array.Copy(frame, _txFrames[slot], length);
                _txLengths[slot] = length;
                _txQueuedAtMs[slot] = _clock.NowMs;
                _txCount++;
                return true;
            }
        }

        /// <summary>
        /// Copies the oldest received frame into <paramref name="buffer"/> and returns its length, or 0 if none
        /// is waiting. Frames longer than the buffer are dropped (<see cref="Qca7000Status.RxDroppedFrames"/>).
        /// Allocates nothing.
        /// </summary>
        public int Receive(byte[] buffer)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            lock (_queueLock)
            {
                while (_rxCount > 0)
                {
                    int length = _rxLengths[_rxHead];
                    byte[] frame = _rxFrames[_rxHead];
                    _rxHead = (_rxHead + 1) % _rxFrames.Length;
                    _rxCount--;
                    if (length <= buffer.Length)
                    {
                        Array.Copy(frame, buffer, length);
                        return length;
                    }

                    _status.RxDroppedFrames++;
                }

                return 0;
            }
        }

        /// <summary><see cref="Service(long)"/> at the clock's current time.</summary>
        public void Service()
        {
            Service(_clock.NowMs);
        }

        /// <summary>
        /// One turn of the driver, called periodically by the board's thread (every few ms; at least as often as
        /// the poll period): the sync check when due (§3.7), the interrupt service when an edge was seen, the
        /// line is asserted or the poll period has passed (§3.8), then the transmit ring. Never blocks, allocates nothing.
        /// </summary>
        /// <param name="nowMs">The monotonic clock's time, ms.</param>
        public void Service(long nowMs)
        {
            if (_disposed)
            {
                return;
            }

            _nowMs = nowMs;
            if (!_started)
            {
                _started = true;
                _nextSyncCheckMs = nowMs;
                _nextPollMs = nowMs;
            }

            try
            {
                // Linux runs the sync update once per loop, before the interrupt [V:L4].
                if (nowMs >= _nextSyncCheckMs)
                {
                    _nextSyncCheckMs = nowMs + _syncCheckPeriodMs;
                    SyncUpdate();
                }

                bool edge = Interlocked.Exchange(ref _interruptRequested, 0) != 0;
                bool level = !edge && _interrupt != null && _interrupt.IsAsserted;
                bool poll = _pollNow || nowMs >= _nextPollMs;
                if (edge || level || poll)
                {
                    if (edge)
                    {
                        _status.EdgeServices++;
                    }
                    else if (level)
                    {
                        _status.LevelServices++;
                    }
                    else
                    {
                        _status.PolledServices++;
                    }

                    _nextPollMs = nowMs + _pollPeriodMs;
                    _pollNow = false;
                    ServiceInterrupt();
                }

                if (_syncState == Qca7000SyncState.Ready)
                {
                    Transmit();
                }
            }
            catch (Exception)
            {
                // Any failed transfer leaves the chip's state unknown: resynchronise, as Linux does [V:L4].
                _status.SpiErrors++;
                EnterUnknown();
            }

            if (_syncState != Qca7000SyncState.Ready)
            {
                // Linux flushes the TX ring while out of sync [V:L4]: the frames would meet a reset chip.
                FlushTransmitRing();
            }

            _status.SyncState = _syncState;
        }

        /// <summary>Unsubscribes from the interrupt line; <see cref="Service(long)"/> does nothing afterwards.</summary>
        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                if (_interrupt != null)
                {
                    _interrupt.Asserted -= _onAsserted;
                }
            }
        }

        // Runs on the board's interrupt thread: only a flag, the SPI work is Service's.
        private void OnInterruptAsserted(long timestampMs)
        {
            Interlocked.Exchange(ref _interruptRequested, 1);
        }

        // Linux qcaspi_qca7k_sync(QCASPI_EVENT_UPDATE) [V:L4], digest §3.7.
        private void SyncUpdate()
        {
            ushort signature;
            switch (_syncState)
            {
                case Qca7000SyncState.Ready:
                    signature = ReadRegister(Qca7000Register.Signature);
                    if (signature != GoodSignature)
                    {
                        signature = ReadRegister(Qca7000Register.Signature);
                    }

                    if (signature != GoodSignature)
                    {
                        // "don't reset right away": UNKNOWN resets at the next check if the signature is good again [V:L4].
                        _status.SignatureFailures++;
                        EnterUnknown();
                    }

                    break;

                case Qca7000SyncState.Unknown:
                    // Read twice, "following the application notes" [V:S1]: the first read after a reset may be 0x0000.
                    ReadRegister(Qca7000Register.Signature);
                    signature = ReadRegister(Qca7000Register.Signature);
                    if (signature != GoodSignature)
                    {
                        _status.SignatureFailures++;
                        break;
                    }

                    ushort spiConfig = ReadRegister(Qca7000Register.SpiConfig);
                    WriteRegister(Qca7000Register.SpiConfig, (ushort)(spiConfig | SpiConfigSlaveResetBit));
                    _syncState = Qca7000SyncState.Reset;
                    _resetCount = 0;
                    _status.ResetsTriggered++;
                    break;

                default:
                    _resetCount++;
                    if (_resetCount >= _resetTimeoutChecks)
                    {
                        // The reset did not seem to take place: try again [V:L4].
                        _status.ResetTimeouts++;
                        EnterUnknown();
                    }

                    break;
            }
        }

        // Linux qcaspi_qca7k_sync(QCASPI_EVENT_CPUON) [V:L4]: signature twice, then an empty write buffer.
        private void SyncCpuOn()
        {
            ReadRegister(Qca7000Register.Signature);
            ushort signature = ReadRegister(Qca7000Register.Signature);
            if (signature != GoodSignature)
            {
                _status.SignatureFailures++;
                EnterUnknown();
            }
            else
            {
                int space = ReadRegister(Qca7000Register.WriteBufferSpaceAvailable);
                if (space != HardwareBufferLengthBytes)
                {
                    // "got CPU on, but wrbuf not empty. reset!" [V:L4]
                    _status.WriteBufferNotEmptyAtCpuOn++;
                    EnterUnknown();
                }
                else
                {
                    _syncState = Qca7000SyncState.Ready;
                    _nextSyncCheckMs = _nowMs + _syncCheckPeriodMs;
                    return;
                }
            }

            // Linux falls through to the state switch, so an UNKNOWN chip with a good signature is reset at once.
            SyncUpdate();
            _nextSyncCheckMs = _nowMs + _syncCheckPeriodMs;
        }

        // Digest §3.8, Linux qcaspi_spi_thread's interrupt part [V:L4].
        private void ServiceInterrupt()
        {
            WriteRegister(Qca7000Register.InterruptEnable, 0);
            ushort cause = ReadRegister(Qca7000Register.InterruptCause);

            if ((cause & Qca7000Interrupt.CpuOn) != 0)
            {
                _status.CpuOnEvents++;
                SyncCpuOn();

                // The chip restarted: a frame half received before will never be completed [V:L4].
                if (_decoder.IsInFrame)
                {
                    _status.RxDroppedFrames++;
                }

                _decoder.Reset();
                if (_syncState != Qca7000SyncState.Ready)
                {
                    return;
                }
            }

            if ((cause & (Qca7000Interrupt.ReadBufferError | Qca7000Interrupt.WriteBufferError)) != 0)
            {
                if ((cause & Qca7000Interrupt.ReadBufferError) != 0)
                {
                    _status.ReadBufferErrors++;
                }

                if ((cause & Qca7000Interrupt.WriteBufferError) != 0)
                {
                    _status.WriteBufferErrors++;
                }

                EnterUnknown();
                return;
            }

            if (_syncState == Qca7000SyncState.Ready && (cause & Qca7000Interrupt.PacketAvailable) != 0)
            {
                ReceiveFromChip();
            }

            WriteRegister(Qca7000Register.InterruptCause, cause);
            WriteRegister(Qca7000Register.InterruptEnable, Qca7000Interrupt.ServicedMask);
        }

        // Digest §3.6 [V:L4 qcaspi_receive, C1].
        private void ReceiveFromChip()
        {
            int available = ReadRegister(Qca7000Register.ReadBufferBytesAvailable);
            if (available == 0)
            {
                return;
            }

            if (available > MaxReadBufferBytes)
            {
                // An SPI glitch, not a length: read again at the next Service [V:L4].
                _status.ReadBufferGlitches++;
                _pollNow = true;
                return;
            }

            WriteRegister(Qca7000Register.BufferSize, (ushort)available);

            int transferLength = Qca7000Command.LengthBytes + available;
            Qca7000Command.Put(Qca7000Command.ExternalRead, _bulkWrite, 0);
            Array.Clear(_bulkWrite, Qca7000Command.LengthBytes, available);
            _spi.Transfer(_bulkWrite, _bulkRead, transferLength);

            // The first two MISO bytes belong to the command phase [V:C1].
            for (int i = Qca7000Command.LengthBytes; i < transferLength; i++)
            {
                if (_decoder.Push(_bulkRead[i]))
                {
                    QueueReceived(_decoder.FrameBuffer, _decoder.FrameLengthBytes);
                }
            }

            _status.RxNoHeadErrors = _decoder.NoHeadErrors;
            _status.RxNoTailErrors = _decoder.NoTailErrors;
            _status.RxInvalidLengthErrors = _decoder.InvalidLengthErrors;
        }

        private void QueueReceived(byte[] frame, int length)
        {
            lock (_queueLock)
            {
                if (_rxCount == _rxFrames.Length)
                {
                    _status.RxDroppedFrames++;
                    return;
                }

                int slot = (_rxHead + _rxCount) % _rxFrames.Length;
                Array.Copy(frame, _rxFrames[slot], length);
                _rxLengths[slot] = length;
                _rxCount++;
                _status.FramesReceived++;
            }
        }

        // Digest §3.5 [V:L4 qcaspi_transmit, C1, S1].
        private void Transmit()
        {
            if (QueuedTransmitFrames == 0)
            {
                return;
            }

            int space = ReadRegister(Qca7000Register.WriteBufferSpaceAvailable);
            if (space > HardwareBufferLengthBytes)
            {
                // An SPI glitch: try again at the next Service [V:L4].
                _status.WriteBufferGlitches++;
                return;
            }

            while (true)
            {
                int slot;
                int length;
                lock (_queueLock)
                {
                    if (_txCount == 0)
                    {
                        return;
                    }

                    slot = _txHead;
                    length = _txLengths[slot];
                }

                int framedLength = QcaFrameEncoder.FramedLengthBytes(length);
                if (space < framedLength + HardwarePacketLengthBytes)
                {
                    break;
                }

                WriteRegister(Qca7000Register.BufferSize, (ushort)framedLength);
                Qca7000Command.Put(Qca7000Command.ExternalWrite, _bulkWrite, 0);
                QcaFrameEncoder.Encode(_txFrames[slot], length, _bulkWrite, Qca7000Command.LengthBytes);
                _spi.Transfer(_bulkWrite, _bulkRead, Qca7000Command.LengthBytes + framedLength);
                space -= framedLength + HardwarePacketLengthBytes;

                lock (_queueLock)
                {
                    // Only Service removes frames, so the head is still the frame just written.
                    _txHead = (_txHead + 1) % TransmitRingFrames;
                    _txCount--;
                }

                _status.FramesSent++;
            }

            long oldestQueuedAtMs;
            lock (_queueLock)
            {
                oldestQueuedAtMs = _txQueuedAtMs[_txHead];
            }

            if (_nowMs - oldestQueuedAtMs > _transmitTimeoutMs)
            {
                // The chip has taken nothing for too long: the Linux netdev TX timeout resynchronises [V:L4].
                _status.TransmitTimeouts++;
                EnterUnknown();
            }
        }

        private void FlushTransmitRing()
        {
            lock (_queueLock)
            {
                _status.TxDroppedFrames += _txCount;
                _txHead = 0;
                _txCount = 0;
            }
        }

        private void EnterUnknown()
        {
            if (_syncState != Qca7000SyncState.Unknown)
            {
                _status.Resyncs++;
            }

            _syncState = Qca7000SyncState.Unknown;

            // Linux's loop runs the sync update again right away, which resets a chip whose signature is good [V:L4].
            _nextSyncCheckMs = _nowMs;
        }

        private ushort ReadRegister(Qca7000Register register)
        {
            Qca7000Command.Put(Qca7000Command.ReadRegister(register), _registerWrite, 0);
            _registerWrite[2] = 0;
            _registerWrite[3] = 0;
            _spi.Transfer(_registerWrite, _registerRead, RegisterFrameBytes);

            // Values are big-endian after the two command bytes [V:L2, C1].
            return (ushort)((_registerRead[2] << 8) | _registerRead[3]);
        }

        private void WriteRegister(Qca7000Register register, ushort value)
        {
            Qca7000Command.Put(Qca7000Command.WriteRegister(register), _registerWrite, 0);
            _registerWrite[2] = (byte)(value >> 8);
            _registerWrite[3] = (byte)value;
            _spi.Transfer(_registerWrite, _registerRead, RegisterFrameBytes);
        }
    }
}
