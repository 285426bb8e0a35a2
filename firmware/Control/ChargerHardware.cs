using V2G.Hal.Grid;
using V2G.Hal.Metering;
using V2G.Hal.Power;
using V2G.Hal.Safety;
using V2G.Hal.Timing;

namespace V2G.Firmware.Control
{
    /// <summary>The HAL services the controller drives, as a board wires them.</summary>
    public sealed class ChargerHardware
    {
        public ChargerHardware(
            IMonotonicClock clock,
            DcOutput output,
            IInsulationMonitor insulationMonitor,
            IEmergencyStop emergencyStop,
            IGridSensor gridSensor,
            IEnergyMeter meter,
            IWatchdog watchdog)
        {
            if (clock == null || output == null || insulationMonitor == null || emergencyStop == null || gridSensor == null || meter == null || watchdog == null)
            {
                throw new System.ArgumentNullException();
            }

            Clock = clock;
            Output = output;
            InsulationMonitor = insulationMonitor;
            EmergencyStop = emergencyStop;
            GridSensor = gridSensor;
            Meter = meter;
            Watchdog = watchdog;
        }

        public IMonotonicClock Clock { get; }

        public DcOutput Output { get; }

        public IInsulationMonitor InsulationMonitor { get; }

        public IEmergencyStop EmergencyStop { get; }

        public IGridSensor GridSensor { get; }

        public IEnergyMeter Meter { get; }

        public IWatchdog Watchdog { get; }
    }
}
