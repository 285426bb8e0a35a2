using V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Session;
using V2G.Protocol.Trace;

namespace V2G.Protocol.Iso15118.Secc.States
{
    /// <summary>
    /// DC_CableCheck: the controller runs the insulation test at the vehicle's highest voltage
    /// (<see cref="IEvSessionPort.CableCheck"/>); Ongoing is answered EVSEProcessing Ongoing for at
    /// most <see cref="SeccSettings.CableCheckOngoingLimitMs"/>; Failed (or the limit) is answered FAILED.
    /// </summary>
    public static class DcCableCheckState
    {
        public static ResponseCodeType Handle(DC_CableCheckReqType req, DC_CableCheckResType res, SeccContext ctx)
        {
            ctx.FillHeader(res.Header);
            res.EVSEProcessing = ProcessingType.Finished;
            SeccContext.Detail(ctx.RequestDetails, "EVMaximumVoltage", ctx.EvLimits.MaxVoltageV, "V");
            StepStatus status = ctx.Port.CableCheck(ctx.EvLimits.MaxVoltageV);
            if (status == StepStatus.Finished)
            {
                ctx.EndOngoing();
                ctx.State = SeccState.WaitPreCharge;
                res.ResponseCode = ResponseCodeType.OK;
            }
            else if (status == StepStatus.Ongoing && ctx.OngoingForMs() < ctx.Settings.CableCheckOngoingLimitMs)
            {
                res.EVSEProcessing = ProcessingType.Ongoing;
                res.ResponseCode = ResponseCodeType.OK;
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
