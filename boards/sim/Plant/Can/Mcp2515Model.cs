using System;
using V2G.Hal.Buses;
using V2G.Hal.Timing;

namespace V2G.Sim.Plant.Can
{
    /// <summary>
    /// A register-level model of a Microchip MCP2515 CAN controller as its host sees it over SPI: one
    /// <see cref="Transfer"/> is one chip-select frame, the first byte the instruction [MCP: the public register map
    /// and instruction set; the datasheet is not available here, values as recalled and cross-checked against
    /// dotnet/iot's Iot.Device.Mcp25xxx]. Where the chip's inner behaviour is a guess it says [U].
    /// <para>
    /// Host side: RESET, READ, WRITE, READ RX BUFFER (clears RXnIF when the transfer ends), LOAD TX BUFFER, RTS,
    /// READ STATUS, RX STATUS and BIT MODIFY (on the bit-modifiable registers; elsewhere a plain write, as the
    /// datasheet says). Modes: CANCTRL.REQOP shows in CANSTAT.OPMOD after <see cref="ModeChangeDelayReads"/> reads
    /// of CANSTAT [U]; CNF1..3, TXRTSCTRL, filters and masks take writes in configuration mode only. EFLG: only
    /// RX0OVR/RX1OVR writable; every change of EFLG raises ERRIF [U: any change]. INT = (CANINTF &amp; CANINTE) ≠ 0
    /// (the chip's pin is active low; <see cref="IsAsserted"/> is the logical line), <see cref="Asserted"/> on its
    /// asserting edge. ICOD in CANSTAT follows the highest pending enabled cause.
    /// </para>
    /// <para>
    /// Bus side: <see cref="TryTakeTransmitted"/> sends the pending buffer of highest TXP (equal TXP: highest
    /// buffer number) [MCP] in normal mode; <see cref="DeliverFromBus"/> receives through the masks and filters
    /// into RXB0, rolling over into RXB1 with BUKT, and sets RX0OVR/RX1OVR when the target is full [MCP]. Loopback
    /// mode sends an RTS'd frame straight back to the receive side; listen-only receives but never sends.
    /// Fault injection: <see cref="InjectTransmitErrors"/> (TEC, error passive, bus-off), <see cref="InjectReceiveErrors"/>,
    /// <see cref="InjectMessageError"/>, <see cref="CorruptNextRead"/> (one MISO byte). Not modelled: one-shot mode,
    /// sleep and wake-up, the RXnBF/TXnRTS pins, CLKOUT, bus timing. Nothing is allocated after construction. Not
    /// thread-safe: drive it from the simulation's thread.
    /// </para>
    /// </summary>
    public sealed class Mcp2515Model : ISpiTransfer, IInterruptInput
    {
        // Written out here rather than taken from the driver, so a wrong constant in the driver is not mirrored [MCP].
        private const byte InstructionReset = 0xC0;
        private const byte InstructionRead = 0x03;
        private const byte InstructionWrite = 0x02;
        private const byte InstructionBitModify = 0x05;
        private const byte InstructionReadStatus = 0xA0;
        private const byte InstructionRxStatus = 0xB0;

        private const int RegisterCount = 0x80;
        private const int BfpCtrl = 0x0C;
        private const int TxRtsCtrl = 0x0D;
        private const int CanStat = 0x0E;
        private const int CanCtrl = 0x0F;
        private const int Tec = 0x1C;
        private const int Rec = 0x1D;
        private const int Cnf3 = 0x28;
        private const int Cnf2 = 0x29;
        private const int Cnf1 = 0x2A;
        private const int CanIntE = 0x2B;
        private const int CanIntF = 0x2C;
        private const int Eflg = 0x2D;
        private const int TxB0Ctrl = 0x30;
        private const int RxB0Ctrl = 0x60;
        private const int RxB1Ctrl = 0x70;
        private const int BufferStride = 0x10;
        private const int SidhOffset = 1;
        private const int DlcOffset = 5;
        private const int DataOffset = 6;

