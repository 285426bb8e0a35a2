using V2G.Protocol.Iso15118.Generated.AppHand;
using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Session;

namespace V2G.Protocol.Iso15118.Evcc
{
    /// <summary>
    /// The EV's requests, built into documents whose objects are all allocated here, once: filling and
    /// encoding a request afterwards allocates nothing (the charge loop runs every 100 ms for hours).
    /// Values come from the plant in physical units and are converted to RationalNumbers in one place
    /// (<see cref="Set"/>); discharge limits get their sign here (<see cref="EvccSettings.SendDischargeLimitsNegative"/>).
    /// </summary>
    internal sealed class EvccRequests
    {
        /// <summary>The -20 DC namespace offered first (SchemaID <see cref="Iso20DcSchemaId"/>).</summary>
        public const string Iso20DcNamespace = "urn:iso:std:iso:15118:-20:DC";

        /// <summary>The SchemaID of our -20 DC offer: a charger must answer with it.</summary>
        public const byte Iso20DcSchemaId = 1;

        /// <summary>ServiceID of DC (ISO 15118-20 Table 204).</summary>
        public const ushort ServiceIdDc = 2;

        /// <summary>ServiceID of DC_BPT.</summary>
        public const ushort ServiceIdDcBpt = 6;

        // Finest exponents: 0.1 V and 0.1 A resolution, W and Wh whole (larger values get coarser by themselves).
        private const int VoltageExponent = -1;
        private const int CurrentExponent = -1;
        private const int PowerExponent = 0;
        private const int EnergyExponent = 0;

        private readonly EvccSettings _settings;
        private readonly IEvPlant _plant;

        public readonly AppHandDocument App = new AppHandDocument();
        public readonly Iso20CommonMessagesDocument Common = new Iso20CommonMessagesDocument();
        public readonly Iso20DcDocument Dc = new Iso20DcDocument();

        private readonly MessageHeaderType _header = new MessageHeaderType();

        /// <summary>
        /// The departure time sent (ScheduleExchange, the Dynamic loop, the EV's power profile), s from now: the
        /// session keeps it counting down from <see cref="EvccSettings.DepartureTimeS"/>.
        /// </summary>
        public uint DepartureTimeS;

