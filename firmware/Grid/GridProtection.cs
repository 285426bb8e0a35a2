using System;
using V2G.Firmware.Numerics;

namespace V2G.Firmware.Grid
{
    /// <summary>
    /// Grid protection of the charger as a DER: the shall-trip frequency and voltage functions, a ROCOF
    /// loss-of-mains trip and a no-cycles (voltage collapse) loss-of-mains trip, each with its own
    /// clearing timer, plus the return-to-service condition. Called once per control tick (20 ms) with
    /// the estimator's outputs; allocation-free.
    /// </summary>
    /// <remarks>
    /// Ride-through comes from the timers: a condition trips only after lasting its clearing time, and a
    /// timer restarts whenever its condition goes, so a one-cycle frequency spike or voltage dip (a
    /// phase jump of 20° three-phase or 60° single-phase [digest §2, V]) never trips; inside the continuous
    /// range no condition is present at all. There is no vector-shift detector: UKPN documents false trips
    /// with them [digest §7, V] and a 60° jump would have to pass anyway. A trip latches: <see cref="Check"/>
    /// keeps returning it until frequency and voltage have stayed inside the continuous range (with cycles
    /// present and no trip condition) for <see cref="GridProtectionSettings.ReturnToServiceDelayMs"/>; then it
    /// returns <see cref="GridTrip.None"/> and <see cref="CanReconnect"/> is true.
    /// A NaN input makes no trip condition, but keeps the charger from reconnecting.
    /// </remarks>
    public sealed class GridProtection
    {
        // Trip functions, in the order in which they are evaluated (the first to mature in a tick wins:
        // the fast stages first, so a deep fault is reported by the function meant for it).
        private const int NoCycles = 0;
        private const int OverVoltage2 = 1;
        private const int UnderVoltage2 = 2;
        private const int OverFrequency2 = 3;
        private const int UnderFrequency2 = 4;
        private const int RocofFunction = 5;
        private const int OverVoltage1 = 6;
        private const int UnderVoltage1 = 7;
        private const int OverFrequency1 = 8;
        private const int UnderFrequency1 = 9;
        private const int FunctionCount = 10;

        private static readonly string[] FunctionNames =
        {
            "NoCycles", "OV2", "UV2", "OF2", "UF2", "ROCOF", "OV1", "UV1", "OF1", "UF1",
        };

        private static readonly GridTrip[] FunctionTrips =
        {
            GridTrip.LossOfMains, GridTrip.OverVoltage, GridTrip.UnderVoltage, GridTrip.OverFrequency, GridTrip.UnderFrequency,
            GridTrip.Rocof, GridTrip.OverVoltage, GridTrip.UnderVoltage, GridTrip.OverFrequency, GridTrip.UnderFrequency,
        };

        /// <summary>When each function's condition was first seen in its present run, ms; −1 while absent.</summary>
        private readonly long[] _conditionSinceMs = new long[FunctionCount];
        private GridProtectionSettings _settings;
        private GridTrip _trip;
        private int _tripFunction = -1;
        private long _trippedAtMs = -1;
        private long _tripCount;
        private long _healthySinceMs = -1;
        private long _lastCheckMs = long.MinValue;
        private bool _lastHealthy;
        private bool _conditionPresent;

        public GridProtection(GridProtectionSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            _settings = settings;
            ResetTimers();
        }

        /// <summary>The settings in force (fields may be changed between ticks; they are read at every check).</summary>
        public GridProtectionSettings Settings => _settings;

        /// <summary>The latched trip, <see cref="GridTrip.None"/> while connected or once return to service is allowed.</summary>
        public GridTrip Trip => _trip;

        /// <summary>True while a trip is latched: the charger must not energize the grid.</summary>
        public bool IsTripped => _trip != GridTrip.None;

        /// <summary>The function that tripped ("OF2", "UV1", "ROCOF", "NoCycles", ...), "" when none is latched.</summary>
        public string TripFunctionName => _tripFunction < 0 ? "" : FunctionNames[_tripFunction];

        /// <summary>When the latched trip happened, ms; −1 when none is latched.</summary>
        public long TrippedAtMs => _trippedAtMs;

        /// <summary>Trips since construction (a new trip increments it: callers detect one by comparing).</summary>
        public long TripCount => _tripCount;

        /// <summary>Since when frequency and voltage have been inside the continuous range with no trip condition, ms; −1 when they are not.</summary>
        public long HealthySinceMs => _healthySinceMs;

        /// <summary>True if any trip condition was present at the last check (a timer is running).</summary>
        public bool IsConditionPresent => _conditionPresent;

        /// <summary>Replaces the settings; the timers restart, a latched trip stays latched.</summary>
        public void Apply(GridProtectionSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            _settings = settings;
            ResetTimers();
        }

