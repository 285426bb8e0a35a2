namespace V2G.Firmware.Diagnostics.Log
{
    /// <summary>Stable names of the log modules for the shell and the log download (Enum.ToString gives a number on the device).</summary>
    public static class LogModuleNames
    {
        private static readonly string[] Names = { "controller", "safety", "grid", "ccs", "gbt", "uplink", "shell", "storage" };

        /// <summary>The module's name, or "unknown".</summary>
        public static string Of(LogModule module)
        {
            int index = (int)module;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }

        /// <summary>The module named <paramref name="name"/> (exact, lower case); false if there is none.</summary>
        public static bool TryParse(string name, out LogModule module)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (Names[i] == name)
                {
                    module = (LogModule)i;
                    return true;
                }
            }

            module = LogModule.Controller;
            return false;
        }

        /// <summary>Number of modules.</summary>
        public static int Count => Names.Length;

        /// <summary>The name of module number <paramref name="index"/> (0..Count−1), for completion tables.</summary>
        public static string At(int index)
        {
            return Names[index];
        }

        /// <summary>The names joined by "|" (for usage texts and errors).</summary>
        public const string List = "controller|safety|grid|ccs|gbt|uplink|shell|storage";
    }
}
