namespace V2G.Sim.Simulation
{
    /// <summary>The simulator board's MQTT uplink: which broker, and as whom.</summary>
    public sealed class UplinkOptions
    {
        /// <summary>The external broker's host, or null to start the in-process broker (the embedded default).</summary>
        public string BrokerHost { get; set; }

        public int BrokerPort { get; set; } = 1883;

        public string ChargerId { get; set; } = "sim-0001";

        public string Username { get; set; }

        public string Password { get; set; }

        public bool Tls { get; set; }

        public string CaFile { get; set; }

        public bool AllowUntrusted { get; set; }

        /// <summary>The uplink's settings (periods, heartbeat, backoff); null = the firmware's defaults.</summary>
        public V2G.Firmware.Uplink.UplinkSettings Settings { get; set; }

        /// <summary>How long the run waits for the first connection before it starts, wall ms.</summary>
        public int FirstConnectWaitMs { get; set; } = 5000;

        /// <summary>How long the run waits at its end for the queue to drain, wall ms.</summary>
        public int DrainWaitMs { get; set; } = 10000;
    }
}
