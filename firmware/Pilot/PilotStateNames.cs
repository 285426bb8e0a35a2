namespace V2G.Firmware.Pilot
{
    /// <summary>Stable names of the pilot states for telemetry, logs and the shell (Enum.ToString gives a number on the device).</summary>
    public static class PilotStateNames
    {
        private static readonly string[] Names = { "A", "B", "C", "D", "E", "F", "invalid" };

        /// <summary>The state's name: "A".."F", "invalid"; "unknown" for a value outside the enum.</summary>
        public static string Of(PilotState state)
        {
            int index = (int)state;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }

        /// <summary>Number of named states.</summary>
        public static int Count => Names.Length;
    }
}
