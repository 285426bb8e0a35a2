using V2G.Protocol.Iso15118.Generated.AppHand;
using Cm = V2G.Protocol.Iso15118.Generated.CommonMessages;
using Dc = V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;

namespace V2G.Protocol.Iso15118.Secc
{
    /// <summary>
    /// The EXI documents of a <see cref="SeccSession"/>, allocated once: one set to decode requests
    /// into (the codec reuses its objects) and one set of responses, built here in an encodable shape
    /// (every mandatory member present, every list with the entries the charger ever sends), so the
    /// state handlers only write values and flags and answering allocates nothing.
    /// </summary>
    public sealed class SeccDocuments
    {
        /// <summary>Most ServiceDetail parameter sets the charger sends (Dynamic and Scheduled).</summary>
        public const int MaxParameterSets = 2;

        /// <summary>Most parameters in one parameter set (Connector, ControlMode, MobilityNeedsMode, Pricing, BPTChannel, GeneratorMode).</summary>
        public const int MaxParameters = 6;

        /// <summary>Requests (payload type 0x8001) are decoded here.</summary>
        public readonly AppHandDocument AppHandIn = new AppHandDocument();

        /// <summary>Requests (payload type 0x8002) are decoded here.</summary>
        public readonly Cm.Iso20CommonMessagesDocument CommonIn = new Cm.Iso20CommonMessagesDocument();

        /// <summary>Requests (payload type 0x8004) are decoded here.</summary>
        public readonly Dc.Iso20DcDocument DcIn = new Dc.Iso20DcDocument();

        /// <summary>Responses of payload type 0x8001 are encoded from here.</summary>
        public readonly AppHandDocument AppHandOut = new AppHandDocument();

        /// <summary>Responses of payload type 0x8002 are encoded from here.</summary>
        public readonly Cm.Iso20CommonMessagesDocument CommonOut = new Cm.Iso20CommonMessagesDocument();

        /// <summary>Responses of payload type 0x8004 are encoded from here.</summary>
        public readonly Dc.Iso20DcDocument DcOut = new Dc.Iso20DcDocument();

        public SeccDocuments()
        {
            AppHandIn.supportedAppProtocolReq = new SupportedAppProtocolReqType();
            AppHandOut.supportedAppProtocolRes = new SupportedAppProtocolResType();

            BuildCommonRequests(CommonIn);
            BuildCommonResponses(CommonOut);
            BuildDcRequests(DcIn);
            BuildDcResponses(DcOut);
        }

        private static void BuildCommonRequests(Cm.Iso20CommonMessagesDocument d)
        {
            d.SessionSetupReq = new Cm.SessionSetupReqType();
            d.AuthorizationSetupReq = new Cm.AuthorizationSetupReqType();
            d.AuthorizationReq = new Cm.AuthorizationReqType();
            d.ServiceDiscoveryReq = new Cm.ServiceDiscoveryReqType();
            d.ServiceDetailReq = new Cm.ServiceDetailReqType();
            d.ServiceSelectionReq = new Cm.ServiceSelectionReqType();
            d.ScheduleExchangeReq = new Cm.ScheduleExchangeReqType();
            d.PowerDeliveryReq = new Cm.PowerDeliveryReqType();
            d.SessionStopReq = new Cm.SessionStopReqType();
        }

        private static void BuildDcRequests(Dc.Iso20DcDocument d)
        {
            d.DC_ChargeParameterDiscoveryReq = new Dc.DC_ChargeParameterDiscoveryReqType();
            d.DC_CableCheckReq = new Dc.DC_CableCheckReqType();
            d.DC_PreChargeReq = new Dc.DC_PreChargeReqType();
            d.DC_ChargeLoopReq = new Dc.DC_ChargeLoopReqType();
            d.DC_WeldingDetectionReq = new Dc.DC_WeldingDetectionReqType();
        }

