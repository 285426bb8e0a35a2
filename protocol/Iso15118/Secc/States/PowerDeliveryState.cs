using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Session;
using V2G.Protocol.Trace;

namespace V2G.Protocol.Iso15118.Secc.States
{
    /// <summary>
    /// PowerDelivery. Start: <see cref="IEvSessionPort.StartEnergyTransfer"/>; Finished → OK and the
    /// charge loop, Failed → FAILED_PowerDeliveryNotApplied. Stop: <see cref="IEvSessionPort.StopEnergyTransfer"/>;
    /// the answer waits (pending, re-asked every poll) until the output is down, at most
    /// <see cref="SeccSettings.PendingAnswerLimitMs"/>, so the EV (2 s message timeout) is answered
    /// in time; then welding detection. Standby and schedule renegotiation are not supported
    /// (WARNING, the session goes on). The answer carries EVSEStatus when the charger has a
    /// notification (Pause, Terminate); ISO 15118-20 has no "none" notification.
    /// </summary>
    public static class PowerDeliveryState
    {
        private static readonly string[] ProgressNames = { "Start", "Stop", "Standby", "ScheduleRenegotiation" };

        public static ResponseCodeType Handle(PowerDeliveryReqType req, PowerDeliveryResType res, SeccContext ctx)
        {
            ctx.FillHeader(res.Header);
            int progress = (int)req.ChargeProgress;
            SeccContext.Detail(ctx.RequestDetails, "ChargeProgress", progress >= 0 && progress < ProgressNames.Length ? ProgressNames[progress] : "unknown");
            if (req.HasBPT_ChannelSelection)
            {
                SeccContext.Detail(ctx.RequestDetails, "BPT_ChannelSelection", req.BPT_ChannelSelection == ChannelSelectionType.Charge ? "Charge" : "Discharge");
            }

            switch (req.ChargeProgress)
            {
                case ChargeProgressType.Start:
                    res.ResponseCode = Start(ctx);
                    break;
                case ChargeProgressType.Stop:
                    res.ResponseCode = Stop(ctx);
                    break;
                case ChargeProgressType.Standby:
                    res.ResponseCode = ResponseCodeType.WARNING_StandbyNotAllowed;
                    break;
                default:
                    res.ResponseCode = ResponseCodeType.WARNING_ScheduleRenegotiationFailed;
                    break;
            }

            ctx.Port.GetPresentValues(out ctx.PresentValues);
            res.HasEVSEStatus = EvseStatus.Fill(res.EVSEStatus, ref ctx.PresentValues, ctx);
            if (res.HasEVSEStatus)
            {
                SeccContext.Detail(ctx.ResponseDetails, "EVSENotification", ctx.PresentValues.Notification == ChargerNotification.Pause ? "Pause" : "Terminate");
            }

            return res.ResponseCode;
        }

        private static ResponseCodeType Start(SeccContext ctx)
        {
            if (ctx.State != SeccState.WaitPreCharge)
            {
                // A repeated Start in the charge loop: energy transfer is already on.
                return ctx.EnergyTransferStarted ? ResponseCodeType.OK : ResponseCodeType.FAILED_SequenceError;
            }

            StepStatus status = ctx.Port.StartEnergyTransfer();
            if (status == StepStatus.Finished)
            {
                ctx.EnergyTransferStarted = true;
                ctx.State = SeccState.ChargeLoop;
                return ResponseCodeType.OK;
            }

            if (status == StepStatus.Ongoing && ctx.NowMs - ctx.PendingSinceMs < ctx.Settings.PendingAnswerLimitMs)
            {
                ctx.AnswerPending = true;
                return ResponseCodeType.OK;
            }

            ctx.FailureLayer = FailureLayer.Controller;
            return ResponseCodeType.FAILED_PowerDeliveryNotApplied;
        }

        private static ResponseCodeType Stop(SeccContext ctx)
        {
            StepStatus status = ctx.Port.StopEnergyTransfer();
            if (status == StepStatus.Ongoing && ctx.NowMs - ctx.PendingSinceMs < ctx.Settings.PendingAnswerLimitMs)
            {
                ctx.AnswerPending = true;
                return ResponseCodeType.OK;
            }

            if (status == StepStatus.Failed)
            {
                // A fault already took the output to its safe state: the stop is done all the same.
                ctx.Port.GetPresentValues(out ctx.PresentValues);
                if (!ctx.PresentValues.IsFaulted)
                {
                    ctx.FailureLayer = FailureLayer.Controller;
                    return ResponseCodeType.FAILED;
                }
            }

            SeccContext.Detail(ctx.ResponseDetails, "output", status == StepStatus.Ongoing ? "still_stopping" : "stopped");
            ctx.State = SeccState.WaitWeldingDetection;
            return ResponseCodeType.OK;
        }
    }
}
