using V2G.Firmware.Numerics;
using V2G.Hal.Grid;

namespace V2G.Firmware.Grid
{
    /// <summary>
    /// Grid frequency from per-cycle periods (interpolated zero crossings, as a metering IC or native
    /// code delivers them [digest §6]): the mean frequency over the last few cycles (1/mean period),
    /// updated every cycle, behind a guard against phase jumps, plus a 60-cycle telemetry average and
    /// a ROCOF over 500 ms.
    /// <para>
    /// The guard: each cycle's frequency is compared with a prediction from the accepted cycles (their
    /// level and slope). A cycle that departs from it faster than <see cref="FrequencyEstimatorSettings.RocofGuardHzPerS"/>
    /// (beyond the noise margin) starts a hold: <see cref="FrequencyHz"/> keeps the last good value
    /// while the following cycles decide. <see cref="FrequencyEstimatorSettings.ConfirmCycles"/> cycles
    /// back at the old level: a phase jump (its false period lasts one or two cycles), so the held
    /// cycles are dropped. As many agreeing with each other at a new level: a real step, so the window
    /// restarts from the new level (which is also why a confirmed step settles faster than the plain
    /// window). Phase jumps create false excursions of 0.3–4 Hz and are the main source of false droop
    /// action [digest §0 item 4, §6 recommendation 2].
    /// </para>
    /// Allocates only in the constructor: <see cref="Add"/> runs once per cycle on the control thread.
    /// </summary>
    public sealed class FrequencyEstimator
    {
        /// <summary>Longest window <see cref="SetWindowCycles"/> accepts.</summary>
        public const int MaxWindowCycles = 20;

        // The prediction uses blocks of this many cycles whatever the output window, so a 1-cycle
        // window does not also get a 1-cycle-noisy guard.
        private const int PredictionCycles = 2;

        // Highest frequency the ROCOF history is sized for (a 60 Hz grid at its +10 % limit and more).
        private const int HistoryMaxHz = 70;

        private const double MicrosPerSecond = 1000000.0;

        private readonly FrequencyEstimatorSettings _settings;
        private readonly double _nominalHz;
        private readonly double _minPeriodUs;
        private readonly double _maxPeriodUs;
        private readonly long _gapMs;

        // Accepted cycles (the guard let them through), newest at _acceptedHead - 1.
        private readonly double[] _acceptedPeriodUs;
        private readonly double[] _acceptedMidUs;
        private int _acceptedHead;
        private int _acceptedCount;
        private double _lastAcceptedDeviationHz;

        // Accepted cycles for the telemetry average (not restarted by a confirmed step).
        private readonly double[] _averagePeriodUs;
        private int _averageHead;
        private int _averageCount;

        // Every plausible cycle, unguarded (RawFrequencyHz: what the estimate would be without the guard).
        private readonly double[] _rawPeriodUs;
        private int _rawHead;
        private int _rawCount;

        // Cycles held while the guard decides, oldest first.
        private readonly double[] _heldPeriodUs;
        private readonly double[] _heldMidUs;
        private int _heldCount;
        private int _agreeCount;
        private int _backCount;
        private double _lastHeldHz;

        // (time, FrequencyHz) per cycle for the ROCOF.
        private readonly double[] _historyTimeUs;
        private readonly double[] _historyHz;
        private int _historyHead;
        private int _historyCount;

        private int _windowCycles;
        private double _timeUs;
        private double _frequencyHz;
        private double _rawFrequencyHz;
        private double _averageFrequencyHz;
        private double _rocofHzPerS;
        private double _rmsVoltageV;
        private long _lastCycleEndMs;
        private bool _hasCycle;
        private long _cycles;
        private long _rejectedCycles;
        private bool _holding;

        public FrequencyEstimator(FrequencyEstimatorSettings settings, double nominalHz)
        {
            _settings = settings;
            _nominalHz = nominalHz;

            // Plausible periods: half to twice nominal. Anything else is not a grid cycle (a meter glitch).
            _minPeriodUs = MicrosPerSecond / (2 * nominalHz);
            _maxPeriodUs = 2 * MicrosPerSecond / nominalHz;

            // More than three nominal periods without a cycle: the voltage was absent, start afresh.
            _gapMs = (long)(3000.0 / nominalHz) + 1;

            _acceptedPeriodUs = new double[2 * MaxWindowCycles];
            _acceptedMidUs = new double[2 * MaxWindowCycles];
            int averageCycles = settings.AverageCycles < 1 ? 1 : settings.AverageCycles;
            _averagePeriodUs = new double[averageCycles];
            _rawPeriodUs = new double[MaxWindowCycles];
            int maxHold = settings.MaxHoldCycles < 1 ? 1 : settings.MaxHoldCycles;
            _heldPeriodUs = new double[maxHold + 1];
            _heldMidUs = new double[maxHold + 1];
            int historyCycles = settings.RocofWindowMs * HistoryMaxHz / 1000 + 4;
            _historyTimeUs = new double[historyCycles];
            _historyHz = new double[historyCycles];

            SetWindowCycles(settings.WindowCycles);
            _frequencyHz = nominalHz;
            _rawFrequencyHz = nominalHz;
            _averageFrequencyHz = nominalHz;
        }

