namespace V2G.Protocol.Slac
{
    /// <summary>
    /// Where the charger's SLAC is (<see cref="SlacMatching.State"/>); for a matching attempt, the state of
    /// its most advanced session. Names for logs: <see cref="SlacStateNames"/>.
    /// </summary>
    public enum SlacState
    {
        /// <summary>A new NMK is being loaded into the local modem (CM_SET_KEY), no vehicle attached.</summary>
        Resetting = 0,

        /// <summary>Key loaded, no vehicle (pilot A, E or F).</summary>
        Unmatched = 1,

        /// <summary>Pilot in B/C/D: waiting for CM_SLAC_PARM.REQ (TT_EVSE_SLAC_init).</summary>
        Matching = 2,

        /// <summary>CM_SLAC_PARM.CNF sent: waiting for CM_START_ATTEN_CHAR.IND (TT_match_sequence).</summary>
        WaitingForStartAttenChar = 3,

        /// <summary>Summing CM_ATTEN_PROFILE.IND (TT_EVSE_match_MNBC).</summary>
        Sounding = 4,

        /// <summary>CM_ATTEN_CHAR.IND sent: waiting for the RSP (TT_match_response, resent up to twice).</summary>
        WaitingForAttenCharRsp = 5,

        /// <summary>Waiting for CM_SLAC_MATCH.REQ (TT_EVSE_match_session).</summary>
        WaitingForMatch = 6,

        /// <summary>CM_SLAC_MATCH.CNF sent: waiting for the EV's modem to join (TT_match_join).</summary>
        Joining = 7,

        /// <summary>The link is up: D-LINK_READY.</summary>
        Matched = 8,

        /// <summary>Matching or the modem key failed: see <see cref="SlacMatching.FailureReason"/>.</summary>
        Failed = 9,
    }
}
