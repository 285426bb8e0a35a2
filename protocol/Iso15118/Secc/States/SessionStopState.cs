using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Trace;

namespace V2G.Protocol.Iso15118.Secc.States
{
    /// <summary>
    /// SessionStop (refused in the charge loop, where the EV must send PowerDelivery Stop first).
    /// Terminate: the controller ends the session (<see cref="V2G.Protocol.Session.IEvSessionPort.EndSession"/>,
    /// which powers the output down first if it is live) and the connection closes
    /// <see cref="SeccSettings.CloseAfterSessionStopMs"/> later. Pause: the session is kept, so a
    /// SessionSetup with its ID is answered OK_OldSessionJoined; the connection closes the same way.
    /// ServiceRenegotiation: back to ServiceDiscovery on the same connection, or
    /// FAILED_NoServiceRenegotiationSupported when the settings say so.
    /// </summary>
    public static class SessionStopState
    {
        public static ResponseCodeType Handle(SessionStopReqType req, SessionStopResType res, SeccContext ctx)
        {
            ctx.FillHeader(res.Header);
            switch (req.ChargingSession)
            {
                case ChargingSessionType.ServiceRenegotiation:
                    SeccContext.Detail(ctx.RequestDetails, "ChargingSession", "ServiceRenegotiation");
                    if (!ctx.Settings.SupportServiceRenegotiation)
                    {
                        res.ResponseCode = ResponseCodeType.FAILED_NoServiceRenegotiationSupported;
                        ctx.FailureLayer = FailureLayer.Session;
                        return res.ResponseCode;
                    }

                    StopOutputIfLive(ctx);
                    ctx.BidirectionalSelected = false;
                    ctx.ControlMode = SeccControlMode.None;
                    ctx.State = SeccState.WaitServiceDiscovery;
                    res.ResponseCode = ResponseCodeType.OK;
                    return res.ResponseCode;

                case ChargingSessionType.Pause:
                    SeccContext.Detail(ctx.RequestDetails, "ChargingSession", "Pause");
                    StopOutputIfLive(ctx);

                    // The controller's session segment ends (its output off, no vehicle watchdog); the
                    // same plug-in resumes it when the vehicle joins the old session.
                    ctx.Port.EndSession();
                    ctx.IsPaused = true;
                    ctx.State = SeccState.Stopped;
                    ctx.CloseAfterMs = ctx.Settings.CloseAfterSessionStopMs;
                    res.ResponseCode = ResponseCodeType.OK;
                    return res.ResponseCode;

                default:
                    SeccContext.Detail(ctx.RequestDetails, "ChargingSession", "Terminate");
                    ctx.Port.EndSession();
                    ctx.State = SeccState.Stopped;
                    ctx.CloseAfterMs = ctx.Settings.CloseAfterSessionStopMs;
                    res.ResponseCode = ResponseCodeType.OK;
                    return res.ResponseCode;
            }
        }

        /// <summary>A stop before PowerDelivery Stop (e.g. right after precharge closed the output) powers down first.</summary>
        private static void StopOutputIfLive(SeccContext ctx)
        {
            if (ctx.State == SeccState.WaitPreCharge || ctx.State == SeccState.WaitCableCheck)
            {
                ctx.Port.StopEnergyTransfer();
            }

            ctx.EnergyTransferStarted = false;
        }
    }
}
