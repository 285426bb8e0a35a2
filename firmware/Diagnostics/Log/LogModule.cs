namespace V2G.Firmware.Diagnostics.Log
{
    /// <summary>Which part of the firmware wrote an entry of the diagnostic log; each has its own level.</summary>
    public enum LogModule
    {
        /// <summary>The session state machine (state changes, maintenance tests).</summary>
        Controller = 0,

        /// <summary>Faults and the safe state.</summary>
        Safety = 1,

        /// <summary>Grid protection and frequency response.</summary>
        Grid = 2,

        /// <summary>The CCS stack (SLAC, ISO 15118).</summary>
        Ccs = 3,

        /// <summary>The GB/T 27930 stack.</summary>
        Gbt = 4,

        /// <summary>The aggregator link.</summary>
        Uplink = 5,

        /// <summary>The diagnostic shell (logins, a technician's writes).</summary>
        Shell = 6,

        /// <summary>The non-volatile store.</summary>
        Storage = 7,
    }
}
