using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Iso20;

namespace V2G.Protocol.Iso15118.Secc.States
{
    /// <summary>
    /// ServiceDetail: one parameter set per offered control mode (ID 1 Dynamic, ID 2 Scheduled) with
    /// Connector, ControlMode, MobilityNeedsMode and Pricing; for DC_BPT also BPTChannel and
    /// GeneratorMode (a vehicle refuses a DC_BPT service described by the plain DC set). An ID the
    /// charger did not offer is answered FAILED_ServiceIDInvalid.
    /// </summary>
    public static class ServiceDetailState
    {
        public static ResponseCodeType Handle(ServiceDetailReqType req, ServiceDetailResType res, SeccContext ctx)
        {
            ctx.FillHeader(res.Header);
            res.ServiceID = req.ServiceID;
            SeccContext.Detail(ctx.RequestDetails, "ServiceID", req.ServiceID);
            bool bpt = req.ServiceID == ServiceIds.DcBpt;
            bool offered = req.ServiceID == ServiceIds.Dc || (bpt && ctx.Settings.OfferBidirectional);
            if (!offered || !(ctx.Settings.OfferDynamicMode || ctx.Settings.OfferScheduledMode))
            {
                res.ResponseCode = ResponseCodeType.FAILED_ServiceIDInvalid;
                return res.ResponseCode;
            }

            ServiceParameterListType list = res.ServiceParameterList;
            int sets = 0;
            if (ctx.Settings.OfferDynamicMode)
            {
                Fill(list.ParameterSet[sets++], ServiceIds.DynamicParameterSetId, SeccControlMode.Dynamic, bpt);
            }

            if (ctx.Settings.OfferScheduledMode)
            {
                Fill(list.ParameterSet[sets++], ServiceIds.ScheduledParameterSetId, SeccControlMode.Scheduled, bpt);
            }

            list.ParameterSetCount = sets;
            SeccContext.Detail(ctx.ResponseDetails, "ParameterSets", sets);
            res.ResponseCode = ResponseCodeType.OK;
            return res.ResponseCode;
        }

        private static void Fill(ParameterSetType set, ushort id, SeccControlMode mode, bool bpt)
        {
            set.ParameterSetID = id;
            int n = 0;
            Int(set.Parameter[n++], "Connector", ServiceIds.ConnectorExtended);
            Int(set.Parameter[n++], "ControlMode", (int)mode);
            Int(set.Parameter[n++], "MobilityNeedsMode", ServiceIds.MobilityNeedsProvidedByEvcc);
            Int(set.Parameter[n++], "Pricing", ServiceIds.NoPricing);
            if (bpt)
            {
                Int(set.Parameter[n++], "BPTChannel", ServiceIds.BptChannelUnified);
                Int(set.Parameter[n++], "GeneratorMode", ServiceIds.GeneratorModeGridFollowing);
            }

            set.ParameterCount = n;
        }

        private static void Int(ParameterType p, string name, int value)
        {
            p.Name.Set(name);
            p.HasboolValue = false;
            p.HasbyteValue = false;
            p.HasshortValue = false;
            p.HasrationalNumber = false;
            p.HasfiniteString = false;
            p.HasintValue = true;
            p.intValue = value;
        }
    }
}
