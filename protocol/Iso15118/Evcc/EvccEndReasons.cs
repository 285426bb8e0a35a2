namespace V2G.Protocol.Iso15118.Evcc
{
    /// <summary>
    /// The values of <see cref="EvccSession.EndReason"/>: constant strings, so setting one allocates nothing.
    /// </summary>
    public static class EvccEndReasons
    {
        /// <summary>The session has not ended.</summary>
        public const string None = "";

        /// <summary><see cref="EvccSession.RequestStop"/> was called.</summary>
        public const string VehicleStop = "vehicle_stop";

        /// <summary>The target SoC was reached while charging.</summary>
        public const string TargetSoc = "target_soc";

        /// <summary>The minimum SoC was reached while discharging.</summary>
        public const string MinimumSoc = "minimum_soc";

        /// <summary>The charger sent EVSENotification Terminate in the charge loop.</summary>
        public const string ChargerTerminate = "charger_terminate";

        /// <summary>The charger sent EVSENotification Pause in the charge loop (the EV pauses too).</summary>
        public const string ChargerPause = "charger_pause";

        /// <summary><see cref="EvccSession.RequestPause"/> was called: SessionStop Pause.</summary>
        public const string VehiclePause = "vehicle_pause";

        /// <summary>The charger answered a FAILED_* response code (the failure entry names it).</summary>
        public const string ChargerFailed = "charger_failed";

        /// <summary>The charger refused every protocol offered in supportedAppProtocol.</summary>
        public const string NoProtocol = "no_protocol";

        /// <summary>The charger did not answer within the EV's per-message timeout.</summary>
        public const string ResponseTimeout = "response_timeout";

        /// <summary>An EV total limit ran out (communication setup, Ongoing, cable check, precharge).</summary>
        public const string StepTimeout = "step_timeout";

        /// <summary>The charger's answer did not fit the session (wrong message, session ID, service, payload type).</summary>
        public const string ProtocolError = "protocol_error";

        /// <summary>The stream closed or its framing broke (V2GTP).</summary>
        public const string TransportError = "transport_error";

        /// <summary>A message could not be encoded or decoded (EXI).</summary>
        public const string CodecError = "codec_error";
    }
}