        private const int ModeMask = 0xE0;
        private const int ModeNormal = 0x00;
        private const int ModeLoopback = 0x40;
        private const int ModeListenOnly = 0x60;
        private const int ModeConfiguration = 0x80;
        private const int CanCtrlAbortAll = 0x10;
        private const int CanCtrlResetValue = 0x87;
        private const int CanStatResetValue = 0x80;

        private const int FlagRx0 = 0x01;
        private const int FlagRx1 = 0x02;
        private const int FlagTx0 = 0x04;
        private const int FlagError = 0x20;
        private const int FlagWake = 0x40;
        private const int FlagMessageError = 0x80;

        private const int EflgWarning = 0x01;
        private const int EflgRxWarning = 0x02;
        private const int EflgTxWarning = 0x04;
        private const int EflgRxPassive = 0x08;
        private const int EflgTxPassive = 0x10;
        private const int EflgBusOff = 0x20;
        private const int EflgRx0Overflow = 0x40;
        private const int EflgRx1Overflow = 0x80;
        private const int EflgOverflows = EflgRx0Overflow | EflgRx1Overflow;

        private const int TxRequest = 0x08;
        private const int TxError = 0x10;
        private const int TxAborted = 0x40;
        private const int TxPriority = 0x03;
        private const int RxModeMask = 0x60;
        private const int RxModeAny = 0x60;
        private const int RxRollover = 0x04;
        private const int RxRolloverCopy = 0x02;
        private const int SidlExtended = 0x08;
        private const int DlcMask = 0x0F;

        private const int WarningLimit = 96;
        private const int PassiveLimit = 128;
        private const int BusOffLimit = 256;

        private readonly byte[] _registers = new byte[RegisterCount];
        private readonly IMonotonicClock _clock;

        private int _pendingMode = ModeConfiguration;
        private int _modeDelayLeft;
        private int _tec;
        private int _rec;
        private int _rxStatusFilterHit0;
        private int _rxStatusFilterHit1;
        private bool _line;

        private int _corruptAddress = -1;
        private byte _corruptXor;

        /// <summary>A chip just powered: in configuration mode with the reset values.</summary>
        /// <param name="clock">Time stamps for <see cref="Asserted"/>.</param>
        public Mcp2515Model(IMonotonicClock clock)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _clock = clock;
            ResetRegisters();
        }

        /// <summary>Raised on the asserting edge of INT, with the clock's time.</summary>
        public event InterruptHandler Asserted;

        /// <summary>The INT line (logical; the pin is low when this is true).</summary>
        public bool IsAsserted => _line;

        /// <summary>CANSTAT reads before a requested mode shows [U: the real chip waits for the bus to be idle]. 0 = at once.</summary>
        public int ModeChangeDelayReads { get; set; }

        /// <summary>When set, CANSTAT never leaves the mode it is in (a chip without a running oscillator).</summary>
        public bool ModeChangeStuck { get; set; }

        /// <summary>RESET instructions received.</summary>
        public int ResetCount { get; private set; }

        /// <summary>Writes refused because the register needs configuration mode.</summary>
        public int IgnoredConfigurationWrites { get; private set; }

        /// <summary>LOAD TX BUFFER or WRITEs into a buffer whose TXREQ was set (ignored, as the chip would not take them safely) [U].</summary>
        public int WritesToPendingBuffers { get; private set; }

        /// <summary>Frames that reached the receive side (bus or loopback) but matched no filter.</summary>
        public int RejectedFrames { get; private set; }

        /// <summary>Frames lost to a full receive buffer (each also sets RX0OVR or RX1OVR).</summary>
        public int OverflowedFrames { get; private set; }

        /// <summary>Frames sent on the bus (taken by <see cref="TryTakeTransmitted"/> or looped back).</summary>
        public int TransmittedFrames { get; private set; }

        /// <summary>The operating mode shown in CANSTAT (bits 7..5).</summary>
        public int Mode => _registers[CanStat] & ModeMask;

        /// <summary>The transmit error counter.</summary>
        public int TransmitErrorCount => _tec;

        /// <summary>True while bus-off (EFLG.TXBO).</summary>
        public bool IsBusOff => (_registers[Eflg] & EflgBusOff) != 0;

