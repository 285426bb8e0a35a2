namespace V2G.Protocol.Iso15118.Secc
{
    /// <summary>Message names of <see cref="SeccRequest"/> and of its response, for the message log.</summary>
    public static class SeccRequestNames
    {
        // Indexed by the enum's value; the order is the contract with SeccRequest.
        private static readonly string[] Requests =
        {
            "unsupported",
            "supportedAppProtocolReq",
            "SessionSetupReq",
            "AuthorizationSetupReq",
            "AuthorizationReq",
            "ServiceDiscoveryReq",
            "ServiceDetailReq",
            "ServiceSelectionReq",
            "DC_ChargeParameterDiscoveryReq",
            "ScheduleExchangeReq",
            "DC_CableCheckReq",
            "DC_PreChargeReq",
            "PowerDeliveryReq",
            "DC_ChargeLoopReq",
            "DC_WeldingDetectionReq",
            "SessionStopReq",
        };

        private static readonly string[] Responses =
        {
            "unsupported",
            "supportedAppProtocolRes",
            "SessionSetupRes",
            "AuthorizationSetupRes",
            "AuthorizationRes",
            "ServiceDiscoveryRes",
            "ServiceDetailRes",
            "ServiceSelectionRes",
            "DC_ChargeParameterDiscoveryRes",
            "ScheduleExchangeRes",
            "DC_CableCheckRes",
            "DC_PreChargeRes",
            "PowerDeliveryRes",
            "DC_ChargeLoopRes",
            "DC_WeldingDetectionRes",
            "SessionStopRes",
        };

        /// <summary>The request's element name.</summary>
        public static string Request(SeccRequest request)
        {
            int index = (int)request;
            return index >= 0 && index < Requests.Length ? Requests[index] : "unknown";
        }

        /// <summary>The response's element name.</summary>
        public static string Response(SeccRequest request)
        {
            int index = (int)request;
            return index >= 0 && index < Responses.Length ? Responses[index] : "unknown";
        }
    }
}
