namespace V2G.Firmware.Diagnostics
{
    /// <summary>What a <see cref="ConfigKey"/> holds, for parsing and for the shell's hints.</summary>
    public enum ConfigValueKind
    {
        /// <summary>A decimal number within <see cref="ConfigKey.Min"/>..<see cref="ConfigKey.Max"/>.</summary>
        Number = 0,

        /// <summary>true/false (also on/off, 1/0).</summary>
        Boolean = 1,

        /// <summary>Free text with its own rule (the charger id).</summary>
        Text = 2,

        /// <summary>One of a list of names (<see cref="ConfigKey.Choices"/>).</summary>
        Choice = 3,
    }
}
