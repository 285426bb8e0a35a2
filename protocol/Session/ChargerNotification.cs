namespace V2G.Protocol.Session
{
    /// <summary>What the charger asks of the vehicle through its status (ISO 15118-20 EVSENotification, GB/T CST).</summary>
    public enum ChargerNotification
    {
        None = 0,

        /// <summary>The charger wants to pause energy transfer.</summary>
        Pause = 1,

        /// <summary>The charger is ending the session (a fault, an operator stop, a failed precondition).</summary>
        Terminate = 2,
    }
}
