namespace V2G.Protocol.Slac
{
    /// <summary>
    /// Timing and behaviour of the vehicle side of SLAC (ISO 15118-3 Annex A, EV role), as used by the
    /// simulator's vehicle. Defaults come from the digest (../shared/spec/iso15118-3-and-control-pilot.md
    /// §2.4 observed timing, §2.6, §2.8); where a value is our choice, its comment says so.
    /// </summary>
    public sealed class SlacPevSettings
    {
        /// <summary>
        /// From seeing the 5 % pilot to the first CM_SLAC_PARM.REQ, ms. Our choice: a Tesla sends almost at
        /// once (pitfall #1 [V:E9]), a VW may take up to 30 s (pitfall #3 [S:I-1501]); TP_EV_SLAC_init allows
        /// 10 s [V:T1].
        /// </summary>
        public int StartDelayMs = 200;

        /// <summary>
        /// The RunID sent in every SLAC message (8 bytes), or null for the vehicle's MAC followed by 00 00,
        /// as the Ioniq does [V:P1 comment]. A Tesla sends ASCII "TESLA EV" (pitfall #2).
        /// </summary>
        public byte[] RunId;

        /// <summary>TT_match_response: wait for CM_SLAC_PARM.CNF and CM_SLAC_MATCH.CNF before repeating the REQ, ms [V:E1, E6, T1].</summary>
        public int ResponseTimeoutMs = 200;

        /// <summary>
        /// How often CM_SLAC_PARM.REQ and CM_SLAC_MATCH.REQ are repeated when no CNF comes. C_sequ_retry = 2
        /// [V:T1]; that it means exactly this is [U].
        /// </summary>
        public int RequestRetries = 2;

        /// <summary>
        /// TP_match_sequence: from CM_SLAC_PARM.CNF to the first CM_START_ATTEN_CHAR.IND, ms; allowed 0..100
        /// ms [V:T1, P1]; the Ioniq waits ~100 ms [V:P1]. Chargers stopped answering at ~250 ms (pitfall #15).
        /// </summary>
        public int MatchSequenceDelayMs = 50;

        /// <summary>TP_EV_batch_msg_interval: spacing of START_ATTEN_CHAR and MNBC_SOUND, ms (20–50 [V:E1, T1]; 20 in [V:E6, P1]).</summary>
        public int BatchIntervalMs = 20;

        /// <summary>C_EV_start_atten_char_inds: CM_START_ATTEN_CHAR.IND repetitions [V:E1, T1].</summary>
        public int StartAttenCharCount = 3;

        /// <summary>C_EV_match_MNBC: CM_MNBC_SOUND.IND count (CNT runs from this − 1 down to 0) [V:E1, T1].</summary>
        public int SoundCount = 10;

        /// <summary>TIME_OUT in CM_START_ATTEN_CHAR.IND, units of 100 ms: 6, since a Compleo ignored 10 (pitfall #14 [V:P3]).</summary>
        public int TimeOutCode = 6;

        /// <summary>TT_EV_atten_results: collect CM_ATTEN_CHAR.IND for at most this long from the start of sounding, ms [V:E1, E6, T1].</summary>
        public int AttenResultsTimeoutMs = 1200;

        /// <summary>
        /// The vehicle matches only if the mean attenuation over the groups is at most this, dB. open-plc-utils
        /// `pev` uses SLAC_LIMIT 40 and pev.ini 40, while pev.1 says 10 dB [V:Q1]: the sources disagree, so it
        /// is a setting (default 40).
        /// </summary>
        public int AttenuationThresholdDb = 40;

        /// <summary>
        /// From the first accepted CM_ATTEN_CHAR.IND (after its RSP) to CM_SLAC_MATCH.REQ, ms:
        /// TP_EV_match_session 500 ms [V:T1]. The Ioniq took 860–980 ms [V:P1].
        /// </summary>
        public int MatchDelayMs = 500;

        /// <summary>Wait for the vehicle's modem's CM_SET_KEY.CNF before repeating the REQ, ms. Our choice, as EVerest's charger (1000 ms [V:E5]).</summary>
        public int SetKeyTimeoutMs = 1000;

        /// <summary>How often CM_SET_KEY.REQ is repeated; retrying helps a QCA7005 right after matching (pitfall #9 [S:I-2324]).</summary>
        public int SetKeyRetries = 2;

        /// <summary>C_conn_max_match: matching attempts per plug-in, each begun by a Start [V:T1].</summary>
        public int MaxMatchAttempts = 3;

        /// <summary>MyNonce of the vehicle's CM_SET_KEY.REQ: 0xAAAAAAAA as EVerest's EV and pyPLC send [V:E6, P1].</summary>
        public int SetKeyMyNonce = unchecked((int)0xAAAAAAAA);
    }
}
