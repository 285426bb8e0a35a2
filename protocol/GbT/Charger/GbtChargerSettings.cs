using V2G.Protocol.GbT.Discharge;

namespace V2G.Protocol.GbT.Charger
{
    /// <summary>
    /// Behaviour and timing of the charger's GB/T 27930 session. Defaults are the 2015 values of the
    /// digest (/work/shared/spec/gbt27930.md, cited as [digest §n, source]); where a value is our choice
    /// or rests on a single secondary source ([C]), its comment says so. <see cref="ForProfile"/> gives
    /// the defaults of a profile.
    /// </summary>
    public sealed class GbtChargerSettings
    {
        /// <summary>Which edition's rules apply (2015, or 2023 Category A) [digest §8].</summary>
        public GbtProfile Profile = GbtProfile.Gbt2015;

        /// <summary>
        /// Length of the CCS the charger sends, bytes: 8 as the 2015 table and R1, 7 as 2023-A and the
        /// chargers of R2/R3 [digest §3 note, §4, §9.11]. Received CCS-like lengths are not ours to judge.
        /// </summary>
        public int CcsLengthBytes = 8;

        /// <summary>Charger number sent in CRM b2-b5 (2015 layout) and CSD b5-b8 [digest §4, S2].</summary>
        public uint ChargerNumber = 1;

        /// <summary>Send CTS (optional in the standard; R2 shows a charger sending all FF) [digest §3, §4].</summary>
        public bool SendCts = true;

        /// <summary>The default timeout for every BMS message of a stage, ms (BRM, BCP, BRO frame, BCS before charging, BST, ...) [digest §6, S2].</summary>
        public int DefaultTimeoutMs = 5000;

        /// <summary>BCL while charging, ms: the charger stops at once and sends CEM b3.3 [digest §6, S2].</summary>
        public int BclTimeoutMs = 1000;

        /// <summary>BCS while charging, ms (CEM b3.1); BCS shares the TP with BMV/BMT, so it jitters [digest §6, §9.10, S2].</summary>
        public int BcsTimeoutMs = 5000;

        /// <summary>BRO/CRO "not ready": how long BRO may stay 00h before it is an error, ms [digest §6, S2, S19].</summary>
        public int ReadyTimeoutMs = 60000;

        /// <summary>After CST the output current must fall to at most this, A, within <see cref="StopCurrentDeadlineMs"/> [digest §6, S2].</summary>
        public double StopCurrentA = 5;

        /// <summary>The deadline for <see cref="StopCurrentA"/> from the first CST, ms (or per GB/T 18487.1 B.3.7) [digest §6, S2]. Checked and logged ("stop_current_late").</summary>
        public int StopCurrentDeadlineMs = 100;

        /// <summary>BSD after CST (and CSD after BST on the BMS's side), ms [digest §6, S2]; a missing BSD is CEM b4.1.</summary>
        public int StatisticsTimeoutMs = 10000;

        /// <summary>
        /// How long CSD is sent after the first BSD before the session ends, ms. Our choice: 1.5 s, as the
        /// hand-made trace (TRACES.md); the standard names no duration.
        /// </summary>
        public int StatisticsDurationMs = 1500;

        /// <summary>After a timeout, the wait before re-handshaking from CRM(00h), ms. Our choice: 2 s, as the hand-made trace (TRACES.md).</summary>
        public int ReconnectDelayMs = 2000;

        /// <summary>Re-handshakes after timeouts, at most; then the operator must re-plug [digest §6, S2 App. A.9, C note 2].</summary>
        public int MaxReconnects = 3;

        /// <summary>BSM "charging allowed = 00" longer than this stops the session, ms [digest §6, S2 App. C note 1].</summary>
        public int PauseLimitMs = 600000;

        /// <summary>
        /// If &gt; 0: once a BSM has been received, BSM missing longer than this is a timeout after which the
        /// charger stops and does not re-handshake (2023-A rule [digest §8, S16; C]). 0 = no BSM timeout (2015:
        /// CEM has no BSM field [digest §4]).
        /// </summary>
        public int BsmTimeoutMs = 0;

        /// <summary>
        /// Delay from the auxiliary power on to the first CHM, ms. Our choice: 0 (at once). 2023-A requires
        /// the first CHM within 1 s [digest §8, S16; C], which <see cref="ForProfile"/> keeps.
        /// </summary>
        public int ChmDelayAfterAuxiliaryPowerMs = 0;

        /// <summary>
        /// Lock the connector before switching the auxiliary power on: IsLocked must read true within this
        /// time, ms, or the session ends ("lock_failed"). Our choice (not in the digest).
        /// </summary>
        public int LockTimeoutMs = 1000;

        /// <summary>
        /// The connector is unlocked at the end only with the output at or below this voltage, V. Our choice
        /// (the usual touch-safe DC level; the digest has no figure).
        /// </summary>
        public double SafeOutputVoltageV = 60;

        /// <summary>CC1 "unplugged" level at detection point 1, V. Assumption, not in the digest (GB/T 18487.1 detection point 1).</summary>
        public double Cc1UnpluggedV = 12.0;

        /// <summary>CC1 "plug in, switch S open" level, V. Assumption, not in the digest (GB/T 18487.1 detection point 1).</summary>
        public double Cc1SwitchOpenV = 6.0;

        /// <summary>CC1 "connected" level, V. Assumption, not in the digest (GB/T 18487.1 detection point 1).</summary>
        public double Cc1ConnectedV = 4.0;

        /// <summary>Half-width of each CC1 band, V. Assumption, not in the digest (GB/T 18487.1 detection point 1).</summary>
        public double Cc1ToleranceV = 0.8;

        /// <summary>
        /// A CC1 reading must hold this long before it counts, ms (our choice). An unplug reading (12 V)
        /// counts at once: the controller must open the output without delay.
        /// </summary>
        public int Cc1DebounceMs = 50;

        /// <summary>
        /// Once discharge stopped at the agreed voltage floor (max of CDC's and BDC's minimum voltages), it is
        /// allowed again only this far above the floor, V. Our choice (the extension is our design).
        /// </summary>
        public double DischargeFloorHysteresisV = 5;

        /// <summary>Our discharge extension (off by default; GB/T 27930-2015 defines no discharge [digest §8]).</summary>
        public DischargeExtensionSettings Discharge = new DischargeExtensionSettings();

        /// <summary>The defaults of <paramref name="profile"/>: 2015 as the fields say; 2023-A with CCS 7 bytes, the 5 s BSM timeout and the first CHM at once.</summary>
        public static GbtChargerSettings ForProfile(GbtProfile profile)
        {
            GbtChargerSettings settings = new GbtChargerSettings();
            settings.Profile = profile;
            if (profile == GbtProfile.Gbt2023A)
            {
                settings.CcsLengthBytes = 7;
                settings.BsmTimeoutMs = 5000;
                settings.ChmDelayAfterAuxiliaryPowerMs = 0;
            }

            return settings;
        }
    }
}
