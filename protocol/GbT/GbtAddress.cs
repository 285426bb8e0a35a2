namespace V2G.Protocol.GbT
{
    /// <summary>
    /// The two fixed J1939 source addresses of a GB/T 27930 charging link. They are not claimed
    /// (no J1939-81 address claim): the bus has exactly these two nodes [digest §2, S2, S10].
    /// </summary>
    public static class GbtAddress
    {
        /// <summary>Off-board charger, 0x56 (86).</summary>
        public const int Charger = 0x56;

        /// <summary>Vehicle BMS, 0xF4 (244).</summary>
        public const int Bms = 0xF4;

        /// <summary>J1939 global address (BAM destination); GB/T itself never broadcasts [digest §5].</summary>
        public const int Global = 0xFF;
    }
}
