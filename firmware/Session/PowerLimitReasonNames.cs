namespace V2G.Firmware.Session
{
    /// <summary>Stable snake_case names of <see cref="PowerLimitReason"/> (Enum.ToString gives a number on the device).</summary>
    public static class PowerLimitReasonNames
    {
        private static readonly string[] Names =
        {
            "none", "no_bidirectional_session", "charger_power_limit", "vehicle_power_limit",
            "charger_current_limit", "vehicle_current_limit", "vehicle_request", "ramp",
        };

        public static string Of(PowerLimitReason reason)
        {
            int index = (int)reason;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }
    }
}
