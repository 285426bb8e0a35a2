namespace V2G.Firmware.Drivers.Qca7000
{
    /// <summary>
    /// Diagnostics of one <see cref="Qca7000Driver"/> driver: its sync state and counters since construction.
    /// A live view updated in place by the driver (nothing allocated per read); values written by the
    /// servicing thread may be one update behind on another thread.
    /// </summary>
    public sealed class Qca7000Status
    {
        /// <summary>Where the driver stands with the chip.</summary>
        public Qca7000SyncState SyncState { get; internal set; }

        /// <summary>Frames written to the chip.</summary>
        public int FramesSent { get; internal set; }

        /// <summary>Frames decoded from the chip and queued for <see cref="Qca7000Driver.Receive"/>.</summary>
        public int FramesReceived { get; internal set; }

        /// <summary>Receive errors: runs of bytes that were no header (NOHEAD).</summary>
        public int RxNoHeadErrors { get; internal set; }

        /// <summary>Receive errors: frames without <c>55 55</c> (NOTAIL).</summary>
        public int RxNoTailErrors { get; internal set; }

        /// <summary>Receive errors: FL out of 60 … 1518 (INVLEN).</summary>
        public int RxInvalidLengthErrors { get; internal set; }

        /// <summary>Received frames dropped: partial at CPU_ON, receive queue full, or longer than the caller's buffer.</summary>
        public int RxDroppedFrames { get; internal set; }

        /// <summary>Queued frames dropped because the chip went out of sync.</summary>
        public int TxDroppedFrames { get; internal set; }

        /// <summary>Frames refused by TrySend (ring full or not READY).</summary>
        public int TxRefusedFrames { get; internal set; }

        /// <summary>Times the driver fell back to UNKNOWN from RESET or READY.</summary>
        public int Resyncs { get; internal set; }

        /// <summary>Soft resets written to SPI_CONFIG.</summary>
        public int ResetsTriggered { get; internal set; }

        /// <summary>Soft resets that saw no CPU_ON within the reset timeout.</summary>
        public int ResetTimeouts { get; internal set; }

        /// <summary>CPU_ON causes seen (the chip started).</summary>
        public int CpuOnEvents { get; internal set; }

        /// <summary>Signature checks that did not give 0xAA55 (after the second read).</summary>
        public int SignatureFailures { get; internal set; }

        /// <summary>CPU_ON with WRBUF_SPC_AVA not 3163 (the write buffer was not empty).</summary>
        public int WriteBufferNotEmptyAtCpuOn { get; internal set; }

        /// <summary>RDBUF_BYTE_AVA readings above 3167, taken for SPI glitches and ignored.</summary>
        public int ReadBufferGlitches { get; internal set; }

        /// <summary>WRBUF_SPC_AVA readings above 3163, taken for SPI glitches and ignored.</summary>
        public int WriteBufferGlitches { get; internal set; }

        /// <summary>RDBUF_ERR causes reported by the chip.</summary>
        public int ReadBufferErrors { get; internal set; }

        /// <summary>WRBUF_ERR causes reported by the chip.</summary>
        public int WriteBufferErrors { get; internal set; }

        /// <summary>Exceptions from the SPI bus (each sends the driver back to UNKNOWN).</summary>
        public int SpiErrors { get; internal set; }

        /// <summary>Queued frames that waited longer than the transmit timeout.</summary>
        public int TransmitTimeouts { get; internal set; }

        /// <summary>Interrupt services started by an edge of the INT line.</summary>
        public int EdgeServices { get; internal set; }

        /// <summary>Interrupt services started because the INT line was found asserted without an edge.</summary>
        public int LevelServices { get; internal set; }

        /// <summary>Interrupt services started by the polling period alone.</summary>
        public int PolledServices { get; internal set; }
    }
}
