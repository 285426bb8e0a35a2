using System;
using V2G.Hal.Buses;
using V2G.Hal.Power;

namespace V2G.Firmware.Drivers.Board
{
    /// <summary>
    /// A DC voltage measured through an isolated monitor on an ADC input: volts = monitor volts × scale + offset.
    /// An invalid conversion (NaN from the ADC driver) reads as +∞ V: every check the firmware makes on a DC
    /// voltage (safe voltage reached before opening or touching, precharge match, welding) then fails toward
    /// "live", the safe side; <see cref="LastReadValid"/> tells the two apart.
    /// </summary>
    public sealed class MonitoredVoltageSense : IVoltageSense
    {
        private readonly IAnalogInput _monitor;
        private readonly double _voltsPerMonitorVolt;
        private readonly double _offsetV;

        /// <summary>
        /// The voltage behind <paramref name="monitor"/>: <paramref name="voltsPerMonitorVolt"/> and
        /// <paramref name="offsetV"/> are the board's front-end scaling, required (NaN refused).
        /// </summary>
        public MonitoredVoltageSense(IAnalogInput monitor, double voltsPerMonitorVolt, double offsetV)
        {
            if (monitor == null)
            {
                throw new ArgumentNullException("monitor");
            }

            if (double.IsNaN(voltsPerMonitorVolt) || voltsPerMonitorVolt == 0.0 || double.IsNaN(offsetV))
            {
                throw new ArgumentException("the monitor's scaling and offset are required");
            }

            _monitor = monitor;
            _voltsPerMonitorVolt = voltsPerMonitorVolt;
            _offsetV = offsetV;
            LastReadValid = true;
        }

        /// <summary>False when the last read's conversion was invalid (it read as +∞ V).</summary>
        public bool LastReadValid { get; private set; }

        /// <inheritdoc />
        public double VoltageV
        {
            get
            {
                double monitorV = _monitor.ReadVolts();
                if (double.IsNaN(monitorV))
                {
                    LastReadValid = false;
                    return double.PositiveInfinity;
                }

                LastReadValid = true;
                return monitorV * _voltsPerMonitorVolt + _offsetV;
            }
        }
    }
}
