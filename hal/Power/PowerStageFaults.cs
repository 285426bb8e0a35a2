namespace V2G.Hal.Power
{
    /// <summary>
    /// Faults latched by the converter's hardware (bit flags). The hardware trips act on the gate
    /// enable by themselves; software only reads them and sequences the shutdown.
    /// </summary>
    public static class PowerStageFaults
    {
        public const int None = 0;
        public const int HardwareOverCurrent = 1;
        public const int HardwareOverVoltage = 2;
        public const int OverTemperature = 4;
        public const int GateDriver = 8;
        public const int AuxiliarySupply = 16;

        /// <summary>A measurement of the stage (voltage, current or temperature monitor) read outside its valid window or not at all: the stage cannot be controlled safely.</summary>
        public const int MonitorOutOfRange = 32;
    }
}
