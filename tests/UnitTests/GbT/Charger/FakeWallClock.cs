using System;
using V2G.Hal.Timing;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>A calendar clock set by the test.</summary>
    public sealed class FakeWallClock : IWallClock
    {
        public bool IsSet { get; set; }

        public DateTime UtcNow { get; set; }
    }
}
