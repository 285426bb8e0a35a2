namespace V2G.Sim.Simulation
{
    /// <summary>What the uplink did in a run (the summary's "uplink" object).</summary>
    public sealed class UplinkSummary
    {
        public string Broker { get; set; } = "";

        /// <summary>True when the simulator started its own broker.</summary>
        public bool InProcessBroker { get; set; }

        public string ChargerId { get; set; } = "";

        public long BootId { get; set; }

        public string State { get; set; } = "";

        public long Connects { get; set; }

        public long Reconnects { get; set; }

        public long Published { get; set; }

        public long PublishFailures { get; set; }

        /// <summary>Records that went to the store-and-forward queue.</summary>
        public long Queued { get; set; }

        public long Replayed { get; set; }

        /// <summary>Records still in the queue at the end.</summary>
        public int Pending { get; set; }

        public long DroppedTelemetry { get; set; }

        public long DroppedEvents { get; set; }

        public long DroppedMeter { get; set; }

        public long TelemetrySamples { get; set; }

        public long Events { get; set; }

        public long MeterRecords { get; set; }

        public long CommandsAccepted { get; set; }

        public long CommandsClamped { get; set; }

        public long CommandsRejected { get; set; }

        public long CommandDuplicates { get; set; }

        public int NetworkCuts { get; set; }

        public string LastError { get; set; } = "";
    }
}
