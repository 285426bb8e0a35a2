namespace V2G.Firmware.Grid
{
    /// <summary>
    /// Trip thresholds, clearing times, ride-through range and return-to-service delay of
    /// <see cref="GridProtection"/>. Build one with <see cref="ForNominal(double, double)"/>: the
    /// IEEE 1547-2018 defaults at 60 Hz, an assumed table at 50 Hz; then change fields as the
    /// grid operator requires. A clearing time below zero disables that function.
    /// </summary>
    /// <remarks>
    /// Each function trips when its condition has lasted its clearing time, counted from the first
    /// evaluation (control tick) that sees the condition; so a trip is signalled no later than the
    /// clearing time plus one evaluation period after the condition began. The estimator's latency
    /// (a few cycles) comes on top, as does the converter's switch-off; subtract them from the
    /// clearing times if the grid code counts them in (see the helper's report).
    /// </remarks>
    public sealed class GridProtectionSettings
    {
        /// <summary>UK G59 loss-of-mains practice: 1 Hz/s measured over 500 ms [digest §7, V: G59 consultation 2013].</summary>
        public const double G59RocofHzPerS = 1.0;

        /// <summary>
        /// How far the ROCOF trip sits above the category's ride-through limit, Hz/s (our choice, a setting).
        /// Over the 500 ms ROCOF window, the ±10 mHz steady-state accuracy of the frequency [digest §0.1, V]
        /// is worth at most 0.04 Hz/s; 0.25 Hz/s leaves six times that, and still trips an island that
        /// drifts at 2.5 Hz/s under Category II.
        /// </summary>
        public const double RocofMarginHzPerS = 0.25;

        /// <summary>Nominal frequency, Hz (50 or 60).</summary>
        public double NominalHz = 60;

        /// <summary>Nominal RMS voltage (line to neutral, as the grid sensor reports it), V: the base of every "Pu" field.</summary>
        public double NominalVoltageV = 240;

        /// <summary>The category the voltage table and the ROCOF limits were taken from.</summary>
        public GridProtectionCategory Category = GridProtectionCategory.CategoryII;

        /// <summary>Which table this is, for logs ("IEEE 1547-2018 Cat II 60 Hz", "50 Hz assumed (set per DSO)").</summary>
        public string TableName = "";

        // --- Frequency trips (shall-trip) ---

        /// <summary>OF2: trips above this frequency, Hz.</summary>
        public double OverFrequency2Hz;

        /// <summary>OF2 clearing time, ms.</summary>
        public int OverFrequency2ClearingMs;

        /// <summary>OF1: trips above this frequency, Hz.</summary>
        public double OverFrequency1Hz;

        /// <summary>OF1 clearing time, ms.</summary>
        public int OverFrequency1ClearingMs;

        /// <summary>UF1: trips below this frequency, Hz.</summary>
        public double UnderFrequency1Hz;

        /// <summary>UF1 clearing time, ms.</summary>
        public int UnderFrequency1ClearingMs;

        /// <summary>UF2: trips below this frequency, Hz.</summary>
        public double UnderFrequency2Hz;

        /// <summary>UF2 clearing time, ms.</summary>
        public int UnderFrequency2ClearingMs;

        // --- Voltage trips (shall-trip), per unit of NominalVoltageV ---

        /// <summary>OV2: trips above this voltage, pu.</summary>
        public double OverVoltage2Pu;

        /// <summary>OV2 clearing time, ms.</summary>
        public int OverVoltage2ClearingMs;

        /// <summary>OV1: trips above this voltage, pu.</summary>
        public double OverVoltage1Pu;

        /// <summary>OV1 clearing time, ms.</summary>
        public int OverVoltage1ClearingMs;

        /// <summary>UV1: trips below this voltage, pu.</summary>
        public double UnderVoltage1Pu;

        /// <summary>UV1 clearing time, ms.</summary>
        public int UnderVoltage1ClearingMs;

        /// <summary>UV2: trips below this voltage, pu.</summary>
        public double UnderVoltage2Pu;

        /// <summary>UV2 clearing time, ms.</summary>
        public int UnderVoltage2ClearingMs;

        // --- Continuous operation (ride-through; also the return-to-service range) ---

        /// <summary>Lowest frequency of continuous operation, Hz (nothing trips inside; reconnection needs it).</summary>
        public double ContinuousMinHz;

        /// <summary>Highest frequency of continuous operation, Hz.</summary>
        public double ContinuousMaxHz;

        /// <summary>Lowest voltage of continuous operation, pu.</summary>
        public double ContinuousMinPu;

        /// <summary>Highest voltage of continuous operation, pu.</summary>
        public double ContinuousMaxPu;

        // --- Loss of mains (anti-islanding) ---

        /// <summary>The ROCOF the charger must ride through for its category, Hz/s (|ROCOF| up to this never trips).</summary>
        public double RocofRideThroughHzPerS;

        /// <summary>
        /// ROCOF loss-of-mains trip, Hz/s, on the estimator's ROCOF over 500 ms. Rule: the larger of G59's
        /// 1 Hz/s and the ride-through limit plus <see cref="RocofMarginHzPerS"/>, so that it always exceeds the
        /// ride-through ROCOF, as IEEE 1547 clause 6.1 requires ride-through and islanding detection not to
        /// inhibit each other [digest §7, V]. See <see cref="RocofTripFor"/>.
        /// </summary>
        public double RocofTripHzPerS;

        /// <summary>
        /// ROCOF clearing time, ms (our choice, a setting): longer than the 120 ms a 5-cycle estimator needs to
        /// recover from a 20° phase jump [digest §6 table], so a phase jump that gets past the estimator's guard
        /// still cannot trip; short enough that an island drifting at 2.5 Hz/s trips in about 0.65 s.
        /// </summary>
        public int RocofClearingMs = 200;

        /// <summary>
        /// The grid counts as gone when no cycle has ended for this long, ms: three nominal periods, so one
        /// or two lost zero crossings (a deep one-cycle dip, a phase jump) and the ≤ 1-tick delay before the
        /// controller reads a cycle do not count.
        /// </summary>
        public int NoCyclesAfterMs;

        /// <summary>
        /// Loss of mains (no cycles) clearing time, ms, counted once <see cref="NoCyclesAfterMs"/> has passed.
        /// 100 ms: with the 3 periods before it the trip comes 150–170 ms after the last zero crossing, about
        /// UV2's 0.16 s (a collapsed voltage is an undervoltage the sensor can no longer measure), and well
        /// inside the 2 s to cease to energize an island [digest §2, §7: S].
        /// </summary>
        public int LossOfMainsClearingMs = 100;

        // --- Return to service ---

        /// <summary>
        /// After a trip (and at start), frequency and voltage must stay inside the continuous range this
        /// long before the charger may energize again, ms. Assumption: IEEE 1547's enter-service delay is not
        /// in the digest; 300 s is a common setting. Tests shorten it.
        /// </summary>
        public int ReturnToServiceDelayMs = 300000;

        /// <summary>
        /// The table for <paramref name="nominalHz"/>: IEEE 1547-2018 Category II at 60 Hz (anything from
        /// 55 Hz up), the assumed 50 Hz table below that.
        /// </summary>
        public static GridProtectionSettings ForNominal(double nominalHz, double nominalVoltageV)
        {
            return ForNominal(nominalHz, nominalVoltageV, GridProtectionCategory.CategoryII);
        }

        /// <summary>As <see cref="ForNominal(double, double)"/>, for a chosen category.</summary>
        public static GridProtectionSettings ForNominal(double nominalHz, double nominalVoltageV, GridProtectionCategory category)
        {
            return nominalHz >= 55 ? Ieee1547At60Hz(nominalVoltageV, category) : AssumedAt50Hz(nominalHz, nominalVoltageV, category);
        }

        /// <summary>
        /// IEEE 1547-2018 default shall-trip settings at 60 Hz. Frequency (same for every category):
        /// OF2 62.0 Hz 0.16 s, OF1 61.2 Hz 300 s, UF1 58.5 Hz 300 s, UF2 56.5 Hz 0.16 s [digest §2, V: OpenDER,
        /// pyUL1741SB Table 18]. Voltage by category [digest §2, V: pyUL1741SB eut.py Tables 11–13, OpenDER]:
        /// OV2 1.20 pu 0.16 s; OV1 1.10 pu 2 s (Cat I/II), 13 s (Cat III); UV1 0.70 pu 2 s (Cat I), 10 s (Cat II),
        /// 0.88 pu 21 s (Cat III); UV2 0.45 pu 0.16 s (Cat I/II), 0.50 pu 2 s (Cat III).
        /// Continuous frequency 58.8–61.2 Hz [digest §2, V: OpenDER rt_crit.py]. Continuous voltage 0.88–1.10 pu
        /// is an assumption (not in the digest; it matches the OV1 and Cat III UV1 thresholds).
        /// </summary>
        public static GridProtectionSettings Ieee1547At60Hz(double nominalVoltageV, GridProtectionCategory category)
        {
            GridProtectionSettings s = new GridProtectionSettings();
            s.NominalHz = 60;
            s.NominalVoltageV = nominalVoltageV;
            s.Category = category;
            s.TableName = category == GridProtectionCategory.CategoryI ? "IEEE 1547-2018 Cat I 60 Hz"
                : category == GridProtectionCategory.CategoryIII ? "IEEE 1547-2018 Cat III 60 Hz" : "IEEE 1547-2018 Cat II 60 Hz";

            s.OverFrequency2Hz = 62.0;
            s.OverFrequency2ClearingMs = 160;
            s.OverFrequency1Hz = 61.2;
            s.OverFrequency1ClearingMs = 300000;
            s.UnderFrequency1Hz = 58.5;
            s.UnderFrequency1ClearingMs = 300000;
            s.UnderFrequency2Hz = 56.5;
            s.UnderFrequency2ClearingMs = 160;

            s.OverVoltage2Pu = 1.20;
            s.OverVoltage2ClearingMs = 160;
            s.OverVoltage1Pu = 1.10;
            s.UnderVoltage1Pu = 0.70;
            s.UnderVoltage2Pu = 0.45;
            s.UnderVoltage2ClearingMs = 160;
            if (category == GridProtectionCategory.CategoryI)
            {
                s.OverVoltage1ClearingMs = 2000;
                s.UnderVoltage1ClearingMs = 2000;
            }
            else if (category == GridProtectionCategory.CategoryIII)
            {
                s.OverVoltage1ClearingMs = 13000;
                s.UnderVoltage1Pu = 0.88;
                s.UnderVoltage1ClearingMs = 21000;
                s.UnderVoltage2Pu = 0.50;
                s.UnderVoltage2ClearingMs = 2000;
            }
            else
            {
                s.OverVoltage1ClearingMs = 2000;
                s.UnderVoltage1ClearingMs = 10000;
            }

            s.ContinuousMinHz = 58.8;
            s.ContinuousMaxHz = 61.2;
            s.ContinuousMinPu = 0.88;
            s.ContinuousMaxPu = 1.10;

            s.NoCyclesAfterMs = 50; // 3 periods of 16.7 ms
            s.SetRocofCategory(category);
            return s;
        }

        /// <summary>
        /// Assumption: not in the digest, set per the DSO's requirements (EN 50549-1 and the Chinese grid
        /// codes leave these to the operator, and their numbers were not retrieved [digest §11]). Shaped like
        /// the IEEE table, with short clearing times: OF2 52.0 Hz 0.16 s, OF1 51.5 Hz 0.5 s, UF1 47.5 Hz 0.5 s,
        /// UF2 47.0 Hz 0.16 s; OV2 1.15 pu 0.16 s, OV1 1.10 pu 3 s (EN 50549-1 uses a 10-minute mean for 1.10 pu;
        /// this is the per-cycle RMS instead), UV1 0.80 pu 1.5 s, UV2 0.45 pu 0.16 s; continuous 49.0–51.0 Hz,
        /// 0.85–1.10 pu. Frequencies scale with <paramref name="nominalHz"/> (only 50 Hz is meant).
        /// The ROCOF limits follow <paramref name="category"/> as at 60 Hz.
        /// </summary>
        public static GridProtectionSettings AssumedAt50Hz(double nominalHz, double nominalVoltageV, GridProtectionCategory category)
        {
            double scale = nominalHz / 50.0;
            GridProtectionSettings s = new GridProtectionSettings();
            s.NominalHz = nominalHz;
            s.NominalVoltageV = nominalVoltageV;
            s.Category = category;
            s.TableName = "50 Hz assumed (set per DSO)";

            s.OverFrequency2Hz = 52.0 * scale;
            s.OverFrequency2ClearingMs = 160;
            s.OverFrequency1Hz = 51.5 * scale;
            s.OverFrequency1ClearingMs = 500;
            s.UnderFrequency1Hz = 47.5 * scale;
            s.UnderFrequency1ClearingMs = 500;
            s.UnderFrequency2Hz = 47.0 * scale;
            s.UnderFrequency2ClearingMs = 160;

            s.OverVoltage2Pu = 1.15;
            s.OverVoltage2ClearingMs = 160;
            s.OverVoltage1Pu = 1.10;
            s.OverVoltage1ClearingMs = 3000;
            s.UnderVoltage1Pu = 0.80;
            s.UnderVoltage1ClearingMs = 1500;
            s.UnderVoltage2Pu = 0.45;
            s.UnderVoltage2ClearingMs = 160;

            s.ContinuousMinHz = 49.0 * scale;
            s.ContinuousMaxHz = 51.0 * scale;
            s.ContinuousMinPu = 0.85;
            s.ContinuousMaxPu = 1.10;

            s.NoCyclesAfterMs = 60; // 3 periods of 20 ms
            s.SetRocofCategory(category);
            return s;
        }

        /// <summary>The ROCOF the category must ride through, Hz/s: Cat I 0.5, Cat II 2.0, Cat III 3.0 [digest §1, V: pyUL1741SB Table 21].</summary>
        public static double RocofRideThroughFor(GridProtectionCategory category)
        {
            if (category == GridProtectionCategory.CategoryI)
            {
                return 0.5;
            }

            return category == GridProtectionCategory.CategoryIII ? 3.0 : 2.0;
        }

        /// <summary>
        /// The ROCOF trip for a ride-through limit, Hz/s: max(G59's 1 Hz/s, ride-through + 0.25 Hz/s), always
        /// above the ride-through limit. Cat I 1.0, Cat II 2.25, Cat III 3.25 Hz/s.
        /// </summary>
        public static double RocofTripFor(double rideThroughHzPerS)
        {
            double aboveRideThrough = rideThroughHzPerS + RocofMarginHzPerS;
            return aboveRideThrough > G59RocofHzPerS ? aboveRideThrough : G59RocofHzPerS;
        }

        /// <summary>Sets the category's ROCOF ride-through limit and the ROCOF trip that goes with it (the voltage table and <see cref="Category"/> stay).</summary>
        public void SetRocofCategory(GridProtectionCategory category)
        {
            RocofRideThroughHzPerS = RocofRideThroughFor(category);
            RocofTripHzPerS = RocofTripFor(RocofRideThroughHzPerS);
        }
    }
}
