namespace V2G.Protocol.Iso15118.Secc
{
    /// <summary>
    /// Where the charger's side of an ISO 15118-20 session is: which request it waits for next
    /// (shared/spec/iso15118-20.md, "Session flow"). A request that the state does not accept is
    /// answered FAILED_SequenceError. Names for logs come from <see cref="SeccStateNames"/>.
    /// </summary>
    public enum SeccState
    {
        /// <summary>No connection attached.</summary>
        Disconnected = 0,

        /// <summary>Waits for supportedAppProtocolReq.</summary>
        WaitSupportedAppProtocol = 1,

        /// <summary>Waits for SessionSetupReq.</summary>
        WaitSessionSetup = 2,

        /// <summary>Waits for AuthorizationSetupReq.</summary>
        WaitAuthorizationSetup = 3,

        /// <summary>Waits for AuthorizationReq (repeated while the answer is Ongoing).</summary>
        WaitAuthorization = 4,

        /// <summary>Waits for ServiceDiscoveryReq.</summary>
        WaitServiceDiscovery = 5,

        /// <summary>Waits for ServiceDetailReq (any number) or ServiceSelectionReq.</summary>
        WaitServiceSelection = 6,

        /// <summary>Waits for DC_ChargeParameterDiscoveryReq (also where a joined paused session continues).</summary>
        WaitChargeParameterDiscovery = 7,

        /// <summary>Waits for ScheduleExchangeReq.</summary>
        WaitScheduleExchange = 8,

        /// <summary>Waits for DC_CableCheckReq (repeated while Ongoing).</summary>
        WaitCableCheck = 9,

        /// <summary>Waits for DC_PreChargeReq (repeated) or PowerDeliveryReq Start.</summary>
        WaitPreCharge = 10,

        /// <summary>Energy transfer: DC_ChargeLoopReq, or PowerDeliveryReq Stop. SessionStopReq is refused here.</summary>
        ChargeLoop = 11,

        /// <summary>After PowerDelivery Stop: DC_WeldingDetectionReq (repeated) or SessionStopReq.</summary>
        WaitWeldingDetection = 12,

        /// <summary>The session ended (SessionStop or a FAILED answer); the connection closes soon.</summary>
        Stopped = 13,
    }
}
