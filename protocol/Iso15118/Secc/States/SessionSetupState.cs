using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Iso20;

namespace V2G.Protocol.Iso15118.Secc.States
{
    /// <summary>
    /// SessionSetup: SessionID all zero (or unknown) starts a new session with a fresh random 8-byte
    /// ID; the ID of a paused session joins it (OK_OldSessionJoined) and the session continues at
    /// DC_ChargeParameterDiscovery with the services selected before the pause.
    /// </summary>
    public static class SessionSetupState
    {
        public static ResponseCodeType Handle(SessionSetupReqType req, SessionSetupResType res, SeccContext ctx)
        {
            SeccContext.Detail(ctx.RequestDetails, "EVCCID", "");
            for (int i = 0; i < req.EVCCID.Length; i++)
            {
                ctx.RequestDetails.Append(req.EVCCID.Chars[i]);
            }

            if (ctx.IsPaused && ctx.IsSessionId(req.Header.SessionID.Bytes, req.Header.SessionID.Length))
            {
                ctx.IsPaused = false;
                ctx.EnergyTransferStarted = false;
                ctx.State = SeccState.WaitChargeParameterDiscovery;
                res.ResponseCode = ResponseCodeType.OK_OldSessionJoined;
            }
            else
            {
                ctx.ResetSession();
                ctx.NewSessionId();
                ctx.HasSession = true;
                ctx.State = SeccState.WaitAuthorizationSetup;
                res.ResponseCode = ResponseCodeType.OK_NewSessionEstablished;
            }

            ctx.FillHeader(res.Header);
            res.EVSEID.Set(ctx.Settings.EvseId);
            return res.ResponseCode;
        }
    }
}
