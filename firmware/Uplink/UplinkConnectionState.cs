namespace V2G.Firmware.Uplink
{
    /// <summary>The supervisor's states (<see cref="UplinkConnection"/>); each has a timeout or a deadline.</summary>
    public enum UplinkConnectionState
    {
        /// <summary>Not started, or about to start the next attempt.</summary>
        Idle = 0,

        /// <summary>The client is connecting (at most ConnectTimeoutMs).</summary>
        Connecting = 1,

        /// <summary>Connected; subscribing and publishing the birth messages (at most SubscribeTimeoutMs).</summary>
        Subscribing = 2,

        /// <summary>Connected, subscribed, birth published.</summary>
        Online = 3,

        /// <summary>Waiting before the next attempt (exponential, with jitter).</summary>
        Backoff = 4,
    }
}
