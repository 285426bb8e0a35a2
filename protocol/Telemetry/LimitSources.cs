namespace V2G.Protocol.Telemetry
{
    /// <summary>The "source_import" / "source_export" values of the <c>limits</c> payload (constant strings).</summary>
    public static class LimitSources
    {
        /// <summary>The charger's own rating or settings.</summary>
        public const string Charger = "charger";

        /// <summary>The vehicle's limits in force.</summary>
        public const string Vehicle = "vehicle";

        /// <summary>The safe setpoint after the aggregator's heartbeat was lost.</summary>
        public const string HeartbeatLoss = "heartbeat_loss";

        /// <summary>The battery guard (temperature, SoC window).</summary>
        public const string Battery = "battery";

        /// <summary>Grid protection or support.</summary>
        public const string Grid = "grid";
    }
}
