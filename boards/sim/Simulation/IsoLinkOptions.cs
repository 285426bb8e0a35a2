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

        /// <summary>
        /// For a vehicle outside the simulator (--listen): the address and port the charger listens on
        /// (port 0 = any free port).
        /// </summary>
        public System.Net.IPEndPoint ListenEndPoint { get; set; }

        /// <summary>With --listen and TLS: where the charger's root CA (charger-root.cer) and a vehicle certificate (vehicle.pfx, password "v2g") are written for the outside vehicle.</summary>
        public string PkiDirectory { get; set; } = ".";

        /// <summary>Time from plug-in to SDP: the control pilot and SLAC, which come with the CCS work, ms.</summary>
        public int CommunicationSetupMs { get; set; } = 2000;
    }
}
