using System;
using System.Threading;
using V2G.Hal.Buses;
using V2G.Hal.Timing;
using V2G.Firmware.Drivers;

namespace V2G.Firmware.Drivers.Mcp2515
{
    /// <summary>
    /// Driver for a Microchip MCP2515 stand-alone CAN controller on SPI: the charger's <see cref="ICanPort"/> for
    /// GB/T 27930 (CAN 2.0B, 29-bit identifiers, 250 or 50 kbit/s [digest §2, S2, S10]). Source tags: see
    /// <see cref="Mcp2515Instruction"/>.
    /// <list type="bullet">
    /// <item>Nothing blocks and nothing sleeps. <see cref="Initialise(long)"/> resets and configures the chip with a
    /// bounded number of transfers; the board's thread then calls <see cref="Service(long)"/> every few ms, which
    /// retries a failed initialisation after <see cref="Mcp2515Settings.InitRetryDelayMs"/>.</item>
    /// <item>The INT edge only sets a flag (no SPI on the interrupt thread); the flags are read when an edge was
    /// seen, when the line is found asserted, and every <see cref="Mcp2515Settings.InterruptPollPeriodMs"/>. Without
    /// an INT line (null) they are read at every <see cref="Service(long)"/>.</item>
    /// <item>Transmit: a bounded queue feeds all three TX buffers (LOAD TX BUFFER, TXP by BIT MODIFY, RTS). The chip
    /// sends the pending buffer of highest TXP first and, among equal TXP, the highest buffer number [MCP], so
    /// each newly loaded frame gets a lower TXP than every frame still pending (3, 2, 1, 0; restarting at 3 once
    /// all buffers are empty): frames leave in queue order, which GB/T's transport protocol needs [digest §5].
    /// Linux's mcp251x uses one buffer for the same reason [LNX].</item>
    /// <item>Receive: RXB0 with rollover (BUKT) into RXB1; each Service reads RXB0 then RXB1 as flagged in one
    /// CANINTF snapshot (the older frame is in RXB0 when both are full), with READ RX BUFFER so no flag clearing
    /// is needed [MCP]. Frames go into a bounded queue for <see cref="TryReceive"/>.</item>
    /// <item>Errors: EFLG RX0OVR/RX1OVR are counted and cleared; TXEP/RXEP and EWARN counted; MERRF counted and
    /// cleared; TXBO (bus-off) puts the chip in configuration mode, drops the queued frames and re-initialises
    /// after <see cref="Mcp2515Settings.BusOffRecoveryDelayMs"/>. An exception from the SPI bus stops the driver
    /// until the retry delay has passed.</item>
    /// </list>
    /// Nothing is allocated after construction. <see cref="TrySend"/> and <see cref="TryReceive"/> may be called
    /// from another thread than <see cref="Service(long)"/>.
    /// </summary>
    public sealed class Mcp2515Driver : ICanPort, IDisposable, IDriverService
    {
        /// <summary>The chip's transmit buffers [MCP].</summary>
        public const int TransmitBufferCount = 3;

        /// <summary>The chip's receive buffers [MCP].</summary>
        public const int ReceiveBufferCount = 2;

        /// <summary>What the driver enables in CANINTE: RX0, RX1, TX0..2, ERR and MERR (not WAK) [MCP].</summary>
        public const byte EnabledInterrupts = Mcp2515Interrupt.AnyReceive | Mcp2515Interrupt.AnyTransmit
            | Mcp2515Interrupt.Error | Mcp2515Interrupt.MessageError;

        private const int HighestTxPriority = 3;
        private const int FilterBlockBytes = 12;
        private const int MaskBlockBytes = 8;
        private const int IdBytes = 4;

        private readonly ISpiTransfer _spi;
        private readonly IInterruptInput _interrupt;
        private readonly IMonotonicClock _clock;
        private readonly InterruptHandler _onAsserted;

