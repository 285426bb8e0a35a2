namespace V2G.Firmware.Battery
{
    /// <summary>
    /// Streaming rainflow cycle counting of a SOC record by the three-point method of ASTM E1049-85 (2011)
    /// §5.4.4, as BLAST-Lite's rainflow.py applies it [battery-ageing digest §8, V]: samples go in one at a
    /// time, turning points are pushed on a stack, and every cycle that closes is queued for
    /// <see cref="TryTakeCycle"/>. The residue (half cycles still open) is counted only when the record is
    /// closed (<see cref="CloseRecord"/>: the session or the day), as the digest's streaming note says [A].
    /// Allocates nothing after construction.
    /// <para>
    /// A dead band (<see cref="HysteresisSoc"/>) keeps measurement noise from making micro-cycles: a reversal
    /// counts only once the SOC has moved back by more than it [digest §8 step 1, recommendation A: 0.5–1 %].
    /// If the stack is ever full (a long run of ever-smaller swings), its oldest range is counted as a half
    /// cycle and dropped, so memory stays bounded.
    /// </para>
    /// </summary>
    public sealed class RainflowCounter
    {
        /// <summary>Below this C-rate, 1/h, an interval counts as rest: BLAST-Lite zeroes C-rates under 0.01 /h [digest §2.3, V].</summary>
        public const double RestCRatePerH = 0.01;

        private readonly double _hysteresis;

        // The stack of turning points; each keeps the running totals at its time, so the C-rate and the
        // temperature of the segments between any two of them are differences.
        private readonly double[] _soc;
        private readonly double[] _timeS;
        private readonly double[] _movedSoc;
        private readonly double[] _activeH;
        private readonly double[] _temperatureActive;
        private readonly double[] _temperatureLast;
        private int _count;

        private readonly RainflowCycle[] _queue;
        private int _queueHead;
        private int _queueCount;

        private bool _started;
        private int _direction;
        private double _lastSoc;
        private double _lastTimeS;

        // The extreme reached since the last confirmed turning point (the next turning point, once the SOC turns).
        private double _candidateSoc;
        private double _candidateTimeS;
        private double _candidateMoved;
        private double _candidateActive;
        private double _candidateTemperatureActive;
        private double _candidateTemperature;

        private double _totalMovedSoc;
        private double _totalActiveH;
        private double _totalTemperatureActive;
        private double _lastTemperatureC;

        private double _recordEfc;
        private double _countedEfc;
        private int _droppedCycles;

        /// <summary>A counter with room for <paramref name="stackCapacity"/> turning points (at least 4) and the given dead band (SOC fraction, ≥ 0).</summary>
        public RainflowCounter(int stackCapacity, double hysteresisSoc)
        {
            if (stackCapacity < 4)
            {
                stackCapacity = 4;
            }

            _hysteresis = hysteresisSoc > 0 ? hysteresisSoc : 0;
            _soc = new double[stackCapacity];
            _timeS = new double[stackCapacity];
            _movedSoc = new double[stackCapacity];
            _activeH = new double[stackCapacity];
            _temperatureActive = new double[stackCapacity];
            _temperatureLast = new double[stackCapacity];
            _queue = new RainflowCycle[stackCapacity + 2];
        }

        /// <summary>The dead band, SOC fraction.</summary>
        public double HysteresisSoc
        {
            get { return _hysteresis; }
        }

        /// <summary>Turning points on the stack now (the open ranges).</summary>
        public int StackDepth
        {
            get { return _count; }
        }

        /// <summary>Cycles waiting in the queue.</summary>
        public int QueuedCycles
        {
            get { return _queueCount; }
        }

        /// <summary>Cycles lost because the queue was full (nobody took them): 0 in normal use.</summary>
        public int DroppedCycles
        {
            get { return _droppedCycles; }
        }

        /// <summary>EFC of every sample given so far: Σ|ΔSOC| / 2 [digest §1, V: BLAST definition].</summary>
        public double RecordEquivalentFullCycles
        {
            get { return _recordEfc; }
        }

        /// <summary>Σ count × depth of the cycles counted so far; equals <see cref="RecordEquivalentFullCycles"/> after <see cref="CloseRecord"/> without a dead band [digest §8, step 5].</summary>
        public double CountedEquivalentFullCycles
        {
            get { return _countedEfc; }
        }

        /// <summary>
        /// Forgets everything (a new pack or a restored state): no stack, no queue, no totals.
        /// </summary>
        public void Reset()
        {
            _count = 0;
            _queueHead = 0;
            _queueCount = 0;
            _started = false;
            _direction = 0;
            _totalMovedSoc = 0;
            _totalActiveH = 0;
            _totalTemperatureActive = 0;
            _recordEfc = 0;
            _countedEfc = 0;
            _droppedCycles = 0;
        }

        /// <summary>
        /// One sample of the record: time <paramref name="timeS"/> (s, not decreasing), <paramref name="soc"/> (0…1),
        /// the C-rate of the interval since the previous sample (1/h, magnitude; NaN to derive it from the SOC
        /// change, which is right for a smooth SOC but not for a coarsely quantised one) and the temperature, °C.
        /// </summary>
        public void Add(double timeS, double soc, double cRatePerH, double temperatureC)
        {
            if (!_started)
            {
                _started = true;
                _lastSoc = soc;
                _lastTimeS = timeS;
                _lastTemperatureC = temperatureC;
                _direction = 0;
                SetCandidate(soc, timeS, temperatureC);
                PushCandidate();
                return;
            }

            double dtH = (timeS - _lastTimeS) / 3600.0;
            double dSoc = soc - _lastSoc;
            double moved = dSoc < 0 ? -dSoc : dSoc;
            _recordEfc += moved / 2;
            if (dtH > 0)
            {
                double c = double.IsNaN(cRatePerH) ? moved / dtH : (cRatePerH < 0 ? -cRatePerH : cRatePerH);
                if (c >= RestCRatePerH)
                {
                    _totalMovedSoc += c * dtH;
                    _totalActiveH += dtH;
                    _totalTemperatureActive += temperatureC * dtH;
                }
            }

            _lastSoc = soc;
            _lastTimeS = timeS;
            _lastTemperatureC = temperatureC;

            if (_direction == 0)
            {
                double fromTop = soc - _soc[_count - 1];
                if (fromTop > _hysteresis || -fromTop > _hysteresis)
                {
                    _direction = fromTop > 0 ? 1 : -1;
                    SetCandidate(soc, timeS, temperatureC);
                }

                return;
            }

            if (_direction > 0)
            {
                if (soc > _candidateSoc)
                {
                    SetCandidate(soc, timeS, temperatureC);
                }
                else if (_candidateSoc - soc > _hysteresis)
                {
                    PushCandidate();
                    _direction = -1;
                    SetCandidate(soc, timeS, temperatureC);
                }
            }
            else
            {
                if (soc < _candidateSoc)
                {
                    SetCandidate(soc, timeS, temperatureC);
                }
                else if (soc - _candidateSoc > _hysteresis)
                {
                    PushCandidate();
                    _direction = 1;
                    SetCandidate(soc, timeS, temperatureC);
                }
            }
        }

        /// <summary>
        /// Ends the record (a session or a day): the last extreme becomes a turning point and every range left
        /// on the stack is counted as a half cycle [digest §8, step 3]. The next record starts from the last
        /// turning point.
        /// </summary>
        public void CloseRecord()
        {
            if (!_started)
            {
                return;
            }

            if (_direction != 0)
            {
                PushCandidate();
            }

            for (int i = 0; i + 1 < _count; i++)
            {
                Emit(0.5, i, i + 1);
            }

            if (_count > 0)
            {
                CopyPoint(_count - 1, 0);
                _count = 1;
            }

            _direction = 0;
        }

        /// <summary>Takes the oldest counted cycle; false when none is waiting.</summary>
        public bool TryTakeCycle(out RainflowCycle cycle)
        {
            if (_queueCount == 0)
            {
                cycle = new RainflowCycle();
                return false;
            }

            cycle = _queue[_queueHead];
            _queueHead = (_queueHead + 1) % _queue.Length;
            _queueCount--;
            return true;
        }

        private void SetCandidate(double soc, double timeS, double temperatureC)
        {
            _candidateSoc = soc;
            _candidateTimeS = timeS;
            _candidateMoved = _totalMovedSoc;
            _candidateActive = _totalActiveH;
            _candidateTemperatureActive = _totalTemperatureActive;
            _candidateTemperature = temperatureC;
        }

        private void PushCandidate()
        {
            if (_count == _soc.Length)
            {
                // Full: count the oldest range as a half cycle and forget its first point.
                Emit(0.5, 0, 1);
                for (int i = 1; i < _count; i++)
                {
                    CopyPoint(i, i - 1);
                }

                _count--;
            }

            int n = _count;
            _soc[n] = _candidateSoc;
            _timeS[n] = _candidateTimeS;
            _movedSoc[n] = _candidateMoved;
            _activeH[n] = _candidateActive;
            _temperatureActive[n] = _candidateTemperatureActive;
            _temperatureLast[n] = _candidateTemperature;
            _count = n + 1;

            // The three-point rule [digest §8, step 2].
            while (_count >= 3)
            {
                double x = Range(_count - 1, _count - 2);
                double y = Range(_count - 2, _count - 3);
                if (x < y)
                {
                    break;
                }

                if (_count == 3)
                {
                    Emit(0.5, 0, 1);
                    CopyPoint(1, 0);
                    CopyPoint(2, 1);
                    _count = 2;
                }
                else
                {
                    Emit(1, _count - 3, _count - 2);
                    CopyPoint(_count - 1, _count - 3);
                    _count -= 2;
                }
            }
        }

        private double Range(int a, int b)
        {
            double r = _soc[a] - _soc[b];
            return r < 0 ? -r : r;
        }

        private void CopyPoint(int from, int to)
        {
            _soc[to] = _soc[from];
            _timeS[to] = _timeS[from];
            _movedSoc[to] = _movedSoc[from];
            _activeH[to] = _activeH[from];
            _temperatureActive[to] = _temperatureActive[from];
            _temperatureLast[to] = _temperatureLast[from];
        }

        private void Emit(double count, int a, int b)
        {
            RainflowCycle c = new RainflowCycle();
            c.Count = count;
            c.FromSoc = _soc[a];
            c.ToSoc = _soc[b];
            c.Depth = Range(a, b);
            c.MeanSoc = (_soc[a] + _soc[b]) / 2;
            c.StartTimeS = _timeS[a];
            c.EndTimeS = _timeS[b];
            double activeH = _activeH[b] - _activeH[a];
            if (activeH > 0)
            {
                c.CRatePerH = (_movedSoc[b] - _movedSoc[a]) / activeH;
                c.TemperatureC = (_temperatureActive[b] - _temperatureActive[a]) / activeH;
            }
            else
            {
                c.CRatePerH = 0;
                c.TemperatureC = _temperatureLast[b];
            }

            _countedEfc += c.Count * c.Depth;
            if (_queueCount == _queue.Length)
            {
                _droppedCycles++;
                return;
            }

            _queue[(_queueHead + _queueCount) % _queue.Length] = c;
            _queueCount++;
        }
    }
}
