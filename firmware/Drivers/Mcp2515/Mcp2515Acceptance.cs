namespace V2G.Firmware.Drivers.Mcp2515
{
    /// <summary>Which frames the receive filters let in (<see cref="Mcp2515Settings.Acceptance"/>).</summary>
    public enum Mcp2515Acceptance
    {
        /// <summary>Every valid frame, standard or extended (RXM = 11, filters off) [MCP].</summary>
        AllFrames = 0,

        /// <summary>
        /// Extended frames only: masks 0 and every filter with EXIDE set, which matches only extended frames [MCP].
        /// GB/T uses 29-bit identifiers only [digest §2, S2, S10].
        /// </summary>
        ExtendedOnly = 1,

        /// <summary>
        /// Extended frames whose PS (destination, id bits 15..8) is <see cref="Mcp2515Settings.DestinationAddress"/>:
        /// masks 0x0000FF00, every filter 0x0000 DA 00 with EXIDE. GB/T PGs are PDU1 with PS = destination, so the
        /// BMS's frames to the charger are <c>xxxx56F4</c> [digest §2, §10, S2].
        /// </summary>
        ExtendedToDestination = 2,
    }
}
