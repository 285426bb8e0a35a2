namespace V2G.Firmware.Session
{
    /// <summary>
    /// Why the power delivered differs from the power wanted (dispatch or the vehicle's request).
    /// Reported with the energy transfer's state; the battery guard adds its own reasons.
    /// </summary>
    public enum PowerLimitReason
    {
        None = 0,

        /// <summary>Discharge was asked in a session without agreed discharge limits (DC only, or no DC_BPT).</summary>
        NoBidirectionalSession = 1,

        ChargerPowerLimit = 2,

        VehiclePowerLimit = 3,

        ChargerCurrentLimit = 4,

        VehicleCurrentLimit = 5,

        /// <summary>The vehicle's own current request caps the current in its direction.</summary>
        VehicleRequest = 6,

        /// <summary>The command is still ramping toward the target.</summary>
        Ramp = 7,
    }
}
