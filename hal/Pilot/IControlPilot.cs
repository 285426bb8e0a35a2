namespace V2G.Hal.Pilot
{
    /// <summary>
    /// The control pilot (IEC 61851-1): the charger's ±12 V generator behind 1 kΩ, switched as a 1 kHz
    /// PWM, and its measurement on the cable side of that resistor. The board samples the pilot in the
    /// PWM's high phase and in its low phase (edge-synchronised, as the 50 µs high phase of 5 % needs)
    /// and keeps the latest value of each; the firmware classifies and debounces them.
    /// </summary>
    public interface IControlPilot
    {
        /// <summary>
        /// Sets the duty cycle in 0.01 % (0..10000): 10000 = steady +12 V (no PWM, "X1"), 0 = steady
        /// −12 V (state F), 500 = the 5 % that asks for digital communication.
        /// </summary>
        void SetDutyCycle(int dutyHundredthsPercent);

        /// <summary>The duty cycle last commanded, 0.01 %.</summary>
        int DutyCycle { get; }

        /// <summary>Latest pilot voltage in the PWM's high phase (the steady level without PWM), V.</summary>
        double HighPhaseVoltageV { get; }

        /// <summary>Latest pilot voltage in the PWM's low phase (the steady level without PWM), V.</summary>
        double LowPhaseVoltageV { get; }
    }
}
