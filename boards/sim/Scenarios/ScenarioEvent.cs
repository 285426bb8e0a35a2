namespace V2G.Sim.Scenarios
{
    /// <summary>One timed action of a scenario.</summary>
    public sealed class ScenarioEvent
    {
        public ScenarioEvent(double atSeconds, string action)
        {
            AtSeconds = atSeconds;
            Action = action;
        }

        /// <summary>Simulated time of the action, s from the start.</summary>
        public double AtSeconds { get; }

        /// <summary>
        /// plug, unplug, dispatch, clear_dispatch, stop (the charger ends the session), vehicle_stop,
        /// inject (with <see cref="Fault"/>), release (the emergency stop), clear_faults,
        /// grid_frequency, grid_voltage.
        /// </summary>
        public string Action { get; }

        /// <summary>dispatch: the setpoint, W (+ into the vehicle).</summary>
        public double PowerW { get; set; }

        /// <summary>inject: weld, insulation, overcurrent, estop, vehicle_silent, overtemperature.</summary>
        public string Fault { get; set; } = "";

        /// <summary>grid_frequency: the new frequency, Hz; grid_voltage: the new RMS voltage, V.</summary>
        public double Value { get; set; }

        /// <summary>grid_frequency: ramp rate, Hz/s (0 = a step).</summary>
        public double RampPerSecond { get; set; }

        public override string ToString() => $"{AtSeconds:0.###} s {Action}";
    }
}
