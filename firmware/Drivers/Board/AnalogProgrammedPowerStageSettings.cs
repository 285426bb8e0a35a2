namespace V2G.Firmware.Drivers.Board
{
    /// <summary>
    /// The board's analog interface to its converter (<see cref="AnalogProgrammedPowerStage"/>). Every value is
    /// the board's or the converter's own (its programming input, its monitor amplifiers, the firmware's loop
    /// tuning for that converter), so none has a default: NaN is refused by the stage's constructor.
    /// </summary>
    public sealed class AnalogProgrammedPowerStageSettings
    {
        /// <summary>Frequency of the filtered reference PWM, Hz (the board's RC filter is designed for it).</summary>
        public double ReferencePwmFrequencyHz = double.NaN;

        /// <summary>Output current the converter regulates at 0 % reference duty, A (+ to the vehicle; −Imax on a bidirectional stage).</summary>
        public double CurrentAtZeroDutyA = double.NaN;

        /// <summary>Output current the converter regulates at 100 % reference duty, A (+Imax on a bidirectional stage).</summary>
        public double CurrentAtFullDutyA = double.NaN;

        /// <summary>Output volts per volt of the voltage monitor at the ADC pin.</summary>
        public double VoltageMonitorVPerV = double.NaN;

        /// <summary>Output voltage when the voltage monitor reads 0 V, V (the front end's bias, negative when biased up).</summary>
        public double VoltageMonitorOffsetV = double.NaN;

        /// <summary>Output amps per volt of the current monitor at the ADC pin (+ to the vehicle).</summary>
        public double CurrentMonitorAPerV = double.NaN;

        /// <summary>Output current when the current monitor reads 0 V, A (a bipolar monitor centred mid-scale gives −Imax here).</summary>
        public double CurrentMonitorOffsetA = double.NaN;

        /// <summary>°C per volt of the heatsink sensor at the ADC pin (a linear-output sensor); required with a temperature input.</summary>
        public double TemperatureMonitorCPerV = double.NaN;

        /// <summary>Temperature when the heatsink sensor reads 0 V, °C; required with a temperature input.</summary>
        public double TemperatureMonitorOffsetC = double.NaN;

        /// <summary>
        /// Lowest monitor voltage at the ADC pin a healthy front end gives, V: below it (or an invalid conversion) a
        /// monitor is out of range (a lost amplifier supply, an open wire, a clipped output).
        /// </summary>
        public double MonitorMinimumV = double.NaN;

        /// <summary>Highest monitor voltage at the ADC pin a healthy front end gives, V.</summary>
        public double MonitorMaximumV = double.NaN;

        /// <summary>
        /// Proportional gain of the firmware's outer voltage loop, A per V of error (also the cutback gain of the
        /// voltage limit in current mode). Tuned for the converter and the output capacitance: no default.
        /// </summary>
        public double VoltageLoopProportionalAPerV = double.NaN;

        /// <summary>Integral gain of the outer voltage loop, A per V·s of error (0 = proportional only).</summary>
        public double VoltageLoopIntegralAPerVs = double.NaN;
    }
}
