using V2G.Hal.Buses;

namespace V2G.Protocol.GbT.Transport
{
    /// <summary>
    /// Constants and frame helpers of the SAE J1939-21 transport protocol as GB/T 27930 uses it:
    /// TP.CM (PF 0xEC) and TP.DT (PF 0xEB) at priority 7, destination-specific RTS/CTS sessions,
    /// 7 data bytes per packet, last packet padded with FF [digest §5, S2, S17; R1/R2].
    /// </summary>
    public static class J1939Tp
    {
        /// <summary>TP.CM_RTS, request to send: size(2), packets, max packets per CTS, PGN(3) [digest §5, S17].</summary>
        public const int ControlRts = 0x10;

        /// <summary>TP.CM_CTS, clear to send: packets now, next packet number, FF FF, PGN(3) [digest §5, S17].</summary>
        public const int ControlCts = 0x11;

        /// <summary>TP.CM_EndOfMsgAck: size(2), packets, FF, PGN(3) [digest §5, S17].</summary>
        public const int ControlEndOfMsgAck = 0x13;

        /// <summary>TP.CM_BAM, broadcast announce: size(2), packets, FF, PGN(3); GB/T never uses it [digest §5, S17].</summary>
        public const int ControlBam = 0x20;

        /// <summary>TP.Conn_Abort: reason, FF FF FF, PGN(3) [digest §5, S17].</summary>
        public const int ControlAbort = 0xFF;

        /// <summary>RTS byte 5 "no limit" on the packets per CTS [digest §5; R1].</summary>
        public const int NoLimit = 0xFF;

        /// <summary>Data bytes per TP.DT packet.</summary>
        public const int BytesPerPacket = 7;

        /// <summary>Packet numbers run 1..255.</summary>
        public const int MaxPackets = 255;

        /// <summary>255 × 7: the largest message the TP carries, bytes [digest §2, S2].</summary>
        public const int MaxMessageLength = 1785;

        /// <summary>Priority of TP.CM and TP.DT [digest §3; R1/R2].</summary>
        public const int Priority = 7;

        /// <summary>Tr, response time, ms [digest §5, S17, S18].</summary>
        public const int TrMs = 200;

        /// <summary>Th, hold time between CTS(0) frames, ms [digest §5, S17, S18].</summary>
        public const int ThMs = 500;

        /// <summary>T1, receiver: longest gap between two TP.DT, ms [digest §5, S17, S18].</summary>
        public const int T1Ms = 750;

        /// <summary>T2, receiver: longest wait for a TP.DT after sending CTS, ms [digest §5, S17, S18].</summary>
        public const int T2Ms = 1250;

        /// <summary>T3, sender: longest wait for CTS or EndOfMsgAck after RTS or the last TP.DT, ms [digest §5, S17, S18].</summary>
        public const int T3Ms = 1250;

        /// <summary>T4, sender: longest wait for the next CTS after a CTS(0) (hold), ms [digest §5, S17, S18].</summary>
        public const int T4Ms = 1050;

        /// <summary>TP.DT spacing the real captures show (≈10-11 ms) and the 2015 BRM note's 10 ms [digest §5, §6; R2 — C for the reading].</summary>
        public const int DefaultDtSpacingMs = 10;

        /// <summary>BAM packet spacing, ms: J1939-21 wants 50-200 [digest §5, S18 — B].</summary>
        public const int DefaultBamSpacingMs = 50;

        /// <summary>Packets needed for <paramref name="length"/> bytes.</summary>
        public static int PacketsFor(int length)
        {
            return (length + BytesPerPacket - 1) / BytesPerPacket;
        }

        /// <summary>The PGN of a PDU1 PF: PF·256, the 3 bytes `00 PF 00` in a TP.CM [digest §2, §5].</summary>
        public static int PgnOf(int pf)
        {
            return (pf & 0xFF) << 8;
        }

        /// <summary>The PF of a PGN.</summary>
        public static int PfOfPgn(int pgn)
        {
            return (pgn >> 8) & 0xFF;
        }

        /// <summary>The PGN carried in bytes 6-8 of a TP.CM frame (little-endian).</summary>
        public static int PgnOf(ref CanFrame frame)
        {
            return frame.GetByte(5) | (frame.GetByte(6) << 8) | (frame.GetByte(7) << 16);
        }

        /// <summary>True for an extended frame whose PF is TP.CM or TP.DT.</summary>
        public static bool IsTransportFrame(ref CanFrame frame)
        {
            if (!frame.IsExtended)
            {
                return false;
            }

            int pf = GbtCanId.PfOf(frame.Id);
            return pf == GbtPf.TpCm || pf == GbtPf.TpDt;
        }

        /// <summary>
        /// A TP.CM frame: control byte, then bytes 2-5 as given, then the PGN. Allocation-free (a struct).
        /// </summary>
        public static CanFrame ConnectionFrame(int source, int destination, int control, int b1, int b2, int b3, int b4, int pgn)
        {
            CanFrame frame = new CanFrame();
            frame.Id = GbtCanId.Make(Priority, GbtPf.TpCm, destination, source);
            frame.IsExtended = true;
            frame.Length = 8;
            frame.Data = (ulong)(uint)(control & 0xFF)
                | ((ulong)(b1 & 0xFF) << 8)
                | ((ulong)(b2 & 0xFF) << 16)
                | ((ulong)(b3 & 0xFF) << 24)
                | ((ulong)(b4 & 0xFF) << 32)
                | ((ulong)(pgn & 0xFFFFFF) << 40);
            return frame;
        }

        /// <summary>TP.CM_CTS for <paramref name="packets"/> packets from <paramref name="next"/>.</summary>
        public static CanFrame Cts(int source, int destination, int packets, int next, int pgn)
        {
            return ConnectionFrame(source, destination, ControlCts, packets, next, 0xFF, 0xFF, pgn);
        }

        /// <summary>TP.CM_EndOfMsgAck.</summary>
        public static CanFrame EndOfMsgAck(int source, int destination, int size, int packets, int pgn)
        {
            return ConnectionFrame(source, destination, ControlEndOfMsgAck, size, size >> 8, packets, 0xFF, pgn);
        }

        /// <summary>TP.Conn_Abort with a <see cref="J1939AbortReason"/>.</summary>
        public static CanFrame Abort(int source, int destination, int reason, int pgn)
        {
            return ConnectionFrame(source, destination, ControlAbort, reason, 0xFF, 0xFF, 0xFF, pgn);
        }

        /// <summary>
        /// TP.DT number <paramref name="sequence"/> (1-based) of <paramref name="payload"/>: 7 bytes from
        /// (sequence − 1)·7, bytes past <paramref name="length"/> padded with FF [digest §5].
        /// </summary>
        public static CanFrame DataFrame(int source, int destination, int sequence, byte[] payload, int length)
        {
            CanFrame frame = new CanFrame();
            frame.Id = GbtCanId.Make(Priority, GbtPf.TpDt, destination, source);
            frame.IsExtended = true;
            frame.Length = 8;
            ulong data = (ulong)(sequence & 0xFF);
            int offset = (sequence - 1) * BytesPerPacket;
            for (int i = 0; i < BytesPerPacket; i++)
            {
                int index = offset + i;
                ulong value = index >= 0 && index < length ? payload[index] : (ulong)0xFF;
                data |= value << (8 * (i + 1));
            }

            frame.Data = data;
            return frame;
        }
    }
}
