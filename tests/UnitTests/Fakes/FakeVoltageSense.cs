using V2G.Hal.Power;

namespace V2G.UnitTests.Fakes
{
    public sealed class FakeVoltageSense : IVoltageSense
    {
        public double VoltageV { get; set; }
    }
}
