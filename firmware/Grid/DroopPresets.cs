namespace V2G.Firmware.Grid
{
    /// <summary>
    /// Named droop settings for the grid codes the charger is sold into. Each call returns a new,
    /// enabled <see cref="DroopSettings"/> for the given nominal frequency (50 or 60 Hz), with
    /// <see cref="DroopSettings.PresetName"/> set; the board then sets the rating and, if its
    /// estimator or converter differ from the assumptions below, the delay compensation.
    /// </summary>
    public static class DroopPresets
    {
        /// <summary>IEEE 1547-2018 default settings (1547.1 Characteristic 1).</summary>
        public const string Ieee1547CategoryIIName = "ieee1547-cat2";

        /// <summary>IEEE 1547-2018 Category III most aggressive settings (1547.1 Characteristic 2, Cat III).</summary>
        public const string Ieee1547CategoryIIIName = "ieee1547-cat3";

        /// <summary>EN 50549-1 LFSM-O/LFSM-U.</summary>
        public const string En50549LfsmName = "en50549";

        /// <summary>China GB/T 40595-2021 primary frequency regulation of storage.</summary>
        public const string ChinaStorageName = "china-storage";

        /// <summary>The fastest response this controller achieves.</summary>
        public const string FastName = "fast";

        /// <summary>
        /// Frequency-estimator window the delay compensation assumes, cycles: the shared
        /// FrequencyEstimator's default of 5 (a 5-cycle estimator followed by the lag gives
        /// t90 ≈ 0.255 s for a 0.2 s setting [digest §2]).
        /// </summary>
        public const int AssumedEstimatorWindowCycles = 5;

        /// <summary>
        /// Converter delay the compensation assumes, ms. An assumption: the digest gives only
        /// OpenDER's inverter lag NP_INV_DELAY of 20 ms [§2, V]; a board with a measured value sets
        /// <see cref="DroopSettings.DelayCompensationMs"/> itself.
        /// </summary>
        public const int AssumedConverterDelayMs = 20;

        /// <summary>
        /// The delays outside the droop, ms: the mean delay of a moving window of
        /// <paramref name="estimatorWindowCycles"/> cycles reported once per cycle (half the window,
        /// plus half a cycle because the estimate only changes at a cycle's end: 3 cycles for 5,
        /// 60 ms at 50 Hz, which is the 55 ms the digest's 0.255 s shows [§2]) plus the converter's.
        /// </summary>
        public static int DelayCompensationMs(int estimatorWindowCycles, double nominalHz, int converterDelayMs)
        {
            double estimatorMs = (estimatorWindowCycles + 1) * 1000.0 / nominalHz / 2;
            return (int)(estimatorMs + converterDelayMs + 0.5);
        }

        /// <summary>
        /// IEEE 1547-2018 default settings, the same for every category (1547.1 Characteristic 1):
        /// deadband 0.036 Hz, droop 5 %, open-loop response time 5 s [digest §1 and §3, V: OpenDER
        /// defaults, pyUL1741SB]. The response time is a setting to meet, so the filter is shortened
        /// by the estimator and converter delays.
        /// </summary>
        public static DroopSettings Ieee1547CategoryII(double nominalHz)
        {
            return Make(Ieee1547CategoryIIName, nominalHz, 0.036, 0.036, 0.05, 0.05, 5000, DefaultCompensationMs(nominalHz));
        }

        /// <summary>
        /// IEEE 1547-2018 Category III most aggressive settings (1547.1 Characteristic 2, Cat III):
        /// deadband 0.017 Hz, droop 2 %, open-loop response time 0.2 s [digest §1 and §3, V]. The
        /// delays take 30–50 % of the 0.2 s budget [digest §6], so the compensation matters most here.
        /// </summary>
        public static DroopSettings Ieee1547CategoryIII(double nominalHz)
        {
            return Make(Ieee1547CategoryIIIName, nominalHz, 0.017, 0.017, 0.02, 0.02, 200, DefaultCompensationMs(nominalHz));
        }

        /// <summary>
        /// EN 50549-1 LFSM-O/LFSM-U: starts at 50.2 Hz and 49.8 Hz (deadband 0.2 Hz), droop 5 %
        /// [digest §1, V: Beckhoff TF8360 parameter set; the droop is referred to the rated power,
        /// which the digest leaves open, §11 U]. EN 50549 is a 50 Hz standard; at 60 Hz the same
        /// offsets are used. Response time 1 s: EN 50549-1's timing is not in the digest (its "≤ 2 s"
        /// is U, RfG's "initial delay as short as possible, more than 2 s justified" is U), so this
        /// is an assumption chosen inside every reading of those bounds; compensated so the
        /// end-to-end t90 is 1 s.
        /// </summary>
        public static DroopSettings En50549Lfsm(double nominalHz)
        {
            return Make(En50549LfsmName, nominalHz, 0.2, 0.2, 0.05, 0.05, 1000, DefaultCompensationMs(nominalHz));
        }

        /// <summary>
        /// China, GB/T 40595-2021 for storage [digest §4, S]: deadband ±0.03..±0.05 Hz, droop
        /// 0.5..3 %, lag ≤ 1 s, rise ≤ 3 s, settling ≤ 4 s. Chosen: 0.05 Hz and 3 %, the gentle ends
        /// of both ranges and inside the NEA Southern-region ranges too (±0.033..0.05 Hz), so a
        /// vehicle battery cycles least; both are settings. Response time 1 s end to end: the power
        /// starts to move within the estimator's delay (≪ 1 s lag), 10–90 % takes about 0.95 s
        /// (≤ 3 s rise) and it is within 1 % after about 2 s (≤ 4 s settling).
        /// </summary>
        public static DroopSettings ChinaStorage(double nominalHz)
        {
            return Make(ChinaStorageName, nominalHz, 0.05, 0.05, 0.03, 0.03, 1000, DefaultCompensationMs(nominalHz));
        }

        /// <summary>
        /// The shortest response this controller achieves: no response filter (ResponseTimeMs 0),
        /// so the end-to-end time is the estimator's and the converter's alone. Deadband 0.017 Hz
        /// and droop 2 %: the most aggressive values IEEE 1547 allows [digest §1, V], the tightest
        /// with a verified source, and still above the ±10 mHz the estimator must hold [digest §1].
        /// </summary>
        public static DroopSettings Fast(double nominalHz)
        {
            return Make(FastName, nominalHz, 0.017, 0.017, 0.02, 0.02, 0, 0);
        }

        /// <summary>The preset of that name, or null if there is none.</summary>
        public static DroopSettings ByName(string name, double nominalHz)
        {
            switch (name)
            {
                case Ieee1547CategoryIIName:
                    return Ieee1547CategoryII(nominalHz);
                case Ieee1547CategoryIIIName:
                    return Ieee1547CategoryIII(nominalHz);
                case En50549LfsmName:
                    return En50549Lfsm(nominalHz);
                case ChinaStorageName:
                    return ChinaStorage(nominalHz);
                case FastName:
                    return Fast(nominalHz);
                default:
                    return null;
            }
        }

        /// <summary>The names <see cref="ByName"/> knows, in this order (for help texts and the console).</summary>
        public static string[] Names()
        {
            return new string[] { Ieee1547CategoryIIName, Ieee1547CategoryIIIName, En50549LfsmName, ChinaStorageName, FastName };
        }

        private static int DefaultCompensationMs(double nominalHz)
        {
            return DelayCompensationMs(AssumedEstimatorWindowCycles, nominalHz, AssumedConverterDelayMs);
        }

        private static DroopSettings Make(string name, double nominalHz, double deadbandOverHz, double deadbandUnderHz, double droopOver, double droopUnder, int responseTimeMs, int delayCompensationMs)
        {
            DroopSettings s = new DroopSettings();
            s.Enabled = true;
            s.PresetName = name;
            s.NominalHz = nominalHz;
            s.DeadbandOverHz = deadbandOverHz;
            s.DeadbandUnderHz = deadbandUnderHz;
            s.DroopOver = droopOver;
            s.DroopUnder = droopUnder;
            s.ResponseTimeMs = responseTimeMs;
            s.DelayCompensationMs = delayCompensationMs;
            return s;
        }
    }
}
