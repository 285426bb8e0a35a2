using V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Session;
using V2G.Protocol.Trace;

namespace V2G.Protocol.Iso15118.Secc.States
{
    /// <summary>
    /// DC_PreCharge, repeated while the EV's EVProcessing is Ongoing: the controller matches
    /// EVTargetVoltage (<see cref="IEvSessionPort.PreCharge"/>) and closes the output when it does;
    /// the answer carries the charger's present voltage. Refused → FAILED.
    /// </summary>
    public static class DcPreChargeState
    {
        public static ResponseCodeType Handle(DC_PreChargeReqType req, DC_PreChargeResType res, SeccContext ctx)
        {
            ctx.FillHeader(res.Header);
            double targetV = SeccValues.Of(req.EVTargetVoltage);
            double presentV = SeccValues.Of(req.EVPresentVoltage);
            SeccContext.Detail(ctx.RequestDetails, "EVTargetVoltage", targetV, "V");
            SeccContext.Detail(ctx.RequestDetails, "EVPresentVoltage", presentV, "V");
            SeccContext.Detail(ctx.RequestDetails, "EVProcessing", req.EVProcessing == ProcessingType.Finished ? "Finished" : "Ongoing");

            ctx.EvStatus.BatteryVoltageV = presentV;
            ctx.EvStatus.SocPercent = ctx.SocPercent;
            ctx.EvStatus.RequestedCurrentA = 0;
            ctx.EvStatus.HasCurrentRequest = false;
            ctx.EvStatus.BatteryTemperatureC = double.NaN;
            ctx.Port.UpdateVehicleStatus(ref ctx.EvStatus);

            StepStatus status = ctx.Port.PreCharge(targetV);
            ctx.Port.GetPresentValues(out ctx.PresentValues);
            SeccValues.Set(res.EVSEPresentVoltage, ctx.PresentValues.VoltageV);
            SeccContext.Detail(ctx.ResponseDetails, "EVSEPresentVoltage", ctx.PresentValues.VoltageV, "V");
            if (status == StepStatus.Failed)
            {
                ctx.FailureLayer = FailureLayer.Controller;
                res.ResponseCode = ResponseCodeType.FAILED;
                return res.ResponseCode;
            }

            res.ResponseCode = ResponseCodeType.OK;
            return res.ResponseCode;
        }
    }
}
