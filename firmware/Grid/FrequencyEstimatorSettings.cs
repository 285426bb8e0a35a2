namespace V2G.Firmware.Grid
{
    /// <summary>
    /// Settings of the <see cref="FrequencyEstimator"/>. The window and the ROCOF window follow the
    /// digest's measurement recommendation [digest §6]; the guard's numbers are this project's
    /// settings (assumptions, not figures from a standard), chosen from the digest's noise figures
    /// and ride-through limits as each field says.
    /// </summary>
    public sealed class FrequencyEstimatorSettings
    {
        /// <summary>
        /// Cycles averaged for <see cref="FrequencyEstimator.FrequencyHz"/> (1/mean period), updated every
        /// cycle. 5 gives ≤ 2 mHz error in the digest's simulation; 1 settles fastest but its worst-case
        /// noise uses most of the 10 mHz budget [digest §0 item 4, §6]. Clamped to 1..<see cref="FrequencyEstimator.MaxWindowCycles"/>.
        /// </summary>
        public int WindowCycles = 5;

        /// <summary>
        /// Rate of change of frequency above which a cycle is treated as a disturbance and held, Hz/s.
        /// Above the largest ride-through ROCOF (Cat III 3.0 Hz/s [digest §1, V: pyUL1741SB]) with margin,
        /// so a grid the charger must ride through is followed without holding [digest §6 recommendation 2].
        /// 4 Hz/s is an assumption.
        /// </summary>
        public double RocofGuardHzPerS = 4.0;

        /// <summary>
        /// Deviation of one cycle's frequency from the prediction that is still noise, Hz. The digest's
        /// 1-cycle zero-crossing estimate has 8.9 mHz worst-case error [digest §6]; 20 mHz (about twice
        /// that) is an assumption. Also the tolerance of "back at the old level" after a disturbance.
        /// </summary>
        public double NoiseMarginHz = 0.02;

        /// <summary>
        /// Consecutive cycles that must agree before a hold ends: with each other at a new level (a real
        /// step persists) or back at the old level (a phase jump's false period lasts one or two cycles).
        /// </summary>
        public int ConfirmCycles = 2;

        /// <summary>
        /// Longest hold, cycles: after this many the newest level is taken whatever it is, so a grid that
        /// keeps moving faster than the guard is still followed (in steps of this length). Assumption:
        /// 8 cycles (160 ms at 50 Hz) covers a phase jump or a step with room to spare ("hold the last good
        /// frequency for a few cycles" [digest §6 recommendation 2]).
        /// </summary>
        public int MaxHoldCycles = 8;

        /// <summary>Cycles of the telemetry average (IEEE 1547's ±10 mHz is defined over a 60-cycle window [digest §1, V]).</summary>
        public int AverageCycles = 60;

        /// <summary>ROCOF window, ms: 100–500 ms recommended, UK loss-of-mains practice uses 500 ms [digest §6, §7].</summary>
        public int RocofWindowMs = 500;
    }
}
