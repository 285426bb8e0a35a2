namespace V2G.Firmware.Drivers.Mcp2515
{
    /// <summary>Bits of the READ STATUS answer [MCP, IOT (ReadStatusResponse)].</summary>
    public static class Mcp2515ReadStatus
    {
        /// <summary>CANINTF.RX0IF.</summary>
        public const byte Rx0Full = 0x01;

        /// <summary>CANINTF.RX1IF.</summary>
        public const byte Rx1Full = 0x02;

        /// <summary>TXB0CTRL.TXREQ.</summary>
        public const byte Tx0Request = 0x04;

        /// <summary>CANINTF.TX0IF.</summary>
        public const byte Tx0Done = 0x08;

        /// <summary>TXB1CTRL.TXREQ.</summary>
        public const byte Tx1Request = 0x10;

        /// <summary>CANINTF.TX1IF.</summary>
        public const byte Tx1Done = 0x20;

        /// <summary>TXB2CTRL.TXREQ.</summary>
        public const byte Tx2Request = 0x40;

        /// <summary>CANINTF.TX2IF.</summary>
        public const byte Tx2Done = 0x80;

        /// <summary>RX STATUS bits 7..6: 01 RXB0, 10 RXB1, 11 both [MCP, IOT (RxStatusResponse)].</summary>
        public const byte RxStatusBufferMask = 0xC0;

        /// <summary>RX STATUS bit 4: the message is extended [MCP, IOT].</summary>
        public const byte RxStatusExtended = 0x10;

        /// <summary>RX STATUS bit 3: the message is a remote frame [MCP, IOT].</summary>
        public const byte RxStatusRemote = 0x08;

        /// <summary>RX STATUS bits 2..0: filter hit, 0..5 = RXF0..5, 6/7 = RXF0/RXF1 rolled over into RXB1 [MCP, IOT].</summary>
        public const byte RxStatusFilterMask = 0x07;
    }
}
