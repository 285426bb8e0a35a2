namespace V2G.Firmware.Drivers.Mcp2515
{
    /// <summary>Bits of the buffer control, identifier and bit-timing registers [MCP, IOT].</summary>
    public static class Mcp2515Bits
    {
        /// <summary>TXBnCTRL.TXREQ (bit 3): set by RTS, cleared when the message is sent or aborted.</summary>
        public const byte TxRequest = 0x08;

        /// <summary>TXBnCTRL.TXERR (bit 4): a bus error while this buffer was being sent.</summary>
        public const byte TxError = 0x10;

        /// <summary>TXBnCTRL.MLOA (bit 5): this buffer lost arbitration.</summary>
        public const byte TxLostArbitration = 0x20;

        /// <summary>TXBnCTRL.ABTF (bit 6): this buffer's transmission was aborted.</summary>
        public const byte TxAborted = 0x40;

        /// <summary>TXBnCTRL.TXP (bits 1..0): priority, 3 highest; equal priorities go highest buffer number first.</summary>
        public const byte TxPriorityMask = 0x03;

        /// <summary>RXBnCTRL.RXM (bits 6..5) = 11: receive any message, filters and masks off.</summary>
        public const byte RxModeAny = 0x60;

        /// <summary>RXBnCTRL.RXM = 00: receive valid messages that match the filters.</summary>
        public const byte RxModeFiltered = 0x00;

        /// <summary>RXB0CTRL.BUKT (bit 2): a message for a full RXB0 rolls over into RXB1.</summary>
        public const byte RxRollover = 0x04;

        /// <summary>RXB0CTRL.BUKT1 (bit 1): read-only copy of BUKT.</summary>
        public const byte RxRolloverCopy = 0x02;

        /// <summary>RXBnCTRL.RXRTR (bit 3): a remote frame was received.</summary>
        public const byte RxRemote = 0x08;

        /// <summary>SIDL.EXIDE / IDE (bit 3): extended identifier.</summary>
        public const byte SidlExtended = 0x08;

        /// <summary>SIDL.SRR (bit 4, received standard frames only): standard remote frame.</summary>
        public const byte SidlStandardRemote = 0x10;

        /// <summary>DLC.RTR (bit 6): remote frame.</summary>
        public const byte DlcRemote = 0x40;

        /// <summary>DLC bits 3..0; values above 8 mean 8 data bytes (classic CAN).</summary>
        public const byte DlcMask = 0x0F;

        /// <summary>CNF2.BTLMODE (bit 7): PS2 taken from CNF3.PHSEG2.</summary>
        public const byte Cnf2PhaseSegment2FromCnf3 = 0x80;

        /// <summary>CNF2.SAM (bit 6): sample three times.</summary>
        public const byte Cnf2TripleSample = 0x40;
    }
}
