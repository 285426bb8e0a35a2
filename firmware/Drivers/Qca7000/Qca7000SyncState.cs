namespace V2G.Firmware.Drivers.Qca7000
{
    /// <summary>
    /// Where the driver stands with the chip, after Linux <c>qcaspi_qca7k_sync</c> [V:L4] (digest §3.7).
    /// Frames move only in <see cref="Ready"/>.
    /// </summary>
    public enum Qca7000SyncState
    {
        /// <summary>Not known to be alive: the signature is checked, and when good a soft reset is triggered.</summary>
        Unknown = 0,

        /// <summary>A soft reset was triggered; waiting for CPU_ON (re-triggered after the reset timeout).</summary>
        Reset = 1,

        /// <summary>CPU_ON seen with a good signature and an empty write buffer: frames can move.</summary>
        Ready = 2,
    }
}