        public EvccRequests(EvccSettings settings, IEvPlant plant)
        {
            _settings = settings;
            _plant = plant;
            DepartureTimeS = settings.DepartureTimeS;

            SupportedAppProtocolReqType app = new SupportedAppProtocolReqType();
            App.supportedAppProtocolReq = app;
            SetAppProtocol(app, 0, Iso20DcNamespace, 1, 0, Iso20DcSchemaId, 1);
            SetAppProtocol(app, 1, "urn:iso:15118:2:2013:MsgDef", 2, 0, 2, 2);
            SetAppProtocol(app, 2, "urn:din:70121:2012:MsgDef", 2, 0, 3, 3);

            SessionSetupReqType setup = new SessionSetupReqType();
            setup.Header = _header;
            Common.SessionSetupReq = setup;

            Common.AuthorizationSetupReq = new AuthorizationSetupReqType();
            Common.AuthorizationSetupReq.Header = _header;

            AuthorizationReqType auth = new AuthorizationReqType();
            auth.Header = _header;
            auth.SelectedAuthorizationService = AuthorizationType.EIM;
            auth.EIM_AReqAuthorizationMode = new EIM_AReqAuthorizationModeType();
            auth.HasEIM_AReqAuthorizationMode = true;
            Common.AuthorizationReq = auth;

            ServiceDiscoveryReqType discovery = new ServiceDiscoveryReqType();
            discovery.Header = _header;
            discovery.SupportedServiceIDs = new ServiceIDListType();
            discovery.SupportedServiceIDs.ServiceID[0] = ServiceIdDc;
            discovery.SupportedServiceIDs.ServiceID[1] = ServiceIdDcBpt;
            discovery.HasSupportedServiceIDs = true;
            Common.ServiceDiscoveryReq = discovery;

            Common.ServiceDetailReq = new ServiceDetailReqType();
            Common.ServiceDetailReq.Header = _header;

            ServiceSelectionReqType selection = new ServiceSelectionReqType();
            selection.Header = _header;
            selection.SelectedEnergyTransferService = new SelectedServiceType();
            Common.ServiceSelectionReq = selection;

            ScheduleExchangeReqType schedule = new ScheduleExchangeReqType();
            schedule.Header = _header;
            schedule.Dynamic_SEReqControlMode = new Dynamic_SEReqControlModeType();
            schedule.Dynamic_SEReqControlMode.EVTargetEnergyRequest = new RationalNumberType();
            schedule.Dynamic_SEReqControlMode.EVMaximumEnergyRequest = new RationalNumberType();
            schedule.Dynamic_SEReqControlMode.EVMinimumEnergyRequest = new RationalNumberType();
            schedule.Dynamic_SEReqControlMode.EVMaximumV2XEnergyRequest = new RationalNumberType();
            schedule.Dynamic_SEReqControlMode.EVMinimumV2XEnergyRequest = new RationalNumberType();
            schedule.Scheduled_SEReqControlMode = new Scheduled_SEReqControlModeType();
            schedule.Scheduled_SEReqControlMode.EVTargetEnergyRequest = new RationalNumberType();
            schedule.Scheduled_SEReqControlMode.EVMaximumEnergyRequest = new RationalNumberType();
            schedule.Scheduled_SEReqControlMode.EVMinimumEnergyRequest = new RationalNumberType();
            Common.ScheduleExchangeReq = schedule;

            PowerDeliveryReqType delivery = new PowerDeliveryReqType();
            delivery.Header = _header;
            delivery.EVPowerProfile = new EVPowerProfileType();
            delivery.EVPowerProfile.Dynamic_EVPPTControlMode = new Dynamic_EVPPTControlModeType();
            delivery.EVPowerProfile.Scheduled_EVPPTControlMode = new Scheduled_EVPPTControlModeType();
            delivery.EVPowerProfile.EVPowerProfileEntries = new EVPowerProfileEntryListType();
            PowerScheduleEntryType entry = new PowerScheduleEntryType();
            entry.Power = new RationalNumberType();
            delivery.EVPowerProfile.EVPowerProfileEntries.EVPowerProfileEntry[0] = entry;
            delivery.EVPowerProfile.EVPowerProfileEntries.EVPowerProfileEntryCount = 1;
            Common.PowerDeliveryReq = delivery;

            Common.SessionStopReq = new SessionStopReqType();
            Common.SessionStopReq.Header = _header;

            DC_ChargeParameterDiscoveryReqType cpd = new DC_ChargeParameterDiscoveryReqType();
            cpd.Header = _header;
            BPT_DC_CPDReqEnergyTransferModeType bpt = new BPT_DC_CPDReqEnergyTransferModeType();
            bpt.EVMaximumChargePower = new RationalNumberType();
            bpt.EVMinimumChargePower = new RationalNumberType();
            bpt.EVMaximumChargeCurrent = new RationalNumberType();
            bpt.EVMinimumChargeCurrent = new RationalNumberType();
            bpt.EVMaximumVoltage = new RationalNumberType();
            bpt.EVMinimumVoltage = new RationalNumberType();
            bpt.EVMaximumDischargePower = new RationalNumberType();
            bpt.EVMinimumDischargePower = new RationalNumberType();
            bpt.EVMaximumDischargeCurrent = new RationalNumberType();
            bpt.EVMinimumDischargeCurrent = new RationalNumberType();
            cpd.BPT_DC_CPDReqEnergyTransferMode = bpt;
            DC_CPDReqEnergyTransferModeType dc = new DC_CPDReqEnergyTransferModeType();
            dc.EVMaximumChargePower = new RationalNumberType();
            dc.EVMinimumChargePower = new RationalNumberType();
            dc.EVMaximumChargeCurrent = new RationalNumberType();
            dc.EVMinimumChargeCurrent = new RationalNumberType();
            dc.EVMaximumVoltage = new RationalNumberType();
            dc.EVMinimumVoltage = new RationalNumberType();
            cpd.DC_CPDReqEnergyTransferMode = dc;
            Dc.DC_ChargeParameterDiscoveryReq = cpd;

            Dc.DC_CableCheckReq = new DC_CableCheckReqType();
            Dc.DC_CableCheckReq.Header = _header;

            DC_PreChargeReqType pre = new DC_PreChargeReqType();
            pre.Header = _header;
            pre.EVPresentVoltage = new RationalNumberType();
            pre.EVTargetVoltage = new RationalNumberType();
            Dc.DC_PreChargeReq = pre;

            Dc.DC_ChargeLoopReq = NewChargeLoopReq();
            Dc.DC_ChargeLoopReq.Header = _header;

            Dc.DC_WeldingDetectionReq = new DC_WeldingDetectionReqType();
            Dc.DC_WeldingDetectionReq.Header = _header;
        }

