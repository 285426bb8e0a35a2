namespace V2G.Sim.Simulation
{
    /// <summary>The GB/T 27930 session at the end of a run (the summary's "gbt" object).</summary>
    public sealed class GbtSummary
    {
        /// <summary>"gbt2015" or "gbt2023a".</summary>
        public string Profile { get; set; } = "";

        /// <summary>The charger session's stage at the end.</summary>
        public string Stage { get; set; } = "";

        /// <summary>The simulated BMS's state at the end.</summary>
        public string BmsState { get; set; } = "";

        /// <summary>True if the discharge extension was agreed in the parameter stage.</summary>
        public bool DischargeAgreed { get; set; }

        /// <summary>Re-handshakes from CRM(00h) after a timeout.</summary>
        public int Reconnects { get; set; }

        public long FramesCarried { get; set; }

        /// <summary>Frames the charger dropped (wrong length, unknown PGN, other addresses, broken transport).</summary>
        public long FramesDropped { get; set; }
    }
}
