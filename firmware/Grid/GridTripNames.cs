namespace V2G.Firmware.Grid
{
    /// <summary>
    /// Names of <see cref="GridTrip"/> values for logs and telemetry (Enum.ToString gives the number
    /// on nanoFramework). Constant strings: no allocation when a trip is reported.
    /// </summary>
    public static class GridTripNames
    {
        /// <summary>Number of <see cref="GridTrip"/> values (None included).</summary>
        public const int Count = 7;

        /// <summary>The name of <paramref name="trip"/>, as in the enum; "Unknown" for a value outside it.</summary>
        public static string Name(GridTrip trip)
        {
            switch (trip)
            {
                case GridTrip.None:
                    return "None";
                case GridTrip.UnderFrequency:
                    return "UnderFrequency";
                case GridTrip.OverFrequency:
                    return "OverFrequency";
                case GridTrip.UnderVoltage:
                    return "UnderVoltage";
                case GridTrip.OverVoltage:
                    return "OverVoltage";
                case GridTrip.Rocof:
                    return "Rocof";
                case GridTrip.LossOfMains:
                    return "LossOfMains";
                default:
                    return "Unknown";
            }
        }
    }
}
