using System;
using V2G.Firmware.Numerics;
using V2G.Hal.Pilot;

namespace V2G.Firmware.Pilot
{
    /// <summary>
    /// Watches the proximity contact: classifies the PP–PE resistance into a cable coding (digest §1.10,
    /// mapping [U]) and tells whether this charger's plug is inserted (its resistor,
    /// <see cref="PilotSettings.ExpectedPlugResistanceOhm"/>, within tolerance), both debounced over
    /// <see cref="PilotSettings.ProximityDebounceSamples"/> equal readings. Allocates nothing after construction.
    /// </summary>
    public sealed class ProximityMonitor
    {
        private readonly IProximitySense _sense;
        private readonly PilotSettings _settings;

        private ProximityState _state = ProximityState.NotConnected;
        private bool _plugInserted;
        private long _stateSinceMs;
        private double _resistanceOhm = double.PositiveInfinity;

        private ProximityState _candidateState = ProximityState.NotConnected;
        private bool _candidatePlug;
        private int _candidateCount;

        /// <summary>Starts as <see cref="ProximityState.NotConnected"/> until readings confirm otherwise.</summary>
        public ProximityMonitor(IProximitySense sense, PilotSettings settings)
        {
            if (sense == null)
            {
                throw new ArgumentNullException("sense");
            }

            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            _sense = sense;
            _settings = settings;
        }

        /// <summary>The debounced proximity state.</summary>
        public ProximityState State => _state;

        /// <summary>When <see cref="State"/> or <see cref="IsPlugInserted"/> last changed, ms.</summary>
        public long StateSinceMs => _stateSinceMs;

        /// <summary>True when the debounced reading is this charger's plug resistor (<see cref="PilotSettings.ExpectedPlugResistanceOhm"/>).</summary>
        public bool IsPlugInserted => _plugInserted;

        /// <summary>The latest reading, Ω (+∞ when open), before debounce.</summary>
        public double ResistanceOhm => _resistanceOhm;

        /// <summary>One tick: reads the resistance and debounces its classification.</summary>
        public void Update(long nowMs)
        {
            _resistanceOhm = _sense.ResistanceOhm;
            ProximityState raw = Classify(_settings, _resistanceOhm);
            bool rawPlug = Matches(_resistanceOhm, _settings.ExpectedPlugResistanceOhm, _settings.ProximityToleranceFraction);

            if (raw == _candidateState && rawPlug == _candidatePlug)
            {
                if (_candidateCount < _settings.ProximityDebounceSamples)
                {
                    _candidateCount++;
                }
            }
            else
            {
                _candidateState = raw;
                _candidatePlug = rawPlug;
                _candidateCount = 1;
            }

            if (_candidateCount >= _settings.ProximityDebounceSamples && (_candidateState != _state || _candidatePlug != _plugInserted))
            {
                _state = _candidateState;
                _plugInserted = _candidatePlug;
                _stateSinceMs = nowMs;
            }
        }

        /// <summary>
        /// The state one reading falls in: open at or above <see cref="PilotSettings.ProximityOpenAboveOhm"/>
        /// (or +∞), a cable coding within the relative tolerance of its nominal value, otherwise a fault
        /// (including NaN, a failed conversion, and a short to PE).
        /// </summary>
        public static ProximityState Classify(PilotSettings settings, double resistanceOhm)
        {
            if (resistanceOhm >= settings.ProximityOpenAboveOhm)
            {
                return ProximityState.NotConnected;
            }

            double tolerance = settings.ProximityToleranceFraction;
            if (Matches(resistanceOhm, settings.Cable13AResistanceOhm, tolerance))
            {
                return ProximityState.Cable13A;
            }

            if (Matches(resistanceOhm, settings.Cable20AResistanceOhm, tolerance))
            {
                return ProximityState.Cable20A;
            }

            if (Matches(resistanceOhm, settings.Cable32AResistanceOhm, tolerance))
            {
                return ProximityState.Cable32A;
            }

            if (Matches(resistanceOhm, settings.Cable63AResistanceOhm, tolerance))
            {
                return ProximityState.Cable63A;
            }

            return ProximityState.Fault;
        }

        private static bool Matches(double resistanceOhm, double nominalOhm, double toleranceFraction)
        {
            // Written so that NaN and +∞ never match.
            return Numeric.Abs(resistanceOhm - nominalOhm) <= nominalOhm * toleranceFraction;
        }
    }
}
