namespace V2G.Firmware.Drivers.Mcp2515
{
    /// <summary>
    /// Diagnostics of one <see cref="Mcp2515Driver"/>: counters since construction and the last error registers.
    /// A live view updated in place by the servicing thread (nothing allocated per read).
    /// </summary>
    public sealed class Mcp2515Status
    {
        /// <summary>Where the driver stands.</summary>
        public Mcp2515State State { get; internal set; }

        /// <summary>Successful initialisations (the first one and every recovery).</summary>
        public int Initialisations { get; internal set; }

        /// <summary>Initialisations that failed: mode not reached, configuration read back wrong, bad bit timing.</summary>
        public int InitFailures { get; internal set; }

        /// <summary>Frames the chip reported sent (TXnIF).</summary>
        public int FramesSent { get; internal set; }

        /// <summary>Frames read from the chip and queued for TryReceive.</summary>
        public int FramesReceived { get; internal set; }

        /// <summary>Frames refused by TrySend (queue full, or the driver not running).</summary>
        public int TxRefusedFrames { get; internal set; }

        /// <summary>Frames lost from the transmit queue or the chip's buffers by a bus-off or a re-initialisation.</summary>
        public int TxDroppedFrames { get; internal set; }

        /// <summary>Received frames dropped because the receive queue was full.</summary>
        public int RxQueueDroppedFrames { get; internal set; }

        /// <summary>Received remote frames dropped (GB/T uses none; <c>CanFrame</c> cannot carry one).</summary>
        public int RxRemoteFramesDropped { get; internal set; }

        /// <summary>Hardware receive overflows (EFLG RX0OVR and RX1OVR, each counted): a frame was lost in the chip.</summary>
        public int RxOverflows { get; internal set; }

        /// <summary>Times the chip went bus-off (EFLG TXBO).</summary>
        public int BusOffEvents { get; internal set; }

        /// <summary>Times the chip entered transmit or receive error-passive (TXEP or RXEP newly set).</summary>
        public int ErrorPassiveEvents { get; internal set; }

        /// <summary>Times the error warning (EWARN) was newly set.</summary>
        public int ErrorWarningEvents { get; internal set; }

        /// <summary>Message error interrupts (MERRF).</summary>
        public int MessageErrors { get; internal set; }

        /// <summary>Exceptions from the SPI bus; each stops the driver until the retry delay has passed.</summary>
        public int SpiErrors { get; internal set; }

        /// <summary>Flag reads started by an edge of INT.</summary>
        public int EdgeServices { get; internal set; }

        /// <summary>Flag reads started because INT was found asserted without an edge.</summary>
        public int LevelServices { get; internal set; }

        /// <summary>Flag reads started by polling (no INT line, or the poll period passed).</summary>
        public int PolledServices { get; internal set; }

        /// <summary>EFLG as last read.</summary>
        public byte ErrorFlags { get; internal set; }

        /// <summary>TEC as last read (read when EFLG changes).</summary>
        public int TransmitErrorCount { get; internal set; }

        /// <summary>REC as last read (read when EFLG changes).</summary>
        public int ReceiveErrorCount { get; internal set; }
    }
}
