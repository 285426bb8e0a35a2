namespace V2G.Firmware.Uplink
{
    /// <summary>The answer to a setpoint command (the reply's "result").</summary>
    public enum DispatchResult
    {
        Accepted = 0,

        /// <summary>Accepted, but held at a local limit: the reply carries the AC power actually applied.</summary>
        Clamped = 1,

        Rejected = 2,
    }
}
