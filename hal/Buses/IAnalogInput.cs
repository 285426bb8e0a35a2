namespace V2G.Hal.Buses
{
    /// <summary>
    /// One analog input: the voltage at the ADC pin, V (after the board's divider or level shifter; the driver
    /// that reads it owns the scaling back to the measured quantity, as a setting). Where the board samples
    /// synchronised to an event (a PWM edge), this returns the latest such sample.
    /// </summary>
    public interface IAnalogInput
    {
        /// <summary>The latest voltage at the ADC pin, V.</summary>
        double ReadVolts();
    }
}