        /// <summary>A register as the chip holds it, without the side effects of an SPI read.</summary>
        public byte PeekRegister(int address)
        {
            return _registers[address & (RegisterCount - 1)];
        }

        /// <summary>One chip-select frame: <paramref name="writeBuffer"/> on MOSI, MISO into <paramref name="readBuffer"/>.</summary>
        public void Transfer(byte[] writeBuffer, byte[] readBuffer, int length)
        {
            if (writeBuffer == null || readBuffer == null || length > writeBuffer.Length || length > readBuffer.Length)
            {
                throw new ArgumentException("buffers shorter than the transfer");
            }

            for (int i = 0; i < length; i++)
            {
                readBuffer[i] = 0;
            }

            if (length == 0)
            {
                return;
            }

            int instruction = writeBuffer[0];
            if (instruction == InstructionReset)
            {
                ResetCount++;
                ResetRegisters();
            }
            else if (instruction == InstructionRead)
            {
                if (length > 1)
                {
                    int address = writeBuffer[1];
                    for (int i = 2; i < length; i++)
                    {
                        readBuffer[i] = ReadForHost(address);
                        address = (address + 1) & (RegisterCount - 1);
                    }
                }
            }
            else if (instruction == InstructionWrite)
            {
                if (length > 1)
                {
                    int address = writeBuffer[1];
                    for (int i = 2; i < length; i++)
                    {
                        WriteFromHost(address, writeBuffer[i], 0xFF);
                        address = (address + 1) & (RegisterCount - 1);
                    }
                }
            }
            else if (instruction == InstructionBitModify)
            {
                if (length >= 4)
                {
                    int address = writeBuffer[1];
                    int mask = IsBitModifiable(address) ? writeBuffer[2] : 0xFF;
                    WriteFromHost(address, writeBuffer[3], mask);
                }
            }
            else if (instruction == InstructionReadStatus)
            {
                byte status = ReadStatusByte();
                for (int i = 1; i < length; i++)
                {
                    readBuffer[i] = status;
                }
            }
            else if (instruction == InstructionRxStatus)
            {
                byte status = RxStatusByte();
                for (int i = 1; i < length; i++)
                {
                    readBuffer[i] = status;
                }
            }
            else if ((instruction & 0xF9) == 0x90)
            {
                // READ RX BUFFER 1001 0nm0: n = buffer, m = start at D0 [MCP].
                int buffer = (instruction >> 2) & 1;
                int address = (buffer == 0 ? RxB0Ctrl : RxB1Ctrl) + (((instruction & 0x02) != 0) ? DataOffset : SidhOffset);
                for (int i = 1; i < length; i++)
                {
                    readBuffer[i] = ReadForHost(address);
                    address = (address + 1) & (RegisterCount - 1);
                }

                // Raising CS clears the buffer's RXnIF [MCP].
                _registers[CanIntF] = (byte)(_registers[CanIntF] & ~(buffer == 0 ? FlagRx0 : FlagRx1));
            }
            else if ((instruction & 0xF8) == 0x40 && (instruction & 0x07) <= 5)
            {
                // LOAD TX BUFFER 0100 0abc: ab = buffer, c = start at D0 [MCP].
                int buffer = (instruction >> 1) & 0x03;
                int ctrl = TxB0Ctrl + (buffer * BufferStride);
                int address = ctrl + (((instruction & 0x01) != 0) ? DataOffset : SidhOffset);
                for (int i = 1; i < length; i++)
                {
                    WriteFromHost(address, writeBuffer[i], 0xFF);
                    address++;
                }
            }
            else if ((instruction & 0xF8) == 0x80)
            {
                // RTS 1000 0nnn [MCP].
                for (int buffer = 0; buffer < 3; buffer++)
                {
                    if ((instruction & (1 << buffer)) != 0)
                    {
                        int ctrl = TxB0Ctrl + (buffer * BufferStride);
                        _registers[ctrl] = (byte)((_registers[ctrl] | TxRequest) & ~TxAborted);
                    }
                }
            }

            // Anything else is not an instruction: the chip ignores it.
            AfterChange();
        }

