using System;
using V2G.Hal.Buses;
using V2G.Hal.Grid;
using V2G.Hal.Metering;

namespace V2G.Firmware.Drivers.Ade9000
{
    /// <summary>
    /// Driver for an ADE9000-class polyphase metering IC on SPI: the charger's <see cref="IGridSensor"/>
    /// (per-cycle line period and one-cycle RMS of phase A) and <see cref="IEnergyMeter"/> (active power and
    /// import/export energy summed over the wired phases). It only reads: the chip's configuration (RUN,
    /// ACCMODE, EP_CFG, EGY_TIME, gains) is the board's start-up sequence.
    /// <list type="bullet">
    /// <item>A dead or absent chip shows as all zeros or all ones on MISO: <see cref="Probe"/> checks VERSION,
    /// and every line-period read is checked the same way (a live chip never reports a period of 0 or
    /// 0xFFFFFFFF). While absent, no cycle is queued and no energy is counted.</item>
    /// <item>Energy comes from the xWATTHR_HI accumulators read as signed 32-bit counters: the difference
    /// between two reads (wrapping) is added to import when positive and to export when negative, so a wrap
    /// of the chip's register loses nothing as long as less than 2^31 codes pass between two
    /// <see cref="ServiceEnergy"/> calls. After absence the first read only takes a new baseline.</item>
    /// </list>
    /// Bus errors surface as exceptions from <see cref="ISpiTransfer.Transfer"/> and pass to the caller.
    /// Not thread-safe: call everything from the board's metering thread.
    /// </summary>
    public sealed class Ade9000Driver : IGridSensor, IEnergyMeter
    {
        private const int MaxPhases = 3;
        private const double MsPerSecond = 1000.0;
        private const double UsPerSecond = 1000000.0;
        private const uint AllOnes = 0xFFFFFFFF;

        private readonly ISpiTransfer _spi;
        private readonly double _periodCountsPerSecond;
        private readonly double _voltsPerRmsCode;
        private readonly double _ampsPerRmsCode;
        private readonly double _wattsPerCode;
        private readonly double _whPerEnergyCode;
        private readonly int _phases;
        private readonly double _importSign;
        private readonly double _nominalFrequencyHz;

        private readonly byte[] _write = new byte[Ade9000Command.LengthBytes + 4];
        private readonly byte[] _read = new byte[Ade9000Command.LengthBytes + 4];

        private readonly GridCycle[] _cycles;
        private int _cycleHead;
        private int _cycleCount;
        private int _droppedCycles;

        private readonly int[] _lastEnergyCode = new int[MaxPhases];
        private bool _energyBaselineTaken;
        private double _importWh;
        private double _exportWh;
        private double _powerW;

        private bool _present;
        private uint _version;
        private int _absentReads;

        /// <summary>Creates the driver. Nothing is sent until the first call.</summary>
        /// <param name="spi">The chip's SPI device (one chip-select frame per transfer).</param>
        /// <param name="settings">Scalings and sizes; the per-code scalings must be set (&gt; 0).</param>
        public Ade9000Driver(ISpiTransfer spi, Ade9000Settings settings)
        {
            if (spi == null)
            {
                throw new ArgumentNullException("spi");
            }

            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            if (settings.PeriodCountsPerSecond <= 0 || settings.VoltsPerRmsCode <= 0 || settings.AmpsPerRmsCode <= 0
                || settings.WattsPerCode <= 0 || settings.WhPerEnergyCode <= 0)
            {
                throw new ArgumentException("every scaling must be set and positive", "settings");
            }

            if (settings.Phases < 1 || settings.Phases > MaxPhases || settings.CycleQueueLength < 1)
            {
                throw new ArgumentException("phases 1..3 and a queue of at least one cycle", "settings");
            }

            _spi = spi;
            _periodCountsPerSecond = settings.PeriodCountsPerSecond;
            _voltsPerRmsCode = settings.VoltsPerRmsCode;
            _ampsPerRmsCode = settings.AmpsPerRmsCode;
            _wattsPerCode = settings.WattsPerCode;
            _whPerEnergyCode = settings.WhPerEnergyCode;
            _phases = settings.Phases;
            _importSign = settings.ImportIsPositive ? 1.0 : -1.0;
            _nominalFrequencyHz = settings.NominalFrequencyHz;
            _cycles = new GridCycle[settings.CycleQueueLength];
        }

        /// <summary>True after the last check (VERSION or a line period) found a chip answering.</summary>
        public bool IsPresent => _present;

        /// <summary>VERSION as last read by <see cref="Probe"/>.</summary>
        public uint Version => _version;

        /// <summary>Reads that came back all zeros or all ones (a dead chip or an open MISO line).</summary>
        public int AbsentReads => _absentReads;

        /// <summary>Cycles dropped because the queue was full.</summary>
        public int DroppedCycles => _droppedCycles;

        /// <inheritdoc />
        public double NominalFrequencyHz => _nominalFrequencyHz;

        /// <inheritdoc />
        public double ImportWh => _importWh;

        /// <inheritdoc />
        public double ExportWh => _exportWh;

        /// <inheritdoc />
        public double PowerW => _powerW;

        /// <summary>Reads VERSION; the chip is present unless it reads all zeros or all ones.</summary>
        public bool Probe()
        {
            _version = ReadRegister(Ade9000Register.Version);
            uint allOnes = Ade9000Register.Is16Bit(Ade9000Register.Version) ? 0xFFFFu : AllOnes;
            SetPresence(_version != 0 && _version != allOnes);
            return _present;
        }

