using V2G.Hal.Metering;

namespace V2G.UnitTests.Fakes
{
    public sealed class FakeMeter : IEnergyMeter
    {
        public double ImportWh { get; set; }

        public double ExportWh { get; set; }

        public double PowerW { get; set; }
    }
}
