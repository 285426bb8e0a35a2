namespace V2G.Protocol.Slac
{
    /// <summary>Why an attempt of <see cref="SlacPev"/> failed (constant strings, for the log and tests).</summary>
    public static class SlacPevFailureReasons
    {
        /// <summary>No valid CM_SLAC_PARM.CNF after the REQ and its repetitions.</summary>
        public const string NoParmCnf = "no_parm_cnf";

        /// <summary>No valid CM_ATTEN_CHAR.IND within TT_EV_atten_results.</summary>
        public const string NoAttenChar = "no_atten_char";

        /// <summary>The lowest mean attenuation heard was above <see cref="SlacPevSettings.AttenuationThresholdDb"/> (same text as the charger's).</summary>
        public const string AttenuationTooHigh = SlacFailureReasons.AttenuationTooHigh;

        /// <summary>No valid CM_SLAC_MATCH.CNF after the REQ and its repetitions.</summary>
        public const string NoMatchCnf = "no_match_cnf";

        /// <summary>The vehicle's modem did not confirm the key (no CM_SET_KEY.CNF, or a Result other than 0x01).</summary>
        public const string SetKeyFailed = SlacFailureReasons.SetKeyFailed;

        /// <summary>C_conn_max_match attempts were used up; the vehicle gives up on this plug-in.</summary>
        public const string MaxAttempts = "max_match_attempts";
    }
}