        private readonly Mcp2515BitTiming _timing;
        private readonly Mcp2515Acceptance _acceptance;
        private readonly byte _destinationAddress;
        private readonly byte _operatingMode;
        private readonly int _pollPeriodMs;
        private readonly int _modeChangeReads;
        private readonly int _initRetryDelayMs;
        private readonly int _busOffRecoveryDelayMs;

        private readonly Mcp2515Status _status = new Mcp2515Status();
        private readonly object _queueLock = new object();

        private readonly byte[] _write = new byte[Mcp2515Command.MaxTransferBytes];
        private readonly byte[] _read = new byte[Mcp2515Command.MaxTransferBytes];
        private readonly byte[] _block = new byte[FilterBlockBytes];

        private readonly CanFrame[] _txQueue;
        private int _txHead;
        private int _txCount;

        private readonly CanFrame[] _rxQueue;
        private int _rxHead;
        private int _rxCount;

        // Chip transmit buffers loaded and not yet reported sent (bit n = TXBn), and the TXP for the next one.
        private int _txBusyMask;
        private int _txNextPriority = HighestTxPriority;

        private Mcp2515State _state = Mcp2515State.Stopped;
        private long _nowMs;
        private long _retryAtMs = long.MinValue;
        private long _nextPollMs;
        private byte _lastErrorFlags;

        // Set from the interrupt thread on an edge; taken by Service.
        private int _interruptRequested;
        private bool _disposed;

