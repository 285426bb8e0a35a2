namespace V2G.Sim.Simulation
{
    /// <summary>The CCS connector's lower layers at the end of a run (the summary's "ccs" object).</summary>
    public sealed class CcsSummary
    {
        /// <summary>The connection's phase at the end (unplugged, matching, link_ready, ...).</summary>
        public string Phase { get; set; } = "";

        /// <summary>The pilot state at the end ("A" … "F", "invalid").</summary>
        public string PilotState { get; set; } = "";

        /// <summary>The pilot's duty cycle at the end, % (100 = steady +12 V).</summary>
        public double DutyCyclePercent { get; set; }

        public string Proximity { get; set; } = "";

        public string SlacState { get; set; } = "";

        /// <summary>Mean attenuation of the sounds of the matching that succeeded, dB (−1 if none did).</summary>
        public double MatchedAttenuationDb { get; set; } = -1;

        /// <summary>Matching attempts of the last vehicle (each after the pilot's error sequence).</summary>
        public int MatchingAttempts { get; set; }

        /// <summary>Management frames the charger's SLAC dropped (malformed or unexpected).</summary>
        public int SlacFramesDropped { get; set; }

        /// <summary>Frames the PLC medium lost (the --plc-loss impairment).</summary>
        public long PlcFramesLost { get; set; }
    }
}
