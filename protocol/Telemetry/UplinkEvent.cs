namespace V2G.Protocol.Telemetry
{
    /// <summary>
    /// One event as published on <c>event</c>: report by exception (state changes, faults, heartbeat
    /// loss, setpoint expiry), queued through outages like the meter.
    /// </summary>
    public struct UplinkEvent
    {
        /// <summary>When it happened (Unix ms, UTC).</summary>
        public long UnixMs;

        /// <summary>Event sequence number: from 1 each boot, contiguous.</summary>
        public long Seq;

        /// <summary>One of <see cref="UplinkEventKinds"/>.</summary>
        public string Kind;

        /// <summary>The charger state name after the event, or null (omitted).</summary>
        public string State;

        /// <summary>The fault's name for fault events, or null (omitted).</summary>
        public string Fault;

        /// <summary>True if <see cref="Value"/> is to be written.</summary>
        public bool HasValue;

        /// <summary>A figure that goes with the event (e.g. the fault's measured value, or the expired setpoint in W).</summary>
        public double Value;
    }
}