        /// <summary>The header every request carries (one object, shared by all requests of both grammars).</summary>
        public MessageHeaderType Header => _header;

        /// <summary>Sets the header's SessionID and TimeStamp before an encode.</summary>
        public void SetHeader(byte[] sessionId, int sessionIdLength, ulong timeStampS)
        {
            _header.SessionID.Set(sessionId, 0, sessionIdLength);
            _header.TimeStamp = timeStampS;
            _header.HasSignature = false;
        }

        /// <summary>supportedAppProtocolReq: -20 DC first (Priority 1), then, if configured, ISO 15118-2 and DIN SPEC 70121.</summary>
        public void PrepareAppProtocol()
        {
            App.supportedAppProtocolReq.AppProtocolCount = _settings.OfferOlderProtocols ? 3 : 1;
            App.Root = AppHandRoot.supportedAppProtocolReq;
        }

        /// <summary>SessionSetupReq with the EVCCID (the header carries SessionID 0 for a new session, the old one to resume).</summary>
        public void PrepareSessionSetup()
        {
            Common.SessionSetupReq.EVCCID.Set(_settings.EvccId);
            Common.Root = Iso20CommonMessagesRoot.SessionSetupReq;
        }

        public void PrepareAuthorizationSetup()
        {
            Common.Root = Iso20CommonMessagesRoot.AuthorizationSetupReq;
        }

        public void PrepareAuthorization()
        {
            Common.Root = Iso20CommonMessagesRoot.AuthorizationReq;
        }

        /// <summary>ServiceDiscoveryReq naming the energy services the vehicle supports (DC, and DC_BPT if it asks for it).</summary>
        public void PrepareServiceDiscovery()
        {
            Common.ServiceDiscoveryReq.SupportedServiceIDs.ServiceIDCount = _settings.UseBidirectional ? 2 : 1;
            Common.Root = Iso20CommonMessagesRoot.ServiceDiscoveryReq;
        }

        public void PrepareServiceDetail(ushort serviceId)
        {
            Common.ServiceDetailReq.ServiceID = serviceId;
            Common.Root = Iso20CommonMessagesRoot.ServiceDetailReq;
        }

        public void PrepareServiceSelection(ushort serviceId, ushort parameterSetId)
        {
            Common.ServiceSelectionReq.SelectedEnergyTransferService.ServiceID = serviceId;
            Common.ServiceSelectionReq.SelectedEnergyTransferService.ParameterSetID = parameterSetId;
            Common.ServiceSelectionReq.HasSelectedVASList = false;
            Common.Root = Iso20CommonMessagesRoot.ServiceSelectionReq;
        }

        /// <summary>DC_ChargeParameterDiscoveryReq from the plant's limits: the BPT variant (discharge limits) or plain DC.</summary>
        public void PrepareChargeParameterDiscovery(bool bidirectional)
        {
            DC_ChargeParameterDiscoveryReqType cpd = Dc.DC_ChargeParameterDiscoveryReq;
            cpd.HasBPT_DC_CPDReqEnergyTransferMode = bidirectional;
            cpd.HasDC_CPDReqEnergyTransferMode = !bidirectional;
            if (bidirectional)
            {
                BPT_DC_CPDReqEnergyTransferModeType m = cpd.BPT_DC_CPDReqEnergyTransferMode;
                Set(m.EVMaximumChargePower, _plant.MaxChargePowerW, PowerExponent);
                Set(m.EVMinimumChargePower, 0, PowerExponent);
                Set(m.EVMaximumChargeCurrent, _plant.MaxChargeCurrentA, CurrentExponent);
                Set(m.EVMinimumChargeCurrent, 0, CurrentExponent);
                Set(m.EVMaximumVoltage, _plant.MaxVoltageV, VoltageExponent);
                Set(m.EVMinimumVoltage, _plant.MinVoltageV, VoltageExponent);
                m.TargetSOC = Soc(_settings.TargetSocPercent);
                m.HasTargetSOC = true;
                Set(m.EVMaximumDischargePower, DischargeLimit(_plant.MaxDischargePowerW), PowerExponent);
                Set(m.EVMinimumDischargePower, 0, PowerExponent);
                Set(m.EVMaximumDischargeCurrent, DischargeLimit(_plant.MaxDischargeCurrentA), CurrentExponent);
                Set(m.EVMinimumDischargeCurrent, 0, CurrentExponent);
            }
            else
            {
                DC_CPDReqEnergyTransferModeType m = cpd.DC_CPDReqEnergyTransferMode;
                Set(m.EVMaximumChargePower, _plant.MaxChargePowerW, PowerExponent);
                Set(m.EVMinimumChargePower, 0, PowerExponent);
                Set(m.EVMaximumChargeCurrent, _plant.MaxChargeCurrentA, CurrentExponent);
                Set(m.EVMinimumChargeCurrent, 0, CurrentExponent);
                Set(m.EVMaximumVoltage, _plant.MaxVoltageV, VoltageExponent);
                Set(m.EVMinimumVoltage, _plant.MinVoltageV, VoltageExponent);
                m.TargetSOC = Soc(_settings.TargetSocPercent);
                m.HasTargetSOC = true;
            }

            Dc.Root = Iso20DcRoot.DC_ChargeParameterDiscoveryReq;
        }

