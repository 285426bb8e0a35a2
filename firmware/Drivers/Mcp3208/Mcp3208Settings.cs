namespace V2G.Firmware.Drivers.Mcp3208
{
    /// <summary>The board's facts about its MCP3208 monitor ADC.</summary>
    public sealed class Mcp3208Settings
    {
        /// <summary>
        /// Voltage on the chip's VREF pin, V: full scale of every channel. Required: it is the board's reference
        /// (a precision reference or the supply), not a chip constant, so there is no default (NaN is refused).
        /// </summary>
        public double ReferenceVoltageV = double.NaN;

        /// <summary>
        /// True (the safe side, the default): a result of code 0 is reported as a dead bus, like the all-ones answer
        /// of a floating MISO, because a MISO held low reads exactly as code 0. The board's front ends then bias each
        /// monitored quantity's zero above code 0. Set false only where a channel legitimately reads 0 V; a MISO
        /// held low then reads as 0 V on it.
        /// </summary>
        public bool ZeroCodeMeansDeadBus = true;
    }
}
