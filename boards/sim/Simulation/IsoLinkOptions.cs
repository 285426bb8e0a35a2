namespace V2G.Sim.Simulation
{
    /// <summary>How the simulator's ISO 15118-20 link is set up.</summary>
    public sealed class IsoLinkOptions
    {
        /// <summary>TLS 1.3 between the SECC and the EV simulator (a fresh secp521r1 PKI per run).</summary>
        public bool Tls { get; set; }

        /// <summary>With <see cref="Tls"/>: the charger requires the vehicle's certificate (mutual authentication).</summary>
        public bool MutualAuthentication { get; set; }

        /// <summary>The EV asks for DC_BPT (and declares discharge limits).</summary>
        public bool Bidirectional { get; set; } = true;

        /// <summary>Dynamic control mode (the charger chooses the operating point); false = Scheduled.</summary>
        public bool DynamicMode { get; set; } = true;

        public double TargetSocPercent { get; set; } = 100;

        public double MinimumSocPercent { get; set; } = 10;

        /// <summary>Time from plug-in to SDP: the control pilot and SLAC, which come with the CCS work, ms.</summary>
        public int CommunicationSetupMs { get; set; } = 2000;
    }
}
