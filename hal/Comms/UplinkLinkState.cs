namespace V2G.Hal.Comms
{
    /// <summary>
    /// Where the broker connection stands. The adapter moves it; the firmware's supervisor only reads it,
    /// so a connect that hangs shows as Connecting for as long as it hangs (the supervisor times it out).
    /// </summary>
    public enum UplinkLinkState
    {
        /// <summary>No connection and no attempt in flight (initially, after Reset, after the broker dropped us).</summary>
        Disconnected = 0,

        /// <summary>BeginConnect was called and the attempt has not finished.</summary>
        Connecting = 1,

        /// <summary>The broker acknowledged the connection (CONNACK success).</summary>
        Connected = 2,

        /// <summary>The last attempt failed (refused, unreachable, TLS); Reset before the next BeginConnect.</summary>
        Failed = 3,
    }
}
