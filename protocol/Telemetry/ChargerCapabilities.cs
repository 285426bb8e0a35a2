namespace V2G.Protocol.Telemetry
{
    /// <summary>
    /// The ratings published retained on <c>capabilities</c> (as DERCapability in IEEE 2030.5 or SunSpec
    /// model 702). Powers and currents are magnitudes (positive numbers) in both directions.
    /// </summary>
    public sealed class ChargerCapabilities
    {
        /// <summary>The sign convention stated in the payload.</summary>
        public const string SignConvention = "+import/-export, AC at the grid connection point";

        /// <summary>Largest import (charging) power, W.</summary>
        public double MaxChargePowerW;

        /// <summary>Largest export (discharging) power as a magnitude, W.</summary>
        public double MaxDischargePowerW;

        /// <summary>Largest DC charging current, A.</summary>
        public double MaxChargeCurrentA;

        /// <summary>Largest DC discharging current as a magnitude, A.</summary>
        public double MaxDischargeCurrentA;

        /// <summary>Lowest DC voltage, V.</summary>
        public double MinVoltageV;

        /// <summary>Highest DC voltage, V.</summary>
        public double MaxVoltageV;

        /// <summary>True if the charger can export.</summary>
        public bool Bidirectional = true;

        /// <summary>Vehicle protocols, e.g. "iso15118-20", "gbt27930".</summary>
        public string[] Protocols = { "iso15118-20", "gbt27930" };

        /// <summary>True if frequency droop is available.</summary>
        public bool Droop = true;
    }
}
