using System;
using V2G.Hal.Timing;

namespace V2G.EvSim
{
    /// <summary>The host's calendar time (set, as a vehicle's is).</summary>
    public sealed class SystemWallClock : IWallClock
    {
        public bool IsSet => true;

        public DateTime UtcNow => DateTime.UtcNow;
    }
}
