using V2G.Hal.Safety;

namespace V2G.Sim.Plant.Board
{
    /// <summary>The emergency-stop chain: pressed and released by the scenario.</summary>
    public sealed class SimEmergencyStop : IEmergencyStop
    {
        public bool IsActive { get; set; }
    }
}
