namespace V2G.Firmware.Battery
{
    /// <summary>Stable snake_case names of <see cref="BatteryClipReason"/> for telemetry (Enum.ToString gives a number on the device).</summary>
    public static class BatteryClipReasonNames
    {
        /// <summary>Number of reasons, None included.</summary>
        public const int Count = 9;

        private static readonly string[] Names =
        {
            "none", "soc_reserve", "soc_max", "departure_energy", "temperature", "dod_limit", "c_rate",
            "reversal_cap", "degradation_cost",
        };

        /// <summary>The name of <paramref name="reason"/>; "unknown" outside the enumeration.</summary>
        public static string Of(BatteryClipReason reason)
        {
            int index = (int)reason;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }
    }
}
