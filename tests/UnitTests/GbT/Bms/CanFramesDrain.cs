using V2G.Hal.Buses;

namespace V2G.UnitTests.GbT.Bms
{
    /// <summary>Empties the port's sent frames without keeping them (for the allocation test).</summary>
    public sealed class CanFramesDrain
    {
        private readonly BmsTestCanPort _port;

        public CanFramesDrain(BmsTestCanPort port)
        {
            _port = port;
        }

        public void Run()
        {
            CanFrame frame;
            while (_port.TryTakeSent(out frame))
            {
            }
        }
    }
}
