namespace V2G.Firmware.Ccs
{
    /// <summary>How the CCS connection reacts to what the pilot and SLAC report.</summary>
    public sealed class CcsSettings
    {
        /// <summary>
        /// Matching attempts before giving up, each after the pilot's error sequence: C_conn_max_match = 3
        /// [V:T1; S:I-TF506]. (ISO 15118-3 allows the E/F retries for AC only; DC needs them too [V:E5].)
        /// </summary>
        public int MaxMatchingAttempts = 3;

        /// <summary>
        /// State D (ventilation required) counts as ready for energy only if the site provides
        /// ventilation; otherwise D keeps the output off [V:E8, E10 VentilationNotAvailable].
        /// </summary>
        public bool VentilationAvailable = false;

        /// <summary>
        /// A vehicle counts as connected only while the proximity contact also shows the plug inserted,
        /// and losing it counts as unplug. Off by default: whether a DC charger must monitor PP, and
        /// its values for CCS1/CCS2, are unconfirmed [digest 1.10, U].
        /// </summary>
        public bool RequireProximity = false;
    }
}
