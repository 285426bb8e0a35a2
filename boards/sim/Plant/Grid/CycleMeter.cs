namespace V2G.Sim.Plant.Grid
{
    /// <summary>
    /// The metering front end's cycle measurement (what a metering IC or native code does at the sample
    /// rate, so managed code only sees one value per cycle [digest §6 recommendation 5]): a 2nd-order
    /// Butterworth low-pass at 150 Hz against the harmonics and the noise (as the digest's zero-crossing
    /// estimator used), rising zero crossings of the filtered signal placed by linear interpolation
    /// between samples, and per cycle the period between two crossings and the RMS of the raw samples.
    /// <para>
    /// The filter delays every crossing by its group delay (about 1.6 ms at 50 Hz): accepted, not
    /// compensated. It cancels in the period, and only shifts the cycle's end time.
    /// A crossing counts only after the filtered signal has been below −5 % of the nominal peak
    /// (hysteresis against noise), and a period only if the previous crossing is less than 2.5 nominal
    /// periods old: while the voltage is absent no cycle is emitted, and the first crossing after it
    /// returns only restarts the count.
    /// </para>
    /// </summary>
    public sealed class CycleMeter
    {
        private const double FilterCornerHz = 150;
        private const double ArmFractionOfPeak = 0.05;
        private const double TimeoutPeriods = 2.5;

        private readonly double _samplePeriodUs;
        private readonly double _armThresholdV;
        private readonly double _timeoutUs;
        private readonly double _b0;
        private readonly double _b1;
        private readonly double _b2;
        private readonly double _a1;
        private readonly double _a2;
        private double _x1;
        private double _x2;
        private double _y1;
        private double _y2;
        private readonly long _timeoutSamples;
        private long _sampleIndex;
        private long _timeoutSampleIndex;
        private bool _armed;
        private bool _hasCrossing;
        private double _lastCrossingUs;
        private double _sumSquaresV2;
        private int _samplesInCycle;

        public CycleMeter(int sampleRateHz, double nominalFrequencyHz, double nominalVoltageV)
        {
            _samplePeriodUs = 1000000.0 / sampleRateHz;
            _armThresholdV = ArmFractionOfPeak * nominalVoltageV * 1.4142135623730951;
            _timeoutUs = TimeoutPeriods * 1000000.0 / nominalFrequencyHz;
            _timeoutSamples = (long)(_timeoutUs / _samplePeriodUs);

            // Bilinear transform of a Butterworth pair (Q = 1/√2), prewarped to the corner.
            double k = GridMath.Tan(GridMath.Pi * FilterCornerHz / sampleRateHz);
            double q = 0.7071067811865476;
            double norm = 1 / (1 + k / q + k * k);
            _b0 = k * k * norm;
            _b1 = 2 * _b0;
            _b2 = _b0;
            _a1 = 2 * (k * k - 1) * norm;
            _a2 = (1 - k / q + k * k) * norm;
        }

        /// <summary>Period of the last completed cycle, µs.</summary>
        public double LastPeriodUs { get; private set; }

        /// <summary>RMS of the raw samples of the last completed cycle, V.</summary>
        public double LastRmsVoltageV { get; private set; }

        /// <summary>Time of the zero crossing that closed the last cycle, µs since the first sample's period began.</summary>
        public double LastEndUs { get; private set; }

        /// <summary>Cycles completed.</summary>
        public long Cycles { get; private set; }

        /// <summary>Takes the next sample (V); returns true when it completed a cycle (read the Last* values).</summary>
        public bool Add(double sampleV)
        {
            _sampleIndex++;
            double y = _b0 * sampleV + _b1 * _x1 + _b2 * _x2 - _a1 * _y1 - _a2 * _y2;
            _x2 = _x1;
            _x1 = sampleV;
            double previous = _y1;
            _y2 = _y1;
            _y1 = y;

            _sumSquaresV2 += sampleV * sampleV;
            _samplesInCycle++;

            bool completed = false;
            if (y < -_armThresholdV)
            {
                _armed = true;
            }
            else if (_armed && previous < 0 && y >= 0)
            {
                // The crossing lies this fraction of a sample period after the previous sample.
                double fraction = previous / (previous - y);
                double crossingUs = (_sampleIndex - 1 + fraction) * _samplePeriodUs;
                if (_hasCrossing && crossingUs - _lastCrossingUs <= _timeoutUs)
                {
                    LastPeriodUs = crossingUs - _lastCrossingUs;
                    LastRmsVoltageV = GridMath.Sqrt(_sumSquaresV2 / _samplesInCycle);
                    LastEndUs = crossingUs;
                    Cycles++;
                    completed = true;
                }

                _hasCrossing = true;
                _lastCrossingUs = crossingUs;
                _timeoutSampleIndex = _sampleIndex + _timeoutSamples;
                _armed = false;
                _sumSquaresV2 = 0;
                _samplesInCycle = 0;
            }

            if (_hasCrossing && _sampleIndex > _timeoutSampleIndex)
            {
                _hasCrossing = false; // the voltage went away: the next crossing starts afresh
            }

            return completed;
        }
    }
}
