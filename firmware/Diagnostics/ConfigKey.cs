namespace V2G.Firmware.Diagnostics
{
    /// <summary>One key of the <see cref="ChargerConfig"/> table: its name, unit, range and what a change needs.</summary>
    public sealed class ConfigKey
    {
        internal ConfigKey(string name, ConfigValueKind kind, string unit, double min, double max, bool needsReboot, string help)
        {
            Name = name;
            Kind = kind;
            Unit = unit;
            Min = min;
            Max = max;
            NeedsReboot = needsReboot;
            Help = help;
        }

        /// <summary>The key as typed ("max_charge_power_W", "droop.k_of").</summary>
        public string Name { get; }

        /// <summary>What the value is.</summary>
        public ConfigValueKind Kind { get; }

        /// <summary>The unit of a number ("W", "A", "Hz", "s", "pu"), or "" for none.</summary>
        public string Unit { get; }

        /// <summary>Smallest value of a number.</summary>
        public double Min { get; }

        /// <summary>Largest value of a number.</summary>
        public double Max { get; }

        /// <summary>True if a change is stored at once but takes effect only after a reboot.</summary>
        public bool NeedsReboot { get; }

        /// <summary>One line saying what the key sets.</summary>
        public string Help { get; }

        /// <summary>The names a <see cref="ConfigValueKind.Choice"/> key accepts, or null.</summary>
        public string[] Choices { get; internal set; }
    }
}
