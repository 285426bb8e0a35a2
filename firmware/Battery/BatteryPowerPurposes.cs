namespace V2G.Firmware.Battery
{
    /// <summary>The setpoint's "purpose" strings (protocol's SetpointPurposes) to <see cref="BatteryPowerPurpose"/> and back.</summary>
    public static class BatteryPowerPurposes
    {
        private static readonly string[] Names = { "dispatch", "arbitrage", "frequency" };

        /// <summary>The purpose named <paramref name="purpose"/>; dispatch for null or an unknown name (the setpoint's default).</summary>
        public static BatteryPowerPurpose FromName(string purpose)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (Names[i] == purpose)
                {
                    return (BatteryPowerPurpose)i;
                }
            }

            return BatteryPowerPurpose.Dispatch;
        }

        /// <summary>The name of <paramref name="purpose"/>; "unknown" outside the enumeration.</summary>
        public static string Of(BatteryPowerPurpose purpose)
        {
            int index = (int)purpose;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }
    }
}
