using V2G.Firmware.Numerics;

namespace V2G.Sim.Plant.Grid
{
    /// <summary>
    /// The grid voltage at the charger's connection point, sample by sample, as the metering front end's
    /// ADC sees it. Defaults are the digest's test waveform: 10 kS/s, 12-bit ADC over ±400 V, 3 % 3rd
    /// and 2 % 5th harmonic, 0.5 V rms noise [digest §6].
    /// <para>
    /// The fundamental comes from a phase integrator, so frequency steps and ramps are phase-continuous
    /// (a real grid's frequency moves, its phase does not jump) and a phase jump is a separate event.
    /// Loss of mains: the island keeps its voltage while something supports it (<see cref="IslandSupported"/>,
    /// which the simulator ties to the converter) with the frequency drifting, and collapses when that
    /// support ends; the mains' own phase runs on meanwhile, so a restore recloses out of phase.
    /// </para>
    /// Per sample: three table look-ups, two PRNG draws and a rounding; no allocation.
    /// </summary>
    public sealed class GridWaveformModel
    {
        /// <summary>Sample rate of the model and of the metering front end, Hz [digest §6].</summary>
        public const int SampleRateHz = 10000;

        private const int TableBits = 12;
        private const int TableSize = 1 << TableBits;
        private const double SqrtTwo = 1.4142135623730951;
        private const double SqrtThree = 1.7320508075688772;
        private const double UniformScale = 1.0 / 65536.0; // 2^-16

        // Once a collapsing island is below this fraction of its voltage, it is gone.
        private const double CollapsedFraction = 0.001;

        // Decay time constant of a collapsing island, s: the loads drain what the converter no longer
        // supplies within a few cycles (an assumption of the model, not a measured figure).
        private const double CollapseTimeConstantS = 0.01;

        private static readonly double[] SineTable = BuildSineTable();

        private readonly double _samplePeriodS = 1.0 / SampleRateHz;
        private readonly double _collapseFactorPerSample;
        private double _phaseCycles;
        private double _frequencyHz;
        private double _targetFrequencyHz;
        private double _rampHzPerSample;
        private double _rmsVoltageV;
        private uint _noiseState;
        private double _noiseRmsV;
        private double _noiseScaleV;
        private double _adcFullScaleV;
        private int _adcBits;
        private int _adcHalfCodes;
        private double _lsbV;
        private double _codesPerV;

        private bool _mainsLost;
        private double _mainsFrequencyHz;
        private double _mainsPhaseCycles;
        private double _islandDriftHzPerSample;
        private double _islandLevel = 1;

        public GridWaveformModel(double nominalFrequencyHz, double nominalVoltageV, int seed)
        {
            NominalFrequencyHz = nominalFrequencyHz;
            _frequencyHz = nominalFrequencyHz;
            _targetFrequencyHz = nominalFrequencyHz;
            _mainsFrequencyHz = nominalFrequencyHz;
            _rmsVoltageV = nominalVoltageV;
            _noiseState = seed == 0 ? 2463534242u : (uint)seed;
            _collapseFactorPerSample = Numeric.Exp(-_samplePeriodS / CollapseTimeConstantS);
            Harmonic3Fraction = 0.03;
            Harmonic5Fraction = 0.02;
            NoiseRmsV = 0.5;
            AdcFullScaleV = 400;
            AdcBits = 12;
            IslandSupported = true;
        }

        public double NominalFrequencyHz { get; }

        /// <summary>The true frequency now, Hz (the island's while the mains are lost).</summary>
        public double FrequencyHz => _frequencyHz;

        /// <summary>The true RMS of the fundamental now, V (0 once an island has collapsed).</summary>
        public double RmsVoltageV => _rmsVoltageV * _islandLevel;

        /// <summary>Phase of the fundamental, cycles in [0, 1) (0 = rising zero crossing).</summary>
        public double PhaseCycles => _phaseCycles;

