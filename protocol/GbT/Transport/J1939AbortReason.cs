namespace V2G.Protocol.GbT.Transport
{
    /// <summary>
    /// Reasons carried in byte 2 of TP.Conn_Abort. The digest names the abort frame and its control byte
    /// [digest §5, S17] but not the reason codes: the values below are J1939-21's as we know them
    /// (1-3 from the 2006 edition GB/T cites, 4-9 and 250 from later J1939-21 / ISO 11783-3 editions)
    /// — not in the digest, so treat them as our reading.
    /// </summary>
    public static class J1939AbortReason
    {
        /// <summary>1: already in one or more connection-managed sessions, cannot support another.</summary>
        public const int AlreadyInSession = 1;

        /// <summary>2: system resources were needed for another task (we also use it for a message too big for our buffer).</summary>
        public const int ResourcesNeeded = 2;

        /// <summary>3: a timeout occurred.</summary>
        public const int Timeout = 3;

        /// <summary>4: CTS received while a data transfer was in progress.</summary>
        public const int CtsWhileTransferring = 4;

        /// <summary>5: maximum retransmit requests reached.</summary>
        public const int RetransmitLimit = 5;

        /// <summary>6: unexpected data transfer packet.</summary>
        public const int UnexpectedDataTransfer = 6;

        /// <summary>7: bad sequence number.</summary>
        public const int BadSequence = 7;

        /// <summary>8: duplicate sequence number.</summary>
        public const int DuplicateSequence = 8;

        /// <summary>9: total message size greater than 1785 bytes.</summary>
        public const int MessageTooLarge = 9;

        /// <summary>250: a reason not listed (we use it for an RTS whose packet count does not match its size).</summary>
        public const int Other = 250;

        /// <summary>Short name for logs ("?" for an unknown code).</summary>
        public static string NameOf(int reason)
        {
            switch (reason)
            {
                case AlreadyInSession: return "already in session";
                case ResourcesNeeded: return "resources needed";
                case Timeout: return "timeout";
                case CtsWhileTransferring: return "CTS while transferring";
                case RetransmitLimit: return "retransmit limit";
                case UnexpectedDataTransfer: return "unexpected TP.DT";
                case BadSequence: return "bad sequence";
                case DuplicateSequence: return "duplicate sequence";
                case MessageTooLarge: return "message too large";
                case Other: return "other";
                default: return "?";
            }
        }
    }
}
