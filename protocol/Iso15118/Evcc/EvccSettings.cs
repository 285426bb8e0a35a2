namespace V2G.Protocol.Iso15118.Evcc
{
    /// <summary>
    /// The EV side of ISO 15118-20: identity, what the vehicle asks for and its timeouts. The timeouts are
    /// the EV-side values of ../shared/spec/iso15118-20.md ("Timing as implemented by the anchors"); where
    /// the digest states none, the value is our choice and says so.
    /// </summary>
    public sealed class EvccSettings
    {
        /// <summary>The EVCCID sent in SessionSetupReq (a MAC address or VIN-like identifier).</summary>
        public string EvccId = "WMIV2GTESTCAR0001";

        /// <summary>Ask for DC_BPT (ServiceID 6, discharge limits) instead of plain DC (ServiceID 2).</summary>
        public bool UseBidirectional = true;

        /// <summary>Dynamic control mode (the charger chooses the operating point); false: Scheduled (the EV sends its target current).</summary>
        public bool UseDynamicMode = true;

        /// <summary>Also offer ISO 15118-2 and DIN SPEC 70121 in supportedAppProtocolReq (a charger must still pick -20 DC here).</summary>
        public bool OfferOlderProtocols;

        /// <summary>The vehicle stops charging at this SoC, % (also its TargetSOC).</summary>
        public int TargetSocPercent = 80;

        /// <summary>The vehicle stops discharging at this SoC, % (also its MinimumSOC).</summary>
        public int MinimumSocPercent = 30;

        /// <summary>Departure time sent in ScheduleExchange and the loop, s from now.</summary>
        public uint DepartureTimeS = 28800;

        /// <summary>
        /// Send discharge limits as negative values. Vehicles disagree on the sign (EVerest sends them
        /// positive by default and has this switch): the option lets us test the charger's acceptance of both.
        /// </summary>
        public bool SendDischargeLimitsNegative;

        /// <summary>Period of DC_ChargeLoopReq, ms (the anchors' vehicles send about every 100 ms).</summary>
        public int LoopPeriodMs = 100;

        /// <summary>Pause between requests repeated while the charger answers Ongoing, ms (our choice).</summary>
        public int OngoingRepeatMs = 100;

        /// <summary>EV per-message timeout for most responses, ms (2 s).</summary>
        public int ResponseTimeoutMs = 2000;

        /// <summary>EV per-message timeout for ServiceDetailRes (and CertificateInstallationRes), ms (5 s).</summary>
        public int ServiceDetailTimeoutMs = 5000;

        /// <summary>EV per-message timeout for DC_ChargeLoopRes, ms (0.5 s).</summary>
        public int ChargeLoopTimeoutMs = 500;

        /// <summary>From attaching the stream to SessionSetupRes, ms (20 s communication setup).</summary>
        public int CommunicationSetupTimeoutMs = 20000;

        /// <summary>The EV gives up on Authorization / ScheduleExchange answered Ongoing after this long, ms (60 s: Josev, WWCP).</summary>
        public int OngoingLimitMs = 60000;

        /// <summary>Total time for DC_CableCheck, ms (40 s).</summary>
        public int CableCheckTotalMs = 40000;

        /// <summary>Total time for DC_PreCharge until the EV contactor is closed, ms (10 s).</summary>
        public int PreChargeTotalMs = 10000;

        /// <summary>SDP: the EV repeats its request this often, ms (250 ms); for the discovery client, not used by the session.</summary>
        public int SdpRequestPeriodMs = 250;

        /// <summary>SDP: at most this many requests (50); for the discovery client, not used by the session.</summary>
        public int SdpMaxRequests = 50;

        /// <summary>The EV closes its contactor when the charger's voltage and the inlet voltage are within this of the battery's, V (our choice, as SimVehicle).</summary>
        public double PreChargeToleranceV = 20;

        /// <summary>The EV opens its contactor once |battery current| is at most this, A (the charger's safe state uses 5 A).</summary>
        public double ContactorOpenCurrentA = 5;

        /// <summary>After PowerDelivery Stop or a failure, the EV opens its contactor at the latest this long later even under current, ms (our choice).</summary>
        public int ContactorOpenWaitMaxMs = 1000;

        /// <summary>Welding detection ends when the inlet voltage has fallen to this, V (below the 60 V touch-safe DC level).</summary>
        public double WeldingSafeVoltageV = 60;

        /// <summary>Welding detection gives up (and goes on to SessionStop) after this long, ms (our choice).</summary>
        public int WeldingDetectionTotalMs = 10000;

        /// <summary>Current magnitude above which the EV considers energy flowing in one direction, A (for the SoC stop rules).</summary>
        public double DirectionThresholdA = 1;

        /// <summary>MaximumSupportingPoints in ScheduleExchangeReq (12..1024).</summary>
        public ushort MaximumSupportingPoints = 1024;

        /// <summary>Largest V2GTP payload accepted or sent, bytes.</summary>
        public int MaxPayloadBytes = 8192;

        /// <summary>Entries in the EVCC's message log, and characters of key fields per entry.</summary>
        public int LogCapacity = 256;

        /// <summary>Characters of key fields per log entry.</summary>
        public int LogDetailCapacity = 120;
    }
}
