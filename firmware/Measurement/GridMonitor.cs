using V2G.Firmware.Grid;
using V2G.Hal.Grid;

namespace V2G.Firmware.Measurement
{
    /// <summary>
    /// Drains the grid sensor's per-cycle values each tick into the <see cref="FrequencyEstimator"/>,
    /// whose guarded estimate is the frequency the controller, the droop and the trips see.
    /// </summary>
    public sealed class GridMonitor
    {
        private readonly IGridSensor _sensor;
        private readonly FrequencyEstimator _estimator;

        /// <summary>With the default estimator settings (5-cycle window, 500 ms ROCOF).</summary>
        public GridMonitor(IGridSensor sensor)
            : this(sensor, new FrequencyEstimatorSettings())
        {
        }

        public GridMonitor(IGridSensor sensor, FrequencyEstimatorSettings settings)
        {
            _sensor = sensor;
            _estimator = new FrequencyEstimator(settings, sensor.NominalFrequencyHz);
        }

        /// <summary>The estimator every cycle goes through (presets set its window; telemetry reads its figures).</summary>
        public FrequencyEstimator Estimator => _estimator;

        /// <summary>The guarded, windowed grid frequency, Hz; nominal before the first cycle.</summary>
        public double FrequencyHz => _estimator.FrequencyHz;

        /// <summary>The 60-cycle average frequency, Hz (telemetry).</summary>
        public double AverageFrequencyHz => _estimator.AverageFrequencyHz;

        /// <summary>Rate of change of frequency over the estimator's ROCOF window, Hz/s.</summary>
        public double RocofHzPerS => _estimator.RocofHzPerS;

        /// <summary>RMS voltage of the last cycle, V.</summary>
        public double RmsVoltageV => _estimator.RmsVoltageV;

        /// <summary>End time of the last cycle read, ms (a loss-of-mains check compares it with now).</summary>
        public long LastCycleEndMs => _estimator.LastCycleEndMs;

        /// <summary>Cycles read since boot.</summary>
        public long Cycles => _estimator.Cycles;

        /// <summary>Reads every cycle waiting; returns how many.</summary>
        public int Update()
        {
            int read = 0;
            GridCycle cycle;
            while (_sensor.TryReadCycle(out cycle))
            {
                _estimator.Add(ref cycle);
                read++;
            }

            return read;
        }
    }
}