        /// <summary>Creates the driver; nothing is sent until <see cref="Initialise(long)"/> or the first <see cref="Service(long)"/>.</summary>
        /// <param name="spi">The chip's SPI device: mode 0 (or 3), at most 10 MHz, MSB first [MCP].</param>
        /// <param name="interrupt">The INT line (the chip drives it low; the board reports it asserted), or null to poll.</param>
        /// <param name="clock">The time of <see cref="Service()"/>.</param>
        /// <param name="settings">Crystal, bit rate, acceptance, sizes and delays, or null for the defaults.</param>
        /// <exception cref="ArgumentException">No bit timing fits the crystal and bit rate, or a setting is out of range.</exception>
        public Mcp2515Driver(ISpiTransfer spi, IInterruptInput interrupt, IMonotonicClock clock, Mcp2515Settings settings)
        {
            if (spi == null)
            {
                throw new ArgumentNullException("spi");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (settings == null)
            {
                settings = new Mcp2515Settings();
            }

            if (settings.TransmitQueueFrames <= 0 || settings.ReceiveQueueFrames <= 0 || settings.InterruptPollPeriodMs <= 0
                || settings.ModeChangeReads <= 0 || settings.InitRetryDelayMs < 0 || settings.BusOffRecoveryDelayMs < 0)
            {
                throw new ArgumentException("sizes, periods and reads must be positive, delays not negative", "settings");
            }

            byte mode = settings.OperatingMode;
            if (mode != Mcp2515Mode.Normal && mode != Mcp2515Mode.Loopback && mode != Mcp2515Mode.ListenOnly)
            {
                throw new ArgumentException("operating mode must be normal, loopback or listen-only", "settings");
            }

            Mcp2515BitTiming timing;
            if (!Mcp2515BitTiming.TryCompute(settings.CrystalHz, settings.BitRateBps, settings.SamplePointPermille, settings.SyncJumpWidthTq, out timing))
            {
                throw new ArgumentException("no MCP2515 bit timing for this crystal and bit rate", "settings");
            }

            _spi = spi;
            _interrupt = interrupt;
            _clock = clock;
            _timing = timing;
            _acceptance = settings.Acceptance;
            _destinationAddress = settings.DestinationAddress;
            _operatingMode = mode;
            _pollPeriodMs = settings.InterruptPollPeriodMs;
            _modeChangeReads = settings.ModeChangeReads;
            _initRetryDelayMs = settings.InitRetryDelayMs;
            _busOffRecoveryDelayMs = settings.BusOffRecoveryDelayMs;
            _txQueue = new CanFrame[settings.TransmitQueueFrames];
            _rxQueue = new CanFrame[settings.ReceiveQueueFrames];

            if (_interrupt != null)
            {
                _onAsserted = OnInterruptAsserted;
                _interrupt.Asserted += _onAsserted;
            }
        }

        /// <summary>The bit timing written to CNF1..3.</summary>
        public Mcp2515BitTiming Timing => _timing;

        /// <summary>Counters and the last error registers, updated in place.</summary>
        public Mcp2515Status Status => _status;

        /// <summary>Where the driver stands.</summary>
        public Mcp2515State State => _state;

        /// <summary>True from a TXBO until the re-initialisation after the recovery delay succeeds.</summary>
        public bool IsBusOff => _state == Mcp2515State.BusOff;

        /// <summary>Frames waiting in the transmit queue (not yet in a chip buffer).</summary>
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

        /// <summary>Chip transmit buffers loaded and not yet reported sent.</summary>
        public int PendingTransmitBuffers
        {
            get
            {
                return BitCount(_txBusyMask);
            }
        }

        /// <summary>
        /// Queues <paramref name="frame"/> (copied); false when the queue is full or the driver is not running.
        /// Allocates nothing.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Length not 0..8, or the identifier too large for its format.</exception>
        public bool TrySend(ref CanFrame frame)
        {
            if (frame.Length < 0 || frame.Length > Mcp2515FrameLayout.MaxDataBytes)
            {
                throw new ArgumentOutOfRangeException("frame", "length must be 0..8");
            }

            if (frame.Id > (frame.IsExtended ? Mcp2515FrameLayout.MaxExtendedId : Mcp2515FrameLayout.MaxStandardId))
            {
                throw new ArgumentOutOfRangeException("frame", "identifier too large");
            }

            lock (_queueLock)
            {
                if (_state != Mcp2515State.Running || _txCount == _txQueue.Length)
                {
                    _status.TxRefusedFrames++;
                    return false;
                }

                _txQueue[(_txHead + _txCount) % _txQueue.Length] = frame;
                _txCount++;
                return true;
            }
        }

        /// <summary>Takes the oldest received frame; false when none is waiting. Allocates nothing.</summary>
        public bool TryReceive(out CanFrame frame)
        {
            lock (_queueLock)
            {
                if (_rxCount == 0)
                {
                    frame = new CanFrame();
                    return false;
                }

                frame = _rxQueue[_rxHead];
                _rxHead = (_rxHead + 1) % _rxQueue.Length;
                _rxCount--;
                return true;
            }
        }

        /// <summary>
        /// Resets and configures the chip: RESET, CANSTAT until configuration mode, CNF3/CNF2/CNF1/CANINTE in one
        /// write, filters and masks, RXB0CTRL (BUKT) and RXB1CTRL, a read-back of CNF3..CANINTE, then the operating
        /// mode and CANSTAT until it shows. At most <see cref="Mcp2515Settings.ModeChangeReads"/> CANSTAT reads per
        /// mode change. Frames still in the chip's buffers are dropped (counted); the queues are kept.
        /// </summary>
        /// <returns>True if the chip is running; otherwise <see cref="Service(long)"/> tries again after the retry delay.</returns>
        public bool Initialise(long nowMs)
        {
            _nowMs = nowMs;
            bool ok;
            try
            {
                ok = Configure();
            }
            catch (Exception)
            {
                _status.SpiErrors++;
                ok = false;
            }

            lock (_queueLock)
            {
                _status.TxDroppedFrames += BitCount(_txBusyMask);
                _txBusyMask = 0;
                _txNextPriority = HighestTxPriority;
                _lastErrorFlags = 0;
                if (ok)
                {
                    _state = Mcp2515State.Running;
                    _status.Initialisations++;
                    _nextPollMs = nowMs;
                }
                else
                {
                    _state = Mcp2515State.Stopped;
                    _status.InitFailures++;
                    _retryAtMs = nowMs + _initRetryDelayMs;
                }
            }

            _status.State = _state;
            return ok;
        }

        /// <summary><see cref="Service(long)"/> at the clock's current time.</summary>
        public void Service()
        {
            Service(_clock.NowMs);
        }

        /// <summary>
        /// One turn of the driver on the board's thread: (re-)initialisation when due, the flags when an edge was
        /// seen, INT is asserted or polling is due (receive, transmit completions, errors), then the transmit
        /// buffers are refilled. Never blocks, allocates nothing.
        /// </summary>
        /// <param name="nowMs">The monotonic clock's time, ms.</param>
        public void Service(long nowMs)
        {
            if (_disposed)
            {
                return;
            }

            _nowMs = nowMs;
            if (_state != Mcp2515State.Running)
            {
                if (nowMs < _retryAtMs || !Initialise(nowMs))
                {
                    return;
                }
            }

            try
            {
                bool edge = Interlocked.Exchange(ref _interruptRequested, 0) != 0;
                bool level = !edge && _interrupt != null && _interrupt.IsAsserted;
                bool poll = !edge && !level && (_interrupt == null || nowMs >= _nextPollMs);
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
                    ServiceFlags();
                }

                if (_state == Mcp2515State.Running)
                {
                    LoadTransmitBuffers();
                }
            }
            catch (Exception)
            {
                // A failed transfer leaves the chip's state unknown: start again from a reset.
                _status.SpiErrors++;
                _state = Mcp2515State.Stopped;
                _retryAtMs = nowMs + _initRetryDelayMs;
            }

            _status.State = _state;
        }