        /// <summary>The guarded, windowed frequency, Hz: the droop's and the trips' input. Nominal before the first cycle.</summary>
        public double FrequencyHz => _frequencyHz;

        /// <summary>The windowed frequency without the guard, Hz (diagnostics: what a phase jump would have shown).</summary>
        public double RawFrequencyHz => _rawFrequencyHz;

        /// <summary>Mean frequency over the last <see cref="FrequencyEstimatorSettings.AverageCycles"/> accepted cycles, Hz (telemetry).</summary>
        public double AverageFrequencyHz => _averageFrequencyHz;

        /// <summary>Rate of change of <see cref="FrequencyHz"/> over the ROCOF window, Hz/s; 0 until that much history exists.</summary>
        public double RocofHzPerS => _rocofHzPerS;

        /// <summary>RMS voltage of the last cycle, V.</summary>
        public double RmsVoltageV => _rmsVoltageV;

        /// <summary>End time of the last cycle (its closing zero crossing), ms; 0 before the first.</summary>
        public long LastCycleEndMs => _lastCycleEndMs;

        /// <summary>Cycles added since construction.</summary>
        public long Cycles => _cycles;

        /// <summary>True while the guard holds the last good value.</summary>
        public bool IsHolding => _holding;

        /// <summary>Cycles that never entered the estimate: disturbances the guard dropped, and implausible periods.</summary>
        public long RejectedCycles => _rejectedCycles;

        /// <summary>The window in use, cycles.</summary>
        public int WindowCycles => _windowCycles;

        /// <summary>Sets the window (presets choose it: short for fast droop settings), clamped to 1..<see cref="MaxWindowCycles"/>.</summary>
        public void SetWindowCycles(int cycles)
        {
            _windowCycles = cycles < 1 ? 1 : (cycles > MaxWindowCycles ? MaxWindowCycles : cycles);
            if (_acceptedCount > 0 && !_holding)
            {
                _frequencyHz = WindowedHz();
            }

            if (_rawCount > 0)
            {
                _rawFrequencyHz = RawHz();
            }
        }

        /// <summary>Takes one measured cycle; cycles must come in order, one call each.</summary>
        public void Add(ref GridCycle cycle)
        {
            _cycles++;
            _rmsVoltageV = cycle.RmsVoltageV;
            if (_hasCycle && cycle.EndMs - _lastCycleEndMs > _gapMs)
            {
                Restart();
            }

            _hasCycle = true;
            _lastCycleEndMs = cycle.EndMs;

            double periodUs = cycle.PeriodUs;
            if (!(periodUs >= _minPeriodUs && periodUs <= _maxPeriodUs))
            {
                _rejectedCycles++;
                return;
            }

            _timeUs += periodUs;
            double midUs = _timeUs - periodUs / 2;
            PushRaw(periodUs);

            if (_acceptedCount == 0 && !_holding)
            {
                // Nothing to compare with (first cycle, or after the voltage was absent): take it.
                Accept(periodUs, midUs, 0);
                _frequencyHz = WindowedHz();
            }
            else
            {
                double cycleHz = MicrosPerSecond / periodUs;
                double deviationHz = cycleHz - PredictHz(midUs);

                // Departing faster than the guard's ROCOF over this one cycle, beyond the noise.
                double limitHz = _settings.RocofGuardHzPerS * periodUs / MicrosPerSecond + _settings.NoiseMarginHz;
                if (!_holding)
                {
                    if (Numeric.Abs(deviationHz) <= limitHz)
                    {
                        // A cycle beyond the noise but inside the guard may be the first part of a
                        // disturbance that straddles a zero crossing: it is published with the next
                        // cycle, which either confirms it or starts a hold that takes it back.
                        Accept(periodUs, midUs, deviationHz);
                        if (Numeric.Abs(deviationHz) <= _settings.NoiseMarginHz)
                        {
                            _frequencyHz = WindowedHz();
                        }
                    }
                    else
                    {
                        StartHold(periodUs, midUs, cycleHz, deviationHz);
                    }
                }
                else
                {
                    ContinueHold(periodUs, midUs, cycleHz, deviationHz, limitHz);
                }
            }

            RecordHistory();
        }

