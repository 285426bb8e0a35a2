using V2G.Hal.Power;

namespace V2G.Sim.Plant.Electrical
{
    /// <summary>The connector-side voltage measurement, fed by the circuit model.</summary>
    public sealed class SimVoltageSense : IVoltageSense
    {
        public double VoltageV { get; internal set; }
    }
}