        private static void BuildCommonResponses(Cm.Iso20CommonMessagesDocument d)
        {
            d.SessionSetupRes = new Cm.SessionSetupResType();
            d.SessionSetupRes.Header = new MessageHeaderType();

            Cm.AuthorizationSetupResType authSetup = new Cm.AuthorizationSetupResType();
            authSetup.Header = new MessageHeaderType();
            authSetup.AuthorizationServices[0] = Cm.AuthorizationType.EIM;
            authSetup.AuthorizationServicesCount = 1;
            authSetup.EIM_ASResAuthorizationMode = new Cm.EIM_ASResAuthorizationModeType();
            authSetup.HasEIM_ASResAuthorizationMode = true;
            d.AuthorizationSetupRes = authSetup;

            d.AuthorizationRes = new Cm.AuthorizationResType();
            d.AuthorizationRes.Header = new MessageHeaderType();

            Cm.ServiceDiscoveryResType discovery = new Cm.ServiceDiscoveryResType();
            discovery.Header = new MessageHeaderType();
            discovery.EnergyTransferServiceList = new Cm.ServiceListType();
            discovery.EnergyTransferServiceList.Service[0] = new Cm.ServiceType();
            discovery.EnergyTransferServiceList.Service[1] = new Cm.ServiceType();
            discovery.EnergyTransferServiceList.Service[0].ServiceID = ServiceIds.Dc;
            discovery.EnergyTransferServiceList.ServiceCount = 1;
            d.ServiceDiscoveryRes = discovery;

            Cm.ServiceDetailResType detail = new Cm.ServiceDetailResType();
            detail.Header = new MessageHeaderType();
            detail.ServiceParameterList = new Cm.ServiceParameterListType();
            for (int s = 0; s < MaxParameterSets; s++)
            {
                Cm.ParameterSetType set = new Cm.ParameterSetType();
                for (int p = 0; p < MaxParameters; p++)
                {
                    set.Parameter[p] = new Cm.ParameterType();
                    set.Parameter[p].Name.Set("Connector");
                    set.Parameter[p].HasintValue = true;
                }

                set.ParameterCount = 1;
                detail.ServiceParameterList.ParameterSet[s] = set;
            }

            detail.ServiceParameterList.ParameterSetCount = 1;
            d.ServiceDetailRes = detail;

            d.ServiceSelectionRes = new Cm.ServiceSelectionResType();
            d.ServiceSelectionRes.Header = new MessageHeaderType();

            Cm.ScheduleExchangeResType schedule = new Cm.ScheduleExchangeResType();
            schedule.Header = new MessageHeaderType();
            schedule.Dynamic_SEResControlMode = new Cm.Dynamic_SEResControlModeType();
            schedule.HasDynamic_SEResControlMode = true;
            schedule.Scheduled_SEResControlMode = new Cm.Scheduled_SEResControlModeType();
            Cm.ScheduleTupleType tuple = new Cm.ScheduleTupleType();
            tuple.ScheduleTupleID = 1;
            tuple.ChargingSchedule = NewChargingSchedule();
            tuple.DischargingSchedule = NewChargingSchedule();
            schedule.Scheduled_SEResControlMode.ScheduleTuple[0] = tuple;
            schedule.Scheduled_SEResControlMode.ScheduleTupleCount = 1;
            d.ScheduleExchangeRes = schedule;

            d.PowerDeliveryRes = new Cm.PowerDeliveryResType();
            d.PowerDeliveryRes.Header = new MessageHeaderType();
            d.PowerDeliveryRes.EVSEStatus = new EVSEStatusType();

            d.SessionStopRes = new Cm.SessionStopResType();
            d.SessionStopRes.Header = new MessageHeaderType();
        }

        private static Cm.ChargingScheduleType NewChargingSchedule()
        {
            Cm.ChargingScheduleType schedule = new Cm.ChargingScheduleType();
            schedule.PowerSchedule = new Cm.PowerScheduleType();
            schedule.PowerSchedule.PowerScheduleEntries = new Cm.PowerScheduleEntryListType();
            Cm.PowerScheduleEntryType entry = new Cm.PowerScheduleEntryType();
            entry.Power = SeccValues.NewCm();
            schedule.PowerSchedule.PowerScheduleEntries.PowerScheduleEntry[0] = entry;
            schedule.PowerSchedule.PowerScheduleEntries.PowerScheduleEntryCount = 1;
            return schedule;
        }

