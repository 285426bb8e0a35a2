using System;
using V2G.Hal.Timing;

namespace V2G.UnitTests.Fakes
{
    /// <summary>Calendar time set by the test (unset until <see cref="IsSet"/> is made true).</summary>
    public sealed class FakeWallClock : IWallClock
    {
        public bool IsSet { get; set; }

        public DateTime UtcNow { get; set; }
    }
}
