using V2G.Hal.Security;

namespace V2G.UnitTests.Slac
{
    /// <summary>A reproducible entropy source for tests (xorshift32; not for keys on a device).</summary>
    public sealed class SeededEntropy : IEntropySource
    {
        private uint _state;

        public SeededEntropy(int seed)
        {
            _state = (uint)seed * 2654435761u + 0x9E3779B9u;
            if (_state == 0)
            {
                _state = 1;
            }
        }

        /// <summary>The next this many Fill calls give zeros (to test a source that failed).</summary>
        public int ZeroDraws;

        /// <summary>Fill calls so far.</summary>
        public int Draws;

        public void Fill(byte[] buffer, int offset, int count)
        {
            Draws++;
            bool zero = ZeroDraws > 0;
            if (zero)
            {
                ZeroDraws--;
            }

            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = zero ? (byte)0 : (byte)Next();
            }
        }

        /// <summary>The next pseudo-random 32-bit value.</summary>
        public uint Next()
        {
            uint x = _state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;
            return x;
        }

        /// <summary>A pseudo-random value in 0 .. <paramref name="bound"/>−1.</summary>
        public int NextInt(int bound)
        {
            return bound <= 0 ? 0 : (int)(Next() % (uint)bound);
        }
    }
}
