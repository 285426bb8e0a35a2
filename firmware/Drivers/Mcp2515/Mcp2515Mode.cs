namespace V2G.Firmware.Drivers.Mcp2515
{
    /// <summary>
    /// Operating modes as they stand in CANCTRL.REQOP and CANSTAT.OPMOD, bits 7..5 (values already shifted) [MCP].
    /// </summary>
    public static class Mcp2515Mode
    {
        /// <summary>Normal: 000.</summary>
        public const byte Normal = 0x00;

        /// <summary>Sleep: 001.</summary>
        public const byte Sleep = 0x20;

        /// <summary>Loopback: 010 (frames go from TX to RX inside the chip, nothing on the bus).</summary>
        public const byte Loopback = 0x40;

        /// <summary>Listen-only: 011 (receives everything, never acknowledges or transmits).</summary>
        public const byte ListenOnly = 0x60;

        /// <summary>Configuration: 100, the mode after reset; the only one in which CNF1..3, filters and masks can be written.</summary>
        public const byte Configuration = 0x80;

        /// <summary>Mask of REQOP/OPMOD.</summary>
        public const byte Mask = 0xE0;
    }
}
