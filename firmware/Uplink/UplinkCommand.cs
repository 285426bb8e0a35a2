using V2G.Firmware.Battery;
using V2G.Firmware.Grid;

namespace V2G.Firmware.Uplink
{
    /// <summary>
    /// One command handed from the uplink thread (which parsed and checked it) to the control thread
    /// (which applies it between two controller ticks): a preallocated slot of the <see cref="UplinkInbox"/>.
    /// </summary>
    public sealed class UplinkCommand
    {
        public UplinkCommandKind Kind;

        /// <summary>Setpoint: the command's id.</summary>
        public string Id;

        /// <summary>Setpoint: AC power at the grid connection point, W (+ import, − export).</summary>
        public double PowerW;

        /// <summary>Setpoint: end of validity, Unix ms.</summary>
        public long ValidUntilUnixMs;

        /// <summary>Setpoint: priority 0..1000 (higher wins).</summary>
        public int Priority;

        /// <summary>Setpoint: what it is for (the setpoint's "purpose"; dispatch when absent).</summary>
        public BatteryPowerPurpose Purpose;

        /// <summary>Setpoint: a price spread was sent.</summary>
        public bool HasPriceSpread;

        /// <summary>Setpoint: the price spread sent, currency per kWh (the aggregator's p_d − p_c/η).</summary>
        public double PriceSpreadPerKWh;

        /// <summary>Droop: the settings to put in force (a new object, never changed afterwards).</summary>
        public DroopSettings Droop;
    }
}
