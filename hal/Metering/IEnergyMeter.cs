namespace V2G.Hal.Metering
{
    /// <summary>
    /// The energy meter at the grid connection point (AC). Registers only count up, as a
    /// billing meter's do: import = energy drawn from the grid, export = energy fed to it.
    /// </summary>
    public interface IEnergyMeter
    {
        /// <summary>Import register, Wh.</summary>
        double ImportWh { get; }

        /// <summary>Export register, Wh.</summary>
        double ExportWh { get; }

        /// <summary>Present active power, W; + import, − export.</summary>
        double PowerW { get; }
    }
}
