using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Session;
using V2G.Protocol.Trace;

namespace V2G.Protocol.Iso15118.Secc.States
{
    /// <summary>
    /// Authorization (EIM): asks the controller (<see cref="IEvSessionPort.Authorize"/>). Ongoing is
    /// answered EVSEProcessing Ongoing (plain Ongoing, as libiso15118 and the reference vector) for at
    /// most <see cref="SeccSettings.AuthorizationOngoingLimitMs"/>; then, or when refused, FAILED.
    /// PnC was not offered: selecting it is answered WARNING_AuthorizationSelectionInvalid.
    /// </summary>
    public static class AuthorizationState
    {
        public static ResponseCodeType Handle(AuthorizationReqType req, AuthorizationResType res, SeccContext ctx)
        {
            ctx.FillHeader(res.Header);
            res.EVSEProcessing = ProcessingType.Finished;
            SeccContext.Detail(ctx.RequestDetails, "SelectedAuthorizationService", req.SelectedAuthorizationService == AuthorizationType.EIM ? "EIM" : "PnC");
            if (req.SelectedAuthorizationService != AuthorizationType.EIM)
            {
                res.ResponseCode = ResponseCodeType.WARNING_AuthorizationSelectionInvalid;
                return res.ResponseCode;
            }

            StepStatus status = ctx.Port.Authorize();
            if (status == StepStatus.Finished)
            {
                ctx.EndOngoing();
                res.ResponseCode = ResponseCodeType.OK;
                ctx.State = SeccState.WaitServiceDiscovery;
            }
            else if (status == StepStatus.Ongoing && ctx.OngoingForMs() < ctx.Settings.AuthorizationOngoingLimitMs)
            {
                res.ResponseCode = ResponseCodeType.OK;
                res.EVSEProcessing = ProcessingType.Ongoing;
            }
            else
            {
                ctx.EndOngoing();
                ctx.FailureLayer = status == StepStatus.Failed ? FailureLayer.Controller : FailureLayer.Session;
                SeccContext.Detail(ctx.ResponseDetails, "reason", status == StepStatus.Failed ? "refused" : "ongoing_limit");
                res.ResponseCode = ResponseCodeType.FAILED;
            }

            SeccContext.Detail(ctx.ResponseDetails, "EVSEProcessing", res.EVSEProcessing == ProcessingType.Ongoing ? "Ongoing" : "Finished");
            return res.ResponseCode;
        }
    }
}
