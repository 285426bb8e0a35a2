namespace V2G.Firmware.Ccs
{
    /// <summary>Stable names of <see cref="CcsPhase"/> (Enum.ToString gives a number on the device).</summary>
    public static class CcsPhaseNames
    {
        private static readonly string[] Names = { "unplugged", "matching", "link_ready", "error_sequence", "matching_failed", "pilot_error" };

        public static string Of(CcsPhase phase)
        {
            int index = (int)phase;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }
    }
}
