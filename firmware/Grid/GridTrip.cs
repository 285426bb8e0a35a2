namespace V2G.Firmware.Grid
{
    /// <summary>
    /// Why grid protection makes the charger cease to energize the grid and disconnect. The numeric
    /// values are stable (logged and published); nanoFramework's Enum.ToString gives these numbers,
    /// so <see cref="GridTripNames"/> holds the names.
    /// </summary>
    public enum GridTrip
    {
        /// <summary>No trip: the charger may stay connected.</summary>
        None = 0,

        /// <summary>Frequency below UF1 or UF2 for its clearing time.</summary>
        UnderFrequency = 1,

        /// <summary>Frequency above OF1 or OF2 for its clearing time.</summary>
        OverFrequency = 2,

        /// <summary>RMS voltage below UV1 or UV2 for its clearing time.</summary>
        UnderVoltage = 3,

        /// <summary>RMS voltage above OV1 or OV2 for its clearing time.</summary>
        OverVoltage = 4,

        /// <summary>Rate of change of frequency above the loss-of-mains threshold (beyond the ride-through limit) for its clearing time.</summary>
        Rocof = 5,

        /// <summary>No grid cycles any more (the voltage collapsed: no zero crossings), for its clearing time.</summary>
        LossOfMains = 6,
    }
}
