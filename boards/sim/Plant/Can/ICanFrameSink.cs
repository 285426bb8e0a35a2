using V2G.Hal.Buses;

namespace V2G.Sim.Plant.Can
{
    /// <summary>Sees every frame a <see cref="VirtualCanBus"/> carries (a recorder: e.g. the simulator's candump log writer).</summary>
    public interface ICanFrameSink
    {
        /// <summary>
        /// Called once per frame put on the bus, at the time it was sent (simulated ms), with the index of the
        /// sending node (<see cref="VirtualCanNode.Index"/>). Frames that fault injection drops or a bus-off node
        /// could not send are not reported: they never reached the wire.
        /// </summary>
        void OnFrame(long timeMs, int fromNode, ref CanFrame frame);
    }
}