        /// <summary>
        /// A frame on the bus from another node. Taken only in normal and listen-only mode and not while bus-off;
        /// then through the masks and filters. False if not stored (wrong mode, no filter match, or both targets full).
        /// </summary>
        public bool DeliverFromBus(ref CanFrame frame)
        {
            int mode = Mode;
            if ((mode != ModeNormal && mode != ModeListenOnly) || IsBusOff)
            {
                return false;
            }

            bool stored = Receive(ref frame);
            AfterChange();
            return stored;
        }

        /// <summary>
        /// The bus takes the next frame from the chip: in normal mode and not bus-off, the pending buffer of highest
        /// TXP (equal TXP: highest number) [MCP]; its TXREQ clears, TXnIF sets and TEC drops by one. False if none.
        /// </summary>
        public bool TryTakeTransmitted(out CanFrame frame)
        {
            frame = new CanFrame();
            if (Mode != ModeNormal || IsBusOff)
            {
                return false;
            }

            int buffer = NextPendingBuffer();
            if (buffer < 0)
            {
                return false;
            }

            CompleteTransmission(buffer, out frame);
            if (_tec > 0)
            {
                _tec--;
                UpdateErrorFlags();
            }

            AfterChange();
            return true;
        }

        /// <summary>Transmit buffers with TXREQ set.</summary>
        public int PendingTransmitBuffers
        {
            get
            {
                int count = 0;
                for (int buffer = 0; buffer < 3; buffer++)
                {
                    if ((_registers[TxB0Ctrl + (buffer * BufferStride)] & TxRequest) != 0)
                    {
                        count++;
                    }
                }

                return count;
            }
        }

        /// <summary>
        /// <paramref name="count"/> transmit errors: TEC += 8 each (CAN fault confinement), TXERR on pending buffers,
        /// MERRF; TEC ≥ 96 warning, ≥ 128 passive, past 255 bus-off (TXBO) [MCP].
        /// </summary>
        public void InjectTransmitErrors(int count)
        {
            for (int i = 0; i < count && !IsBusOff; i++)
            {
                _tec += 8;
                for (int buffer = 0; buffer < 3; buffer++)
                {
                    int ctrl = TxB0Ctrl + (buffer * BufferStride);
                    if ((_registers[ctrl] & TxRequest) != 0)
                    {
                        _registers[ctrl] = (byte)(_registers[ctrl] | TxError);
                    }
                }

                if (_tec >= BusOffLimit)
                {
                    _tec = 255;
                    _registers[Eflg] = (byte)(_registers[Eflg] | EflgBusOff);
                }

                UpdateErrorFlags();
            }

            _registers[CanIntF] = (byte)(_registers[CanIntF] | FlagMessageError);
            AfterChange();
        }

        /// <summary><paramref name="count"/> receive errors: REC += 1 each, up to 255 (REC never leads to bus-off) [MCP].</summary>
        public void InjectReceiveErrors(int count)
        {
            _rec += count;
            if (_rec > 255)
            {
                _rec = 255;
            }

            UpdateErrorFlags();
            AfterChange();
        }

        /// <summary>A message error (MERRF) without a counter change.</summary>
        public void InjectMessageError()
        {
            _registers[CanIntF] = (byte)(_registers[CanIntF] | FlagMessageError);
            AfterChange();
        }

        /// <summary>The next READ that returns register <paramref name="address"/> gives it XOR <paramref name="xorMask"/> on MISO (a corrupted SPI byte).</summary>
        public void CorruptNextRead(int address, byte xorMask)
        {
            _corruptAddress = address & (RegisterCount - 1);
            _corruptXor = xorMask;
        }

        private void ResetRegisters()
        {
            Array.Clear(_registers, 0, RegisterCount);
            _registers[CanCtrl] = CanCtrlResetValue;
            _registers[CanStat] = CanStatResetValue;
            _pendingMode = ModeConfiguration;
            _modeDelayLeft = 0;
            _tec = 0;
            _rec = 0;
            _rxStatusFilterHit0 = 0;
            _rxStatusFilterHit1 = 0;
        }

