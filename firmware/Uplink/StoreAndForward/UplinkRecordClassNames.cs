namespace V2G.Firmware.Uplink.StoreAndForward
{
    /// <summary>Stable names of the record classes for counters, logs and the shell (Enum.ToString gives a number on the device).</summary>
    public static class UplinkRecordClassNames
    {
        private static readonly string[] Names = { "telemetry", "event", "meter" };

        /// <summary>The name of <paramref name="cls"/>, or "unknown".</summary>
        public static string Of(UplinkRecordClass cls)
        {
            int index = (int)cls;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }

        /// <summary>Number of classes (the values run from 0 to Count - 1).</summary>
        public static int Count => Names.Length;
    }
}
