namespace V2G.Protocol.GbT
{
    /// <summary>
    /// The PF byte of every GB/T 27930-2015 message (PGN = PF·256) and its table data: priority,
    /// defined length, transport and period [digest §3, S2, S3, S5]. Use the PF values, not decimal
    /// PGNs copied from secondary tables, which contain typos [digest §9.7].
    /// </summary>
    public static class GbtPf
    {
        public const int Crm = 0x01;
        public const int Brm = 0x02;
        public const int Bcp = 0x06;
        public const int Cts = 0x07;
        public const int Cml = 0x08;
        public const int Bro = 0x09;
        public const int Cro = 0x0A;
        public const int Bcl = 0x10;
        public const int Bcs = 0x11;
        public const int Ccs = 0x12;
        public const int Bsm = 0x13;
        public const int Bmv = 0x15;
        public const int Bmt = 0x16;
        public const int Bsp = 0x17;
        public const int Bst = 0x19;
        public const int Cst = 0x1A;
        public const int Bsd = 0x1C;
        public const int Csd = 0x1D;
        public const int Bem = 0x1E;
        public const int Cem = 0x1F;
        public const int Chm = 0x26;
        public const int Bhm = 0x27;

        /// <summary>J1939-21 TP.DT (data transfer); priority 7 [digest §3, S2; R1/R2].</summary>
        public const int TpDt = 0xEB;

        /// <summary>J1939-21 TP.CM (connection management); priority 7 [digest §3, S2; R1/R2].</summary>
        public const int TpCm = 0xEC;

        /// <summary>Returned by <see cref="DefinedLength"/> for the variable-length TP messages (BMV, BMT, BSP).</summary>
        public const int VariableLength = -1;

        /// <summary>The largest GB/T 27930 message, bytes (J1939-21 TP limit) [digest §2, S2].</summary>
        public const int MaxMessageLength = 1785;

        /// <summary>Priority per the digest's table (2, 4, 6 or 7); 6 for an unknown PF (the J1939 default).</summary>
        public static int PriorityOf(int pf)
        {
            switch (pf)
            {
                case Bem:
                case Cem:
                    return 2;
                case Bro:
                case Cro:
                case Bst:
                case Cst:
                    return 4;
                case Brm:
                case Bcp:
                case Bcs:
                case Bmv:
                case Bmt:
                case Bsp:
                case TpCm:
                case TpDt:
                    return 7;
                default:
                    return 6;
            }
        }

        /// <summary>Short upper-case name ("CHM", "TP.CM"), "?" for a PF GB/T does not define.</summary>
        public static string NameOf(int pf)
        {
            switch (pf)
            {
                case Chm: return "CHM";
                case Bhm: return "BHM";
                case Crm: return "CRM";
                case Brm: return "BRM";
                case Bcp: return "BCP";
                case Cts: return "CTS";
                case Cml: return "CML";
                case Bro: return "BRO";
                case Cro: return "CRO";
                case Bcl: return "BCL";
                case Bcs: return "BCS";
                case Ccs: return "CCS";
                case Bsm: return "BSM";
                case Bmv: return "BMV";
                case Bmt: return "BMT";
                case Bsp: return "BSP";
                case Bst: return "BST";
                case Cst: return "CST";
                case Bsd: return "BSD";
                case Csd: return "CSD";
                case Bem: return "BEM";
                case Cem: return "CEM";
                case TpCm: return "TP.CM";
                case TpDt: return "TP.DT";
                default: return "?";
            }
        }

        /// <summary>
        /// Defined length in bytes with all options (BRM 49, BCS 9, CCS 8, TP frames 8);
        /// <see cref="VariableLength"/> for BMV/BMT/BSP; 0 for an unknown PF. Real equipment also sends
        /// BRM 41 and CCS 7 [digest §3, §9]; the message classes accept those.
        /// </summary>
        public static int DefinedLength(int pf)
        {
            switch (pf)
            {
                case Bro:
                case Cro:
                    return 1;
                case Bhm:
                    return 2;
                case Chm:
                    return 3;
                case Bst:
                case Cst:
                case Bem:
                case Cem:
                    return 4;
                case Bcl:
                    return 5;
                case Cts:
                case Bsm:
                case Bsd:
                    return 7;
                case Crm:
                case Cml:
                case Ccs:
                case Csd:
                case TpCm:
                case TpDt:
                    return 8;
                case Bcs:
                    return 9;
                case Bcp:
                    return 13;
                case Brm:
                    return 49;
                case Bmv:
                case Bmt:
                case Bsp:
                    return VariableLength;
                default:
                    return 0;
            }
        }

        /// <summary>True for the messages sent with the J1939 transport protocol: BRM, BCP, BCS, BMV, BMT, BSP [digest §5, S2].</summary>
        public static bool IsMultiPacket(int pf)
        {
            switch (pf)
            {
                case Brm:
                case Bcp:
                case Bcs:
                case Bmv:
                case Bmt:
                case Bsp:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Nominal transmit period, ms (of the whole packet for TP messages); 0 for event-driven or unknown PFs [digest §3, S2].</summary>
        public static int PeriodMs(int pf)
        {
            switch (pf)
            {
                case Bst:
                case Cst:
                    return 10;
                case Bcl:
                case Ccs:
                    return 50;
                case Bcp:
                case Cts:
                    return 500;
                case Bmv:
                case Bmt:
                case Bsp:
                    return 10000;
                case Chm:
                case Bhm:
                case Crm:
                case Brm:
                case Cml:
                case Bro:
                case Cro:
                case Bcs:
                case Bsm:
                case Bsd:
                case Csd:
                case Bem:
                case Cem:
                    return 250;
                default:
                    return 0;
            }
        }

        /// <summary>True if GB/T 27930-2015 defines this PF (TP.CM/TP.DT included).</summary>
        public static bool IsKnown(int pf)
        {
            return DefinedLength(pf) != 0;
        }
    }
}
