namespace V2G.Firmware.Drivers.Mcp2515
{
    /// <summary>
    /// The MCP2515's SPI instruction bytes (the first byte of every chip-select frame) [MCP].
    /// Source tags of this folder: [MCP] the public MCP2515 register map and instruction set (Microchip datasheet
    /// DS20001801, not available on this project's machines: values as stated in the task brief and recalled);
    /// [IOT] the same facts cross-checked in dotnet/iot <c>Iot.Device.Mcp25xxx</c> (facts only, no code taken);
    /// [LNX] what the Linux <c>mcp251x</c> driver does, recalled, unverified here; [U] our choice.
    /// </summary>
    public static class Mcp2515Instruction
    {
        /// <summary>RESET: registers to their reset values, configuration mode [MCP].</summary>
        public const byte Reset = 0xC0;

        /// <summary>READ, then the address; data follows on MISO, the address auto-increments [MCP].</summary>
        public const byte Read = 0x03;

        /// <summary>WRITE, then the address and data; the address auto-increments [MCP].</summary>
        public const byte Write = 0x02;

        /// <summary>
        /// READ RX BUFFER <c>1001 0nm0</c>: n selects RXB0/RXB1, m starts at SIDH (0) or D0 (1); raising CS clears
        /// the buffer's RXnIF, which saves the BIT MODIFY a READ would need [MCP].
        /// </summary>
        public const byte ReadRxBuffer0 = 0x90;

        /// <summary>READ RX BUFFER starting at RXB1SIDH [MCP].</summary>
        public const byte ReadRxBuffer1 = 0x94;

        /// <summary>LOAD TX BUFFER <c>0100 0abc</c> starting at TXB0SIDH (0x31) [MCP]; +1 would start at D0.</summary>
        public const byte LoadTxBuffer0 = 0x40;

        /// <summary>LOAD TX BUFFER starting at TXB1SIDH (0x41) [MCP].</summary>
        public const byte LoadTxBuffer1 = 0x42;

        /// <summary>LOAD TX BUFFER starting at TXB2SIDH (0x51) [MCP].</summary>
        public const byte LoadTxBuffer2 = 0x44;

        /// <summary>RTS (request to send) <c>1000 0nnn</c>: bit n sets TXBn's TXREQ [MCP]. TXB0 is 0x81.</summary>
        public const byte RequestToSendBase = 0x80;

        /// <summary>READ STATUS: one byte of RX/TX flags (<see cref="Mcp2515ReadStatus"/>), repeated while CS stays low [MCP, IOT].</summary>
        public const byte ReadStatus = 0xA0;

        /// <summary>RX STATUS: which buffer holds a message, its type and the filter hit [MCP, IOT].</summary>
        public const byte RxStatus = 0xB0;

        /// <summary>BIT MODIFY, then address, mask, data; only on the bit-modifiable registers [MCP].</summary>
        public const byte BitModify = 0x05;
    }
}
