namespace V2G.Protocol.Iso15118.Secc
{
    /// <summary>
    /// The charger side of ISO 15118-20: identity, services offered and the timing of the session.
    /// Timing values come from ../shared/spec/iso15118-20.md ("Timing as implemented by the anchors");
    /// where the anchors disagree or state none, the value is our choice and a setting.
    /// </summary>
    public sealed class SeccSettings
    {
        /// <summary>The EVSE's identifier sent in SessionSetupRes (ISO 15118-2 / DIN SPEC 91286 form).</summary>
        public string EvseId = "DE*V2G*E0001*1";

        /// <summary>Offer DC_BPT (ServiceID 6) besides DC (ServiceID 2).</summary>
        public bool OfferBidirectional = true;

        /// <summary>Offer the Dynamic control mode (the charger chooses the operating point).</summary>
        public bool OfferDynamicMode = true;

        /// <summary>Offer the Scheduled control mode (the vehicle sends its target current).</summary>
        public bool OfferScheduledMode = true;

        /// <summary>Answer ServiceRenegotiation (otherwise FAILED_NoServiceRenegotiationSupported).</summary>
        public bool SupportServiceRenegotiation = true;

        /// <summary>
        /// Send discharge limits as negative values. Vehicles disagree on the sign; EVerest sends them
        /// positive by default: so do we. Both signs are always accepted from the vehicle.
        /// </summary>
        public bool SendDischargeLimitsNegative;

        /// <summary>The charger waits this long for the vehicle's next request, ms (60 s in the anchors).</summary>
        public int SequenceTimeoutMs = 60000;

        /// <summary>
        /// In the charge loop the charger waits only this long for the next DC_ChargeLoopReq, ms:
        /// 0.5 s (Josev, WWCP citing [V2G20-1502]) so a silent vehicle cannot keep power flowing.
        /// </summary>
        public int ChargeLoopSequenceTimeoutMs = 500;

        /// <summary>The charger answers EIM Authorization Ongoing at most this long, ms (180 s).</summary>
        public int AuthorizationOngoingLimitMs = 180000;

        /// <summary>The charger answers ScheduleExchange Ongoing at most this long, ms (55 s).</summary>
        public int ScheduleExchangeOngoingLimitMs = 55000;

        /// <summary>
        /// The charger answers DC_CableCheck Ongoing at most this long, ms: the EV gives up after 40 s in
        /// all (digest, "EV total for CableCheck"), so a test that takes longer is ended by the charger, FAILED.
        /// </summary>
        public int CableCheckOngoingLimitMs = 40000;

        /// <summary>
        /// A response that waits for the controller (PowerDelivery Stop until the output is down, a Start
        /// still Ongoing) is held at most this long, ms: below the EV's 2 s message timeout (our choice: 1.5 s).
        /// </summary>
        public int PendingAnswerLimitMs = 1500;

        /// <summary>The meter's ID sent in MeterInfo (at most 32 characters).</summary>
        public string MeterId = "METER-0001";

        /// <summary>After SessionStop the TCP connection is closed this long later, ms (about 5 s).</summary>
        public int CloseAfterSessionStopMs = 5000;

        /// <summary>A TLS handshake that has not finished within this time ends that connection, ms (our choice: 15 s).</summary>
        public int TlsHandshakeLimitMs = 15000;

        /// <summary>Pause notification delay in Dynamic mode, s (60 s in the digest; 0 in Scheduled mode).</summary>
        public int DynamicPauseNotificationDelayS = 60;

        /// <summary>Largest V2GTP payload accepted, bytes.</summary>
        public int MaxPayloadBytes = 8192;
    }
}