        /// <summary>
        /// Evaluates every function at <paramref name="nowMs"/> and returns the trip that must be in force
        /// now: a new trip as soon as a condition has lasted its clearing time, the latched one after that,
        /// <see cref="GridTrip.None"/> otherwise.
        /// </summary>
        /// <param name="frequencyHz">The estimator's guarded frequency, Hz.</param>
        /// <param name="rmsVoltageV">The last cycle's RMS voltage, V.</param>
        /// <param name="rocofHzPerS">The estimator's ROCOF over its window (500 ms), Hz/s, either sign.</param>
        /// <param name="lastCycleEndMs">When the last grid cycle ended, ms (negative: no cycle yet, which counts as no grid).</param>
        /// <param name="nowMs">The tick's time, ms (same clock).</param>
        public GridTrip Check(double frequencyHz, double rmsVoltageV, double rocofHzPerS, long lastCycleEndMs, long nowMs)
        {
            GridProtectionSettings s = _settings;
            double voltagePu = s.NominalVoltageV > 0 ? rmsVoltageV / s.NominalVoltageV : double.NaN;
            bool cyclesPresent = lastCycleEndMs >= 0 && nowMs - lastCycleEndMs <= s.NoCyclesAfterMs;

            _conditionPresent = false;
            int matured = -1;
            matured = Track(NoCycles, !cyclesPresent, s.LossOfMainsClearingMs, nowMs, matured);
            matured = Track(OverVoltage2, voltagePu > s.OverVoltage2Pu, s.OverVoltage2ClearingMs, nowMs, matured);
            matured = Track(UnderVoltage2, voltagePu < s.UnderVoltage2Pu, s.UnderVoltage2ClearingMs, nowMs, matured);
            matured = Track(OverFrequency2, frequencyHz > s.OverFrequency2Hz, s.OverFrequency2ClearingMs, nowMs, matured);
            matured = Track(UnderFrequency2, frequencyHz < s.UnderFrequency2Hz, s.UnderFrequency2ClearingMs, nowMs, matured);
            matured = Track(RocofFunction, Numeric.Abs(rocofHzPerS) > s.RocofTripHzPerS, s.RocofClearingMs, nowMs, matured);
            matured = Track(OverVoltage1, voltagePu > s.OverVoltage1Pu, s.OverVoltage1ClearingMs, nowMs, matured);
            matured = Track(UnderVoltage1, voltagePu < s.UnderVoltage1Pu, s.UnderVoltage1ClearingMs, nowMs, matured);
            matured = Track(OverFrequency1, frequencyHz > s.OverFrequency1Hz, s.OverFrequency1ClearingMs, nowMs, matured);
            matured = Track(UnderFrequency1, frequencyHz < s.UnderFrequency1Hz, s.UnderFrequency1ClearingMs, nowMs, matured);

            // Written as "inside" comparisons so that NaN counts as outside.
            bool healthy = cyclesPresent && !_conditionPresent
                && frequencyHz >= s.ContinuousMinHz && frequencyHz <= s.ContinuousMaxHz
                && voltagePu >= s.ContinuousMinPu && voltagePu <= s.ContinuousMaxPu;
            if (!healthy)
            {
                _healthySinceMs = -1;
            }
            else if (_healthySinceMs < 0)
            {
                _healthySinceMs = nowMs;
            }

            _lastHealthy = healthy;
            _lastCheckMs = nowMs;

            if (_trip == GridTrip.None)
            {
                if (matured >= 0)
                {
                    _trip = FunctionTrips[matured];
                    _tripFunction = matured;
                    _trippedAtMs = nowMs;
                    _tripCount++;
                }
            }
            else if (CanReconnect(nowMs))
            {
                _trip = GridTrip.None;
                _tripFunction = -1;
                _trippedAtMs = -1;
            }

            return _trip;
        }

        /// <summary>
        /// True when the charger may energize the grid: at the last check (at most <see
        /// cref="GridProtectionSettings.NoCyclesAfterMs"/> ago) cycles were present, frequency and voltage
        /// inside the continuous range and no trip condition present, continuously for the return-to-service
        /// delay. Also the enter-service condition at start: it is false until that delay has passed once.
        /// </summary>
        public bool CanReconnect(long nowMs)
        {
            GridProtectionSettings s = _settings;
            return _lastHealthy
                && _healthySinceMs >= 0
                && nowMs - _lastCheckMs <= s.NoCyclesAfterMs
                && nowMs - _healthySinceMs >= s.ReturnToServiceDelayMs;
        }

        /// <summary>
        /// Runs one function's timer: starts it when its condition appears, stops it when the condition goes,
        /// and returns <paramref name="matured"/>, or this function if it is the first this tick to have lasted
        /// its clearing time. A negative clearing time disables the function.
        /// </summary>
        private int Track(int function, bool condition, int clearingMs, long nowMs, int matured)
        {
            if (!condition || clearingMs < 0)
            {
                _conditionSinceMs[function] = -1;
                return matured;
            }

            _conditionPresent = true;
            long since = _conditionSinceMs[function];
            if (since < 0)
            {
                _conditionSinceMs[function] = nowMs;
                since = nowMs;
            }

            return matured < 0 && nowMs - since >= clearingMs ? function : matured;
        }

        private void ResetTimers()
        {
            for (int i = 0; i < FunctionCount; i++)
            {
                _conditionSinceMs[i] = -1;
            }
        }
    }
}
