namespace V2G.Firmware.Drivers.Mcp2515
{
    /// <summary>Where the driver stands with its chip.</summary>
    public enum Mcp2515State
    {
        /// <summary>Not (yet) configured, or the last initialisation failed; <see cref="Mcp2515Driver.Service(long)"/> retries.</summary>
        Stopped = 0,

        /// <summary>Configured and in the requested operating mode: frames move.</summary>
        Running = 1,

        /// <summary>The chip went bus-off; held in configuration mode until the recovery delay has passed.</summary>
        BusOff = 2,
    }
}
