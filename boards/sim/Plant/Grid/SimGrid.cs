using V2G.Hal.Grid;

namespace V2G.Sim.Plant.Grid
{
    /// <summary>
    /// The AC grid at the charger's connection point: a frequency and an RMS voltage that the
    /// scenario moves (steps or ramps), turned into the per-cycle values a metering IC delivers:
    /// each completed cycle's period and RMS voltage, queued for the controller.
    /// </summary>
    public sealed class SimGrid : IGridSensor
    {
        private readonly GridCycle[] _queue = new GridCycle[64];
        private int _head;
        private int _count;
        private double _phaseCycles;
        private double _cycleElapsedUs;
        private double _frequencyHz;
        private double _targetFrequencyHz;
        private double _rampHzPerS;
        private double _rmsVoltageV;
        private long _nowMs;

        public SimGrid(double nominalFrequencyHz, double nominalVoltageV)
        {
            NominalFrequencyHz = nominalFrequencyHz;
            _frequencyHz = nominalFrequencyHz;
            _targetFrequencyHz = nominalFrequencyHz;
            _rmsVoltageV = nominalVoltageV;
        }

        public double NominalFrequencyHz { get; }

        /// <summary>The true grid frequency now, Hz.</summary>
        public double FrequencyHz => _frequencyHz;

        public double RmsVoltageV => _rmsVoltageV;

        /// <summary>Cycles lost because the queue was full (the controller did not read in time).</summary>
        public int Overflows { get; private set; }

        /// <summary>Moves the frequency to <paramref name="hz"/>: at once if <paramref name="rampHzPerS"/> is 0, else at that rate.</summary>
        public void SetFrequency(double hz, double rampHzPerS)
        {
            _targetFrequencyHz = hz;
            _rampHzPerS = rampHzPerS;
            if (rampHzPerS <= 0)
            {
                _frequencyHz = hz;
            }
        }

        public void SetVoltage(double rmsV)
        {
            _rmsVoltageV = rmsV;
        }

        public void Step(double dtMs)
        {
            _nowMs += (long)dtMs;
            if (_frequencyHz != _targetFrequencyHz)
            {
                double maxStep = _rampHzPerS * dtMs / 1000.0;
                double d = _targetFrequencyHz - _frequencyHz;
                _frequencyHz = d > maxStep ? _frequencyHz + maxStep : (d < -maxStep ? _frequencyHz - maxStep : _targetFrequencyHz);
            }

            // Advance the phase; each whole cycle completed emits that cycle's measured period.
            double cycles = _frequencyHz * dtMs / 1000.0;
            _phaseCycles += cycles;
            _cycleElapsedUs += dtMs * 1000.0;
            while (_phaseCycles >= 1.0)
            {
                _phaseCycles -= 1.0;
                double overshootUs = _phaseCycles / _frequencyHz * 1000000.0;
                double periodUs = _cycleElapsedUs - overshootUs;
                _cycleElapsedUs = overshootUs;
                Enqueue(periodUs);
            }
        }

        public bool TryReadCycle(out GridCycle cycle)
        {
            if (_count == 0)
            {
                cycle = default(GridCycle);
                return false;
            }

            cycle = _queue[_head];
            _head = (_head + 1) % _queue.Length;
            _count--;
            return true;
        }

        private void Enqueue(double periodUs)
        {
            if (_count == _queue.Length)
            {
                _head = (_head + 1) % _queue.Length;
                _count--;
                Overflows++;
            }

            int tail = (_head + _count) % _queue.Length;
            _queue[tail].EndMs = _nowMs;
            _queue[tail].PeriodUs = periodUs;
            _queue[tail].RmsVoltageV = _rmsVoltageV;
            _count++;
        }
    }
}
