using V2G.Hal.Grid;

namespace V2G.UnitTests.Fakes
{
    /// <summary>A grid sensor that delivers the cycles queued by the test, one per read.</summary>
    public sealed class FakeGridSensor : IGridSensor
    {
        public double PeriodUs = 20000;

        public int Pending;

        /// <summary>Where the cycles' end times run, µs (each read cycle advances it by its period).</summary>
        public double EndUs;

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
            EndUs += PeriodUs;
            cycle.EndMs = (long)(EndUs / 1000);
            cycle.RmsVoltageV = 230;
            return true;
        }
    }
}
