using V2G.Hal.Timing;

namespace V2G.Sim.Plant.Board
{
    /// <summary>Simulated monotonic time: advances only when the simulation says so.</summary>
    public sealed class SimClock : IMonotonicClock
    {
        private long _nowMs;

        public long NowMs => _nowMs;

        public void Advance(long ms)
        {
            _nowMs += ms;
        }
    }
}