        /// <summary>3rd harmonic amplitude as a fraction of the fundamental (0.03 = 3 %).</summary>
        public double Harmonic3Fraction { get; set; }

        /// <summary>5th harmonic amplitude as a fraction of the fundamental (0.02 = 2 %).</summary>
        public double Harmonic5Fraction { get; set; }

        /// <summary>RMS of the added noise, V (approximately Gaussian: a sum of four uniform draws).</summary>
        public double NoiseRmsV
        {
            get { return _noiseRmsV; }
            set
            {
                _noiseRmsV = value;
                _noiseScaleV = SqrtThree * value;
            }
        }

        /// <summary>ADC input range, ±V; samples beyond it clip.</summary>
        public double AdcFullScaleV
        {
            get { return _adcFullScaleV; }
            set
            {
                _adcFullScaleV = value;
                UpdateAdc();
            }
        }

        /// <summary>ADC resolution, bits (0: no quantisation).</summary>
        public int AdcBits
        {
            get { return _adcBits; }
            set
            {
                _adcBits = value;
                UpdateAdc();
            }
        }

        /// <summary>True after <see cref="LoseMains"/> until <see cref="RestoreMains"/>.</summary>
        public bool IsMainsLost => _mainsLost;

        /// <summary>
        /// Whether something holds the island's voltage up (the simulator ties this to the converter
        /// still energising the AC side). Only matters while the mains are lost: when false, the island
        /// collapses. True by default, so an island persists until the simulator says otherwise.
        /// </summary>
        public bool IslandSupported { get; set; }

        /// <summary>Moves the mains frequency to <paramref name="hz"/>: at once if <paramref name="rampHzPerS"/> ≤ 0, else at that rate.</summary>
        public void SetFrequency(double hz, double rampHzPerS)
        {
            _mainsFrequencyHz = hz;
            if (_mainsLost)
            {
                return; // the island goes its own way; the mains return at this frequency
            }

            _targetFrequencyHz = hz;
            _rampHzPerSample = rampHzPerS * _samplePeriodS;
            if (rampHzPerS <= 0)
            {
                _frequencyHz = hz;
            }
        }

        /// <summary>Sets the RMS voltage of the fundamental at once (a sag, a swell, a return), V.</summary>
        public void SetVoltage(double rmsV)
        {
            _rmsVoltageV = rmsV;
        }

        /// <summary>Shifts the phase of the voltage at once (positive: advances, so the next zero crossing comes early), degrees.</summary>
        public void JumpPhase(double degrees)
        {
            _phaseCycles = Wrap(_phaseCycles + degrees / 360.0);
        }

        /// <summary>The mains disconnect: the island's frequency drifts at <paramref name="driftHzPerS"/> while it is supported.</summary>
        public void LoseMains(double driftHzPerS)
        {
            if (!_mainsLost)
            {
                _mainsLost = true;
                _mainsPhaseCycles = _phaseCycles;
                _mainsFrequencyHz = _targetFrequencyHz;
            }

            _islandDriftHzPerSample = driftHzPerS * _samplePeriodS;
            _targetFrequencyHz = _frequencyHz;
            _rampHzPerSample = 0;
        }

        /// <summary>The mains reconnect: their voltage, frequency and phase (which ran on during the island) at once.</summary>
        public void RestoreMains()
        {
            if (!_mainsLost)
            {
                return;
            }

            _mainsLost = false;
            _islandLevel = 1;
            _frequencyHz = _mainsFrequencyHz;
            _targetFrequencyHz = _mainsFrequencyHz;
            _phaseCycles = _mainsPhaseCycles;
        }

