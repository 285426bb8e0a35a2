using System;
using V2G.Hal.Buses;

namespace V2G.UnitTests.Drivers.Mcp2515
{
    /// <summary>An SPI device that passes transfers on, but throws instead while <see cref="Failing"/> is set (a bus error).</summary>
    public sealed class FlakySpi : ISpiTransfer
    {
        private readonly ISpiTransfer _inner;

        public FlakySpi(ISpiTransfer inner)
        {
            _inner = inner;
        }

        public bool Failing { get; set; }

        public void Transfer(byte[] writeBuffer, byte[] readBuffer, int length)
        {
            if (Failing)
            {
                throw new InvalidOperationException("SPI bus error");
            }

            _inner.Transfer(writeBuffer, readBuffer, length);
        }
    }
}
