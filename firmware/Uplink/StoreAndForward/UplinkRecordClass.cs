namespace V2G.Firmware.Uplink.StoreAndForward
{
    /// <summary>
    /// What a queued uplink record is, which is also its rank when the outage queue runs out of
    /// room: telemetry is dropped first, events next, meter records (billing data) last.
    /// </summary>
    public enum UplinkRecordClass
    {
        /// <summary>A telemetry sample: the first to go when the queue is full.</summary>
        Telemetry = 0,

        /// <summary>An event (state change, fault raised or cleared, heartbeat lost…).</summary>
        Event = 1,

        /// <summary>A meter record: billing data, the last to go.</summary>
        Meter = 2,
    }
}
