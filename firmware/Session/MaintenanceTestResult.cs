namespace V2G.Firmware.Session
{
    /// <summary>
    /// The outcome of the last maintenance test of one kind, written by the control tick and read by
    /// the shell (one object per kind, allocated once: the tick writes constant texts only). Times are −1
    /// until measured. A reader on another thread may see a test half-way; <see cref="Status"/> is written
    /// last, so once it reads Passed or Failed the other fields are final.
    /// </summary>
    public sealed class MaintenanceTestResult
    {
        /// <summary>Where the test stands.</summary>
        public MaintenanceTestStatus Status = MaintenanceTestStatus.None;

        /// <summary>What the test is doing now, or its verdict in words ("DC+ did not close within 100 ms").</summary>
        public string Text = "not run";

        /// <summary>When the test started, ms (monotonic); −1 before.</summary>
        public long StartedAtMs = -1;

        /// <summary>When it finished, ms; −1 while running.</summary>
        public long FinishedAtMs = -1;

        // --- contactor test ---

        /// <summary>DC+ auxiliary feedback: time from the close command to "closed", ms; −1 if it never came.</summary>
        public long PositiveCloseMs = -1;

        /// <summary>DC− auxiliary feedback: time from the close command to "closed", ms.</summary>
        public long NegativeCloseMs = -1;

        /// <summary>DC+ auxiliary feedback: time from the open command to "open", ms; −1 if it never came (welded).</summary>
        public long PositiveOpenMs = -1;

        /// <summary>DC− auxiliary feedback: time from the open command to "open", ms.</summary>
        public long NegativeOpenMs = -1;

        // --- insulation test ---

        /// <summary>The test voltage asked for, V.</summary>
        public double TestVoltageV;

        /// <summary>The highest converter voltage reached during the test, V.</summary>
        public double ReachedVoltageV;

        /// <summary>The insulation resistance the monitor measured, Ω (NaN until it has a result).</summary>
        public double MeasuredOhm = double.NaN;

        /// <summary>The limit it was judged against, Ω (100 Ω/V × the test voltage).</summary>
        public double LimitOhm;

        /// <summary>True once the test has a verdict.</summary>
        public bool IsFinished => Status == MaintenanceTestStatus.Passed || Status == MaintenanceTestStatus.Failed;

        /// <summary>True while requested or running.</summary>
        public bool IsRunning => Status == MaintenanceTestStatus.Requested || Status == MaintenanceTestStatus.Running;

        internal void Reset(string text)
        {
            Text = text;
            StartedAtMs = -1;
            FinishedAtMs = -1;
            PositiveCloseMs = -1;
            NegativeCloseMs = -1;
            PositiveOpenMs = -1;
            NegativeOpenMs = -1;
            TestVoltageV = 0;
            ReachedVoltageV = 0;
            MeasuredOhm = double.NaN;
            LimitOhm = 0;
        }
    }
}
