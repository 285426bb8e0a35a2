using V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Session;
using V2G.Protocol.Trace;

namespace V2G.Protocol.Iso15118.Secc.States
{
    /// <summary>
    /// DC_ChargeParameterDiscovery (DC or BPT variant). The vehicle's limits become
    /// <see cref="EvLimits"/> (discharge limits accepted with either sign, kept as magnitudes; zero
    /// unless DC_BPT was selected and the BPT variant sent) and go to the controller; limits it
    /// refuses are answered FAILED_WrongChargeParameter. The answer carries the charger's limits in
    /// the variant the vehicle used (BPT only when DC_BPT was selected), discharge limits positive
    /// unless <see cref="SeccSettings.SendDischargeLimitsNegative"/>.
    /// </summary>
    public static class DcChargeParameterDiscoveryState
    {
        public static ResponseCodeType Handle(DC_ChargeParameterDiscoveryReqType req, DC_ChargeParameterDiscoveryResType res, SeccContext ctx)
        {
            ctx.FillHeader(res.Header);
            bool bpt = req.HasBPT_DC_CPDReqEnergyTransferMode && req.BPT_DC_CPDReqEnergyTransferMode != null;
            bool dc = req.HasDC_CPDReqEnergyTransferMode && req.DC_CPDReqEnergyTransferMode != null;
            EvLimits limits = default(EvLimits);
            if (bpt)
            {
                BPT_DC_CPDReqEnergyTransferModeType m = req.BPT_DC_CPDReqEnergyTransferMode;
                limits.MaxVoltageV = SeccValues.Of(m.EVMaximumVoltage);
                limits.MinVoltageV = SeccValues.Of(m.EVMinimumVoltage);
                limits.MaxChargeCurrentA = SeccValues.Magnitude(SeccValues.Of(m.EVMaximumChargeCurrent));
                limits.MaxChargePowerW = SeccValues.Magnitude(SeccValues.Of(m.EVMaximumChargePower));
                if (ctx.BidirectionalSelected)
                {
                    limits.MaxDischargeCurrentA = SeccValues.Magnitude(SeccValues.Of(m.EVMaximumDischargeCurrent));
                    limits.MaxDischargePowerW = SeccValues.Magnitude(SeccValues.Of(m.EVMaximumDischargePower));
                }
            }
            else if (dc)
            {
                DC_CPDReqEnergyTransferModeType m = req.DC_CPDReqEnergyTransferMode;
                limits.MaxVoltageV = SeccValues.Of(m.EVMaximumVoltage);
                limits.MinVoltageV = SeccValues.Of(m.EVMinimumVoltage);
                limits.MaxChargeCurrentA = SeccValues.Magnitude(SeccValues.Of(m.EVMaximumChargeCurrent));
                limits.MaxChargePowerW = SeccValues.Magnitude(SeccValues.Of(m.EVMaximumChargePower));
            }

            SeccContext.Detail(ctx.RequestDetails, "variant", bpt ? "BPT" : "DC");
            SeccContext.Detail(ctx.RequestDetails, "EVMaximumVoltage", limits.MaxVoltageV, "V");
            SeccContext.Detail(ctx.RequestDetails, "EVMaximumChargeCurrent", limits.MaxChargeCurrentA, "A");
            SeccContext.Detail(ctx.RequestDetails, "EVMaximumDischargeCurrent", limits.MaxDischargeCurrentA, "A");

            bool sendBpt = bpt && ctx.BidirectionalSelected;
            res.HasBPT_DC_CPDResEnergyTransferMode = sendBpt;
            res.HasDC_CPDResEnergyTransferMode = !sendBpt;

            if ((!bpt && !dc) || !ctx.Port.SetVehicleLimits(ref limits))
            {
                ctx.FailureLayer = bpt || dc ? FailureLayer.Controller : FailureLayer.Session;
                res.ResponseCode = ResponseCodeType.FAILED_WrongChargeParameter;
                FillCharger(res, ctx, sendBpt);
                return res.ResponseCode;
            }

            ctx.EvLimits = limits;
            FillCharger(res, ctx, sendBpt);
            ctx.State = SeccState.WaitScheduleExchange;
            res.ResponseCode = ResponseCodeType.OK;
            return res.ResponseCode;
        }

        private static void FillCharger(DC_ChargeParameterDiscoveryResType res, SeccContext ctx, bool bpt)
        {
            ctx.Port.GetChargerLimits(out ctx.ChargerLimits);
            if (bpt)
            {
                BPT_DC_CPDResEnergyTransferModeType m = res.BPT_DC_CPDResEnergyTransferMode;
                SeccValues.Set(m.EVSEMaximumChargePower, ctx.ChargerLimits.MaxChargePowerW);
                SeccValues.Set(m.EVSEMinimumChargePower, 0);
                SeccValues.Set(m.EVSEMaximumChargeCurrent, ctx.ChargerLimits.MaxChargeCurrentA);
                SeccValues.Set(m.EVSEMinimumChargeCurrent, 0);
                SeccValues.Set(m.EVSEMaximumVoltage, ctx.ChargerLimits.MaxVoltageV);
                SeccValues.Set(m.EVSEMinimumVoltage, ctx.ChargerLimits.MinVoltageV);
                m.HasEVSEPowerRampLimitation = false;
                SeccValues.Set(m.EVSEMaximumDischargePower, SeccValues.DischargeLimitToSend(ctx.ChargerLimits.MaxDischargePowerW, ctx.Settings));
                SeccValues.Set(m.EVSEMinimumDischargePower, 0);
                SeccValues.Set(m.EVSEMaximumDischargeCurrent, SeccValues.DischargeLimitToSend(ctx.ChargerLimits.MaxDischargeCurrentA, ctx.Settings));
                SeccValues.Set(m.EVSEMinimumDischargeCurrent, 0);
            }
            else
            {
                DC_CPDResEnergyTransferModeType m = res.DC_CPDResEnergyTransferMode;
                SeccValues.Set(m.EVSEMaximumChargePower, ctx.ChargerLimits.MaxChargePowerW);
                SeccValues.Set(m.EVSEMinimumChargePower, 0);
                SeccValues.Set(m.EVSEMaximumChargeCurrent, ctx.ChargerLimits.MaxChargeCurrentA);
                SeccValues.Set(m.EVSEMinimumChargeCurrent, 0);
                SeccValues.Set(m.EVSEMaximumVoltage, ctx.ChargerLimits.MaxVoltageV);
                SeccValues.Set(m.EVSEMinimumVoltage, ctx.ChargerLimits.MinVoltageV);
                m.HasEVSEPowerRampLimitation = false;
            }

            SeccContext.Detail(ctx.ResponseDetails, "EVSEMaximumChargeCurrent", ctx.ChargerLimits.MaxChargeCurrentA, "A");
            if (bpt)
            {
                SeccContext.Detail(ctx.ResponseDetails, "EVSEMaximumDischargeCurrent", SeccValues.DischargeLimitToSend(ctx.ChargerLimits.MaxDischargeCurrentA, ctx.Settings), "A");
            }
        }
    }
}