        private static void BuildDcResponses(Dc.Iso20DcDocument d)
        {
            Dc.DC_ChargeParameterDiscoveryResType cpd = new Dc.DC_ChargeParameterDiscoveryResType();
            cpd.Header = new MessageHeaderType();
            Dc.DC_CPDResEnergyTransferModeType dc = new Dc.DC_CPDResEnergyTransferModeType();
            dc.EVSEMaximumChargePower = SeccValues.NewDc();
            dc.EVSEMinimumChargePower = SeccValues.NewDc();
            dc.EVSEMaximumChargeCurrent = SeccValues.NewDc();
            dc.EVSEMinimumChargeCurrent = SeccValues.NewDc();
            dc.EVSEMaximumVoltage = SeccValues.NewDc();
            dc.EVSEMinimumVoltage = SeccValues.NewDc();
            dc.EVSEPowerRampLimitation = SeccValues.NewDc();
            cpd.DC_CPDResEnergyTransferMode = dc;
            cpd.HasDC_CPDResEnergyTransferMode = true;
            Dc.BPT_DC_CPDResEnergyTransferModeType bpt = new Dc.BPT_DC_CPDResEnergyTransferModeType();
            bpt.EVSEMaximumChargePower = SeccValues.NewDc();
            bpt.EVSEMinimumChargePower = SeccValues.NewDc();
            bpt.EVSEMaximumChargeCurrent = SeccValues.NewDc();
            bpt.EVSEMinimumChargeCurrent = SeccValues.NewDc();
            bpt.EVSEMaximumVoltage = SeccValues.NewDc();
            bpt.EVSEMinimumVoltage = SeccValues.NewDc();
            bpt.EVSEPowerRampLimitation = SeccValues.NewDc();
            bpt.EVSEMaximumDischargePower = SeccValues.NewDc();
            bpt.EVSEMinimumDischargePower = SeccValues.NewDc();
            bpt.EVSEMaximumDischargeCurrent = SeccValues.NewDc();
            bpt.EVSEMinimumDischargeCurrent = SeccValues.NewDc();
            cpd.BPT_DC_CPDResEnergyTransferMode = bpt;
            d.DC_ChargeParameterDiscoveryRes = cpd;

            d.DC_CableCheckRes = new Dc.DC_CableCheckResType();
            d.DC_CableCheckRes.Header = new MessageHeaderType();

            d.DC_PreChargeRes = new Dc.DC_PreChargeResType();
            d.DC_PreChargeRes.Header = new MessageHeaderType();
            d.DC_PreChargeRes.EVSEPresentVoltage = SeccValues.NewDc();

            Dc.DC_ChargeLoopResType loop = new Dc.DC_ChargeLoopResType();
            loop.Header = new MessageHeaderType();
            loop.EVSEStatus = new EVSEStatusType();
            loop.MeterInfo = new MeterInfoType();
            loop.EVSEPresentCurrent = SeccValues.NewDc();
            loop.EVSEPresentVoltage = SeccValues.NewDc();

            Dc.BPT_Dynamic_DC_CLResControlModeType bptDynamic = new Dc.BPT_Dynamic_DC_CLResControlModeType();
            bptDynamic.EVSEMaximumChargePower = SeccValues.NewDc();
            bptDynamic.EVSEMinimumChargePower = SeccValues.NewDc();
            bptDynamic.EVSEMaximumChargeCurrent = SeccValues.NewDc();
            bptDynamic.EVSEMaximumVoltage = SeccValues.NewDc();
            bptDynamic.EVSEMaximumDischargePower = SeccValues.NewDc();
            bptDynamic.EVSEMinimumDischargePower = SeccValues.NewDc();
            bptDynamic.EVSEMaximumDischargeCurrent = SeccValues.NewDc();
            bptDynamic.EVSEMinimumVoltage = SeccValues.NewDc();
            loop.BPT_Dynamic_DC_CLResControlMode = bptDynamic;

            Dc.BPT_Scheduled_DC_CLResControlModeType bptScheduled = new Dc.BPT_Scheduled_DC_CLResControlModeType();
            bptScheduled.EVSEMaximumChargePower = SeccValues.NewDc();
            bptScheduled.EVSEMinimumChargePower = SeccValues.NewDc();
            bptScheduled.EVSEMaximumChargeCurrent = SeccValues.NewDc();
            bptScheduled.EVSEMaximumVoltage = SeccValues.NewDc();
            bptScheduled.EVSEMaximumDischargePower = SeccValues.NewDc();
            bptScheduled.EVSEMinimumDischargePower = SeccValues.NewDc();
            bptScheduled.EVSEMaximumDischargeCurrent = SeccValues.NewDc();
            bptScheduled.EVSEMinimumVoltage = SeccValues.NewDc();
            loop.BPT_Scheduled_DC_CLResControlMode = bptScheduled;

            Dc.Dynamic_DC_CLResControlModeType dynamic = new Dc.Dynamic_DC_CLResControlModeType();
            dynamic.EVSEMaximumChargePower = SeccValues.NewDc();
            dynamic.EVSEMinimumChargePower = SeccValues.NewDc();
            dynamic.EVSEMaximumChargeCurrent = SeccValues.NewDc();
            dynamic.EVSEMaximumVoltage = SeccValues.NewDc();
            loop.Dynamic_DC_CLResControlMode = dynamic;

            Dc.Scheduled_DC_CLResControlModeType scheduled = new Dc.Scheduled_DC_CLResControlModeType();
            scheduled.EVSEMaximumChargePower = SeccValues.NewDc();
            scheduled.EVSEMinimumChargePower = SeccValues.NewDc();
            scheduled.EVSEMaximumChargeCurrent = SeccValues.NewDc();
            scheduled.EVSEMaximumVoltage = SeccValues.NewDc();
            loop.Scheduled_DC_CLResControlMode = scheduled;
            loop.HasDynamic_DC_CLResControlMode = true;
            d.DC_ChargeLoopRes = loop;

            d.DC_WeldingDetectionRes = new Dc.DC_WeldingDetectionResType();
            d.DC_WeldingDetectionRes.Header = new MessageHeaderType();
            d.DC_WeldingDetectionRes.EVSEPresentVoltage = SeccValues.NewDc();
        }
    }
}
