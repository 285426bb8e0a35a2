namespace V2G.Firmware.Session
{
    /// <summary>
    /// The controller's recent state transitions with their times, in a fixed ring: several can happen
    /// between two ticks (a protocol's messages arrive together), and telemetry, the shell and the
    /// simulator want each one. Allocates only at construction.
    /// </summary>
    public sealed class StateHistory
    {
        private readonly ChargerState[] _states;
        private readonly long[] _timesMs;
        private long _total;

        public StateHistory(int capacity)
        {
            _states = new ChargerState[capacity < 1 ? 1 : capacity];
            _timesMs = new long[_states.Length];
        }

        public int Capacity => _states.Length;

        /// <summary>Transitions recorded since boot; entry n (0-based) is readable while n ≥ Total − Capacity.</summary>
        public long Total => _total;

        public void Add(ChargerState state, long timeMs)
        {
            int i = (int)(_total % _states.Length);
            _states[i] = state;
            _timesMs[i] = timeMs;
            _total++;
        }

        /// <summary>True if transition number <paramref name="n"/> is still held.</summary>
        public bool Holds(long n)
        {
            return n >= 0 && n < _total && n >= _total - _states.Length;
        }

        /// <summary>The state entered by transition number <paramref name="n"/>.</summary>
        public ChargerState StateAt(long n)
        {
            return _states[(int)(n % _states.Length)];
        }

        /// <summary>When transition number <paramref name="n"/> happened, ms.</summary>
        public long TimeAt(long n)
        {
            return _timesMs[(int)(n % _timesMs.Length)];
        }
    }
}
