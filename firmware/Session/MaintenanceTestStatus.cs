namespace V2G.Firmware.Session
{
    /// <summary>Where a maintenance test (contactor test, insulation test) stands.</summary>
    public enum MaintenanceTestStatus
    {
        /// <summary>Never run since boot.</summary>
        None = 0,

        /// <summary>Requested; starts at the next control tick.</summary>
        Requested = 1,

        /// <summary>Under way.</summary>
        Running = 2,

        /// <summary>Finished, and the hardware did what it must.</summary>
        Passed = 3,

        /// <summary>Finished (or aborted), and <see cref="MaintenanceTestResult.Text"/> says why it failed.</summary>
        Failed = 4,
    }
}