        /// <summary>Advances one sample period and returns the ADC's reading, V.</summary>
        public double NextSampleV()
        {
            if (_mainsLost)
            {
                _mainsPhaseCycles = Wrap(_mainsPhaseCycles + _mainsFrequencyHz * _samplePeriodS);
                if (_islandLevel > 0)
                {
                    _frequencyHz += _islandDriftHzPerSample;
                    if (!IslandSupported)
                    {
                        _islandLevel *= _collapseFactorPerSample;
                        if (_islandLevel < CollapsedFraction)
                        {
                            _islandLevel = 0;
                        }
                    }
                }
            }
            else if (_frequencyHz != _targetFrequencyHz)
            {
                double d = _targetFrequencyHz - _frequencyHz;
                _frequencyHz = d > _rampHzPerSample ? _frequencyHz + _rampHzPerSample
                    : (d < -_rampHzPerSample ? _frequencyHz - _rampHzPerSample : _targetFrequencyHz);
            }

            _phaseCycles = Wrap(_phaseCycles + _frequencyHz * _samplePeriodS);

            double v = 0;
            if (_islandLevel > 0)
            {
                double fundamental = TableSine(_phaseCycles);
                double third = 3 * _phaseCycles;
                third = TableSine(third - (int)third);
                double fifth = 5 * _phaseCycles;
                fifth = TableSine(fifth - (int)fifth);
                v = _rmsVoltageV * _islandLevel * SqrtTwo * (fundamental + Harmonic3Fraction * third + Harmonic5Fraction * fifth);
            }

            if (_noiseRmsV > 0)
            {
                // Sum of four U(0,1) (two 16-bit halves of two draws): mean 2, variance 1/3.
                uint a = NextRandom();
                uint b = NextRandom();
                double sum = ((a & 0xFFFF) + (a >> 16) + (b & 0xFFFF) + (b >> 16)) * UniformScale;
                v += (sum - 2) * _noiseScaleV;
            }

            return Quantise(v);
        }

        private double Quantise(double v)
        {
            if (v > _adcFullScaleV)
            {
                v = _adcFullScaleV;
            }
            else if (v < -_adcFullScaleV)
            {
                v = -_adcFullScaleV;
            }

            if (_adcHalfCodes == 0)
            {
                return v;
            }

            // Offset to positive before truncating, so the rounding is the same on both sides of zero.
            int code = (int)(v * _codesPerV + _adcHalfCodes + 0.5) - _adcHalfCodes;
            if (code > _adcHalfCodes - 1)
            {
                code = _adcHalfCodes - 1;
            }

            return code * _lsbV;
        }

        private uint NextRandom()
        {
            // xorshift32: the model's own generator, so a seed gives the same waveform everywhere.
            uint x = _noiseState;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _noiseState = x;
            return x;
        }

        private void UpdateAdc()
        {
            _adcHalfCodes = _adcBits <= 0 ? 0 : 1 << (_adcBits - 1);
            _lsbV = _adcHalfCodes == 0 ? 0 : _adcFullScaleV / _adcHalfCodes;
            _codesPerV = _adcHalfCodes == 0 ? 0 : _adcHalfCodes / _adcFullScaleV;
        }

        private static double TableSine(double phaseCycles)
        {
            double position = phaseCycles * TableSize;
            int index = (int)position;
            double fraction = position - index;
            return SineTable[index] + fraction * (SineTable[index + 1] - SineTable[index]);
        }

        private static double Wrap(double cycles)
        {
            if (cycles >= 1 || cycles < 0)
            {
                long whole = (long)cycles;
                cycles -= whole;
                if (cycles < 0)
                {
                    cycles += 1;
                }

                if (cycles >= 1)
                {
                    cycles = 0; // -1e-17 + 1 rounds to 1
                }
            }

            return cycles;
        }

        // One cycle plus a guard entry for the interpolation; linear interpolation over 4096 points is
        // good to about 3e-7 of the amplitude, far below the ADC's step.
        private static double[] BuildSineTable()
        {
            double[] table = new double[TableSize + 1];
            for (int i = 0; i <= TableSize; i++)
            {
                table[i] = GridMath.Sin(2 * GridMath.Pi * i / TableSize);
            }

            return table;
        }
    }
}
