namespace V2G.Firmware.Ccs
{
    /// <summary>
    /// The lower layers' recent state changes (pilot, SLAC, the connection's phase) with their times,
    /// in a fixed ring. Names are the constant strings of the name tables, so recording allocates
    /// nothing; the simulator's summary and the diagnostics shell read them.
    /// </summary>
    public sealed class LinkHistory
    {
        private readonly long[] _timesMs;
        private readonly string[] _layers;
        private readonly string[] _names;
        private long _total;

        public LinkHistory(int capacity)
        {
            int n = capacity < 1 ? 1 : capacity;
            _timesMs = new long[n];
            _layers = new string[n];
            _names = new string[n];
        }

        public int Capacity => _names.Length;

        /// <summary>Changes recorded since boot; entry n (0-based) is readable while n ≥ Total − Capacity.</summary>
        public long Total => _total;

        /// <param name="layer">"pilot", "slac" or "ccs".</param>
        public void Add(long timeMs, string layer, string name)
        {
            int i = (int)(_total % _names.Length);
            _timesMs[i] = timeMs;
            _layers[i] = layer;
            _names[i] = name;
            _total++;
        }

        /// <summary>True if change number <paramref name="n"/> is still held.</summary>
        public bool Holds(long n)
        {
            return n >= 0 && n < _total && n >= _total - _names.Length;
        }

        public long TimeAt(long n)
        {
            return _timesMs[(int)(n % _names.Length)];
        }

        public string LayerAt(long n)
        {
            return _layers[(int)(n % _names.Length)];
        }

        public string NameAt(long n)
        {
            return _names[(int)(n % _names.Length)];
        }
    }
}
