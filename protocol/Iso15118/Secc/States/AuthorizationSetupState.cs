using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Iso20;

namespace V2G.Protocol.Iso15118.Secc.States
{
    /// <summary>AuthorizationSetup: the charger offers EIM only (no Plug &amp; Charge, no certificate installation).</summary>
    public static class AuthorizationSetupState
    {
        public static ResponseCodeType Handle(AuthorizationSetupReqType req, AuthorizationSetupResType res, SeccContext ctx)
        {
            ctx.FillHeader(res.Header);
            res.ResponseCode = ResponseCodeType.OK;
            res.AuthorizationServices[0] = AuthorizationType.EIM;
            res.AuthorizationServicesCount = 1;
            res.CertificateInstallationService = false;
            res.HasEIM_ASResAuthorizationMode = true;
            res.HasPnC_ASResAuthorizationMode = false;
            SeccContext.Detail(ctx.ResponseDetails, "AuthorizationServices", "EIM");
            ctx.State = SeccState.WaitAuthorization;
            ctx.EndOngoing();
            return res.ResponseCode;
        }
    }
}
