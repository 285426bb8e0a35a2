using System.Diagnostics;
using V2G.Hal.Timing;

namespace V2G.EvSim
{
    /// <summary>The host's monotonic clock, for a vehicle that lives in wall time.</summary>
    public sealed class SystemMonotonicClock : IMonotonicClock
    {
        private readonly Stopwatch _since = Stopwatch.StartNew();

        public long NowMs => _since.ElapsedMilliseconds;
    }
}