        /// <summary>ScheduleExchangeReq in the chosen control mode, with the energy the EV wants and offers.</summary>
        public void PrepareScheduleExchange(bool dynamic, bool bidirectional)
        {
            ScheduleExchangeReqType req = Common.ScheduleExchangeReq;
            req.MaximumSupportingPoints = _settings.MaximumSupportingPoints;
            req.HasDynamic_SEReqControlMode = dynamic;
            req.HasScheduled_SEReqControlMode = !dynamic;
            if (dynamic)
            {
                Dynamic_SEReqControlModeType m = req.Dynamic_SEReqControlMode;
                m.DepartureTime = DepartureTimeS;
                m.MinimumSOC = Soc(_settings.MinimumSocPercent);
                m.HasMinimumSOC = true;
                m.TargetSOC = Soc(_settings.TargetSocPercent);
                m.HasTargetSOC = true;
                Set(m.EVTargetEnergyRequest, TargetEnergyWh(), EnergyExponent);
                Set(m.EVMaximumEnergyRequest, MaximumEnergyWh(), EnergyExponent);
                Set(m.EVMinimumEnergyRequest, MinimumEnergyWh(bidirectional), EnergyExponent);
                m.HasEVMaximumV2XEnergyRequest = bidirectional;
                m.HasEVMinimumV2XEnergyRequest = bidirectional;
                if (bidirectional)
                {
                    Set(m.EVMaximumV2XEnergyRequest, MaximumEnergyWh(), EnergyExponent);
                    Set(m.EVMinimumV2XEnergyRequest, MinimumEnergyWh(true), EnergyExponent);
                }
            }
            else
            {
                Scheduled_SEReqControlModeType m = req.Scheduled_SEReqControlMode;
                m.DepartureTime = DepartureTimeS;
                m.HasDepartureTime = true;
                Set(m.EVTargetEnergyRequest, TargetEnergyWh(), EnergyExponent);
                m.HasEVTargetEnergyRequest = true;
                Set(m.EVMaximumEnergyRequest, MaximumEnergyWh(), EnergyExponent);
                m.HasEVMaximumEnergyRequest = true;
                Set(m.EVMinimumEnergyRequest, MinimumEnergyWh(bidirectional), EnergyExponent);
                m.HasEVMinimumEnergyRequest = true;
                m.HasEVEnergyOffer = false;
            }

            Common.Root = Iso20CommonMessagesRoot.ScheduleExchangeReq;
        }

        public void PrepareCableCheck()
        {
            Dc.Root = Iso20DcRoot.DC_CableCheckReq;
        }

        /// <summary>DC_PreChargeReq: the charger is to match the battery's voltage.</summary>
        public void PreparePreCharge(bool finished)
        {
            DC_PreChargeReqType req = Dc.DC_PreChargeReq;
            req.EVProcessing = finished ? ProcessingType.Finished : ProcessingType.Ongoing;
            Set(req.EVPresentVoltage, _plant.BatteryVoltageV, VoltageExponent);
            Set(req.EVTargetVoltage, _plant.BatteryVoltageV, VoltageExponent);
            Dc.Root = Iso20DcRoot.DC_PreChargeReq;
        }

