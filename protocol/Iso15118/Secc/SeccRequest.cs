namespace V2G.Protocol.Iso15118.Secc
{
    /// <summary>
    /// The requests the charger answers, one per state file in States/. Names of the request and
    /// its response for logs come from <see cref="SeccRequestNames"/>.
    /// </summary>
    public enum SeccRequest
    {
        /// <summary>A root element the charger does not answer (a response, a fragment, an unsupported request).</summary>
        Unsupported = 0,
        SupportedAppProtocol = 1,
        SessionSetup = 2,
        AuthorizationSetup = 3,
        Authorization = 4,
        ServiceDiscovery = 5,
        ServiceDetail = 6,
        ServiceSelection = 7,
        DcChargeParameterDiscovery = 8,
        ScheduleExchange = 9,
        DcCableCheck = 10,
        DcPreCharge = 11,
        PowerDelivery = 12,
        DcChargeLoop = 13,
        DcWeldingDetection = 14,
        SessionStop = 15,
    }
}
