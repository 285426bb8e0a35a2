using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Iso20;

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

            ProcessingType processing;
            res.ResponseCode = ctx.AnswerRepeatedStep(ctx.Port.Authorize(), ctx.Settings.AuthorizationOngoingLimitMs, out processing);
            res.EVSEProcessing = processing;
            if (res.ResponseCode == ResponseCodeType.OK && processing == ProcessingType.Finished)
            {
                ctx.State = SeccState.WaitServiceDiscovery;
            }

            return res.ResponseCode;
        }
    }
}
