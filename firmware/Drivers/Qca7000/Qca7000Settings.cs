namespace V2G.Firmware.Drivers.Qca7000
{
    /// <summary>Timing and sizes of the <see cref="Qca7000Driver"/> driver. Read once, by its constructor.</summary>
    public sealed class Qca7000Settings
    {
        /// <summary>
        /// The interrupt cause is read at least this often even without an edge, ms: a missed edge
        /// otherwise freezes reception (digest pitfall #19) [S:I-rpi5766]; SmartEVSE polls every 20 ms [V:S1, S2].
        /// </summary>
        public int InterruptPollPeriodMs { get; set; } = 20;

        /// <summary>
        /// Period of the sync check (signature in READY, the signature and soft reset in UNKNOWN, the reset
        /// counter in RESET), ms. Linux runs it once per loop and sleeps 1000 ms per loop while not in sync
        /// (QCASPI_QCA7K_REBOOT_TIME_MS) [V:L4].
        /// </summary>
        public int SyncCheckPeriodMs { get; set; } = 1000;

        /// <summary>
        /// Sync checks spent in RESET without CPU_ON before the reset is triggered again (QCASPI_RESET_TIMEOUT = 10,
        /// so about 10 s with the default period) [V:L4].
        /// </summary>
        public int ResetTimeoutChecks { get; set; } = 10;

        /// <summary>
        /// A queued frame that could not be written for this long sends the driver back to UNKNOWN, as the
        /// Linux netdev TX timeout does (1 s) [V:L4], ms.
        /// </summary>
        public int TransmitTimeoutMs { get; set; } = 1000;

        /// <summary>Received frames held for <see cref="Qca7000Driver.Receive"/> before more are dropped [U: sized for SLAC bursts].</summary>
        public int ReceiveQueueFrames { get; set; } = 8;
    }
}
