namespace V2G.Firmware.Grid
{
    /// <summary>
    /// The settings of the frequency-watt (droop) function, in IEEE 1547's terms: a deadband on each
    /// side of nominal, a droop per unit on each side, and an open-loop response time. Set from a
    /// preset (<see cref="DroopPresets"/>), from an aggregator's own words (<see cref="DroopParameterMap"/>),
    /// or loaded from the non-volatile store (<see cref="DroopSettingsStore"/>).
    /// <para>
    /// The defaults are IEEE 1547-2018's default settings (Characteristic 1) at 60 Hz, but the
    /// function is off: the nominal frequency and the rating are the board's to set first.
    /// </para>
    /// </summary>
    public sealed class DroopSettings
    {
        /// <summary>Longest <see cref="PresetName"/> the non-volatile record keeps, characters.</summary>
        public const int MaxPresetNameLength = 23;

        /// <summary>
        /// The droop acts. When false the frequency is treated as inside the deadband: a response
        /// under way returns to the setpoint through the response filter (no step), as OpenDER does
        /// when PF_MODE_ENABLE is cleared [digest §8, V: OpenDER frequency_droop.py].
        /// </summary>
        public bool Enabled = false;

        /// <summary>Nominal grid frequency fN, Hz (50 or 60).</summary>
        public double NominalHz = 60;

        /// <summary>Over-frequency deadband dbOF above nominal, Hz (IEEE 1547 default 0.036 Hz [digest §1, V]).</summary>
        public double DeadbandOverHz = 0.036;

        /// <summary>Under-frequency deadband dbUF below nominal, Hz (IEEE 1547 default 0.036 Hz [digest §1, V]).</summary>
        public double DeadbandUnderHz = 0.036;

        /// <summary>
        /// Over-frequency droop kOF, per unit (0.05 = 5 %: a change of 5 % of fN moves the power by
        /// 1 pu of <see cref="RatedPowerW"/>) [digest §1, V].
        /// </summary>
        public double DroopOver = 0.05;

        /// <summary>Under-frequency droop kUF, per unit [digest §1, V].</summary>
        public double DroopUnder = 0.05;

        /// <summary>
        /// Open-loop response time, ms: the END-TO-END time from a frequency step to 90 % of the
        /// final power change [digest §2, V]. The frequency estimator's latency and the converter's
        /// lag are inside it; <see cref="DelayCompensationMs"/> is how much of it they take. 0 = as
        /// fast as the estimator and the converter go (the response filter passes at once).
        /// </summary>
        public int ResponseTimeMs = 5000;

        /// <summary>
        /// The known delays outside the droop, ms: the frequency estimator's (about half its window)
        /// plus the converter's. The response filter is shortened by this much so the end-to-end t90
        /// meets <see cref="ResponseTimeMs"/> [digest §2: OpenDER filters with OLRT − NP_REACT_TIME].
        /// </summary>
        public int DelayCompensationMs = 0;

        /// <summary>
        /// The power the per-unit droop is referred to, W (the converter's rating). For EN 50549's
        /// LFSM the reference power is left open by the digest [§11, U]: this is that setting.
        /// </summary>
        public double RatedPowerW = 30000;

        /// <summary>Which preset (or which aggregator interface) these settings came from; "custom" otherwise.</summary>
        public string PresetName = "custom";

        /// <summary>The response filter's time constant, ms: (ResponseTimeMs − DelayCompensationMs)/2.3 (OpenDER's τ ≈ OLRT/2.3); ≤ 0 passes at once.</summary>
        public double FilterTimeConstantMs
        {
            get { return (ResponseTimeMs - DelayCompensationMs) / 2.3; }
        }

        /// <summary>A copy (presets and maps hand out copies, so a caller's later edits never reach a running droop unannounced).</summary>
        public DroopSettings Copy()
        {
            DroopSettings copy = new DroopSettings();
            copy.Enabled = Enabled;
            copy.NominalHz = NominalHz;
            copy.DeadbandOverHz = DeadbandOverHz;
            copy.DeadbandUnderHz = DeadbandUnderHz;
            copy.DroopOver = DroopOver;
            copy.DroopUnder = DroopUnder;
            copy.ResponseTimeMs = ResponseTimeMs;
            copy.DelayCompensationMs = DelayCompensationMs;
            copy.RatedPowerW = RatedPowerW;
            copy.PresetName = PresetName;
            return copy;
        }

        /// <summary>
        /// Null when the settings can be used, otherwise what is wrong (for refusing an aggregator's
        /// request or a stored record). Checks only what would make the arithmetic meaningless; the
        /// standards' ranges differ by category and region and are the presets' business.
        /// </summary>
        public string Validate()
        {
            if (!(NominalHz >= 40 && NominalHz <= 70))
            {
                return "nominal frequency outside 40..70 Hz";
            }

            if (!(DeadbandOverHz >= 0 && DeadbandOverHz < 5) || !(DeadbandUnderHz >= 0 && DeadbandUnderHz < 5))
            {
                return "deadband outside 0..5 Hz";
            }

            // The droop divides by fN·k: zero or negative would invert or explode the response.
            if (!(DroopOver >= 0.001 && DroopOver <= 1) || !(DroopUnder >= 0.001 && DroopUnder <= 1))
            {
                return "droop outside 0.001..1 per unit";
            }

            if (ResponseTimeMs < 0 || DelayCompensationMs < 0)
            {
                return "negative time";
            }

            if (!(RatedPowerW > 0 && RatedPowerW < 1e9))
            {
                return "rated power not positive";
            }

            if (PresetName == null || PresetName.Length > MaxPresetNameLength)
            {
                return "preset name missing or longer than 23 characters";
            }

            return null;
        }
    }
}
