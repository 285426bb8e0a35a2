namespace V2G.Firmware.Drivers.Mcp2515
{
    /// <summary>Configuration of an <see cref="Mcp2515Driver"/>. Read once, by its constructor.</summary>
    public sealed class Mcp2515Settings
    {
        /// <summary>The GB/T charger's own address, the destination of the BMS's frames (0x56) [digest §2, S2, S10].</summary>
        public const byte GbtChargerAddress = 0x56;

        /// <summary>The chip's crystal, Hz: a board fact (8 MHz on most MCP2515 modules, 16 MHz on some) [U].</summary>
        public int CrystalHz { get; set; } = 8000000;

        /// <summary>Bit rate, bit/s: 250 000 for GB/T 27930, or 50 000, the 2015 option for harsh environments [digest §2, S2, S10, S15].</summary>
        public int BitRateBps { get; set; } = 250000;

        /// <summary>Wanted sample point, ‰ of the bit (see <see cref="Mcp2515BitTiming"/>) [U: 87.5 %, CiA 301, Linux's default].</summary>
        public int SamplePointPermille { get; set; } = 875;

        /// <summary>Wanted synchronisation jump width, TQ (reduced below PS2) [U].</summary>
        public int SyncJumpWidthTq { get; set; } = 1;

        /// <summary>Which frames the receive filters let in [digest §2: GB/T needs extended frames only].</summary>
        public Mcp2515Acceptance Acceptance { get; set; } = Mcp2515Acceptance.ExtendedOnly;

        /// <summary>The destination byte for <see cref="Mcp2515Acceptance.ExtendedToDestination"/>.</summary>
        public byte DestinationAddress { get; set; } = GbtChargerAddress;

        /// <summary>
        /// The operating mode entered after configuration (<see cref="Mcp2515Mode"/>): Normal, or Loopback for a
        /// self-test, or ListenOnly to watch a bus without touching it.
        /// </summary>
        public byte OperatingMode { get; set; } = Mcp2515Mode.Normal;

        /// <summary>Frames <see cref="Mcp2515Driver.TrySend"/> can hold beyond the chip's three buffers [U].</summary>
        public int TransmitQueueFrames { get; set; } = 16;

        /// <summary>Received frames held for <see cref="Mcp2515Driver.TryReceive"/> before more are dropped [U: a GB/T TP burst is ≤ 255 packets but paced by CTS].</summary>
        public int ReceiveQueueFrames { get; set; } = 32;

        /// <summary>
        /// With an INT line, the flags are read at least this often even without an edge, ms: a missed edge
        /// would otherwise leave the line low for good (the chip keeps INT asserted until the flags are cleared) [U].
        /// Without an INT line they are read at every <see cref="Mcp2515Driver.Service(long)"/>.
        /// </summary>
        public int InterruptPollPeriodMs { get; set; } = 10;

        /// <summary>CANSTAT reads allowed for a mode change to show before initialisation counts as failed [U].</summary>
        public int ModeChangeReads { get; set; } = 10;

        /// <summary>After a failed initialisation or an SPI error, the next attempt waits this long, ms [U].</summary>
        public int InitRetryDelayMs { get; set; } = 500;

        /// <summary>
        /// After bus-off the chip is held in configuration mode this long, then re-initialised, ms [U: Linux leaves
        /// the delay to the user (restart-ms); GB/T's shortest message timeout is 1 s for BCL, digest §6].
        /// </summary>
        public int BusOffRecoveryDelayMs { get; set; } = 200;
    }
}
