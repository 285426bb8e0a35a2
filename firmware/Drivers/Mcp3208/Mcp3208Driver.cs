using System;
using V2G.Hal.Buses;

namespace V2G.Firmware.Drivers.Mcp3208
{
    /// <summary>
    /// The MCP3208 12-bit 8-channel SPI ADC (the boards' DC-side monitor ADC): single-ended conversions, one
    /// 3-byte frame each (<see cref="Mcp3208Frame"/>). A conversion is made on each read; the chip has no state to
    /// set up. A dead bus is reported, never turned into a voltage: a response with the null bit high (MISO
    /// floating high, or no chip: all ones) and, unless <see cref="Mcp3208Settings.ZeroCodeMeansDeadBus"/> is
    /// false, a code of 0 (MISO held low) make <see cref="LastReadValid"/> false, count in
    /// <see cref="InvalidReadCount"/> and read as NaN volts. Allocates nothing after construction.
    /// </summary>
    public sealed class Mcp3208Driver
    {
        private readonly ISpiTransfer _spi;
        private readonly double _referenceVoltageV;
        private readonly bool _zeroCodeMeansDeadBus;
        private readonly byte[] _request = new byte[Mcp3208Frame.Length];
        private readonly byte[] _response = new byte[Mcp3208Frame.Length];
        private readonly Mcp3208Channel[] _channels = new Mcp3208Channel[Mcp3208Frame.ChannelCount];

        /// <summary>The chip on <paramref name="spi"/> (its chip select asserted for each transfer).</summary>
        public Mcp3208Driver(ISpiTransfer spi, Mcp3208Settings settings)
        {
            if (spi == null)
            {
                throw new ArgumentNullException("spi");
            }

            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            if (!(settings.ReferenceVoltageV > 0.0) || double.IsInfinity(settings.ReferenceVoltageV))
            {
                throw new ArgumentException("ReferenceVoltageV is required: the board's VREF, V");
            }

            _spi = spi;
            _referenceVoltageV = settings.ReferenceVoltageV;
            _zeroCodeMeansDeadBus = settings.ZeroCodeMeansDeadBus;
            for (int i = 0; i < _channels.Length; i++)
            {
                _channels[i] = new Mcp3208Channel(this, i);
            }
        }

        /// <summary>The reference voltage, V: the full scale of every channel.</summary>
        public double ReferenceVoltageV => _referenceVoltageV;

        /// <summary>False when the last conversion's answer was a dead bus (see the class comment).</summary>
        public bool LastReadValid { get; private set; }

        /// <summary>Conversions answered by a dead bus since construction.</summary>
        public int InvalidReadCount { get; private set; }

        /// <summary>Conversions made since construction.</summary>
        public int ReadCount { get; private set; }

        /// <summary>
        /// Channel <paramref name="channel"/> (0..7) as an analog input: volts at the chip's pin, a fresh conversion
        /// on each read (NaN on a dead bus). The same object on every call.
        /// </summary>
        public IAnalogInput Channel(int channel)
        {
            CheckChannel(channel);
            return _channels[channel];
        }

        /// <summary>Converts <paramref name="channel"/> (0..7): its 12-bit code, or −1 on a dead bus.</summary>
        public int ReadCode(int channel)
        {
            CheckChannel(channel);
            Mcp3208Frame.WriteSingleEndedRequest(channel, _request);
            _spi.Transfer(_request, _response, Mcp3208Frame.Length);
            ReadCount++;

            int code = Mcp3208Frame.ResultCode(_response);
            bool valid = Mcp3208Frame.HasNullBit(_response) && !(_zeroCodeMeansDeadBus && code == 0);
            LastReadValid = valid;
            if (!valid)
            {
                InvalidReadCount++;
                return -1;
            }

            return code;
        }

        /// <summary>Converts <paramref name="channel"/> (0..7): volts at its pin, NaN on a dead bus.</summary>
        public double ReadVolts(int channel)
        {
            int code = ReadCode(channel);
            if (code < 0)
            {
                return double.NaN;
            }

            return code * _referenceVoltageV / Mcp3208Frame.CodesPerReference;
        }

        private static void CheckChannel(int channel)
        {
            if (channel < 0 || channel >= Mcp3208Frame.ChannelCount)
            {
                throw new ArgumentOutOfRangeException("channel");
            }
        }
    }
}
