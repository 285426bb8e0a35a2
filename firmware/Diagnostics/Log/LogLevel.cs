namespace V2G.Firmware.Diagnostics.Log
{
    /// <summary>How much an entry of the diagnostic log matters; a lower number matters more.</summary>
    public enum LogLevel
    {
        /// <summary>Something failed (a fault, a refused store write).</summary>
        Error = 0,

        /// <summary>Something a technician should look at (a lost link, a refused request).</summary>
        Warn = 1,

        /// <summary>The normal course of things (state changes, a technician's writes).</summary>
        Info = 2,

        /// <summary>Detail for chasing a problem; off by default.</summary>
        Debug = 3,
    }
}
