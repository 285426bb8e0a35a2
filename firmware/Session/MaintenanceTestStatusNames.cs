namespace V2G.Firmware.Session
{
    /// <summary>Stable names of <see cref="MaintenanceTestStatus"/> for the shell (Enum.ToString gives a number on the device).</summary>
    public static class MaintenanceTestStatusNames
    {
        private static readonly string[] Names = { "none", "requested", "running", "passed", "failed" };

        public static string Of(MaintenanceTestStatus status)
        {
            int index = (int)status;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }
    }
}
