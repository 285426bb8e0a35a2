namespace V2G.Sim.Simulation
{
    /// <summary>How the simulator's GB/T 27930 link is set up.</summary>
    public sealed class GbtLinkOptions
    {
        /// <summary>GB/T 27930-2015 or 2023 Category A.</summary>
        public V2G.Protocol.GbT.Charger.GbtProfile Profile { get; set; } = V2G.Protocol.GbT.Charger.GbtProfile.Gbt2015;

        /// <summary>
        /// The charger's discharge extension (docs/gbt27930.md), off by default as on a real charger;
        /// the simulated BMS offers discharge when the scenario's vehicle can discharge.
        /// </summary>
        public bool DischargeExtension { get; set; }

        /// <summary>Write every CAN frame of the run to this candump log (can-utils' `candump -l` format), or null.</summary>
        public string CandumpPath { get; set; }
    }
}
