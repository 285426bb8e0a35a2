namespace V2G.Firmware.Pilot
{
    /// <summary>Stable snake_case names of the proximity states (Enum.ToString gives a number on the device).</summary>
    public static class ProximityStateNames
    {
        private static readonly string[] Names = { "not_connected", "cable_13a", "cable_20a", "cable_32a", "cable_63a", "fault" };

        /// <summary>The state's name; "unknown" for a value outside the enum.</summary>
        public static string Of(ProximityState state)
        {
            int index = (int)state;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }

        /// <summary>Number of named states.</summary>
        public static int Count => Names.Length;
    }
}