        private byte ReadForHost(int address)
        {
            address &= RegisterCount - 1;
            if ((address & 0x0F) == 0x0E)
            {
                AdvanceModeChange();
                address = CanStat;
            }
            else if ((address & 0x0F) == 0x0F)
            {
                address = CanCtrl;
            }

            byte value = _registers[address];
            if (address == _corruptAddress)
            {
                value = (byte)(value ^ _corruptXor);
                _corruptAddress = -1;
            }

            return value;
        }

        private void WriteFromHost(int address, byte data, int mask)
        {
            address &= RegisterCount - 1;
            if ((address & 0x0F) == 0x0F)
            {
                address = CanCtrl;
            }

            int old = _registers[address];
            int value = (old & ~mask) | (data & mask);
            bool configuration = Mode == ModeConfiguration;

            if (address == CanStat || address == Tec || address == Rec || (address & 0x0F) == 0x0E)
            {
                return;
            }

            if (address == CanCtrl)
            {
                _registers[CanCtrl] = (byte)value;
                if ((value & CanCtrlAbortAll) != 0)
                {
                    AbortAll();
                }

                RequestMode(value & ModeMask);
                return;
            }

            // Configuration-only registers: filters 0x00..0x0B, 0x10..0x1B, masks 0x20..0x27, CNF1..3, TXRTSCTRL [MCP].
            bool configOnly = address <= 0x0B || (address >= 0x10 && address <= 0x1B) || (address >= 0x20 && address <= 0x27)
                || address == Cnf1 || address == Cnf2 || address == Cnf3 || address == TxRtsCtrl;
            if (configOnly && !configuration)
            {
                IgnoredConfigurationWrites++;
                return;
            }

            if (address == Eflg)
            {
                // Only RX0OVR/RX1OVR are writable [MCP, IOT].
                int next = (old & ~EflgOverflows) | (value & EflgOverflows);
                if (next != old)
                {
                    _registers[Eflg] = (byte)next;
                    _registers[CanIntF] = (byte)(_registers[CanIntF] | FlagError);
                }

                return;
            }

            if (address >= TxB0Ctrl && address < RxB0Ctrl)
            {
                int ctrl = address & 0xF0;
                int offset = address & 0x0F;
                if (offset == 0)
                {
                    // TXREQ and TXP writable; ABTF, MLOA, TXERR read only [MCP]. Clearing TXREQ aborts.
                    int next = (old & ~(TxRequest | TxPriority)) | (value & (TxRequest | TxPriority));
                    if ((old & TxRequest) != 0 && (next & TxRequest) == 0)
                    {
                        next |= TxAborted;
                    }

                    _registers[ctrl] = (byte)next;
                    return;
                }

                if (offset <= 0x0D && (_registers[ctrl] & TxRequest) != 0)
                {
                    WritesToPendingBuffers++;
                    return;
                }
            }

            if (address == RxB0Ctrl)
            {
                // RXM and BUKT writable; BUKT1 copies BUKT; RXRTR and FILHIT0 read only [MCP, IOT].
                int next = (old & ~(RxModeMask | RxRollover | RxRolloverCopy)) | (value & (RxModeMask | RxRollover));
                if ((next & RxRollover) != 0)
                {
                    next |= RxRolloverCopy;
                }

                _registers[RxB0Ctrl] = (byte)next;
                return;
            }

            if (address == RxB1Ctrl)
            {
                _registers[RxB1Ctrl] = (byte)((old & ~RxModeMask) | (value & RxModeMask));
                return;
            }

            if ((address > RxB0Ctrl && address <= RxB0Ctrl + 0x0D) || (address > RxB1Ctrl && address <= RxB1Ctrl + 0x0D))
            {
                // Receive buffers are read only.
                return;
            }

            _registers[address] = (byte)value;
        }

        private static bool IsBitModifiable(int address)
        {
            // BFPCTRL, TXRTSCTRL, CANCTRL, CNF1..3, CANINTE, CANINTF, EFLG, TXBnCTRL, RXBnCTRL [MCP].
            return address == BfpCtrl || address == TxRtsCtrl || (address & 0x0F) == 0x0F
                || (address >= Cnf3 && address <= Eflg)
                || address == TxB0Ctrl || address == TxB0Ctrl + BufferStride || address == TxB0Ctrl + (2 * BufferStride)
                || address == RxB0Ctrl || address == RxB1Ctrl;
        }

