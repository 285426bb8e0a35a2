using V2G.Hal.Buses;

namespace V2G.Firmware.Drivers.Mcp3208
{
    /// <summary>One input of an <see cref="Mcp3208Driver"/>: each read is a fresh conversion, NaN on a dead bus.</summary>
    public sealed class Mcp3208Channel : IAnalogInput
    {
        private readonly Mcp3208Driver _chip;
        private readonly int _channel;

        internal Mcp3208Channel(Mcp3208Driver chip, int channel)
        {
            _chip = chip;
            _channel = channel;
        }

        /// <summary>The chip's input number, 0..7.</summary>
        public int Number => _channel;

        /// <inheritdoc />
        public double ReadVolts()
        {
            return _chip.ReadVolts(_channel);
        }
    }
}
