namespace V2G.Firmware.Battery
{
    /// <summary>
    /// Why the battery guard changed a power request. The numbers are stable (telemetry, counters); the
    /// published names are in <see cref="BatteryClipReasonNames"/>.
    /// </summary>
    public enum BatteryClipReason
    {
        /// <summary>Passed unchanged.</summary>
        None = 0,

        /// <summary>Discharge stopped at the reserve SoC (the owner's, or the vehicle's minimum if higher).</summary>
        SocReserve = 1,

        /// <summary>Charge stopped at the maximum SoC (the owner's).</summary>
        SocMax = 2,

        /// <summary>Discharge clipped, or charge forced, to reach the target SoC by the departure time.</summary>
        DepartureEnergy = 3,

        /// <summary>Derated for a cold or hot pack.</summary>
        Temperature = 4,

        /// <summary>Discharge clipped by the depth-of-discharge limit of the session or of the day.</summary>
        DodLimit = 5,

        /// <summary>Clipped by the C-rate limit.</summary>
        CRate = 6,

        /// <summary>A change of direction refused: the reversals per hour are used up (never for frequency response).</summary>
        ReversalCap = 7,

        /// <summary>Arbitrage discharge refused: the price spread is below the marginal degradation cost (never for frequency response).</summary>
        DegradationCost = 8,
    }
}
