namespace V2G.Protocol.Telemetry
{
    /// <summary>The <c>kind</c> values of an <c>event</c> message (constant strings).</summary>
    public static class UplinkEventKinds
    {
        /// <summary>The charger changed state ("state" carries the new one).</summary>
        public const string State = "state";

        /// <summary>A fault became active ("fault" names it).</summary>
        public const string FaultRaised = "fault_raised";

        /// <summary>A fault cleared ("fault" names it).</summary>
        public const string FaultCleared = "fault_cleared";

        /// <summary>No heartbeat for the timeout: the safe setpoint is in force.</summary>
        public const string HeartbeatLost = "heartbeat_lost";

        /// <summary>Heartbeats arrive again.</summary>
        public const string HeartbeatRestored = "heartbeat_restored";

        /// <summary>The setpoint in force reached its valid_until and was cleared.</summary>
        public const string SetpointExpired = "setpoint_expired";

        /// <summary>Every kind, for the contract's enum.</summary>
        public static readonly string[] All = { State, FaultRaised, FaultCleared, HeartbeatLost, HeartbeatRestored, SetpointExpired };
    }
}
