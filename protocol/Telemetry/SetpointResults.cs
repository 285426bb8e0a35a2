namespace V2G.Protocol.Telemetry
{
    /// <summary>The "result" values of <c>cmd/setpoint/reply</c> (constant strings).</summary>
    public static class SetpointResults
    {
        /// <summary>Applied as asked.</summary>
        public const string Accepted = "accepted";

        /// <summary>Not applied; "reason" says why.</summary>
        public const string Rejected = "rejected";

        /// <summary>Applied, limited by a local limit; "applied_W" is what is in force.</summary>
        public const string Clamped = "clamped";
    }
}
