namespace V2G.Sim.Simulation
{
    /// <summary>One scripted grid event and how the charger answered it (the summary's "events" array).</summary>
    public sealed class GridEventResult
    {
        /// <summary>"frequency_step", "frequency_ramp", "phase_jump", "voltage_sag", "voltage_swell", "loss_of_mains", "restore_mains".</summary>
        public string Type { get; set; } = "";

        /// <summary>When the event happened, simulated s.</summary>
        public double AtS { get; set; }

        /// <summary>The grid frequency (Hz) or RMS voltage (V) the event set; for a phase jump its degrees.</summary>
        public double Value { get; set; }

        /// <summary>
        /// Time from the event to 90 % of the final power change, ms (measurement and converter lag
        /// included); −1 when the power did not change (inside the deadband) or a trip ended it.
        /// </summary>
        public double DroopT90Ms { get; set; } = -1;

        /// <summary>
        /// |measured − droop equation| at the end of the event's window, in % of the droop's rated power;
        /// NaN when no droop answer is expected (a trip, a phase jump, a voltage event).
        /// </summary>
        public double SteadyErrorPct { get; set; } = double.NaN;

        /// <summary>For a trip: from the event to the converter off (ceased to energize), ms; −1 if none.</summary>
        public double TripClearMs { get; set; } = -1;

        /// <summary>The trip's fault name, or "".</summary>
        public string Trip { get; set; } = "";

        /// <summary>DC power at the event, W (+ into the vehicle).</summary>
        public double PowerBeforeW { get; set; }

        /// <summary>DC power at the end of the window, W.</summary>
        public double PowerAfterW { get; set; }

        /// <summary>What the droop equation gives for the new frequency, W; NaN where not applicable.</summary>
        public double ExpectedPowerW { get; set; } = double.NaN;
    }
}