        /// <summary>Unsubscribes from the INT line; <see cref="Service(long)"/> does nothing afterwards.</summary>
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

        private bool Configure()
        {
            Transfer(Mcp2515Command.PutReset(_write));
            if (!WaitForMode(Mcp2515Mode.Configuration))
            {
                return false;
            }

            // CNF3, CNF2, CNF1 and CANINTE are consecutive (0x28..0x2B) [MCP]: one write, one read-back.
            _block[0] = _timing.Cnf3;
            _block[1] = _timing.Cnf2;
            _block[2] = _timing.Cnf1;
            _block[3] = EnabledInterrupts;
            Transfer(Mcp2515Command.PutWrite(_write, Mcp2515Register.Cnf3, _block, 4));

            byte rxMode = Mcp2515Bits.RxModeFiltered;
            if (_acceptance == Mcp2515Acceptance.AllFrames)
            {
                rxMode = Mcp2515Bits.RxModeAny;
            }
            else
            {
                WriteAcceptanceFilters();
            }

            Transfer(Mcp2515Command.PutWrite(_write, Mcp2515Register.RxB0Ctrl, (byte)(rxMode | Mcp2515Bits.RxRollover)));
            Transfer(Mcp2515Command.PutWrite(_write, Mcp2515Register.RxB1Ctrl, rxMode));

            // Read back: a wrong byte here (SPI noise, a chip that ignored the writes) would give a wrong bit rate.
            Transfer(Mcp2515Command.PutRead(_write, Mcp2515Register.Cnf3, 4));
            if (_read[2] != _timing.Cnf3 || _read[3] != _timing.Cnf2 || _read[4] != _timing.Cnf1 || _read[5] != EnabledInterrupts)
            {
                return false;
            }

            // REQOP = the operating mode; ABAT, OSM, CLKEN (CLKOUT pin off) and CLKPRE all 0 [MCP].
            Transfer(Mcp2515Command.PutWrite(_write, Mcp2515Register.CanCtrl, _operatingMode));
            return WaitForMode(_operatingMode);
        }

