namespace V2G.Protocol.Trace
{
    /// <summary>Which way a logged message went, from the charger's side.</summary>
    public enum MessageDirection
    {
        /// <summary>From the vehicle to the charger.</summary>
        Received = 0,

        /// <summary>From the charger to the vehicle.</summary>
        Sent = 1,

        /// <summary>Not a message: an event of the session (a failure, a state change).</summary>
        Event = 2,
    }
}
