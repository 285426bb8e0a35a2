using V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;

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
            SeccContext.Detail(ctx.RequestDetails, "EVMaximumVoltage", ctx.EvLimits.MaxVoltageV, "V");
            ProcessingType processing;
            res.ResponseCode = ctx.AnswerRepeatedStep(ctx.Port.CableCheck(ctx.EvLimits.MaxVoltageV), ctx.Settings.CableCheckOngoingLimitMs, out processing);
            res.EVSEProcessing = processing;
            if (res.ResponseCode == ResponseCodeType.OK && processing == ProcessingType.Finished)
            {
                ctx.State = SeccState.WaitPreCharge;
            }

            return res.ResponseCode;
        }
    }
}