        private void WriteAcceptanceFilters()
        {
            uint filterId = 0;
            uint maskId = 0;
            if (_acceptance == Mcp2515Acceptance.ExtendedToDestination)
            {
                // PS, the destination of a PDU1 id, is in bits 15..8 [digest §2, S2].
                filterId = (uint)_destinationAddress << 8;
                maskId = 0xFF00;
            }

            // Every filter the same, with EXIDE: it then matches extended frames only [MCP].
            for (int i = 0; i < FilterBlockBytes; i += IdBytes)
            {
                Mcp2515FrameLayout.PutId(filterId, true, _block, i);
            }

            Transfer(Mcp2515Command.PutWrite(_write, Mcp2515Register.Filter0, _block, FilterBlockBytes));
            Transfer(Mcp2515Command.PutWrite(_write, Mcp2515Register.Filter3, _block, FilterBlockBytes));

            for (int i = 0; i < MaskBlockBytes; i += IdBytes)
            {
                Mcp2515FrameLayout.PutId(maskId, true, _block, i);

                // A mask's SIDL bit 3 is unimplemented [MCP]: write it as 0.
                _block[i + 1] = (byte)(_block[i + 1] & ~Mcp2515Bits.SidlExtended);
            }

            Transfer(Mcp2515Command.PutWrite(_write, Mcp2515Register.Mask0, _block, MaskBlockBytes));
        }

        private bool WaitForMode(byte mode)
        {
            for (int i = 0; i < _modeChangeReads; i++)
            {
                Transfer(Mcp2515Command.PutRead(_write, Mcp2515Register.CanStat, 1));
                if ((_read[2] & Mcp2515Mode.Mask) == mode)
                {
                    return true;
                }
            }

            return false;
        }

        private void ServiceFlags()
        {
            // CANINTF and EFLG are consecutive (0x2C, 0x2D) [MCP]: one read gives every cause.
            Transfer(Mcp2515Command.PutRead(_write, Mcp2515Register.CanIntF, 2));
            byte flags = _read[2];
            byte errorFlags = _read[3];

            // RXB0 first: with rollover, a full RXB1 holds the newer frame [MCP].
            if ((flags & Mcp2515Interrupt.Rx0) != 0)
            {
                ReceiveFrom(0);
            }

            if ((flags & Mcp2515Interrupt.Rx1) != 0)
            {
                ReceiveFrom(1);
            }

            if ((errorFlags & Mcp2515ErrorFlag.AnyOverflow) != 0)
            {
                if ((errorFlags & Mcp2515ErrorFlag.Rx0Overflow) != 0)
                {
                    _status.RxOverflows++;
                }

                if ((errorFlags & Mcp2515ErrorFlag.Rx1Overflow) != 0)
                {
                    _status.RxOverflows++;
                }

                // The overflow bits stay set until the MCU clears them [MCP, IOT].
                Transfer(Mcp2515Command.PutBitModify(_write, Mcp2515Register.Eflg, Mcp2515ErrorFlag.AnyOverflow, 0));
            }

            if ((flags & Mcp2515Interrupt.MessageError) != 0)
            {
                _status.MessageErrors++;
            }

            byte confinement = (byte)(errorFlags & ~Mcp2515ErrorFlag.AnyOverflow);
            byte newlySet = (byte)(confinement & ~_lastErrorFlags);
            if ((newlySet & Mcp2515ErrorFlag.ErrorWarning) != 0)
            {
                _status.ErrorWarningEvents++;
            }

            if ((newlySet & (Mcp2515ErrorFlag.TransmitErrorPassive | Mcp2515ErrorFlag.ReceiveErrorPassive)) != 0)
            {
                _status.ErrorPassiveEvents++;
            }

            if ((flags & (Mcp2515Interrupt.Error | Mcp2515Interrupt.MessageError)) != 0 || confinement != _lastErrorFlags)
            {
                // The counters move on errors; TEC and REC are consecutive (0x1C, 0x1D) [MCP].
                Transfer(Mcp2515Command.PutRead(_write, Mcp2515Register.Tec, 2));
                _status.TransmitErrorCount = _read[2];
                _status.ReceiveErrorCount = _read[3];
            }

            _lastErrorFlags = confinement;
            _status.ErrorFlags = errorFlags;

            // RX flags were cleared by READ RX BUFFER; the rest only as seen, so a flag raised meanwhile survives.
            byte clear = (byte)(flags & (Mcp2515Interrupt.AnyTransmit | Mcp2515Interrupt.Error | Mcp2515Interrupt.MessageError | Mcp2515Interrupt.Wake));
            if (clear != 0)
            {
                Transfer(Mcp2515Command.PutBitModify(_write, Mcp2515Register.CanIntF, clear, 0));
            }

            for (int buffer = 0; buffer < TransmitBufferCount; buffer++)
            {
                int bit = 1 << buffer;
                if ((flags & Mcp2515Interrupt.Transmit(buffer)) != 0 && (_txBusyMask & bit) != 0)
                {
                    _txBusyMask &= ~bit;
                    _status.FramesSent++;
                }
            }

            if ((errorFlags & Mcp2515ErrorFlag.BusOff) != 0)
            {
                EnterBusOff();
            }
        }

