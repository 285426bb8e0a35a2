namespace V2G.Sim.Plant.Plc
{
    /// <summary>
    /// A small seeded pseudo-random generator (Marsaglia's xorshift32) for the virtual PLC link's
    /// impairments and attenuation profiles. Portable (nanoFramework has no System.Random guarantees
    /// across runtimes) and deterministic: one seed gives the same losses on the host and the device,
    /// so a failing run can be repeated exactly. Not for keys.
    /// </summary>
    public sealed class PlcRandom
    {
        // xorshift32 must never hold 0 (it would stay 0 forever); any other constant would do.
        private const uint ZeroSeedReplacement = 0x9E3779B9;

        private uint _state;

        /// <summary>Starts the sequence from <paramref name="seed"/> (0 is replaced by a fixed non-zero value).</summary>
        public PlcRandom(uint seed)
        {
            Reseed(seed);
        }

        /// <summary>Restarts the sequence from <paramref name="seed"/>.</summary>
        public void Reseed(uint seed)
        {
            _state = seed == 0 ? ZeroSeedReplacement : seed;
        }

        /// <summary>The next 32 random bits.</summary>
        public uint NextUInt()
        {
            uint x = _state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;
            return x;
        }

        /// <summary>A number in [0, 1) with 24 bits of resolution (exact in float and double).</summary>
        public double NextUnit()
        {
            return (NextUInt() >> 8) * (1.0 / 16777216.0);
        }

        /// <summary>True with probability <paramref name="probability"/> (0 or less: never; 1 or more: always).</summary>
        public bool Chance(double probability)
        {
            if (probability <= 0)
            {
                return false;
            }

            // Draw even when certain, so changing a probability from 0.99 to 1 does not shift the sequence.
            double draw = NextUnit();
            return probability >= 1 || draw < probability;
        }

        /// <summary>An integer in [0, <paramref name="maxExclusive"/>); 0 if the bound is 1 or less.</summary>
        public int NextInt(int maxExclusive)
        {
            if (maxExclusive <= 1)
            {
                return 0;
            }

            return (int)(NextUInt() % (uint)maxExclusive);
        }
    }
}