        /// <summary>
        /// PowerDeliveryReq Start with an EV power profile (one entry up to departure) in the control mode's
        /// form (an empty Dynamic_EVPPTControlMode, or the selected schedule tuple), and for BPT the channel.
        /// </summary>
        public void PreparePowerDeliveryStart(bool dynamic, bool bidirectional, uint scheduleTupleId, double profilePowerW, ulong timeAnchorS)
        {
            PowerDeliveryReqType req = Common.PowerDeliveryReq;
            req.EVProcessing = ProcessingType.Finished;
            req.ChargeProgress = ChargeProgressType.Start;
            req.HasEVPowerProfile = true;
            EVPowerProfileType profile = req.EVPowerProfile;
            profile.TimeAnchor = timeAnchorS;
            profile.HasDynamic_EVPPTControlMode = dynamic;
            profile.HasScheduled_EVPPTControlMode = !dynamic;
            profile.Scheduled_EVPPTControlMode.SelectedScheduleTupleID = scheduleTupleId;
            profile.Scheduled_EVPPTControlMode.HasPowerToleranceAcceptance = false;
            PowerScheduleEntryType entry = profile.EVPowerProfileEntries.EVPowerProfileEntry[0];
            entry.Duration = DepartureTimeS;
            Set(entry.Power, profilePowerW, PowerExponent);
            entry.HasPower_L2 = false;
            entry.HasPower_L3 = false;
            req.HasBPT_ChannelSelection = bidirectional;
            req.BPT_ChannelSelection = profilePowerW < 0 ? ChannelSelectionType.Discharge : ChannelSelectionType.Charge;
            Common.Root = Iso20CommonMessagesRoot.PowerDeliveryReq;
        }

        /// <summary>PowerDeliveryReq Stop (as the reference vector: no profile, no channel).</summary>
        public void PreparePowerDeliveryStop()
        {
            PowerDeliveryReqType req = Common.PowerDeliveryReq;
            req.EVProcessing = ProcessingType.Finished;
            req.ChargeProgress = ChargeProgressType.Stop;
            req.HasEVPowerProfile = false;
            req.HasBPT_ChannelSelection = false;
            Common.Root = Iso20CommonMessagesRoot.PowerDeliveryReq;
        }

