namespace V2G.Firmware.Drivers.Mcp2515
{
    /// <summary>Bits of EFLG [MCP, IOT]. Thresholds are the CAN fault-confinement ones: 96 warning, 128 passive, TEC &gt; 255 bus-off.</summary>
    public static class Mcp2515ErrorFlag
    {
        /// <summary>EWARN: TEC or REC ≥ 96.</summary>
        public const byte ErrorWarning = 0x01;

        /// <summary>RXWAR: REC ≥ 96.</summary>
        public const byte ReceiveWarning = 0x02;

        /// <summary>TXWAR: TEC ≥ 96.</summary>
        public const byte TransmitWarning = 0x04;

        /// <summary>RXEP: REC ≥ 128 (receive error passive).</summary>
        public const byte ReceiveErrorPassive = 0x08;

        /// <summary>TXEP: TEC ≥ 128 (transmit error passive).</summary>
        public const byte TransmitErrorPassive = 0x10;

        /// <summary>TXBO: bus-off (TEC went past 255).</summary>
        public const byte BusOff = 0x20;

        /// <summary>RX0OVR: a message for RXB0 arrived while RX0IF was set; cleared by the MCU.</summary>
        public const byte Rx0Overflow = 0x40;

        /// <summary>RX1OVR: a message for RXB1 arrived while RX1IF was set; cleared by the MCU.</summary>
        public const byte Rx1Overflow = 0x80;

        /// <summary>The two overflow bits, the only writable ones.</summary>
        public const byte AnyOverflow = Rx0Overflow | Rx1Overflow;
    }
}
