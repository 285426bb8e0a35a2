namespace V2G.Protocol.Telemetry
{
    /// <summary>The "purpose" values of <c>cmd/setpoint</c> (constant strings; <see cref="SetpointCommand.Purpose"/> holds one of these instances).</summary>
    public static class SetpointPurposes
    {
        /// <summary>Plain dispatch by the aggregator (the default).</summary>
        public const string Dispatch = "dispatch";

        /// <summary>Energy arbitrage (price-driven).</summary>
        public const string Arbitrage = "arbitrage";

        /// <summary>Frequency response dispatched centrally.</summary>
        public const string Frequency = "frequency";

        /// <summary>Every purpose, in this order.</summary>
        public static readonly string[] All = { Dispatch, Arbitrage, Frequency };
    }
}
