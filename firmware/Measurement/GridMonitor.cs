using V2G.Hal.Grid;

namespace V2G.Firmware.Measurement
{
    /// <summary>
    /// Drains the grid sensor's per-cycle values each tick and keeps the latest frequency and RMS
    /// voltage. (The frequency estimator of the grid-support work replaces the plain latest value.)
    /// </summary>
    public sealed class GridMonitor
    {
        private readonly IGridSensor _sensor;
        private double _frequencyHz;
        private double _rmsVoltageV;
        private long _cycles;

        public GridMonitor(IGridSensor sensor)
        {
            _sensor = sensor;
            _frequencyHz = sensor.NominalFrequencyHz;
        }

        public double FrequencyHz => _frequencyHz;

        public double RmsVoltageV => _rmsVoltageV;

        /// <summary>Cycles read since boot.</summary>
        public long Cycles => _cycles;

        /// <summary>Reads every cycle waiting; returns how many.</summary>
        public int Update()
        {
            int read = 0;
            GridCycle cycle;
            while (_sensor.TryReadCycle(out cycle))
            {
                if (cycle.PeriodUs > 0)
                {
                    _frequencyHz = 1000000.0 / cycle.PeriodUs;
                }

                _rmsVoltageV = cycle.RmsVoltageV;
                _cycles++;
                read++;
            }

            return read;
        }
    }
}
