using System;
using V2G.Hal.Timing;

namespace V2G.Sim.Plant.Board
{
    /// <summary>Calendar time that moves with the simulated clock from a fixed start (set, like a board after NTP).</summary>
    public sealed class SimWallClock : IWallClock
    {
        private readonly SimClock _clock;
        private readonly DateTime _startUtc;

        public SimWallClock(SimClock clock, DateTime startUtc)
        {
            _clock = clock;
            _startUtc = startUtc;
        }

        public bool IsSet => true;

        public DateTime UtcNow => _startUtc.AddTicks(_clock.NowMs * TimeSpan.TicksPerMillisecond);
    }
}