        /// <summary>
        /// DC_ChargeLoopReq in the session's variant. Scheduled sends EVTargetCurrent =
        /// <paramref name="requestedPowerW"/> / battery voltage (+ charge, − discharge), inside the battery's limits.
        /// </summary>
        public void PrepareChargeLoop(bool dynamic, bool bidirectional, double requestedPowerW)
        {
            DC_ChargeLoopReqType req = Dc.DC_ChargeLoopReq;
            double batteryV = _plant.BatteryVoltageV;
            double maxChargeA = _plant.MaxChargeCurrentA;
            double maxDischargeA = bidirectional ? _plant.MaxDischargeCurrentA : 0;

            DisplayParametersType display = req.DisplayParameters;
            display.PresentSOC = Soc(_plant.SocPercent);
            display.HasPresentSOC = true;
            display.MinimumSOC = Soc(_settings.MinimumSocPercent);
            display.HasMinimumSOC = true;
            display.TargetSOC = Soc(_settings.TargetSocPercent);
            display.HasTargetSOC = true;
            Set(display.BatteryEnergyCapacity, _plant.CapacityWh, EnergyExponent);
            display.HasBatteryEnergyCapacity = true;
            req.HasDisplayParameters = true;
            req.MeterInfoRequested = false;
            Set(req.EVPresentVoltage, batteryV, VoltageExponent);

            req.HasBPT_Dynamic_DC_CLReqControlMode = dynamic && bidirectional;
            req.HasBPT_Scheduled_DC_CLReqControlMode = !dynamic && bidirectional;
            req.HasDynamic_DC_CLReqControlMode = dynamic && !bidirectional;
            req.HasScheduled_DC_CLReqControlMode = !dynamic && !bidirectional;

            double targetCurrentA = 0;
            if (!dynamic)
            {
                targetCurrentA = batteryV > 1 ? requestedPowerW / batteryV : 0;
                if (targetCurrentA > maxChargeA)
                {
                    targetCurrentA = maxChargeA;
                }

                if (targetCurrentA < -maxDischargeA)
                {
                    targetCurrentA = -maxDischargeA;
                }
            }

            if (dynamic && bidirectional)
            {
                BPT_Dynamic_DC_CLReqControlModeType m = req.BPT_Dynamic_DC_CLReqControlMode;
                m.DepartureTime = DepartureTimeS;
                m.HasDepartureTime = true;
                Set(m.EVTargetEnergyRequest, TargetEnergyWh(), EnergyExponent);
                Set(m.EVMaximumEnergyRequest, MaximumEnergyWh(), EnergyExponent);
                Set(m.EVMinimumEnergyRequest, MinimumEnergyWh(true), EnergyExponent);
                Set(m.EVMaximumChargePower, _plant.MaxChargePowerW, PowerExponent);
                Set(m.EVMinimumChargePower, 0, PowerExponent);
                Set(m.EVMaximumChargeCurrent, maxChargeA, CurrentExponent);
                Set(m.EVMaximumVoltage, _plant.MaxVoltageV, VoltageExponent);
                Set(m.EVMinimumVoltage, _plant.MinVoltageV, VoltageExponent);
                Set(m.EVMaximumDischargePower, DischargeLimit(_plant.MaxDischargePowerW), PowerExponent);
                Set(m.EVMinimumDischargePower, 0, PowerExponent);
                Set(m.EVMaximumDischargeCurrent, DischargeLimit(maxDischargeA), CurrentExponent);
                Set(m.EVMaximumV2XEnergyRequest, MaximumEnergyWh(), EnergyExponent);
                m.HasEVMaximumV2XEnergyRequest = true;
                Set(m.EVMinimumV2XEnergyRequest, MinimumEnergyWh(true), EnergyExponent);
                m.HasEVMinimumV2XEnergyRequest = true;
            }
            else if (bidirectional)
            {
                BPT_Scheduled_DC_CLReqControlModeType m = req.BPT_Scheduled_DC_CLReqControlMode;
                Set(m.EVTargetEnergyRequest, TargetEnergyWh(), EnergyExponent);
                m.HasEVTargetEnergyRequest = true;
                Set(m.EVMaximumEnergyRequest, MaximumEnergyWh(), EnergyExponent);
                m.HasEVMaximumEnergyRequest = true;
                Set(m.EVMinimumEnergyRequest, MinimumEnergyWh(true), EnergyExponent);
                m.HasEVMinimumEnergyRequest = true;
                Set(m.EVTargetCurrent, targetCurrentA, CurrentExponent);
                Set(m.EVTargetVoltage, _plant.MaxVoltageV, VoltageExponent);
                Set(m.EVMaximumChargePower, _plant.MaxChargePowerW, PowerExponent);
                m.HasEVMaximumChargePower = true;
                Set(m.EVMinimumChargePower, 0, PowerExponent);
                m.HasEVMinimumChargePower = true;
                Set(m.EVMaximumChargeCurrent, maxChargeA, CurrentExponent);
                m.HasEVMaximumChargeCurrent = true;
                Set(m.EVMaximumVoltage, _plant.MaxVoltageV, VoltageExponent);
                m.HasEVMaximumVoltage = true;
                Set(m.EVMinimumVoltage, _plant.MinVoltageV, VoltageExponent);
                m.HasEVMinimumVoltage = true;
                Set(m.EVMaximumDischargePower, DischargeLimit(_plant.MaxDischargePowerW), PowerExponent);
                m.HasEVMaximumDischargePower = true;
                Set(m.EVMinimumDischargePower, 0, PowerExponent);
                m.HasEVMinimumDischargePower = true;
                Set(m.EVMaximumDischargeCurrent, DischargeLimit(maxDischargeA), CurrentExponent);
                m.HasEVMaximumDischargeCurrent = true;
            }
            else if (dynamic)
            {
                Dynamic_DC_CLReqControlModeType m = req.Dynamic_DC_CLReqControlMode;
                m.DepartureTime = DepartureTimeS;
                m.HasDepartureTime = true;
                Set(m.EVTargetEnergyRequest, TargetEnergyWh(), EnergyExponent);
                Set(m.EVMaximumEnergyRequest, MaximumEnergyWh(), EnergyExponent);
                Set(m.EVMinimumEnergyRequest, MinimumEnergyWh(false), EnergyExponent);
                Set(m.EVMaximumChargePower, _plant.MaxChargePowerW, PowerExponent);
                Set(m.EVMinimumChargePower, 0, PowerExponent);
                Set(m.EVMaximumChargeCurrent, maxChargeA, CurrentExponent);
                Set(m.EVMaximumVoltage, _plant.MaxVoltageV, VoltageExponent);
                Set(m.EVMinimumVoltage, _plant.MinVoltageV, VoltageExponent);
            }
            else
            {
                Scheduled_DC_CLReqControlModeType m = req.Scheduled_DC_CLReqControlMode;
                Set(m.EVTargetEnergyRequest, TargetEnergyWh(), EnergyExponent);
                m.HasEVTargetEnergyRequest = true;
                Set(m.EVMaximumEnergyRequest, MaximumEnergyWh(), EnergyExponent);
                m.HasEVMaximumEnergyRequest = true;
                Set(m.EVMinimumEnergyRequest, MinimumEnergyWh(false), EnergyExponent);
                m.HasEVMinimumEnergyRequest = true;
                Set(m.EVTargetCurrent, targetCurrentA, CurrentExponent);
                Set(m.EVTargetVoltage, _plant.MaxVoltageV, VoltageExponent);
                Set(m.EVMaximumChargePower, _plant.MaxChargePowerW, PowerExponent);
                m.HasEVMaximumChargePower = true;
                Set(m.EVMinimumChargePower, 0, PowerExponent);
                m.HasEVMinimumChargePower = true;
                Set(m.EVMaximumChargeCurrent, maxChargeA, CurrentExponent);
                m.HasEVMaximumChargeCurrent = true;
                Set(m.EVMaximumVoltage, _plant.MaxVoltageV, VoltageExponent);
                m.HasEVMaximumVoltage = true;
                Set(m.EVMinimumVoltage, _plant.MinVoltageV, VoltageExponent);
                m.HasEVMinimumVoltage = true;
            }

            LastTargetCurrentA = targetCurrentA;
            Dc.Root = Iso20DcRoot.DC_ChargeLoopReq;
        }

