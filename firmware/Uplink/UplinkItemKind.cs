namespace V2G.Firmware.Uplink
{
    /// <summary>What an <see cref="UplinkItem"/> handed from the control thread to the uplink thread carries.</summary>
    public enum UplinkItemKind
    {
        Telemetry = 0,
        Event = 1,
        Meter = 2,

        /// <summary>The answer to a setpoint command (cmd/setpoint/reply).</summary>
        SetpointReply = 3,

        /// <summary>The outcome of a droop change (the retained cfg/droop).</summary>
        DroopReply = 4,

        /// <summary>The limits in force changed (the retained limits).</summary>
        Limits = 5,
    }
}
