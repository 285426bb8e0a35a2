namespace V2G.Firmware.Drivers.Mcp2515
{
    /// <summary>
    /// Register addresses of the MCP2515 [MCP] (source tags: see <see cref="Mcp2515Instruction"/>). CANSTAT and
    /// CANCTRL are also mirrored at every 0xXE/0xXF; the driver uses the 0x0E/0x0F copies.
    /// </summary>
    public static class Mcp2515Register
    {
        /// <summary>RXF0SIDH: acceptance filter 0 (SIDH, SIDL, EID8, EID0 at +0..+3); RXF1 at 0x04, RXF2 at 0x08 [MCP].</summary>
        public const byte Filter0 = 0x00;

        /// <summary>RXF1SIDH [MCP].</summary>
        public const byte Filter1 = 0x04;

        /// <summary>RXF2SIDH [MCP].</summary>
        public const byte Filter2 = 0x08;

        /// <summary>BFPCTRL: RXnBF pin control (0 = pins off) [MCP].</summary>
        public const byte BfpCtrl = 0x0C;

        /// <summary>TXRTSCTRL: TXnRTS pin control [MCP].</summary>
        public const byte TxRtsCtrl = 0x0D;

        /// <summary>CANSTAT: OPMOD in bits 7..5, ICOD in bits 3..1 [MCP].</summary>
        public const byte CanStat = 0x0E;

        /// <summary>CANCTRL: REQOP in bits 7..5, ABAT bit 4, OSM bit 3, CLKEN bit 2, CLKPRE bits 1..0 [MCP].</summary>
        public const byte CanCtrl = 0x0F;

        /// <summary>RXF3SIDH; RXF4 at 0x14, RXF5 at 0x18 [MCP].</summary>
        public const byte Filter3 = 0x10;

        /// <summary>RXF4SIDH [MCP].</summary>
        public const byte Filter4 = 0x14;

        /// <summary>RXF5SIDH [MCP].</summary>
        public const byte Filter5 = 0x18;

        /// <summary>TEC: transmit error counter (read only) [MCP].</summary>
        public const byte Tec = 0x1C;

        /// <summary>REC: receive error counter (read only) [MCP].</summary>
        public const byte Rec = 0x1D;

        /// <summary>RXM0SIDH: mask of RXB0 (filters 0, 1) [MCP].</summary>
        public const byte Mask0 = 0x20;

        /// <summary>RXM1SIDH: mask of RXB1 (filters 2..5) [MCP].</summary>
        public const byte Mask1 = 0x24;

        /// <summary>CNF3: SOF bit 7, WAKFIL bit 6, PHSEG2 bits 2..0 [MCP]. CNF3, CNF2, CNF1, CANINTE are consecutive.</summary>
        public const byte Cnf3 = 0x28;

        /// <summary>CNF2: BTLMODE bit 7, SAM bit 6, PHSEG1 bits 5..3, PRSEG bits 2..0 [MCP, IOT].</summary>
        public const byte Cnf2 = 0x29;

        /// <summary>CNF1: SJW bits 7..6, BRP bits 5..0 [MCP].</summary>
        public const byte Cnf1 = 0x2A;

        /// <summary>CANINTE: interrupt enables (<see cref="Mcp2515Interrupt"/>) [MCP].</summary>
        public const byte CanIntE = 0x2B;

        /// <summary>CANINTF: interrupt flags (<see cref="Mcp2515Interrupt"/>) [MCP].</summary>
        public const byte CanIntF = 0x2C;

        /// <summary>EFLG: error flags (<see cref="Mcp2515ErrorFlag"/>); only RX0OVR/RX1OVR are writable [MCP, IOT].</summary>
        public const byte Eflg = 0x2D;

        /// <summary>TXB0CTRL; SIDH, SIDL, EID8, EID0, DLC, D0..D7 follow at +1..+13 [MCP].</summary>
        public const byte TxB0Ctrl = 0x30;

        /// <summary>TXB1CTRL [MCP].</summary>
        public const byte TxB1Ctrl = 0x40;

        /// <summary>TXB2CTRL [MCP].</summary>
        public const byte TxB2Ctrl = 0x50;

        /// <summary>RXB0CTRL; SIDH, SIDL, EID8, EID0, DLC, D0..D7 follow at +1..+13 [MCP].</summary>
        public const byte RxB0Ctrl = 0x60;

        /// <summary>RXB1CTRL [MCP].</summary>
        public const byte RxB1Ctrl = 0x70;

        /// <summary>Distance between TXB0CTRL, TXB1CTRL and TXB2CTRL [MCP].</summary>
        public const byte TxBufferStride = 0x10;

        /// <summary>Offset of SIDH from a buffer's CTRL register; SIDL +2, EID8 +3, EID0 +4, DLC +5, D0 +6 [MCP].</summary>
        public const byte BufferSidhOffset = 1;

        /// <summary>Offset of the DLC register from a buffer's CTRL register [MCP].</summary>
        public const byte BufferDlcOffset = 5;

        /// <summary>Offset of D0 from a buffer's CTRL register [MCP].</summary>
        public const byte BufferDataOffset = 6;

        /// <summary>The CTRL register of transmit buffer <paramref name="buffer"/> (0..2).</summary>
        public static byte TxCtrl(int buffer)
        {
            return (byte)(TxB0Ctrl + (buffer * TxBufferStride));
        }
    }
}
