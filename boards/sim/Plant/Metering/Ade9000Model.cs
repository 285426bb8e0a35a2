using System;
using V2G.Firmware.Drivers.Ade9000;
using V2G.Hal.Buses;

namespace V2G.Sim.Plant.Metering
{
    /// <summary>
    /// A register-level model of an ADE9000-class metering IC as its host driver sees it: one
    /// <see cref="Transfer"/> is one chip-select frame, a big-endian command word (address in bits 15..4,
    /// bit 3 read) then the register's 2 or 4 data bytes big-endian (<see cref="Ade9000Command"/>,
    /// <see cref="Ade9000Register.DataBytes"/>). Bytes beyond the register read as 0 (the chip's CRC is not
    /// modelled).
    /// <para>
    /// The registers the driver reads are computed from a simulated line: frequency, and per phase RMS voltage,
    /// RMS current and active power, scaled with the same <see cref="Ade9000Settings"/> the driver uses.
    /// xPERIOD = round(counts per second / f) − 1; AVRMSONE = AVRMS (a steady sine); xWATTHR_HI accumulates the
    /// phase's power over <see cref="Advance"/> and wraps as a signed 32-bit register. VERSION answers
    /// <see cref="VersionValue"/> [U: the chip's real value is not in the public sources found]. Any other
    /// register reads back what was last written to it (0 at power-on).
    /// </para>
    /// <para>
    /// Faults: <see cref="Answering"/> false makes MISO read <see cref="AbsentLineLevel"/> on every byte (an
    /// absent chip: 0xFF with a pull-up, 0x00 with a pull-down); <see cref="StuckHighBits"/> and
    /// <see cref="StuckLowBits"/> force bits of every register value read. Not thread-safe.
    /// </para>
    /// </summary>
    public sealed class Ade9000Model : ISpiTransfer
    {
        private const int Phases = 3;
        private const int StoredRegisters = 0x500;
        private const double MsPerHour = 3600000.0;

        private readonly Ade9000Settings _settings;
        private readonly uint[] _stored = new uint[StoredRegisters];
        private readonly double[] _rmsVoltageV = new double[Phases];
        private readonly double[] _rmsCurrentA = new double[Phases];
        private readonly double[] _powerW = new double[Phases];

        // Energy per phase in codes: a wrapping signed 32-bit count plus the fraction not yet a whole code.
        private readonly int[] _energyCode = new int[Phases];
        private readonly double[] _energyFraction = new double[Phases];

        /// <summary>Creates the model with the scalings the driver under test uses.</summary>
        public Ade9000Model(Ade9000Settings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            _settings = settings;
            FrequencyHz = 50;
            VersionValue = 0x00FE;
            AbsentLineLevel = 0xFF;
            Answering = true;
        }

        /// <summary>Line frequency, Hz (the same on every phase).</summary>
        public double FrequencyHz { get; set; }

        /// <summary>What VERSION reads when the chip answers.</summary>
        public uint VersionValue { get; set; }

        /// <summary>False: the chip does not drive MISO (absent, unpowered, in reset).</summary>
        public bool Answering { get; set; }

        /// <summary>What MISO reads while <see cref="Answering"/> is false.</summary>
        public byte AbsentLineLevel { get; set; }

        /// <summary>Bits forced to 1 in every register value read.</summary>
        public uint StuckHighBits { get; set; }

        /// <summary>Bits forced to 0 in every register value read.</summary>
        public uint StuckLowBits { get; set; }

        /// <summary>Frames transferred so far.</summary>
        public int Transfers { get; private set; }

        /// <summary>Sets the line seen by phase 0..2: RMS voltage, RMS current and active power (+ counts up).</summary>
        public void SetPhase(int phase, double rmsVoltageV, double rmsCurrentA, double powerW)
        {
            _rmsVoltageV[phase] = rmsVoltageV;
            _rmsCurrentA[phase] = rmsCurrentA;
            _powerW[phase] = powerW;
        }

        /// <summary>Sets the same line on every phase.</summary>
        public void SetAllPhases(double rmsVoltageV, double rmsCurrentA, double powerW)
        {
            for (int phase = 0; phase < Phases; phase++)
            {
                SetPhase(phase, rmsVoltageV, rmsCurrentA, powerW);
            }
        }

