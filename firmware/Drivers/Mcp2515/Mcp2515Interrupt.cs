namespace V2G.Firmware.Drivers.Mcp2515
{
    /// <summary>Bits of CANINTE (enables) and CANINTF (flags), which share one layout [MCP, IOT].</summary>
    public static class Mcp2515Interrupt
    {
        /// <summary>RX0IF: RXB0 holds a message; cleared by READ RX BUFFER or by writing 0.</summary>
        public const byte Rx0 = 0x01;

        /// <summary>RX1IF: RXB1 holds a message.</summary>
        public const byte Rx1 = 0x02;

        /// <summary>TX0IF: TXB0 became empty (its message was sent).</summary>
        public const byte Tx0 = 0x04;

        /// <summary>TX1IF.</summary>
        public const byte Tx1 = 0x08;

        /// <summary>TX2IF.</summary>
        public const byte Tx2 = 0x10;

        /// <summary>ERRIF: a change in EFLG (overflow, warning, error passive, bus-off).</summary>
        public const byte Error = 0x20;

        /// <summary>WAKIF: bus activity while asleep (not enabled by this driver).</summary>
        public const byte Wake = 0x40;

        /// <summary>MERRF: an error during transmission or reception of a message.</summary>
        public const byte MessageError = 0x80;

        /// <summary>Both receive flags.</summary>
        public const byte AnyReceive = Rx0 | Rx1;

        /// <summary>The three transmit flags.</summary>
        public const byte AnyTransmit = Tx0 | Tx1 | Tx2;

        /// <summary>The TXnIF bit of transmit buffer <paramref name="buffer"/> (0..2).</summary>
        public static byte Transmit(int buffer)
        {
            return (byte)(Tx0 << buffer);
        }
    }
}
