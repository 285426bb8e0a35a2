using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Iso20;

namespace V2G.Protocol.Iso15118.Secc.States
{
    /// <summary>
    /// ServiceDiscovery: the energy transfer services offered are DC (ServiceID 2) and, when
    /// <see cref="SeccSettings.OfferBidirectional"/>, DC_BPT (ServiceID 6); narrowed to those the EV
    /// lists in SupportedServiceIDs when it lists any of them. No value-added services.
    /// </summary>
    public static class ServiceDiscoveryState
    {
        public static ResponseCodeType Handle(ServiceDiscoveryReqType req, ServiceDiscoveryResType res, SeccContext ctx)
        {
            ctx.FillHeader(res.Header);
            res.ResponseCode = ResponseCodeType.OK;
            res.ServiceRenegotiationSupported = ctx.Settings.SupportServiceRenegotiation;
            res.HasVASList = false;

            bool offerDc = true;
            bool offerBpt = ctx.Settings.OfferBidirectional;
            if (req.HasSupportedServiceIDs && req.SupportedServiceIDs != null)
            {
                bool evDc = Lists(req.SupportedServiceIDs, ServiceIds.Dc);
                bool evBpt = Lists(req.SupportedServiceIDs, ServiceIds.DcBpt);
                if (evDc || (evBpt && offerBpt))
                {
                    offerDc = evDc;
                    offerBpt = offerBpt && evBpt;
                }
            }

            ServiceListType list = res.EnergyTransferServiceList;
            int n = 0;
            if (offerDc)
            {
                list.Service[n].ServiceID = ServiceIds.Dc;
                list.Service[n].FreeService = false;
                n++;
            }

            if (offerBpt)
            {
                list.Service[n].ServiceID = ServiceIds.DcBpt;
                list.Service[n].FreeService = false;
                n++;
            }

            list.ServiceCount = n;
            SeccContext.Detail(ctx.ResponseDetails, "Services", offerDc ? (offerBpt ? "DC,DC_BPT" : "DC") : "DC_BPT");
            ctx.State = SeccState.WaitServiceSelection;
            return res.ResponseCode;
        }

        private static bool Lists(ServiceIDListType ids, ushort id)
        {
            for (int i = 0; i < ids.ServiceIDCount; i++)
            {
                if (ids.ServiceID[i] == id)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