        private void RequestMode(int mode)
        {
            _pendingMode = mode;
            _modeDelayLeft = ModeChangeDelayReads;
            if (_modeDelayLeft == 0)
            {
                ApplyMode();
            }
        }

        private void AdvanceModeChange()
        {
            if ((_registers[CanStat] & ModeMask) == _pendingMode)
            {
                return;
            }

            if (_modeDelayLeft > 0)
            {
                _modeDelayLeft--;
                return;
            }

            ApplyMode();
        }

        private void ApplyMode()
        {
            if (ModeChangeStuck)
            {
                return;
            }

            _registers[CanStat] = (byte)((_registers[CanStat] & ~ModeMask) | _pendingMode);
            if (_pendingMode == ModeLoopback)
            {
                LoopBackPending();
            }
        }

        private void AbortAll()
        {
            for (int buffer = 0; buffer < 3; buffer++)
            {
                int ctrl = TxB0Ctrl + (buffer * BufferStride);
                if ((_registers[ctrl] & TxRequest) != 0)
                {
                    _registers[ctrl] = (byte)((_registers[ctrl] & ~TxRequest) | TxAborted);
                }
            }
        }

        private int NextPendingBuffer()
        {
            int best = -1;
            int bestPriority = -1;
            for (int buffer = 0; buffer < 3; buffer++)
            {
                int ctrl = _registers[TxB0Ctrl + (buffer * BufferStride)];
                if ((ctrl & TxRequest) != 0 && (ctrl & TxPriority) >= bestPriority)
                {
                    // ">=": among equal TXP the higher buffer number wins [MCP].
                    best = buffer;
                    bestPriority = ctrl & TxPriority;
                }
            }

            return best;
        }

        private void CompleteTransmission(int buffer, out CanFrame frame)
        {
            int ctrl = TxB0Ctrl + (buffer * BufferStride);
            frame = new CanFrame();
            int sidl = _registers[ctrl + 2];
            uint sid = ((uint)_registers[ctrl + 1] << 3) | ((uint)sidl >> 5);
            frame.IsExtended = (sidl & SidlExtended) != 0;
            frame.Id = frame.IsExtended
                ? (sid << 18) | ((uint)(sidl & 0x03) << 16) | ((uint)_registers[ctrl + 3] << 8) | _registers[ctrl + 4]
                : sid;
            int length = _registers[ctrl + DlcOffset] & DlcMask;
            frame.Length = length > 8 ? 8 : length;
            ulong data = 0;
            for (int i = 0; i < frame.Length; i++)
            {
                data |= (ulong)_registers[ctrl + DataOffset + i] << (i * 8);
            }

            frame.Data = data;
            _registers[ctrl] = (byte)(_registers[ctrl] & ~(TxRequest | TxError));
            _registers[CanIntF] = (byte)(_registers[CanIntF] | (FlagTx0 << buffer));
            TransmittedFrames++;
        }

        private void LoopBackPending()
        {
            int buffer;
            while ((buffer = NextPendingBuffer()) >= 0)
            {
                CanFrame frame;
                CompleteTransmission(buffer, out frame);
                Receive(ref frame);
            }
        }

        // Figure 4-2 of the datasheet as recalled [MCP]: RXB0's filters first; full RXB0 rolls over with BUKT.
        private bool Receive(ref CanFrame frame)
        {
            bool rxb0Match = Matches(RxB0Ctrl, 0x20, 0, 2, ref frame, out int hit0);
            int flags = _registers[CanIntF];
            if (rxb0Match)
            {
                if ((flags & FlagRx0) == 0)
                {
                    Store(0, ref frame, hit0);
                    _registers[RxB0Ctrl] = (byte)((_registers[RxB0Ctrl] & ~0x01) | (hit0 & 0x01));
                    _rxStatusFilterHit0 = hit0;
                    return true;
                }

                if ((_registers[RxB0Ctrl] & RxRollover) == 0)
                {
                    Overflow(EflgRx0Overflow);
                    return false;
                }

                return StoreInRxb1(ref frame, hit0, true);
            }

            if (Matches(RxB1Ctrl, 0x24, 2, 4, ref frame, out int hit1))
            {
                return StoreInRxb1(ref frame, hit1, false);
            }

            RejectedFrames++;
            return false;
        }

