using V2G.Hal.Security;
using V2G.Sim.Plant.Plc;

namespace V2G.UnitTests.Plc
{
    /// <summary>Repeatable "random" key bytes for tests (never for real keys).</summary>
    public sealed class SeededEntropy : IEntropySource
    {
        private readonly PlcRandom _random;

        public SeededEntropy(uint seed)
        {
            _random = new PlcRandom(seed);
        }

        public void Fill(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = (byte)_random.NextUInt();
            }
        }
    }
}
