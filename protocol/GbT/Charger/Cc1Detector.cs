namespace V2G.Protocol.GbT.Charger
{
    /// <summary>
    /// Classifies the CC1 voltage at detection point 1 into <see cref="Cc1State"/> with a debounce. The
    /// levels (12 V / 6 V / 4 V ± 0.8 V) are GB/T 18487.1's and not in the digest: they are settings
    /// marked as an assumption. A reading must hold <see cref="GbtChargerSettings.Cc1DebounceMs"/> before
    /// it counts, except "not connected" (12 V), which counts at once so an unplug is never late.
    /// </summary>
    public sealed class Cc1Detector
    {
        private readonly GbtChargerSettings _settings;
        private Cc1State _state = Cc1State.NotConnected;
        private Cc1State _candidate = Cc1State.NotConnected;
        private long _candidateSinceMs;

        public Cc1Detector(GbtChargerSettings settings)
        {
            _settings = settings;
        }

        /// <summary>The debounced state.</summary>
        public Cc1State State => _state;

        /// <summary>The band a voltage falls in, without debounce.</summary>
        public Cc1State Classify(double voltageV)
        {
            double tolerance = _settings.Cc1ToleranceV;
            if (Within(voltageV, _settings.Cc1UnpluggedV, tolerance))
            {
                return Cc1State.NotConnected;
            }

            if (Within(voltageV, _settings.Cc1SwitchOpenV, tolerance))
            {
                return Cc1State.Connecting;
            }

            if (Within(voltageV, _settings.Cc1ConnectedV, tolerance))
            {
                return Cc1State.Connected;
            }

            return Cc1State.Fault;
        }

        /// <summary>Takes a reading and returns the debounced state.</summary>
        public Cc1State Update(double voltageV, long nowMs)
        {
            Cc1State raw = Classify(voltageV);
            if (raw != _candidate)
            {
                _candidate = raw;
                _candidateSinceMs = nowMs;
            }

            if (raw == Cc1State.NotConnected || nowMs - _candidateSinceMs >= _settings.Cc1DebounceMs)
            {
                _state = raw;
            }

            return _state;
        }

        /// <summary>Back to "not connected" (a new start).</summary>
        public void Reset()
        {
            _state = Cc1State.NotConnected;
            _candidate = Cc1State.NotConnected;
            _candidateSinceMs = 0;
        }

        private static bool Within(double value, double centre, double tolerance)
        {
            // NaN (no reading) falls in no band: a fault, never "connected".
            return value >= centre - tolerance && value <= centre + tolerance;
        }
    }
}
