namespace V2G.Protocol.Slac
{
    /// <summary>
    /// Timing and behaviour of the charger's SLAC matching (ISO 15118-3 Annex A). Defaults come from the
    /// digest (../shared/spec/iso15118-3-and-control-pilot.md §2.8 and §4.1); where a value is our choice,
    /// its comment says so.
    /// </summary>
    public sealed class SlacSettings
    {
        /// <summary>
        /// TT_EVSE_SLAC_init: how long the charger waits for the first CM_SLAC_PARM.REQ after entering
        /// B/C/D, ms. EVerest's default 40 s [V:E5]: some VWs take up to 30 s to start SLAC (pitfall #3).
        /// </summary>
        public int SlacInitTimeoutMs = 40000;

        /// <summary>TT_match_sequence: wait for CM_START_ATTEN_CHAR.IND after CM_SLAC_PARM.CNF, ms [V:E1, E3, T1, S1].</summary>
        public int MatchSequenceTimeoutMs = 400;

        /// <summary>
        /// TT_EVSE_match_MNBC: the sounding window from the first CM_START_ATTEN_CHAR.IND, ms; equal to
        /// <see cref="TimeOutCode"/> × 100 ms [V:E1, E3, T1, S1].
        /// </summary>
        public int MnbcTimeoutMs = 600;

        /// <summary>TT_match_response: wait for CM_ATTEN_CHAR.RSP before resending the IND, ms [V:E1, E3, T1].</summary>
        public int AttenCharResponseTimeoutMs = 200;

        /// <summary>C_EV_match_retry: CM_ATTEN_CHAR.IND is resent at most this many times ([V2G3-A09-46] per [V:T1]; pitfall #6).</summary>
        public int AttenCharRetries = 2;

        /// <summary>TT_EVSE_match_session: wait for CM_SLAC_MATCH.REQ after CM_ATTEN_CHAR.RSP, ms [V:E1, E3, T1].</summary>
        public int MatchSessionTimeoutMs = 10000;

        /// <summary>
        /// TT_match_join: the EV's modem must join the charger's network within this time after
        /// CM_SLAC_MATCH.CNF, ms [V:E1, T1, S1]. Joins take seconds (EV modem restart ~5 s, 7 s measured: pitfall #16).
        /// </summary>
        public int MatchJoinTimeoutMs = 12000;

        /// <summary>Wait for CM_SET_KEY.CNF, ms: EVerest's manifest value [V:E5] ("works for QCA7000/QCA7005/CG5317").</summary>
        public int SetKeyTimeoutMs = 1000;

        /// <summary>
        /// CM_SET_KEY.REQ is resent this many times after a timeout or a refusal before matching is reported
        /// failed ("set_key_failed"). Retrying helps on a QCA7005 (pitfall #9); the count is our choice.
        /// </summary>
        public int SetKeyRetries = 2;

        /// <summary>C_EV_match_MNBC: the sounds asked for in CM_SLAC_PARM.CNF NUM_SOUNDS [V:E1, T1].</summary>
        public int NumSounds = 10;

        /// <summary>CM_SLAC_PARM.CNF TIME_OUT, units of 100 ms: 6. A charger sending 10 was ignored by an EV (pitfall #14).</summary>
        public int TimeOutCode = 6;

        /// <summary>Added to every averaged attenuation group, dB: EVerest's sounding_attenuation_adjustment [V:E5, E3].</summary>
        public int AttenuationAdjustmentDb;

        /// <summary>
        /// If &gt; 0, a session whose mean averaged attenuation is above this, dB, fails instead of answering.
        /// 0 (default) = off: the EV is the one that applies a threshold, choosing among the chargers that heard
        /// it; none of the EVSE implementations in the digest (EVerest, SmartEVSE, Tinkerforge, pyPLC) applies one
        /// [V:E3, S1, T1, P1], and whether ISO 15118-3 requires it of the EVSE is unverified (§2.6).
        /// </summary>
        public int AttenuationThresholdDb;

        /// <summary>
        /// Detect the link by polling VS_PL_LINK_STATUS at the local modem until link_status 0x01 (as EVerest's
        /// link_status_detection [V:E4]). Off: matched right after CM_SLAC_MATCH.CNF (EVerest's default).
        /// </summary>
        public bool LinkStatusDetection = true;

        /// <summary>VS_PL_LINK_STATUS.REQ period while joining, ms (EVerest: 100 ms [V:E4, E5]).</summary>
        public int LinkStatusPollMs = 100;

        /// <summary>
        /// VS_PL_LINK_STATUS.REQ period once matched, ms; a link_status other than 0x01 then fails the link
        /// ("link_lost"), as EVerest polls every 1 s in MATCHED [V:E4]. 0 = no polling once matched.
        /// </summary>
        public int MatchedLinkPollMs = 1000;

        /// <summary>
        /// When every session of an attempt has failed, clear them and wait once more for a new
        /// CM_SLAC_PARM.REQ (TT_EVSE_SLAC_init again) instead of failing: some EVs restart SLAC at once
        /// (pitfall #4; EVerest's reset_instead_of_fail, default true [V:E5]). The second failure is reported.
        /// Our choice: it does not apply to the init timeout (no PARM.REQ at all calls for the E/F routine).
        /// </summary>
        public bool ResetInsteadOfFail = true;

        /// <summary>C_EVSE_match_parallel: matching sessions kept at once, keyed by (EV MAC, RunID) [V:T1].</summary>
        public int ParallelSessions = 5;
    }
}
