using V2G.Hal.Connector;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>CC1 at detection point 1, set by the test (12 V unplugged, 6 V switch open, 4 V connected).</summary>
    public sealed class FakeCc1Sense : ICc1Sense
    {
        public double VoltageV { get; set; } = 12.0;
    }
}
