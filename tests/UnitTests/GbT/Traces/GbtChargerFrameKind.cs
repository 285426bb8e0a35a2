using V2G.Hal.Buses;
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Transport;

namespace V2G.UnitTests.GbT.Traces
{
    /// <summary>
    /// What a charger frame is, for comparing our charger with a trace's: the PF, plus the status byte
    /// for CRM and CRO (00h/AAh are different steps of the session [digest §4, §6]) and, for TP.CM, the
    /// control byte and the PGN it answers (the CTS and EndOfMsgAck of BRM, BCP, BCS, ... [digest §5]).
    /// A kind is an int: PF in bits 0-7, the status or control byte in bits 8-15, the TP PGN's PF in 16-23.
    /// </summary>
    public static class GbtChargerFrameKind
    {
        private const string HexDigits = "0123456789ABCDEF";

        public static int Of(ref CanFrame frame)
        {
            int pf = GbtCanId.PfOf(frame.Id);
            if ((pf == GbtPf.Crm || pf == GbtPf.Cro) && frame.Length > 0)
            {
                return pf | (frame.GetByte(0) << 8);
            }

            if (pf == GbtPf.TpCm && frame.Length == 8)
            {
                // The PGN is the 3 bytes `00 PF 00` at bytes 5-7 [digest §5].
                return pf | (frame.GetByte(0) << 8) | (frame.GetByte(6) << 16);
            }

            return pf;
        }

        public static int PfOf(int kind)
        {
            return kind & 0xFF;
        }

        /// <summary>The standard's period of a periodic charger message, ms [digest §3]; 0 for TP answers (event-driven).</summary>
        public static int PeriodMs(int kind)
        {
            int pf = PfOf(kind);
            return pf == GbtPf.TpCm || pf == GbtPf.TpDt ? 0 : GbtPf.PeriodMs(pf);
        }

        /// <summary>
        /// True for the charger messages a BMS reacts to, whose first frame (of each run) the replayer aligns the
        /// BMS side on: CHM, CRM, CML, CRO, CCS, CST, CSD, CEM [digest §6]. CTS (time sync) starts with CML
        /// and is optional, so it is no anchor; TP answers are handled by the replayer's CTS rule.
        /// </summary>
        public static bool IsAnchor(int kind)
        {
            switch (PfOf(kind))
            {
                case GbtPf.Chm:
                case GbtPf.Crm:
                case GbtPf.Cml:
                case GbtPf.Cro:
                case GbtPf.Ccs:
                case GbtPf.Cst:
                case GbtPf.Csd:
                case GbtPf.Cem:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>"CHM", "CRM(AA)", "TP.CTS(BRM)", "TP.EoMA(BCS)", ...</summary>
        public static string NameOf(int kind)
        {
            int pf = PfOf(kind);
            int sub = (kind >> 8) & 0xFF;
            if (pf == GbtPf.Crm || pf == GbtPf.Cro)
            {
                return GbtPf.NameOf(pf) + "(" + Hex(sub) + ")";
            }

            if (pf == GbtPf.TpCm)
            {
                string what;
                switch (sub)
                {
                    case J1939Tp.ControlRts:
                        what = "TP.RTS";
                        break;
                    case J1939Tp.ControlCts:
                        what = "TP.CTS";
                        break;
                    case J1939Tp.ControlEndOfMsgAck:
                        what = "TP.EoMA";
                        break;
                    case J1939Tp.ControlAbort:
                        what = "TP.Abort";
                        break;
                    default:
                        what = "TP.CM" + Hex(sub);
                        break;
                }

                return what + "(" + GbtPf.NameOf((kind >> 16) & 0xFF) + ")";
            }

            return GbtPf.NameOf(pf);
        }

        private static string Hex(int b)
        {
            return HexDigits[(b >> 4) & 0xF].ToString() + HexDigits[b & 0xF].ToString();
        }
    }
}
