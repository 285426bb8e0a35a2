namespace V2G.Firmware.Uplink
{
    /// <summary>Stable names of <see cref="UplinkConnectionState"/> for the shell and logs (Enum.ToString gives a number on the device).</summary>
    public static class UplinkConnectionStateNames
    {
        private static readonly string[] Names = { "idle", "connecting", "subscribing", "online", "backoff" };

        public static string Of(UplinkConnectionState state)
        {
            int index = (int)state;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }
    }
}
