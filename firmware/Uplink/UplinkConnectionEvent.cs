namespace V2G.Firmware.Uplink
{
    /// <summary>What one <see cref="UplinkConnection.Poll"/> asks of its caller.</summary>
    public enum UplinkConnectionEvent
    {
        /// <summary>Nothing to do.</summary>
        None = 0,

        /// <summary>Connected and subscribed: publish the birth messages now and report with <see cref="UplinkConnection.ReportBirth"/>.</summary>
        BirthDue = 1,

        /// <summary>An online connection was lost (the client has been reset; a new attempt follows after the backoff).</summary>
        Lost = 2,
    }
}
