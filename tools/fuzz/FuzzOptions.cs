using System.IO;

namespace V2G.Fuzz
{
    /// <summary>What one fuzz run does.</summary>
    public sealed class FuzzOptions
    {
        /// <summary>Seeds every random choice of the run: the same seed and case count give the same run.</summary>
        public int Seed = 1;

        /// <summary>Fuzzed inputs to send (each one a case).</summary>
        public long Cases = 100000;

        /// <summary>Share of sessions carried over the real V2G TCP server on loopback instead of the in-memory pipe, percent.</summary>
        public double TcpSharePercent = 1;

        /// <summary>A whole valid session (charge, stop, welding detection, end) is run after every so many cases.</summary>
        public long FreshSessionEvery = 1000;

        /// <summary>Inputs sent into one session at most while it survives them.</summary>
        public int MaxInputsPerSession = 8;

        /// <summary>Failures collected before the run stops.</summary>
        public int MaxFailures = 10;

        /// <summary>A case that makes no progress for this long (wall time) is a hang, ms.</summary>
        public int HangLimitMs = 10000;

        /// <summary>The whole run is stopped after this long (wall time), ms; 0: no limit.</summary>
        public long WallLimitMs;

        /// <summary>
        /// After a broken session the output must be safe within this much simulated time, ms; 0: the
        /// controller's own deadline, a controlled stop from full current (ramp at StopCurrentRampAPerS,
        /// then ContactorOpenDeadlineMs) plus two ticks.
        /// </summary>
        public int SafeStateDeadlineMs;

        /// <summary>The vehicle battery's state of charge when the charger is built, percent (it then drifts with the sessions).</summary>
        public double InitialSocPercent = 50;

        /// <summary>Progress lines go here (null: none).</summary>
        public TextWriter Progress;

        /// <summary>Progress every so many cases.</summary>
        public long ProgressEvery = 100000;
    }
}