        /// <summary>
        /// Call once per line cycle (from the zero-crossing interrupt's thread or a timer at the line
        /// frequency): reads APERIOD and AVRMSONE and queues one <see cref="GridCycle"/> ending at
        /// <paramref name="nowMs"/>. Returns false, queueing nothing, when the period read shows no chip.
        /// </summary>
        public bool ServiceCycle(long nowMs)
        {
            uint period = ReadRegister(Ade9000Register.APeriod);
            if (period == 0 || period == AllOnes)
            {
                SetPresence(false);
                return false;
            }

            SetPresence(true);
            uint rms = ReadRegister(Ade9000Register.AVrmsOne);

            GridCycle cycle = new GridCycle();
            cycle.EndMs = nowMs;
            cycle.PeriodUs = PeriodSeconds(period) * UsPerSecond;
            cycle.RmsVoltageV = (int)rms * _voltsPerRmsCode;
            Enqueue(cycle);
            return true;
        }

        /// <summary>
        /// Reads xWATT and xWATTHR_HI of every wired phase and updates <see cref="PowerW"/>,
        /// <see cref="ImportWh"/> and <see cref="ExportWh"/>. Skipped (returns false) while the chip is absent.
        /// </summary>
        public bool ServiceEnergy()
        {
            if (!_present)
            {
                return false;
            }

            double powerCodes = 0;
            long deltaCodes = 0;
            for (int phase = 0; phase < _phases; phase++)
            {
                powerCodes += (int)ReadRegister(Ade9000Register.AWatt + (phase * Ade9000Register.PhaseSpacing));
                int energy = (int)ReadRegister(Ade9000Register.WattHrHi(phase));

                // Wrapping difference of a signed 32-bit counter: correct across the register's wrap.
                int delta = energy - _lastEnergyCode[phase];
                _lastEnergyCode[phase] = energy;
                deltaCodes += delta;
            }

            _powerW = powerCodes * _wattsPerCode * _importSign;
            if (!_energyBaselineTaken)
            {
                _energyBaselineTaken = true;
                return true;
            }

            double deltaWh = deltaCodes * _whPerEnergyCode * _importSign;
            if (deltaWh >= 0)
            {
                _importWh += deltaWh;
            }
            else
            {
                _exportWh -= deltaWh;
            }

            return true;
        }

        /// <summary>Line frequency of phase A now, Hz, or 0 when no chip answers.</summary>
        public double ReadFrequencyHz()
        {
            uint period = ReadRegister(Ade9000Register.APeriod);
            if (period == 0 || period == AllOnes)
            {
                return 0;
            }

            return 1.0 / PeriodSeconds(period);
        }

        /// <summary>Filter-based RMS voltage of phase 0..2, V.</summary>
        public double ReadRmsVoltageV(int phase)
        {
            return (int)ReadRegister(Ade9000Register.AVrms + (PhaseIndex(phase) * Ade9000Register.PhaseSpacing)) * _voltsPerRmsCode;
        }

        /// <summary>Filter-based RMS current of phase 0..2, A.</summary>
        public double ReadRmsCurrentA(int phase)
        {
            return (int)ReadRegister(Ade9000Register.AIrms + (PhaseIndex(phase) * Ade9000Register.PhaseSpacing)) * _ampsPerRmsCode;
        }

        /// <inheritdoc />
        public bool TryReadCycle(out GridCycle cycle)
        {
            if (_cycleCount == 0)
            {
                cycle = new GridCycle();
                return false;
            }

            cycle = _cycles[_cycleHead];
            _cycleHead = (_cycleHead + 1) % _cycles.Length;
            _cycleCount--;
            return true;
        }

        /// <summary>Frequency a period register value stands for, Hz (frequency = counts per second / (code + 1)).</summary>
        public static double FrequencyFromPeriodCode(uint periodCode, double periodCountsPerSecond)
        {
            return periodCountsPerSecond / (periodCode + 1.0);
        }

        private double PeriodSeconds(uint periodCode)
        {
            return (periodCode + 1.0) / _periodCountsPerSecond;
        }

        private static int PhaseIndex(int phase)
        {
            if (phase < 0 || phase >= MaxPhases)
            {
                throw new ArgumentOutOfRangeException("phase");
            }

            return phase;
        }

        private void SetPresence(bool present)
        {
            if (!present)
            {
                _absentReads++;
                // A chip that comes back may have been reset: its counters restart, so take a new baseline.
                _energyBaselineTaken = false;
            }

            _present = present;
        }

        private void Enqueue(GridCycle cycle)
        {
            if (_cycleCount == _cycles.Length)
            {
                // Drop the oldest: the control tick wants the most recent cycles.
                _cycleHead = (_cycleHead + 1) % _cycles.Length;
                _cycleCount--;
                _droppedCycles++;
            }

            _cycles[(_cycleHead + _cycleCount) % _cycles.Length] = cycle;
            _cycleCount++;
        }

        private uint ReadRegister(int address)
        {
            int dataBytes = Ade9000Register.DataBytes(address);
            int length = Ade9000Command.LengthBytes + dataBytes;
            Ade9000Command.Put(Ade9000Command.Read(address), _write, 0);
            for (int i = Ade9000Command.LengthBytes; i < length; i++)
            {
                _write[i] = 0;
            }

            _spi.Transfer(_write, _read, length);
            uint value = 0;
            for (int i = Ade9000Command.LengthBytes; i < length; i++)
            {
                value = (value << 8) | _read[i];
            }

            return value;
        }
    }
}
