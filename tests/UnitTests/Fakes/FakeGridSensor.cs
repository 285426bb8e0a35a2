using V2G.Hal.Grid;

namespace V2G.UnitTests.Fakes
{
    /// <summary>A grid sensor that delivers the cycles queued by the test, one per read.</summary>
    public sealed class FakeGridSensor : IGridSensor
    {
        public double PeriodUs = 20000;

        public int Pending;

        public double NominalFrequencyHz => 50;

        public bool TryReadCycle(out GridCycle cycle)
        {
            cycle = default(GridCycle);
            if (Pending <= 0)
            {
                return false;
            }

            Pending--;
            cycle.PeriodUs = PeriodUs;
            cycle.RmsVoltageV = 230;
            return true;
        }
    }
}