        private bool StoreInRxb1(ref CanFrame frame, int filter, bool rolledOver)
        {
            if ((_registers[CanIntF] & FlagRx1) != 0)
            {
                Overflow(EflgRx1Overflow);
                return false;
            }

            Store(1, ref frame, filter);
            _registers[RxB1Ctrl] = (byte)((_registers[RxB1Ctrl] & ~0x07) | (filter & 0x07));
            _rxStatusFilterHit1 = rolledOver ? 6 + filter : filter;
            return true;
        }

        private void Overflow(int bit)
        {
            OverflowedFrames++;
            _registers[Eflg] = (byte)(_registers[Eflg] | bit);
            _registers[CanIntF] = (byte)(_registers[CanIntF] | FlagError);
        }

        private bool Matches(int ctrl, int maskAddress, int firstFilter, int filterCount, ref CanFrame frame, out int hit)
        {
            hit = firstFilter;
            if ((_registers[ctrl] & RxModeMask) == RxModeAny)
            {
                return true;
            }

            uint mask = RegisterId(maskAddress, true);
            for (int i = 0; i < filterCount; i++)
            {
                int filter = firstFilter + i;
                int address = filter < 3 ? filter * 4 : 0x10 + ((filter - 3) * 4);
                bool filterExtended = (_registers[address + 1] & SidlExtended) != 0;
                if (filterExtended != frame.IsExtended)
                {
                    continue;
                }

                uint filterId = RegisterId(address, filterExtended);
                bool match;
                if (frame.IsExtended)
                {
                    match = ((frame.Id ^ filterId) & mask) == 0;
                }
                else
                {
                    // Standard frames: SID against the SID bits; the EID bits compare the first two data bytes [MCP].
                    uint standardMask = mask >> 18;
                    match = ((frame.Id ^ filterId) & standardMask) == 0;
                    uint dataMask = mask & 0xFFFF;
                    uint filterData = ((uint)_registers[address + 2] << 8) | _registers[address + 3];
                    uint frameData = ((uint)frame.GetByte(0) << 8) | frame.GetByte(1);
                    match = match && ((frameData ^ filterData) & dataMask) == 0;
                }

                if (match)
                {
                    hit = filter;
                    return true;
                }
            }

            return false;
        }

        private uint RegisterId(int address, bool extended)
        {
            int sidl = _registers[address + 1];
            uint sid = ((uint)_registers[address] << 3) | ((uint)sidl >> 5);
            if (!extended)
            {
                return sid;
            }

            return (sid << 18) | ((uint)(sidl & 0x03) << 16) | ((uint)_registers[address + 2] << 8) | _registers[address + 3];
        }

        private void Store(int buffer, ref CanFrame frame, int filter)
        {
            int ctrl = buffer == 0 ? RxB0Ctrl : RxB1Ctrl;
            if (frame.IsExtended)
            {
                uint sid = (frame.Id >> 18) & 0x7FF;
                uint eid = frame.Id & 0x3FFFF;
                _registers[ctrl + 1] = (byte)(sid >> 3);
                _registers[ctrl + 2] = (byte)(((sid & 0x07) << 5) | SidlExtended | ((eid >> 16) & 0x03));
                _registers[ctrl + 3] = (byte)(eid >> 8);
                _registers[ctrl + 4] = (byte)eid;
            }
            else
            {
                uint sid = frame.Id & 0x7FF;
                _registers[ctrl + 1] = (byte)(sid >> 3);
                _registers[ctrl + 2] = (byte)((sid & 0x07) << 5);
                _registers[ctrl + 3] = 0;
                _registers[ctrl + 4] = 0;
            }

            int length = frame.Length < 0 ? 0 : (frame.Length > 8 ? 8 : frame.Length);
            _registers[ctrl + DlcOffset] = (byte)length;
            for (int i = 0; i < 8; i++)
            {
                _registers[ctrl + DataOffset + i] = i < length ? frame.GetByte(i) : (byte)0;
            }

            _registers[CanIntF] = (byte)(_registers[CanIntF] | (buffer == 0 ? FlagRx0 : FlagRx1));
        }

