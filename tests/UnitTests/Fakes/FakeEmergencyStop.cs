using V2G.Hal.Safety;

namespace V2G.UnitTests.Fakes
{
    public sealed class FakeEmergencyStop : IEmergencyStop
    {
        public bool IsActive { get; set; }
    }
}
