namespace V2G.Firmware.Diagnostics.Log
{
    /// <summary>Stable names of the log levels for the shell and the log download (Enum.ToString gives a number on the device).</summary>
    public static class LogLevelNames
    {
        private static readonly string[] Names = { "error", "warn", "info", "debug" };

        /// <summary>The level's name, or "unknown".</summary>
        public static string Of(LogLevel level)
        {
            int index = (int)level;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }

        /// <summary>The level named <paramref name="name"/> (exact, lower case); false if there is none.</summary>
        public static bool TryParse(string name, out LogLevel level)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (Names[i] == name)
                {
                    level = (LogLevel)i;
                    return true;
                }
            }

            level = LogLevel.Info;
            return false;
        }

        /// <summary>Number of levels.</summary>
        public static int Count => Names.Length;

        /// <summary>The names in level order, joined by "|" (for usage texts and errors).</summary>
        public const string List = "error|warn|info|debug";
    }
}
