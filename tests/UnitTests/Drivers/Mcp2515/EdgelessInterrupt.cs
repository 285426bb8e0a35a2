using V2G.Hal.Buses;

namespace V2G.UnitTests.Drivers.Mcp2515
{
    /// <summary>An INT line whose level is right but whose edges are lost (a missed interrupt).</summary>
    public sealed class EdgelessInterrupt : IInterruptInput
    {
        private readonly IInterruptInput _inner;

        public EdgelessInterrupt(IInterruptInput inner)
        {
            _inner = inner;
        }

        public bool IsAsserted => _inner.IsAsserted;

        public event InterruptHandler Asserted
        {
            add
            {
            }

            remove
            {
            }
        }
    }
}
