namespace V2G.Firmware.Diagnostics
{
    /// <summary>Stable names of the roles for help, replies and the log (Enum.ToString gives a number on the device).</summary>
    public static class ShellRoleNames
    {
        private static readonly string[] Names = { "read-only", "technician" };

        public static string Of(ShellRole role)
        {
            int index = (int)role;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }

        public static int Count => Names.Length;
    }
}