        /// <summary>The EVTargetCurrent of the last Scheduled loop request, A (0 in Dynamic mode).</summary>
        public double LastTargetCurrentA;

        public void PrepareWeldingDetection(bool finished)
        {
            Dc.DC_WeldingDetectionReq.EVProcessing = finished ? ProcessingType.Finished : ProcessingType.Ongoing;
            Dc.Root = Iso20DcRoot.DC_WeldingDetectionReq;
        }

        public void PrepareSessionStop(bool pause)
        {
            SessionStopReqType req = Common.SessionStopReq;
            req.ChargingSession = pause ? ChargingSessionType.Pause : ChargingSessionType.Terminate;
            req.HasEVTerminationCode = false;
            req.HasEVTerminationExplanation = false;
            Common.Root = Iso20CommonMessagesRoot.SessionStopReq;
        }

        /// <summary>Sets <paramref name="target"/> to <paramref name="x"/> with the most precision that fits (saturating beyond 32767 × 10^3).</summary>
        public static void Set(RationalNumberType target, double x, int finestExponent)
        {
            sbyte exponent;
            short value;
            PhysicalValue.FromDouble(x, finestExponent, out exponent, out value);
            target.Exponent = exponent;
            target.Value = value;
        }

        /// <summary>A RationalNumber's value in physical units.</summary>
        public static double Value(RationalNumberType r)
        {
            return r == null ? 0 : PhysicalValue.ToDouble(r.Exponent, r.Value);
        }

        private double DischargeLimit(double magnitude)
        {
            if (magnitude < 0)
            {
                magnitude = -magnitude;
            }

            return _settings.SendDischargeLimitsNegative ? -magnitude : magnitude;
        }

        /// <summary>Energy to the target SoC, Wh (negative above it).</summary>
        private double TargetEnergyWh()
        {
            return (_settings.TargetSocPercent - _plant.SocPercent) / 100.0 * _plant.CapacityWh;
        }

        /// <summary>Energy to a full battery, Wh.</summary>
        private double MaximumEnergyWh()
        {
            return (100.0 - _plant.SocPercent) / 100.0 * _plant.CapacityWh;
        }

        /// <summary>Energy to the minimum SoC, Wh: negative = energy the EV offers for discharge (BPT only; plain DC offers none).</summary>
        private double MinimumEnergyWh(bool bidirectional)
        {
            double wh = (_settings.MinimumSocPercent - _plant.SocPercent) / 100.0 * _plant.CapacityWh;
            return !bidirectional && wh < 0 ? 0 : wh;
        }

        private static sbyte Soc(double percent)
        {
            if (percent < 0)
            {
                return 0;
            }

            if (percent > 100)
            {
                return 100;
            }

            return (sbyte)(percent + 0.5);
        }

