namespace V2G.Hal.Power
{
    /// <summary>
    /// The bidirectional DC converter. Sign convention (the firmware's one convention):
    /// + = power to the vehicle (charging, import from the grid), − = from the vehicle
    /// (discharging, export).
    /// On a board this sets the references of the converter's own controller (PWM duty or
    /// setpoints over a bus); the converter closes its current and voltage loops itself, and its
    /// hardware over-current and over-voltage trips latch the gate enable independently of
    /// software. Managed code supervises; it does not close current loops.
    /// </summary>
    public interface IPowerStage
    {
        /// <summary>Enables the gates in the mode and with the references last set.</summary>
        void Enable();

        /// <summary>Disables the gates at once. Must take effect within one control tick.</summary>
        void Disable();

        /// <summary>True while the gates are enabled.</summary>
        bool IsEnabled { get; }

        /// <summary>The mode last commanded.</summary>
        PowerStageMode Mode { get; }

        /// <summary>Regulate the output voltage to <paramref name="voltageV"/>, with |current| limited.</summary>
        void SetVoltageTarget(double voltageV, double currentLimitA);

        /// <summary>Regulate the signed output current (+ to the vehicle), with the output voltage limited.</summary>
        void SetCurrentTarget(double currentA, double voltageLimitV);

        /// <summary>Measured DC output voltage on the vehicle side of the converter, before the contactors.</summary>
        double OutputVoltageV { get; }

        /// <summary>Measured signed DC output current, + to the vehicle.</summary>
        double OutputCurrentA { get; }

        /// <summary>Hottest measured temperature of the stage (heatsink, inductor), °C.</summary>
        double TemperatureC { get; }

        /// <summary>Latched hardware faults, a combination of <see cref="PowerStageFaults"/>.</summary>
        int Faults { get; }

        /// <summary>Clears latched hardware faults; only honoured by the hardware once their cause is gone.</summary>
        void ResetFaults();
    }
}