        private void StartHold(double periodUs, double midUs, double cycleHz, double deviationHz)
        {
            _holding = true;
            _heldCount = 0;

            // A disturbance that straddles a zero crossing shows partly in the cycle before the one that
            // tripped the guard: if that cycle already leaned the same way beyond the noise, take it back.
            if (_acceptedCount > 1 && _lastAcceptedDeviationHz * deviationHz > 0
                && Numeric.Abs(_lastAcceptedDeviationHz) > _settings.NoiseMarginHz)
            {
                int newest = Newest(_acceptedHead, _acceptedPeriodUs.Length);
                Hold(_acceptedPeriodUs[newest], _acceptedMidUs[newest]);
                _acceptedHead = newest;
                _acceptedCount--;
                _averageHead = Newest(_averageHead, _averagePeriodUs.Length);
                _averageCount--;
                _frequencyHz = WindowedHz();
                _averageFrequencyHz = AverageHz();
            }

            Hold(periodUs, midUs);
            _agreeCount = 1;
            _backCount = 0;
            _lastHeldHz = cycleHz;
        }

        private void ContinueHold(double periodUs, double midUs, double cycleHz, double deviationHz, double limitHz)
        {
            Hold(periodUs, midUs);
            if (Numeric.Abs(deviationHz) <= _settings.NoiseMarginHz)
            {
                _backCount++;
                _agreeCount = 0;
                if (_backCount >= _settings.ConfirmCycles)
                {
                    EndHoldAtOldLevel();
                    return;
                }
            }
            else
            {
                // A new level: ConfirmCycles cycles at it within the noise, or one more than that moving
                // together no faster than the guard allows (a ramp the hold happened to catch).
                _backCount = 0;
                _agreeCount = Numeric.Abs(cycleHz - _lastHeldHz) <= limitHz ? _agreeCount + 1 : 1;
                if (HeldTailAtNewestLevel() >= _settings.ConfirmCycles || _agreeCount > _settings.ConfirmCycles)
                {
                    EndHoldAtNewLevel();
                    return;
                }
            }

            _lastHeldHz = cycleHz;
            if (_heldCount >= _heldPeriodUs.Length)
            {
                EndHoldAtNewLevel();
            }
        }

        // A disturbance: its cycles are dropped, the cycles back at the old level go on.
        private void EndHoldAtOldLevel()
        {
            int firstBack = _heldCount - _backCount;
            _rejectedCycles += firstBack;
            for (int i = firstBack; i < _heldCount; i++)
            {
                Accept(_heldPeriodUs[i], _heldMidUs[i], 0);
            }

            _holding = false;
            _heldCount = 0;
            _frequencyHz = WindowedHz();
        }

        // A new level: the window restarts from the newest held cycles that agree with the newest one
        // within the noise (a partial cycle that straddled a step is left out), the average takes them all.
        private void EndHoldAtNewLevel()
        {
            int first = _heldCount - HeldTailAtNewestLevel();

            for (int i = 0; i < first; i++)
            {
                PushAverage(_heldPeriodUs[i]);
            }

            _acceptedCount = 0;
            for (int i = first; i < _heldCount; i++)
            {
                Accept(_heldPeriodUs[i], _heldMidUs[i], 0);
            }

            _holding = false;
            _heldCount = 0;
            _frequencyHz = WindowedHz();
        }

        // How many of the newest held cycles are within the noise margin of the newest one.
        private int HeldTailAtNewestLevel()
        {
            int newest = _heldCount - 1;
            double newestHz = MicrosPerSecond / _heldPeriodUs[newest];
            int first = newest;
            while (first > 0 && Numeric.Abs(MicrosPerSecond / _heldPeriodUs[first - 1] - newestHz) <= _settings.NoiseMarginHz)
            {
                first--;
            }

            return _heldCount - first;
        }

        private void Hold(double periodUs, double midUs)
        {
            _heldPeriodUs[_heldCount] = periodUs;
            _heldMidUs[_heldCount] = midUs;
            _heldCount++;
        }

        private void Accept(double periodUs, double midUs, double deviationHz)
        {
            _acceptedPeriodUs[_acceptedHead] = periodUs;
            _acceptedMidUs[_acceptedHead] = midUs;
            _acceptedHead = (_acceptedHead + 1) % _acceptedPeriodUs.Length;
            if (_acceptedCount < _acceptedPeriodUs.Length)
            {
                _acceptedCount++;
            }

            _lastAcceptedDeviationHz = deviationHz;
            PushAverage(periodUs);
        }

