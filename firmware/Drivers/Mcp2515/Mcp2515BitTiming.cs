namespace V2G.Firmware.Drivers.Mcp2515
{
    /// <summary>
    /// CNF1..CNF3 for one crystal and bit rate, and the segments they encode [MCP].
    /// <para>
    /// Derivation: one bit is N time quanta (TQ) = SyncSeg (1) + PropSeg + PS1 + PS2, with
    /// TQ = 2 · (BRP + 1) / F_osc, so F_osc = 2 · (BRP + 1) · N · bit rate; N may be 8..25 [MCP]. Among the N that
    /// divide exactly (BRP + 1 ≤ 64), the one whose sample point (1 + PropSeg + PS1) / N is nearest the wanted one
    /// wins, ties to the larger N. PS2 = N − round(N · sample point), at least 2 TQ (the information processing
    /// time) and at most 8; PropSeg + PS1 is split evenly, PS1 taking the odd TQ, as Linux's
    /// <c>can_calc_bittiming</c> does [LNX]. SJW is the wanted one but less than PS2 (the datasheet asks PS2 &gt; SJW)
    /// and at most 4 [MCP]. BTLMODE = 1 (PS2 from CNF3), single sampling, SOF and WAKFIL 0.
    /// </para>
    /// <para>
    /// With the default sample point of 87.5 % (the CiA 301 recommendation for these rates, and Linux's default
    /// below 800 kbit/s [LNX, U]) every GB/T case [digest §2, S2, S10, S15] comes out at N = 16, PropSeg 6,
    /// PS1 7, PS2 2, SJW 1: CNF2 = 0xB5, CNF3 = 0x01, and CNF1 = BRP: 250 kbit/s is 0x00 at 8 MHz and 0x01 at
    /// 16 MHz; 50 kbit/s is 0x04 at 8 MHz and 0x09 at 16 MHz.
    /// </para>
    /// </summary>
    public struct Mcp2515BitTiming
    {
        /// <summary>Fewest TQ in a bit [MCP].</summary>
        public const int MinTimeQuanta = 8;

        /// <summary>Most TQ in a bit [MCP].</summary>
        public const int MaxTimeQuanta = 25;

        /// <summary>Largest divisor BRP + 1 (BRP has 6 bits) [MCP].</summary>
        public const int MaxPrescaler = 64;

        /// <summary>Shortest PS2: the information processing time, 2 TQ [MCP].</summary>
        public const int MinPhaseSegment2Tq = 2;

        /// <summary>Longest PS1, PS2 and PropSeg (3-bit fields, value + 1) [MCP].</summary>
        public const int MaxSegmentTq = 8;

        /// <summary>Largest SJW (2-bit field, value + 1) [MCP].</summary>
        public const int MaxSyncJumpWidthTq = 4;

        /// <summary>CNF1: SJW − 1 in bits 7..6, BRP in bits 5..0.</summary>
        public byte Cnf1;

        /// <summary>CNF2: BTLMODE, SAM, PS1 − 1 in bits 5..3, PropSeg − 1 in bits 2..0.</summary>
        public byte Cnf2;

        /// <summary>CNF3: PS2 − 1 in bits 2..0.</summary>
        public byte Cnf3;

        /// <summary>BRP + 1: the oscillator is divided by twice this to give TQ.</summary>
        public int Prescaler;

        /// <summary>N, the TQ in one bit.</summary>
        public int TimeQuantaPerBit;

        /// <summary>Propagation segment, TQ.</summary>
        public int PropagationTq;

        /// <summary>Phase segment 1, TQ.</summary>
        public int PhaseSegment1Tq;

        /// <summary>Phase segment 2, TQ.</summary>
        public int PhaseSegment2Tq;

        /// <summary>Synchronisation jump width, TQ.</summary>
        public int SyncJumpWidthTq;

        /// <summary>Where the bit is sampled, per mille of the bit time.</summary>
        public int SamplePointPermille;

        /// <summary>
        /// Computes the registers (see the type's remarks); false if no N of 8..25 divides the oscillator exactly
        /// into the bit rate with a prescaler of at most 64.
        /// </summary>
        /// <param name="crystalHz">F_osc, Hz (8 000 000 and 16 000 000 are usual).</param>
        /// <param name="bitRateBps">Bit rate, bit/s (GB/T: 250 000, or 50 000 [digest §2]).</param>
        /// <param name="samplePointPermille">Wanted sample point, ‰ of the bit (875 = 87.5 %).</param>
        /// <param name="syncJumpWidthTq">Wanted SJW, TQ (1..4); reduced below PS2 if needed.</param>
        /// <param name="timing">The result.</param>
        public static bool TryCompute(int crystalHz, int bitRateBps, int samplePointPermille, int syncJumpWidthTq, out Mcp2515BitTiming timing)
        {
            timing = new Mcp2515BitTiming();
            if (crystalHz <= 0 || bitRateBps <= 0 || samplePointPermille <= 0 || samplePointPermille >= 1000 || syncJumpWidthTq < 1)
            {
                return false;
            }

            bool found = false;
            int bestError = int.MaxValue;
            for (int tq = MaxTimeQuanta; tq >= MinTimeQuanta; tq--)
            {
                long divisor = 2L * tq * bitRateBps;
                if (crystalHz % divisor != 0)
                {
                    continue;
                }

                long prescaler = crystalHz / divisor;
                if (prescaler < 1 || prescaler > MaxPrescaler)
                {
                    continue;
                }

                int sampleTq = ((tq * samplePointPermille) + 500) / 1000;
                int ps2 = tq - sampleTq;
                if (ps2 < MinPhaseSegment2Tq)
                {
                    ps2 = MinPhaseSegment2Tq;
                }

                if (ps2 > MaxSegmentTq)
                {
                    ps2 = MaxSegmentTq;
                }

                int tseg1 = tq - 1 - ps2;
                int prop = tseg1 / 2;
                int ps1 = tseg1 - prop;
                if (ps1 > MaxSegmentTq)
                {
                    ps1 = MaxSegmentTq;
                    prop = tseg1 - ps1;
                }

                // PropSeg + PS1 ≥ PS2 [MCP].
                if (prop < 1 || prop > MaxSegmentTq || tseg1 < ps2)
                {
                    continue;
                }

                int permille = ((tq - ps2) * 1000) / tq;
                int error = permille - samplePointPermille;
                if (error < 0)
                {
                    error = -error;
                }

                if (error >= bestError)
                {
                    continue;
                }

                int sjw = syncJumpWidthTq;
                if (sjw > MaxSyncJumpWidthTq)
                {
                    sjw = MaxSyncJumpWidthTq;
                }

                if (sjw >= ps2)
                {
                    sjw = ps2 - 1;
                }

                bestError = error;
                found = true;
                timing.Prescaler = (int)prescaler;
                timing.TimeQuantaPerBit = tq;
                timing.PropagationTq = prop;
                timing.PhaseSegment1Tq = ps1;
                timing.PhaseSegment2Tq = ps2;
                timing.SyncJumpWidthTq = sjw;
                timing.SamplePointPermille = permille;
                timing.Cnf1 = (byte)(((sjw - 1) << 6) | ((int)prescaler - 1));
                timing.Cnf2 = (byte)(Mcp2515Bits.Cnf2PhaseSegment2FromCnf3 | ((ps1 - 1) << 3) | (prop - 1));
                timing.Cnf3 = (byte)(ps2 - 1);
            }

            return found;
        }
    }
}
