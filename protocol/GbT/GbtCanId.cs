namespace V2G.Protocol.GbT
{
    /// <summary>
    /// The 29-bit identifier of a GB/T 27930 frame: bits 28-26 priority, bit 25 R = 0, bit 24 DP = 0,
    /// bits 23-16 PF, bits 15-8 PS (= destination, every GB/T PGN is PDU1), bits 7-0 source
    /// [digest §2, S2, S10]. E.g. CHM = 0x1826F456, BRO = 0x100956F4.
    /// </summary>
    public static class GbtCanId
    {
        private const int PriorityShift = 26;
        private const int PfShift = 16;
        private const int DestinationShift = 8;

        /// <summary>Bits 25 (R) and 24 (DP): both 0 on a GB/T bus.</summary>
        private const uint ReservedAndDataPageMask = 0x03000000;

        /// <summary>Builds the identifier; each argument is masked to its width.</summary>
        public static uint Make(int priority, int pf, int destination, int source)
        {
            return ((uint)(priority & 0x7) << PriorityShift)
                | ((uint)(pf & 0xFF) << PfShift)
                | ((uint)(destination & 0xFF) << DestinationShift)
                | (uint)(source & 0xFF);
        }

        /// <summary>The identifier of message <paramref name="pf"/> with its own priority (<see cref="GbtPf.PriorityOf"/>).</summary>
        public static uint Make(int pf, int destination, int source)
        {
            return Make(GbtPf.PriorityOf(pf), pf, destination, source);
        }

        public static int PfOf(uint id)
        {
            return (int)((id >> PfShift) & 0xFF);
        }

        public static int DestinationOf(uint id)
        {
            return (int)((id >> DestinationShift) & 0xFF);
        }

        public static int SourceOf(uint id)
        {
            return (int)(id & 0xFF);
        }

        public static int PriorityOf(uint id)
        {
            return (int)((id >> PriorityShift) & 0x7);
        }

        /// <summary>
        /// True for an identifier a GB/T node can take as addressed: R = DP = 0 and a PDU1 PF (&lt; 240).
        /// The priority is not checked: J1939 lets a sender change it, and the PF decides the message.
        /// </summary>
        public static bool IsPdu1(uint id)
        {
            return (id & ReservedAndDataPageMask) == 0 && PfOf(id) < 240 && id <= 0x1FFFFFFF;
        }
    }
}
