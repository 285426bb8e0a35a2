namespace V2G.Firmware.Drivers.Board
{
    /// <summary>Configuration of an <see cref="AlarmInsulationMonitor"/>. Read once, by its constructor.</summary>
    public sealed class AlarmInsulationMonitorSettings
    {
        /// <summary>
        /// The response value configured in the insulation monitor, Ω: its alarm contact asserts below it. A fact of
        /// the installed device's configuration, so there is no default (NaN); the constructor refuses it unset.
        /// It must be at least the firmware's insulation limit at the highest test voltage, or every check fails.
        /// </summary>
        public double AlarmThresholdOhm { get; set; } = double.NaN;

        /// <summary>
        /// Time from the measurement enable to the first trustworthy alarm state, ms: the device's start-up and
        /// response time at the cable's capacitance (its data sheet and the installation). No default (0); the
        /// constructor refuses it unset.
        /// </summary>
        public int MeasurementSettleMs { get; set; }

        /// <summary>
        /// The alarm contact must read the same for this long before the driver believes it, ms [U: a relay contact's
        /// bounce, as for the contactors' mirror contacts].
        /// </summary>
        public int AlarmDebounceMs { get; set; } = 20;
    }
}
