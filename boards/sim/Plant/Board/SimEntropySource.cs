using V2G.Hal.Security;
using V2G.Sim.Plant.Plc;

namespace V2G.Sim.Plant.Board
{
    /// <summary>
    /// The simulator board's random bytes: seeded, so that a run repeats byte for byte (keys included).
    /// A real board uses its MCU's hardware generator; nothing here is fit for keys on a device.
    /// </summary>
    public sealed class SimEntropySource : IEntropySource
    {
        private readonly PlcRandom _random;

        public SimEntropySource(uint seed)
        {
            _random = new PlcRandom(seed);
        }

        public void Fill(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = (byte)(_random.NextUInt() >> 24);
            }
        }
    }
}
