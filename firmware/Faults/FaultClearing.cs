namespace V2G.Firmware.Faults
{
    /// <summary>What clears a fault.</summary>
    public enum FaultClearing
    {
        /// <summary>Clears by itself once its cause is gone.</summary>
        Automatic = 0,

        /// <summary>Clears when the vehicle is unplugged: it ended that session only.</summary>
        SessionEnd = 1,

        /// <summary>Latched: a technician clears it (diagnostics shell) after finding the cause.</summary>
        Operator = 2,
    }
}
