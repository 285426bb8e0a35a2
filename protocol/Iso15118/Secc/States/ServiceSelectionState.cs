using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Iso20;

namespace V2G.Protocol.Iso15118.Secc.States
{
    /// <summary>
    /// ServiceSelection: remembers whether DC_BPT was selected and which control mode (the parameter
    /// set: 1 Dynamic, 2 Scheduled). A service or parameter set the charger did not offer is answered
    /// FAILED_ServiceSelectionInvalid. Value-added services are ignored (none were offered).
    /// </summary>
    public static class ServiceSelectionState
    {
        public static ResponseCodeType Handle(ServiceSelectionReqType req, ServiceSelectionResType res, SeccContext ctx)
        {
            ctx.FillHeader(res.Header);
            SelectedServiceType selected = req.SelectedEnergyTransferService;
            ushort serviceId = selected == null ? (ushort)0 : selected.ServiceID;
            ushort setId = selected == null ? (ushort)0 : selected.ParameterSetID;
            SeccContext.Detail(ctx.RequestDetails, "ServiceID", serviceId);
            SeccContext.Detail(ctx.RequestDetails, "ParameterSetID", setId);

            bool bpt = serviceId == ServiceIds.DcBpt;
            bool serviceOk = serviceId == ServiceIds.Dc || (bpt && ctx.Settings.OfferBidirectional);
            SeccControlMode mode = SeccControlMode.None;
            if (setId == ServiceIds.DynamicParameterSetId && ctx.Settings.OfferDynamicMode)
            {
                mode = SeccControlMode.Dynamic;
            }
            else if (setId == ServiceIds.ScheduledParameterSetId && ctx.Settings.OfferScheduledMode)
            {
                mode = SeccControlMode.Scheduled;
            }

            if (!serviceOk || mode == SeccControlMode.None)
            {
                res.ResponseCode = ResponseCodeType.FAILED_ServiceSelectionInvalid;
                return res.ResponseCode;
            }

            ctx.BidirectionalSelected = bpt;
            ctx.ControlMode = mode;
            ctx.State = SeccState.WaitChargeParameterDiscovery;
            SeccContext.Detail(ctx.ResponseDetails, "selected", bpt ? (mode == SeccControlMode.Dynamic ? "DC_BPT Dynamic" : "DC_BPT Scheduled") : (mode == SeccControlMode.Dynamic ? "DC Dynamic" : "DC Scheduled"));
            res.ResponseCode = ResponseCodeType.OK;
            return res.ResponseCode;
        }
    }
}
