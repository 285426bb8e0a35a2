using AppHand = V2G.Protocol.Iso15118.Generated.AppHand;
using Cm = V2G.Protocol.Iso15118.Generated.CommonMessages;
using Dc = V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;

namespace V2G.Protocol.Iso15118.Secc.States
{
    /// <summary>
    /// The one path for a request the session cannot take: it answers the request's own response
    /// type with <paramref name="code"/> (FAILED_SequenceError, FAILED_UnknownSession), keeping the
    /// rest of the preallocated response as it is (always encodable) and processing fields Finished.
    /// The session stops after sending it, as after any FAILED code.
    /// </summary>
    public static class SequenceError
    {
        public static int Answer(SeccRequest request, SeccDocuments docs, SeccContext ctx, ResponseCodeType code)
        {
            Cm.Iso20CommonMessagesDocument cm = docs.CommonOut;
            Dc.Iso20DcDocument dc = docs.DcOut;
            switch (request)
            {
                case SeccRequest.SupportedAppProtocol:
                    docs.AppHandOut.supportedAppProtocolRes.ResponseCode = AppHand.ResponseCodeType.Failed_NoNegotiation;
                    docs.AppHandOut.supportedAppProtocolRes.HasSchemaID = false;
                    return (int)AppHand.ResponseCodeType.Failed_NoNegotiation;
                case SeccRequest.SessionSetup:
                    ctx.FillHeader(cm.SessionSetupRes.Header);
                    cm.SessionSetupRes.ResponseCode = code;
                    cm.SessionSetupRes.EVSEID.Set(ctx.Settings.EvseId);
                    break;
                case SeccRequest.AuthorizationSetup:
                    ctx.FillHeader(cm.AuthorizationSetupRes.Header);
                    cm.AuthorizationSetupRes.ResponseCode = code;
                    break;
                case SeccRequest.Authorization:
                    ctx.FillHeader(cm.AuthorizationRes.Header);
                    cm.AuthorizationRes.ResponseCode = code;
                    cm.AuthorizationRes.EVSEProcessing = ProcessingType.Finished;
                    break;
                case SeccRequest.ServiceDiscovery:
                    ctx.FillHeader(cm.ServiceDiscoveryRes.Header);
                    cm.ServiceDiscoveryRes.ResponseCode = code;
                    break;
                case SeccRequest.ServiceDetail:
                    ctx.FillHeader(cm.ServiceDetailRes.Header);
                    cm.ServiceDetailRes.ResponseCode = code;
                    break;
                case SeccRequest.ServiceSelection:
                    ctx.FillHeader(cm.ServiceSelectionRes.Header);
                    cm.ServiceSelectionRes.ResponseCode = code;
                    break;
                case SeccRequest.ScheduleExchange:
                    ctx.FillHeader(cm.ScheduleExchangeRes.Header);
                    cm.ScheduleExchangeRes.ResponseCode = code;
                    cm.ScheduleExchangeRes.EVSEProcessing = ProcessingType.Finished;
                    break;
                case SeccRequest.PowerDelivery:
                    ctx.FillHeader(cm.PowerDeliveryRes.Header);
                    cm.PowerDeliveryRes.ResponseCode = code;
                    cm.PowerDeliveryRes.HasEVSEStatus = false;
                    break;
                case SeccRequest.SessionStop:
                    ctx.FillHeader(cm.SessionStopRes.Header);
                    cm.SessionStopRes.ResponseCode = code;
                    break;
                case SeccRequest.DcChargeParameterDiscovery:
                    ctx.FillHeader(dc.DC_ChargeParameterDiscoveryRes.Header);
                    dc.DC_ChargeParameterDiscoveryRes.ResponseCode = code;
                    break;
                case SeccRequest.DcCableCheck:
                    ctx.FillHeader(dc.DC_CableCheckRes.Header);
                    dc.DC_CableCheckRes.ResponseCode = code;
                    dc.DC_CableCheckRes.EVSEProcessing = ProcessingType.Finished;
                    break;
                case SeccRequest.DcPreCharge:
                    ctx.FillHeader(dc.DC_PreChargeRes.Header);
                    dc.DC_PreChargeRes.ResponseCode = code;
                    break;
                case SeccRequest.DcChargeLoop:
                    ctx.FillHeader(dc.DC_ChargeLoopRes.Header);
                    dc.DC_ChargeLoopRes.ResponseCode = code;
                    dc.DC_ChargeLoopRes.HasMeterInfo = false;
                    dc.DC_ChargeLoopRes.HasReceipt = false;
                    break;
                case SeccRequest.DcWeldingDetection:
                    ctx.FillHeader(dc.DC_WeldingDetectionRes.Header);
                    dc.DC_WeldingDetectionRes.ResponseCode = code;
                    break;
            }

            return (int)code;
        }
    }
}