        private void UpdateErrorFlags()
        {
            int old = _registers[Eflg];
            int next = old & (EflgOverflows | EflgBusOff);
            if (_tec >= WarningLimit)
            {
                next |= EflgTxWarning;
            }

            if (_rec >= WarningLimit)
            {
                next |= EflgRxWarning;
            }

            if ((next & (EflgTxWarning | EflgRxWarning)) != 0)
            {
                next |= EflgWarning;
            }

            if (_tec >= PassiveLimit)
            {
                next |= EflgTxPassive;
            }

            if (_rec >= PassiveLimit)
            {
                next |= EflgRxPassive;
            }

            _registers[Tec] = (byte)_tec;
            _registers[Rec] = (byte)_rec;
            if (next != old)
            {
                _registers[Eflg] = (byte)next;
                _registers[CanIntF] = (byte)(_registers[CanIntF] | FlagError);
            }
        }

        private byte ReadStatusByte()
        {
            // Bit order RX0IF, RX1IF, TXB0 TXREQ, TX0IF, TXB1 TXREQ, TX1IF, TXB2 TXREQ, TX2IF [MCP, IOT].
            int flags = _registers[CanIntF];
            int status = flags & (FlagRx0 | FlagRx1);
            for (int buffer = 0; buffer < 3; buffer++)
            {
                if ((_registers[TxB0Ctrl + (buffer * BufferStride)] & TxRequest) != 0)
                {
                    status |= 0x04 << (2 * buffer);
                }

                if ((flags & (FlagTx0 << buffer)) != 0)
                {
                    status |= 0x08 << (2 * buffer);
                }
            }

            return (byte)status;
        }

        private byte RxStatusByte()
        {
            // Bits 7..6 buffers, 4 extended, 3 remote, 2..0 filter; type and filter of RXB0 if it is full [MCP, IOT].
            int flags = _registers[CanIntF];
            int status = 0;
            if ((flags & FlagRx0) != 0)
            {
                status |= 0x40;
            }

            if ((flags & FlagRx1) != 0)
            {
                status |= 0x80;
            }

            int source = (flags & FlagRx0) != 0 ? RxB0Ctrl : ((flags & FlagRx1) != 0 ? RxB1Ctrl : -1);
            if (source >= 0)
            {
                if ((_registers[source + 2] & SidlExtended) != 0)
                {
                    status |= 0x10;
                }

                status |= (source == RxB0Ctrl ? _rxStatusFilterHit0 : _rxStatusFilterHit1) & 0x07;
            }

            return (byte)status;
        }

        private void AfterChange()
        {
            if (Mode == ModeLoopback)
            {
                LoopBackPending();
            }

            int pending = _registers[CanIntF] & _registers[CanIntE];

            // ICOD (CANSTAT bits 3..1): error, wake, TXB0..2, RXB0, RXB1, in that priority [MCP].
            int code = 0;
            if ((pending & FlagError) != 0)
            {
                code = 1;
            }
            else if ((pending & FlagWake) != 0)
            {
                code = 2;
            }
            else if ((pending & 0x1C) != 0)
            {
                code = (pending & 0x04) != 0 ? 3 : ((pending & 0x08) != 0 ? 4 : 5);
            }
            else if ((pending & FlagRx0) != 0)
            {
                code = 6;
            }
            else if ((pending & FlagRx1) != 0)
            {
                code = 7;
            }

            _registers[CanStat] = (byte)((_registers[CanStat] & ~0x0E) | (code << 1));

            bool line = pending != 0;
            bool rising = line && !_line;
            _line = line;
            if (rising)
            {
                InterruptHandler handler = Asserted;
                if (handler != null)
                {
                    handler(_clock.NowMs);
                }
            }
        }
    }
}
