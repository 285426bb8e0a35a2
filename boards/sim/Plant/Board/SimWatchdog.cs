using V2G.Hal.Timing;

namespace V2G.Sim.Plant.Board
{
    /// <summary>A watchdog that records its feeds and reports when it would have reset the board.</summary>
    public sealed class SimWatchdog : IWatchdog
    {
        private readonly SimClock _clock;
        private int _timeoutMs;
        private long _lastFeedMs;
        private bool _started;

        public SimWatchdog(SimClock clock, bool causedLastReset)
        {
            _clock = clock;
            CausedLastReset = causedLastReset;
        }

        public bool CausedLastReset { get; }

        /// <summary>True if at some check the watchdog had not been fed within its timeout.</summary>
        public bool HasExpired { get; private set; }

        public void Start(int timeoutMs)
        {
            _timeoutMs = timeoutMs;
            _lastFeedMs = _clock.NowMs;
            _started = true;
        }

        public void Feed()
        {
            Check();
            _lastFeedMs = _clock.NowMs;
        }

        /// <summary>Called by the plant every step.</summary>
        public void Check()
        {
            if (_started && _clock.NowMs - _lastFeedMs > _timeoutMs)
            {
                HasExpired = true;
            }
        }
    }
}
