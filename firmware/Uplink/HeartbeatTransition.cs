namespace V2G.Firmware.Uplink
{
    /// <summary>What one <see cref="HeartbeatMonitor.Update"/> found.</summary>
    public enum HeartbeatTransition
    {
        None = 0,

        /// <summary>The aggregator went silent for the timeout: revert to the safe setpoint.</summary>
        Lost = 1,

        /// <summary>A heartbeat arrived after a loss.</summary>
        Restored = 2,
    }
}