        private void ReceiveFrom(int buffer)
        {
            Transfer(Mcp2515Command.PutReadRxBuffer(_write, buffer));
            CanFrame frame;
            if (!Mcp2515FrameLayout.Decode(_read, 1, out frame))
            {
                _status.RxRemoteFramesDropped++;
                return;
            }

            lock (_queueLock)
            {
                if (_rxCount == _rxQueue.Length)
                {
                    _status.RxQueueDroppedFrames++;
                    return;
                }

                _rxQueue[(_rxHead + _rxCount) % _rxQueue.Length] = frame;
                _rxCount++;
                _status.FramesReceived++;
            }
        }

        private void EnterBusOff()
        {
            _status.BusOffEvents++;
            _state = Mcp2515State.BusOff;
            _retryAtMs = _nowMs + _busOffRecoveryDelayMs;

            lock (_queueLock)
            {
                // GB/T messages are periodic: after a recovery fresh ones are worth more than stale ones.
                _status.TxDroppedFrames += _txCount + BitCount(_txBusyMask);
                _txHead = 0;
                _txCount = 0;
                _txBusyMask = 0;
                _txNextPriority = HighestTxPriority;
            }

            // Hold the chip off the bus until the recovery delay has passed (the chip would otherwise recover
            // by itself after 128 × 11 recessive bits [MCP]).
            Transfer(Mcp2515Command.PutWrite(_write, Mcp2515Register.CanCtrl, Mcp2515Mode.Configuration));
        }

        private void LoadTransmitBuffers()
        {
            while (true)
            {
                CanFrame frame;
                lock (_queueLock)
                {
                    if (_txCount == 0)
                    {
                        return;
                    }

                    frame = _txQueue[_txHead];
                }

                if (_txBusyMask == 0)
                {
                    _txNextPriority = HighestTxPriority;
                }

                if (_txNextPriority < 0)
                {
                    // Every TXP below the pending ones is used: wait for them to drain, or order would break.
                    return;
                }

                int buffer = 0;
                while (buffer < TransmitBufferCount && (_txBusyMask & (1 << buffer)) != 0)
                {
                    buffer++;
                }

                if (buffer == TransmitBufferCount)
                {
                    return;
                }

                Transfer(Mcp2515Command.PutLoadTxBuffer(_write, buffer, ref frame));
                Transfer(Mcp2515Command.PutBitModify(_write, Mcp2515Register.TxCtrl(buffer), Mcp2515Bits.TxPriorityMask, (byte)_txNextPriority));
                Transfer(Mcp2515Command.PutRequestToSend(_write, buffer));
                _txBusyMask |= 1 << buffer;
                _txNextPriority--;

                lock (_queueLock)
                {
                    // Only Service removes frames, so the head is still the frame just loaded.
                    _txHead = (_txHead + 1) % _txQueue.Length;
                    _txCount--;
                }
            }
        }

        private void Transfer(int length)
        {
            _spi.Transfer(_write, _read, length);
        }

        private static int BitCount(int value)
        {
            int count = 0;
            while (value != 0)
            {
                count += value & 1;
                value >>= 1;
            }

            return count;
        }
    }
}
