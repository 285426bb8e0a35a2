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
        /// The vehicle's departure, simulated s from the start of the run (the EV simulator sends the time left
        /// in ScheduleExchange and the charge loop); NaN = the EV simulator's default.
        /// </summary>
        public double DepartureS { get; set; } = double.NaN;

        /// <summary>
        /// For a vehicle outside the simulator (--listen): the address and port the charger listens on
        /// (port 0 = any free port).
        /// </summary>
        public System.Net.IPEndPoint ListenEndPoint { get; set; }

        /// <summary>With --listen and TLS: where the charger's root CA (charger-root.cer) and a vehicle certificate (vehicle.pfx, password "v2g") are written for the outside vehicle.</summary>
        public string PkiDirectory { get; set; } = ".";

        /// <summary>
        /// The CCS connector below ISO 15118-20 (control pilot, proximity, SLAC over a virtual PLC link)
        /// decides when the vehicle is connected and when SDP may start. True by default; false replaces
        /// it by <see cref="CommunicationSetupMs"/> (for tests of the upper layers alone).
        /// </summary>
        public bool Ccs { get; set; } = true;

        /// <summary>Without <see cref="Ccs"/>: time from plug-in to SDP, ms.</summary>
        public int CommunicationSetupMs { get; set; } = 2000;

        /// <summary>The PLC medium's impairments (loss, duplication, delay), seeded.</summary>
        public V2G.Sim.Plant.Plc.PlcLinkImpairments PlcImpairments { get; set; } = V2G.Sim.Plant.Plc.PlcLinkImpairments.None();

        /// <summary>The PLC medium: the attenuation the charger's modem reports for each sound, the EV modem's join time.</summary>
        public V2G.Sim.Plant.Plc.PlcLinkSettings PlcLink { get; set; } = new V2G.Sim.Plant.Plc.PlcLinkSettings();

        /// <summary>The vehicle's SLAC (its attenuation threshold, timings).</summary>
        public V2G.Protocol.Slac.SlacPevSettings VehicleSlac { get; set; } = new V2G.Protocol.Slac.SlacPevSettings();

        /// <summary>Seed of the board's random choices (NMK, pilot noise).</summary>
        public uint Seed { get; set; } = 1;
    }
}