        private static void SetAppProtocol(SupportedAppProtocolReqType req, int index, string ns, uint major, uint minor, byte schemaId, byte priority)
        {
            AppProtocolType p = new AppProtocolType();
            p.ProtocolNamespace.Set(ns);
            p.VersionNumberMajor = major;
            p.VersionNumberMinor = minor;
            p.SchemaID = schemaId;
            p.Priority = priority;
            req.AppProtocol[index] = p;
        }

        private static DC_ChargeLoopReqType NewChargeLoopReq()
        {
            DC_ChargeLoopReqType req = new DC_ChargeLoopReqType();
            req.DisplayParameters = new DisplayParametersType();
            req.DisplayParameters.BatteryEnergyCapacity = new RationalNumberType();
            req.EVPresentVoltage = new RationalNumberType();

            BPT_Dynamic_DC_CLReqControlModeType bd = new BPT_Dynamic_DC_CLReqControlModeType();
            bd.EVTargetEnergyRequest = new RationalNumberType();
            bd.EVMaximumEnergyRequest = new RationalNumberType();
            bd.EVMinimumEnergyRequest = new RationalNumberType();
            bd.EVMaximumChargePower = new RationalNumberType();
            bd.EVMinimumChargePower = new RationalNumberType();
            bd.EVMaximumChargeCurrent = new RationalNumberType();
            bd.EVMaximumVoltage = new RationalNumberType();
            bd.EVMinimumVoltage = new RationalNumberType();
            bd.EVMaximumDischargePower = new RationalNumberType();
            bd.EVMinimumDischargePower = new RationalNumberType();
            bd.EVMaximumDischargeCurrent = new RationalNumberType();
            bd.EVMaximumV2XEnergyRequest = new RationalNumberType();
            bd.EVMinimumV2XEnergyRequest = new RationalNumberType();
            req.BPT_Dynamic_DC_CLReqControlMode = bd;

            BPT_Scheduled_DC_CLReqControlModeType bs = new BPT_Scheduled_DC_CLReqControlModeType();
            bs.EVTargetEnergyRequest = new RationalNumberType();
            bs.EVMaximumEnergyRequest = new RationalNumberType();
            bs.EVMinimumEnergyRequest = new RationalNumberType();
            bs.EVTargetCurrent = new RationalNumberType();
            bs.EVTargetVoltage = new RationalNumberType();
            bs.EVMaximumChargePower = new RationalNumberType();
            bs.EVMinimumChargePower = new RationalNumberType();
            bs.EVMaximumChargeCurrent = new RationalNumberType();
            bs.EVMaximumVoltage = new RationalNumberType();
            bs.EVMinimumVoltage = new RationalNumberType();
            bs.EVMaximumDischargePower = new RationalNumberType();
            bs.EVMinimumDischargePower = new RationalNumberType();
            bs.EVMaximumDischargeCurrent = new RationalNumberType();
            req.BPT_Scheduled_DC_CLReqControlMode = bs;

            Dynamic_DC_CLReqControlModeType dd = new Dynamic_DC_CLReqControlModeType();
            dd.EVTargetEnergyRequest = new RationalNumberType();
            dd.EVMaximumEnergyRequest = new RationalNumberType();
            dd.EVMinimumEnergyRequest = new RationalNumberType();
            dd.EVMaximumChargePower = new RationalNumberType();
            dd.EVMinimumChargePower = new RationalNumberType();
            dd.EVMaximumChargeCurrent = new RationalNumberType();
            dd.EVMaximumVoltage = new RationalNumberType();
            dd.EVMinimumVoltage = new RationalNumberType();
            req.Dynamic_DC_CLReqControlMode = dd;

            Scheduled_DC_CLReqControlModeType sd = new Scheduled_DC_CLReqControlModeType();
            sd.EVTargetEnergyRequest = new RationalNumberType();
            sd.EVMaximumEnergyRequest = new RationalNumberType();
            sd.EVMinimumEnergyRequest = new RationalNumberType();
            sd.EVTargetCurrent = new RationalNumberType();
            sd.EVTargetVoltage = new RationalNumberType();
            sd.EVMaximumChargePower = new RationalNumberType();
            sd.EVMinimumChargePower = new RationalNumberType();
            sd.EVMaximumChargeCurrent = new RationalNumberType();
            sd.EVMaximumVoltage = new RationalNumberType();
            sd.EVMinimumVoltage = new RationalNumberType();
            req.Scheduled_DC_CLReqControlMode = sd;
            return req;
        }
    }
}