        /// <summary>Presets a phase's xWATTHR_HI (for example just below its wrap).</summary>
        public void SetEnergyCode(int phase, int code)
        {
            _energyCode[phase] = code;
            _energyFraction[phase] = 0;
        }

        /// <summary>The phase's xWATTHR_HI as the chip holds it.</summary>
        public int EnergyCode(int phase)
        {
            return _energyCode[phase];
        }

        /// <summary>Lets <paramref name="elapsedMs"/> of simulated time pass: the energy registers accumulate.</summary>
        public void Advance(double elapsedMs)
        {
            for (int phase = 0; phase < Phases; phase++)
            {
                double codes = _energyFraction[phase] + (_powerW[phase] * elapsedMs / MsPerHour / _settings.WhPerEnergyCode);
                double whole = Floor(codes);
                _energyFraction[phase] = codes - whole;
                _energyCode[phase] = _energyCode[phase] + (int)(long)whole;
            }
        }

        /// <inheritdoc />
        public void Transfer(byte[] writeBuffer, byte[] readBuffer, int length)
        {
            Transfers++;
            if (!Answering)
            {
                for (int i = 0; i < length; i++)
                {
                    readBuffer[i] = AbsentLineLevel;
                }

                return;
            }

            for (int i = 0; i < length; i++)
            {
                readBuffer[i] = 0;
            }

            if (length < Ade9000Command.LengthBytes)
            {
                return;
            }

            int command = (writeBuffer[0] << 8) | writeBuffer[1];
            int address = Ade9000Command.AddressOf(command);
            int dataBytes = Ade9000Register.DataBytes(address);
            int available = length - Ade9000Command.LengthBytes;
            if (available > dataBytes)
            {
                available = dataBytes;
            }

            if (Ade9000Command.IsRead(command))
            {
                uint value = (ReadValue(address) | StuckHighBits) & ~StuckLowBits;
                for (int i = 0; i < available; i++)
                {
                    int shift = 8 * (dataBytes - 1 - i);
                    readBuffer[Ade9000Command.LengthBytes + i] = (byte)(value >> shift);
                }

                return;
            }

            if (available == dataBytes && address < StoredRegisters)
            {
                uint written = 0;
                for (int i = 0; i < dataBytes; i++)
                {
                    written = (written << 8) | writeBuffer[Ade9000Command.LengthBytes + i];
                }

                _stored[address] = written;
            }
        }

        private uint ReadValue(int address)
        {
            if (address == Ade9000Register.Version)
            {
                return VersionValue;
            }

            if (address >= Ade9000Register.APeriod && address < Ade9000Register.APeriod + Phases)
            {
                return FrequencyHz <= 0 ? 0 : (uint)(Round(_settings.PeriodCountsPerSecond / FrequencyHz) - 1);
            }

            for (int phase = 0; phase < Phases; phase++)
            {
                int offset = phase * Ade9000Register.PhaseSpacing;
                if (address == Ade9000Register.AVrms + offset || address == Ade9000Register.AVrmsOne + offset)
                {
                    return Code(_rmsVoltageV[phase], _settings.VoltsPerRmsCode);
                }

                if (address == Ade9000Register.AIrms + offset)
                {
                    return Code(_rmsCurrentA[phase], _settings.AmpsPerRmsCode);
                }

                if (address == Ade9000Register.AWatt + offset)
                {
                    return Code(_powerW[phase], _settings.WattsPerCode);
                }

                if (address == Ade9000Register.WattHrHi(phase))
                {
                    return (uint)_energyCode[phase];
                }
            }

            return address < StoredRegisters ? _stored[address] : 0;
        }

        private static uint Code(double value, double perCode)
        {
            return (uint)(int)Round(value / perCode);
        }

        private static long Round(double value)
        {
            return (long)Floor(value + 0.5);
        }

        private static double Floor(double value)
        {
            long truncated = (long)value;
            return truncated > value ? truncated - 1 : truncated;
        }
    }
}
