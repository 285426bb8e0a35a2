namespace V2G.Fuzz
{
    /// <summary>How the charger's SECC took one fuzzed input.</summary>
    public enum FuzzOutcome
    {
        /// <summary>Decoded and answered with a FAILED_* response code; the session was stopped and the connection closed.</summary>
        AnsweredFailed = 0,

        /// <summary>The V2GTP header was refused (version, payload type, length): failure logged at the V2GTP layer, connection closed.</summary>
        ClosedOnV2gtpError = 1,

        /// <summary>The EXI payload did not decode: failure logged at the EXI layer, connection closed.</summary>
        ClosedOnExiError = 2,

        /// <summary>
        /// A session-layer failure: a message that is no request (unsupported_message), a message never
        /// completed (the vehicle hung up: connection_closed_by_ev), or silence (sequence_timeout).
        /// </summary>
        ClosedBySession = 3,

        /// <summary>Ignored or answered OK: the session goes on.</summary>
        StillOk = 4,
    }
}
