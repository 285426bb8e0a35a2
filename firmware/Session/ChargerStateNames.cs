namespace V2G.Firmware.Session
{
    /// <summary>Stable snake_case names of the states for telemetry, logs and the shell (Enum.ToString gives a number on the device).</summary>
    public static class ChargerStateNames
    {
        private static readonly string[] Names =
        {
            "idle", "ev_connected", "communication_setup", "authorization", "parameter_exchange", "cable_check",
            "precharge", "energy_transfer", "stopping", "welding_detection", "session_end", "fault",
        };

        public static string Of(ChargerState state)
        {
            int index = (int)state;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }

        public static int Count => Names.Length;
    }
}
