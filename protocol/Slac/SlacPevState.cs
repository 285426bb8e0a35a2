namespace V2G.Protocol.Slac
{
    /// <summary>
    /// Where the vehicle side of SLAC (<see cref="SlacPev"/>) stands. The values index
    /// <see cref="SlacPevStateNames"/>: keep the two in the same order.
    /// </summary>
    public enum SlacPevState
    {
        /// <summary>No 5 % pilot (not plugged, or the charger's error sequence is running).</summary>
        Idle = 0,

        /// <summary>5 % seen; waiting <see cref="SlacPevSettings.StartDelayMs"/> before CM_SLAC_PARM.REQ.</summary>
        WaitingToStart = 1,

        /// <summary>CM_SLAC_PARM.REQ sent; waiting for the CNF (TT_match_response).</summary>
        WaitingForParmCnf = 2,

        /// <summary>CNF received; waiting TP_match_sequence before the first CM_START_ATTEN_CHAR.IND.</summary>
        WaitingBeforeSounding = 3,

        /// <summary>Sending 3 × CM_START_ATTEN_CHAR.IND and 10 × CM_MNBC_SOUND.IND.</summary>
        Sounding = 4,

        /// <summary>Sounds sent; waiting for CM_ATTEN_CHAR.IND until TT_EV_atten_results ends.</summary>
        WaitingForAttenChar = 5,

        /// <summary>CM_ATTEN_CHAR.RSP sent; waiting TP_EV_match_session before CM_SLAC_MATCH.REQ.</summary>
        WaitingBeforeMatch = 6,

        /// <summary>CM_SLAC_MATCH.REQ sent; waiting for the CNF with the charger's key.</summary>
        WaitingForMatchCnf = 7,

        /// <summary>CM_SET_KEY.REQ sent to the vehicle's own modem; waiting for its CNF.</summary>
        SettingKey = 8,

        /// <summary>The modem holds the charger's key: it will join the charger's network.</summary>
        Matched = 9,

        /// <summary>This attempt failed (see <see cref="SlacPev.FailureReason"/>); a new Start begins the next.</summary>
        Failed = 10,
    }
}
