namespace V2G.Firmware.Drivers.Board
{
    /// <summary>Configuration of a <see cref="PwmControlPilot"/>. Read once, by its constructor.</summary>
    public sealed class PwmControlPilotSettings
    {
        /// <summary>The pilot's PWM frequency, Hz: 1 kHz (IEC 61851-1).</summary>
        public const double PilotFrequencyHz = 1000.0;

        /// <summary>
        /// Pilot volts per volt at the ADC pin, the gain of the board's divider and level shifter seen backwards
        /// (a board fact, e.g. 24 V of pilot swing over 3.0 V of ADC range = 8.0) [U: set from the schematic].
        /// </summary>
        public double DividerRatio { get; set; } = 8.0;

        /// <summary>The ADC pin's voltage at 0 V pilot, V: the level shifter's offset (a board fact) [U: set from the schematic].</summary>
        public double AdcOffsetV { get; set; } = 1.5;

        /// <summary>The duty cycle set by the constructor, 0.01 %: 10000 = steady +12 V, state A with no offer yet.</summary>
        public int InitialDutyHundredthsPercent { get; set; } = 10000;
    }
}
