namespace V2G.Protocol.Slac
{
    /// <summary>The failure reasons <see cref="SlacMatching.FailureReason"/> and the message log carry (constant strings).</summary>
    public static class SlacFailureReasons
    {
        /// <summary>No CM_SLAC_PARM.REQ within TT_EVSE_SLAC_init.</summary>
        public const string SlacInitTimeout = "slac_init_timeout";

        /// <summary>No CM_START_ATTEN_CHAR.IND within TT_match_sequence after CM_SLAC_PARM.CNF.</summary>
        public const string MatchSequenceTimeout = "match_sequence_timeout";

        /// <summary>The sounding window ended without a single CM_ATTEN_PROFILE.IND ([V2G3-A09-43] per [V:T1]).</summary>
        public const string NoSounds = "no_sounds";

        /// <summary>The mean attenuation was above <see cref="SlacSettings.AttenuationThresholdDb"/>.</summary>
        public const string AttenuationTooHigh = "attenuation_too_high";

        /// <summary>No valid CM_ATTEN_CHAR.RSP after the IND and its resends.</summary>
        public const string NoAttenCharRsp = "no_atten_char_rsp";

        /// <summary>No valid CM_SLAC_MATCH.REQ within TT_EVSE_match_session.</summary>
        public const string MatchSessionTimeout = "match_session_timeout";

        /// <summary>The link did not come up within TT_match_join after CM_SLAC_MATCH.CNF.</summary>
        public const string JoinTimeout = "join_timeout";

        /// <summary>Once matched, the local modem reported the link down.</summary>
        public const string LinkLost = "link_lost";

        /// <summary>The local modem did not confirm the new key (no CM_SET_KEY.CNF, or a Result other than 0x01).</summary>
        public const string SetKeyFailed = "set_key_failed";
    }
}
