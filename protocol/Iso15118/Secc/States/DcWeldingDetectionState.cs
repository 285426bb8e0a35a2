using V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Session;
using V2G.Protocol.Trace;

namespace V2G.Protocol.Iso15118.Secc.States
{
    /// <summary>
    /// DC_WeldingDetection, repeated while the EV's EVProcessing is Ongoing. While the output is still
    /// powering down (PowerDelivery Stop was answered at its wait limit) the charger only reports its
    /// voltage; then the controller checks that its contactors opened
    /// (<see cref="IEvSessionPort.WeldingDetection"/>). The answer carries the present voltage, from
    /// which the EV judges its own contactors. A failed check is answered FAILED.
    /// </summary>
    public static class DcWeldingDetectionState
    {
        public static ResponseCodeType Handle(DC_WeldingDetectionReqType req, DC_WeldingDetectionResType res, SeccContext ctx)
        {
            ctx.FillHeader(res.Header);
            SeccContext.Detail(ctx.RequestDetails, "EVProcessing", req.EVProcessing == ProcessingType.Finished ? "Finished" : "Ongoing");
            StepStatus stop = ctx.Port.StopEnergyTransfer();
            StepStatus status = stop == StepStatus.Finished ? ctx.Port.WeldingDetection() : stop;
            ctx.Port.GetPresentValues(out ctx.PresentValues);
            SeccValues.Set(res.EVSEPresentVoltage, ctx.PresentValues.VoltageV);
            SeccContext.Detail(ctx.ResponseDetails, "EVSEPresentVoltage", ctx.PresentValues.VoltageV, "V");
            SeccContext.Detail(ctx.ResponseDetails, "check", stop != StepStatus.Finished ? "powering_down" : (status == StepStatus.Finished ? "passed" : (status == StepStatus.Ongoing ? "running" : "failed")));
            if (status == StepStatus.Failed)
            {
                // A welded contactor (or another fault) is the controller's to handle: the EV is told to end.
                ctx.FailureLayer = FailureLayer.Controller;
                res.ResponseCode = ResponseCodeType.FAILED;
                return res.ResponseCode;
            }

            res.ResponseCode = ResponseCodeType.OK;
            return res.ResponseCode;
        }
    }
}