        private void PushAverage(double periodUs)
        {
            _averagePeriodUs[_averageHead] = periodUs;
            _averageHead = (_averageHead + 1) % _averagePeriodUs.Length;
            if (_averageCount < _averagePeriodUs.Length)
            {
                _averageCount++;
            }

            _averageFrequencyHz = AverageHz();
        }

        private void PushRaw(double periodUs)
        {
            _rawPeriodUs[_rawHead] = periodUs;
            _rawHead = (_rawHead + 1) % _rawPeriodUs.Length;
            if (_rawCount < _rawPeriodUs.Length)
            {
                _rawCount++;
            }

            _rawFrequencyHz = RawHz();
        }

        private double WindowedHz()
        {
            int n = _acceptedCount < _windowCycles ? _acceptedCount : _windowCycles;
            return n == 0 ? _frequencyHz : BlockHz(_acceptedPeriodUs, _acceptedHead, 0, n);
        }

        private double AverageHz()
        {
            return _averageCount == 0 ? _averageFrequencyHz : BlockHz(_averagePeriodUs, _averageHead, 0, _averageCount);
        }

        private double RawHz()
        {
            int n = _rawCount < _windowCycles ? _rawCount : _windowCycles;
            return BlockHz(_rawPeriodUs, _rawHead, 0, n);
        }

        // 1/mean period of the n cycles that end `skip` cycles before the newest of a ring.
        private static double BlockHz(double[] periodsUs, int head, int skip, int n)
        {
            double sumUs = 0;
            int index = head;
            for (int i = 0; i < skip + n; i++)
            {
                index = Newest(index, periodsUs.Length);
                if (i >= skip)
                {
                    sumUs += periodsUs[index];
                }
            }

            return n * MicrosPerSecond / sumUs;
        }

        private double BlockMidUs(int skip, int n)
        {
            double sumUs = 0;
            int index = _acceptedHead;
            for (int i = 0; i < skip + n; i++)
            {
                index = Newest(index, _acceptedMidUs.Length);
                if (i >= skip)
                {
                    sumUs += _acceptedMidUs[index];
                }
            }

            return sumUs / n;
        }

        // The frequency the accepted cycles predict for a cycle centred at midUs: the level of the newest
        // block, moved along the slope between it and the block before (limited to the guard's ROCOF).
        private double PredictHz(double midUs)
        {
            int n = _acceptedCount / 2;
            if (n > PredictionCycles)
            {
                n = PredictionCycles;
            }

            if (n == 0)
            {
                return BlockHz(_acceptedPeriodUs, _acceptedHead, 0, _acceptedCount);
            }

            double newerHz = BlockHz(_acceptedPeriodUs, _acceptedHead, 0, n);
            double newerMidUs = BlockMidUs(0, n);
            double olderHz = BlockHz(_acceptedPeriodUs, _acceptedHead, n, n);
            double olderMidUs = BlockMidUs(n, n);
            double slopeHzPerS = (newerHz - olderHz) * MicrosPerSecond / (newerMidUs - olderMidUs);
            slopeHzPerS = Numeric.Clamp(slopeHzPerS, -_settings.RocofGuardHzPerS, _settings.RocofGuardHzPerS);
            return newerHz + slopeHzPerS * (midUs - newerMidUs) / MicrosPerSecond;
        }

        private void RecordHistory()
        {
            _historyTimeUs[_historyHead] = _timeUs;
            _historyHz[_historyHead] = _frequencyHz;
            _historyHead = (_historyHead + 1) % _historyHz.Length;
            if (_historyCount < _historyHz.Length)
            {
                _historyCount++;
            }

            // Against the newest entry at least one ROCOF window old.
            double windowUs = _settings.RocofWindowMs * 1000.0;
            int index = Newest(_historyHead, _historyHz.Length);
            for (int i = 1; i < _historyCount; i++)
            {
                index = Newest(index, _historyHz.Length);
                double spanUs = _timeUs - _historyTimeUs[index];
                if (spanUs >= windowUs)
                {
                    _rocofHzPerS = (_frequencyHz - _historyHz[index]) * MicrosPerSecond / spanUs;
                    return;
                }
            }

            _rocofHzPerS = 0;
        }

        private void Restart()
        {
            _acceptedCount = 0;
            _averageCount = 0;
            _rawCount = 0;
            _historyCount = 0;
            _heldCount = 0;
            _holding = false;
            _rocofHzPerS = 0;
        }

        // The slot before `index` in a ring of `length` (the newest when index is the head).
        private static int Newest(int index, int length)
        {
            return index == 0 ? length - 1 : index - 1;
        }
    }
}
