using V2G.Hal.Timing;

namespace V2G.UnitTests.Fakes
{
    public sealed class FakeWatchdog : IWatchdog
    {
        public int Feeds;

        public int TimeoutMs;

        public bool CausedLastReset { get; set; }

        public void Start(int timeoutMs)
        {
            TimeoutMs = timeoutMs;
        }

        public void Feed()
        {
            Feeds++;
        }
    }
}
