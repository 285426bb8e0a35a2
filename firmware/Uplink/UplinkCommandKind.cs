namespace V2G.Firmware.Uplink
{
    /// <summary>What an <see cref="UplinkCommand"/> handed to the control thread asks.</summary>
    public enum UplinkCommandKind
    {
        /// <summary>Put a setpoint in force (already checked for form, range and expiry).</summary>
        Setpoint = 0,

        /// <summary>Put droop settings in force (already validated).</summary>
        Droop = 1,
    }
}
