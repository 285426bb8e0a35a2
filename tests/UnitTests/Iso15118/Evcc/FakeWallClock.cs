using System;
using V2G.Hal.Timing;

namespace V2G.UnitTests.Iso15118.Evcc
{
    /// <summary>A wall clock standing still at a settable Unix time (unset by default: the EVCC then stamps monotonic seconds).</summary>
    public sealed class FakeWallClock : IWallClock
    {
        private static readonly DateTime UnixEpoch = new DateTime(1970, 1, 1, 0, 0, 0);

        public bool IsSet { get; set; }

        /// <summary>Seconds since 1970-01-01 UTC.</summary>
        public long UnixSeconds { get; set; }

        public DateTime UtcNow => UnixEpoch.AddTicks(UnixSeconds * TimeSpan.TicksPerSecond);
    }
}
