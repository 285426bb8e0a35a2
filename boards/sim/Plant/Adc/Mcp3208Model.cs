using System;
using V2G.Hal.Buses;

namespace V2G.Sim.Plant.Adc
{
    /// <summary>
    /// The MCP3208 12-bit 8-channel SPI ADC at its pins, answering frames clock by clock as the data sheet's
    /// timing gives it: after chip select, DIN's first 1 is the start bit, then SGL/DIFF and D2..D0; the input
    /// is sampled over the next clock, DOUT then gives the null bit (0) and the result MSB first
    /// (code = 4096 × Vin / Vref, clamped to 0..4095). DOUT is high impedance before the null bit: the model reads
    /// those clocks as 1 (MISO floating high). Clocks after B0 read 0 (the chip's LSB-first repeat is not
    /// modelled). Each channel's voltage is set by the test or read from an attached source. Faults: no answer
    /// (MISO floating high on every clock), MISO held low, a channel stuck at a code.
    /// </summary>
    public sealed class Mcp3208Model : ISpiTransfer
    {
        private const int ChannelCount = 8;
        private const int ResolutionBits = 12;
        private const int MaxCode = 4095;
        private const int CodesPerReference = 4096;

        // Clocks after the start bit: SGL/DIFF, D2, D1, D0, the sampling clock, then the null bit.
        private const int NullBitAfterStart = 6;

        private readonly double _referenceVoltageV;
        private readonly double[] _channelVolts = new double[ChannelCount];
        private readonly IAnalogInput[] _sources = new IAnalogInput[ChannelCount];

        /// <summary>A chip whose VREF pin is at <paramref name="referenceVoltageV"/>, every input at 0 V.</summary>
        public Mcp3208Model(double referenceVoltageV)
        {
            if (!(referenceVoltageV > 0.0))
            {
                throw new ArgumentOutOfRangeException("referenceVoltageV");
            }

            _referenceVoltageV = referenceVoltageV;
            StuckChannel = -1;
            LastChannel = -1;
        }

        /// <summary>Fault: the chip does not drive DOUT (unpowered, missing, chip select broken): MISO floats high.</summary>
        public bool NoAnswer;

        /// <summary>Fault: MISO held low (shorted, or a driver fighting it): every clock reads 0.</summary>
        public bool MisoStuckLow;

        /// <summary>Fault: this channel (0..7) always converts to <see cref="StuckCode"/>; −1 = none.</summary>
        public int StuckChannel;

        /// <summary>The code a stuck channel gives.</summary>
        public int StuckCode;

        /// <summary>Conversions answered so far (frames with a start bit and a full command).</summary>
        public int ConversionCount { get; private set; }

        /// <summary>The input last converted (single-ended channel, or the IN+ channel of a differential pair); −1 before any.</summary>
        public int LastChannel { get; private set; }

        /// <summary>True when the last conversion was single-ended.</summary>
        public bool LastWasSingleEnded { get; private set; }

        /// <summary>Sets the voltage at input <paramref name="channel"/>, V (used while no source is attached).</summary>
        public void SetChannelVolts(int channel, double volts)
        {
            _channelVolts[channel] = volts;
        }

        /// <summary>Reads input <paramref name="channel"/>'s voltage from <paramref name="source"/> at each conversion; null detaches.</summary>
        public void AttachSource(int channel, IAnalogInput source)
        {
            _sources[channel] = source;
        }

        /// <summary>The voltage at input <paramref name="channel"/> now, V.</summary>
        public double ChannelVolts(int channel)
        {
            return _sources[channel] != null ? _sources[channel].ReadVolts() : _channelVolts[channel];
        }

        /// <inheritdoc />
        public void Transfer(byte[] writeBuffer, byte[] readBuffer, int length)
        {
            int clocks = length * 8;
            int startClock = -1;
            for (int i = 0; i < clocks; i++)
            {
                if (BitAt(writeBuffer, i))
                {
                    startClock = i;
                    break;
                }
            }

            int nullClock = startClock + NullBitAfterStart;
            int code = 0;
            bool converting = startClock >= 0 && startClock + 4 < clocks;
            if (converting)
            {
                bool single = BitAt(writeBuffer, startClock + 1);
                int select = (BitAt(writeBuffer, startClock + 2) ? 4 : 0) | (BitAt(writeBuffer, startClock + 3) ? 2 : 0) | (BitAt(writeBuffer, startClock + 4) ? 1 : 0);
                code = Convert(single, select);
                ConversionCount++;
            }

            for (int i = 0; i < length; i++)
            {
                readBuffer[i] = 0;
            }

            for (int i = 0; i < clocks; i++)
            {
                bool level;
                if (MisoStuckLow)
                {
                    level = false;
                }
                else if (NoAnswer || !converting || i < nullClock)
                {
                    // DOUT high impedance: the line floats high.
                    level = true;
                }
                else if (i == nullClock)
                {
                    level = false;
                }
                else
                {
                    int bit = ResolutionBits - (i - nullClock);
                    level = bit >= 0 && ((code >> bit) & 1) != 0;
                }

                if (level)
                {
                    readBuffer[i >> 3] |= (byte)(0x80 >> (i & 7));
                }
            }
        }

        private int Convert(bool singleEnded, int select)
        {
            double volts;
            int channel;
            if (singleEnded)
            {
                channel = select;
                volts = ChannelVolts(channel);
            }
            else
            {
                // Pairs CH0/CH1, CH2/CH3 …: D2, D1 pick the pair, D0 = 1 swaps IN+ and IN−.
                int even = select & 6;
                channel = (select & 1) == 0 ? even : even + 1;
                int minus = (select & 1) == 0 ? even + 1 : even;
                volts = ChannelVolts(channel) - ChannelVolts(minus);
            }

            LastChannel = channel;
            LastWasSingleEnded = singleEnded;
            if (channel == StuckChannel)
            {
                return StuckCode;
            }

            double scaled = volts * CodesPerReference / _referenceVoltageV;
            if (!(scaled > 0.0))
            {
                return 0;
            }

            return scaled >= MaxCode ? MaxCode : (int)scaled;
        }

        private static bool BitAt(byte[] buffer, int clock)
        {
            return (buffer[clock >> 3] & (0x80 >> (clock & 7))) != 0;
        }
    }
}
