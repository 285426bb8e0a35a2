using V2G.Hal.Timing;

namespace V2G.UnitTests.Fakes
{
    public sealed class FakeClock : IMonotonicClock
    {
        public long NowMs { get; set; }
    }
}
