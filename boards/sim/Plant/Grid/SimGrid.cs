using V2G.Hal.Grid;

namespace V2G.Sim.Plant.Grid
{
    /// <summary>
    /// The AC grid at the charger's connection point and its metering: a <see cref="GridWaveformModel"/>
    /// sampled at 10 kS/s (frequency steps and ramps, harmonics, noise, the ADC's quantisation, phase
    /// jumps, sags, loss of mains) measured by a <see cref="CycleMeter"/> (filtered, interpolated zero
    /// crossings), whose per-cycle period and RMS voltage are queued for the controller as a metering
    /// IC delivers them. The raw samples are also kept for <see cref="IGridWaveform"/>.
    /// </summary>
    public sealed class SimGrid : IGridSensor, IGridWaveform
    {
        private const int SampleBufferLength = 4096; // 0.4 s at 10 kS/s

        private readonly GridCycle[] _queue = new GridCycle[64];
        private readonly float[] _samples = new float[SampleBufferLength];
        private readonly GridWaveformModel _waveform;
        private readonly CycleMeter _meter;
        private int _head;
        private int _count;
        private int _sampleHead;
        private int _sampleCount;
        private double _nowUs;
        private long _sampleIndex;
        private readonly double _samplePeriodUs;

        public SimGrid(double nominalFrequencyHz, double nominalVoltageV)
            : this(nominalFrequencyHz, nominalVoltageV, 1)
        {
        }

        /// <summary>With the noise generator's seed (the same seed gives the same waveform).</summary>
        public SimGrid(double nominalFrequencyHz, double nominalVoltageV, int seed)
        {
            NominalFrequencyHz = nominalFrequencyHz;
            _waveform = new GridWaveformModel(nominalFrequencyHz, nominalVoltageV, seed);
            _meter = new CycleMeter(GridWaveformModel.SampleRateHz, nominalFrequencyHz, nominalVoltageV);
            _samplePeriodUs = 1000000.0 / GridWaveformModel.SampleRateHz;
        }

        public double NominalFrequencyHz { get; }

        /// <summary>The true grid frequency now, Hz (the island's while the mains are lost).</summary>
        public double FrequencyHz => _waveform.FrequencyHz;

        /// <summary>The true RMS voltage of the fundamental now, V.</summary>
        public double RmsVoltageV => _waveform.RmsVoltageV;

        /// <summary>Cycles lost because the queue was full (the controller did not read in time).</summary>
        public int Overflows { get; private set; }

        /// <summary>The waveform (harmonics, noise and ADC settings can be changed there).</summary>
        public GridWaveformModel Waveform => _waveform;

        /// <summary>The cycle measurement.</summary>
        public CycleMeter Meter => _meter;

        /// <summary>Sample rate of <see cref="Read"/>, Hz.</summary>
        public int SampleRateHz => GridWaveformModel.SampleRateHz;

        /// <summary>Whether the charger holds an island up (tie to the converter energising the AC side).</summary>
        public bool IslandSupported
        {
            get { return _waveform.IslandSupported; }
            set { _waveform.IslandSupported = value; }
        }

        /// <summary>Moves the frequency to <paramref name="hz"/>: at once if <paramref name="rampHzPerS"/> is 0, else at that rate.</summary>
        public void SetFrequency(double hz, double rampHzPerS)
        {
            _waveform.SetFrequency(hz, rampHzPerS);
        }

        public void SetVoltage(double rmsV)
        {
            _waveform.SetVoltage(rmsV);
        }

        /// <summary>Shifts the voltage's phase at once, degrees (IEEE 1547 rides through 20° three-phase, 60° single-phase [digest §2]).</summary>
        public void JumpPhase(double degrees)
        {
            _waveform.JumpPhase(degrees);
        }

        /// <summary>The mains disconnect; the island drifts at <paramref name="driftHzPerS"/> while supported.</summary>
        public void LoseMains(double driftHzPerS)
        {
            _waveform.LoseMains(driftHzPerS);
        }

        /// <summary>The mains come back (at their own frequency and phase).</summary>
        public void RestoreMains()
        {
            _waveform.RestoreMains();
        }

        public void Step(double dtMs)
        {
            _nowUs += dtMs * 1000.0;

            // Every sample whose time has come; each completed cycle is queued.
            long lastSample = (long)((_nowUs + 0.001) / _samplePeriodUs);
            while (_sampleIndex < lastSample)
            {
                _sampleIndex++;
                double v = _waveform.NextSampleV();
                _samples[_sampleHead] = (float)v;
                _sampleHead = (_sampleHead + 1) & (SampleBufferLength - 1);
                if (_sampleCount < SampleBufferLength)
                {
                    _sampleCount++;
                }

                if (_meter.Add(v))
                {
                    Enqueue((long)(_meter.LastEndUs / 1000.0), _meter.LastPeriodUs, _meter.LastRmsVoltageV);
                }
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

        /// <summary>Copies the oldest waiting samples (V); samples older than 0.4 s are overwritten.</summary>
        public int Read(float[] buffer, int offset, int count)
        {
            int n = count < _sampleCount ? count : _sampleCount;
            int index = (_sampleHead - _sampleCount) & (SampleBufferLength - 1);
            for (int i = 0; i < n; i++)
            {
                buffer[offset + i] = _samples[index];
                index = (index + 1) & (SampleBufferLength - 1);
            }

            _sampleCount -= n;
            return n;
        }

        private void Enqueue(long endMs, double periodUs, double rmsVoltageV)
        {
            if (_count == _queue.Length)
            {
                _head = (_head + 1) % _queue.Length;
                _count--;
                Overflows++;
            }

            int tail = (_head + _count) % _queue.Length;
            _queue[tail].EndMs = endMs;
            _queue[tail].PeriodUs = periodUs;
            _queue[tail].RmsVoltageV = rmsVoltageV;
            _count++;
        }
    }
}
