using V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Session;
using V2G.Protocol.Trace;

namespace V2G.Protocol.Iso15118.Secc.States
{
    /// <summary>
    /// DC_ChargeLoop in all four variants (BPT Dynamic, BPT Scheduled, DC Dynamic, DC Scheduled);
    /// the answer uses the variant of the request. The vehicle's present voltage, SoC and (Scheduled)
    /// EVTargetCurrent (negative = discharge) go to <see cref="IEvSessionPort.UpdateVehicleStatus"/>;
    /// the limits it repeats go to <see cref="IEvSessionPort.SetVehicleLimits"/> (discharge limits
    /// as magnitudes, zero unless DC_BPT was selected). The answer: present current and voltage
    /// (+ into the EV), the limit-achieved flags, the charger's limits (Dynamic; and the optional
    /// ones of Scheduled), EVSEStatus when the controller notifies Pause or Terminate, MeterInfo
    /// when requested and a meter is wired. Allocates nothing.
    /// </summary>
    public static class DcChargeLoopState
    {
        /// <summary>Within this fraction of a power limit the power limit counts as achieved.</summary>
        public const double PowerLimitMargin = 0.98;

        /// <summary>Within this of the voltage limit the voltage limit counts as achieved, V.</summary>
        public const double VoltageLimitMarginV = 2.0;

        public static ResponseCodeType Handle(DC_ChargeLoopReqType req, DC_ChargeLoopResType res, SeccContext ctx)
        {
            ctx.FillHeader(res.Header);
            bool bpt = ctx.BidirectionalSelected;
            double presentV = SeccValues.Of(req.EVPresentVoltage);
            if (req.HasDisplayParameters && req.DisplayParameters != null && req.DisplayParameters.HasPresentSOC)
            {
                ctx.SocPercent = req.DisplayParameters.PresentSOC;
            }

            if (req.HasDisplayParameters && req.DisplayParameters != null && req.DisplayParameters.HasBatteryEnergyCapacity)
            {
                ctx.EvLimits.BatteryCapacityWh = SeccValues.Of(req.DisplayParameters.BatteryEnergyCapacity);
            }

            ctx.EvStatus.BatteryVoltageV = presentV;
            ctx.EvStatus.SocPercent = ctx.SocPercent;
            ctx.EvStatus.BatteryTemperatureC = double.NaN;
            ctx.EvStatus.HasCurrentRequest = false;
            ctx.EvStatus.RequestedCurrentA = 0;
            bool limitsChanged = false;

            SeccContext.Detail(ctx.RequestDetails, "EVPresentVoltage", presentV, "V");
            if (req.HasBPT_Dynamic_DC_CLReqControlMode)
            {
                BPT_Dynamic_DC_CLReqControlModeType m = req.BPT_Dynamic_DC_CLReqControlMode;
                ctx.EvLimits.MaxChargePowerW = SeccValues.Magnitude(SeccValues.Of(m.EVMaximumChargePower));
                ctx.EvLimits.MaxChargeCurrentA = SeccValues.Magnitude(SeccValues.Of(m.EVMaximumChargeCurrent));
                ctx.EvLimits.MaxVoltageV = SeccValues.Of(m.EVMaximumVoltage);
                ctx.EvLimits.MinVoltageV = SeccValues.Of(m.EVMinimumVoltage);
                ctx.EvLimits.MaxDischargePowerW = bpt ? SeccValues.Magnitude(SeccValues.Of(m.EVMaximumDischargePower)) : 0;
                ctx.EvLimits.MaxDischargeCurrentA = bpt ? SeccValues.Magnitude(SeccValues.Of(m.EVMaximumDischargeCurrent)) : 0;
                limitsChanged = true;
                SeccContext.Detail(ctx.RequestDetails, "mode", "BPT_Dynamic");
            }
            else if (req.HasDynamic_DC_CLReqControlMode)
            {
                Dynamic_DC_CLReqControlModeType m = req.Dynamic_DC_CLReqControlMode;
                ctx.EvLimits.MaxChargePowerW = SeccValues.Magnitude(SeccValues.Of(m.EVMaximumChargePower));
                ctx.EvLimits.MaxChargeCurrentA = SeccValues.Magnitude(SeccValues.Of(m.EVMaximumChargeCurrent));
                ctx.EvLimits.MaxVoltageV = SeccValues.Of(m.EVMaximumVoltage);
                ctx.EvLimits.MinVoltageV = SeccValues.Of(m.EVMinimumVoltage);
                ctx.EvLimits.MaxDischargePowerW = 0;
                ctx.EvLimits.MaxDischargeCurrentA = 0;
                limitsChanged = true;
                SeccContext.Detail(ctx.RequestDetails, "mode", "Dynamic");
            }
            else if (req.HasBPT_Scheduled_DC_CLReqControlMode)
            {
                BPT_Scheduled_DC_CLReqControlModeType m = req.BPT_Scheduled_DC_CLReqControlMode;
                SetRequest(ctx, SeccValues.Of(m.EVTargetCurrent), bpt);
                SeccContext.Detail(ctx.RequestDetails, "EVTargetVoltage", SeccValues.Of(m.EVTargetVoltage), "V");
                limitsChanged |= Optional(m.HasEVMaximumChargePower, m.EVMaximumChargePower, true, ref ctx.EvLimits.MaxChargePowerW);
                limitsChanged |= Optional(m.HasEVMaximumChargeCurrent, m.EVMaximumChargeCurrent, true, ref ctx.EvLimits.MaxChargeCurrentA);
                limitsChanged |= Optional(m.HasEVMaximumVoltage, m.EVMaximumVoltage, false, ref ctx.EvLimits.MaxVoltageV);
                limitsChanged |= Optional(m.HasEVMinimumVoltage, m.EVMinimumVoltage, false, ref ctx.EvLimits.MinVoltageV);
                limitsChanged |= Optional(m.HasEVMaximumDischargePower, m.EVMaximumDischargePower, true, ref ctx.EvLimits.MaxDischargePowerW);
                limitsChanged |= Optional(m.HasEVMaximumDischargeCurrent, m.EVMaximumDischargeCurrent, true, ref ctx.EvLimits.MaxDischargeCurrentA);
                if (!bpt)
                {
                    ctx.EvLimits.MaxDischargePowerW = 0;
                    ctx.EvLimits.MaxDischargeCurrentA = 0;
                }

                SeccContext.Detail(ctx.RequestDetails, "mode", "BPT_Scheduled");
            }
            else if (req.HasScheduled_DC_CLReqControlMode)
            {
                Scheduled_DC_CLReqControlModeType m = req.Scheduled_DC_CLReqControlMode;
                SetRequest(ctx, SeccValues.Of(m.EVTargetCurrent), false);
                SeccContext.Detail(ctx.RequestDetails, "EVTargetVoltage", SeccValues.Of(m.EVTargetVoltage), "V");
                limitsChanged |= Optional(m.HasEVMaximumChargePower, m.EVMaximumChargePower, true, ref ctx.EvLimits.MaxChargePowerW);
                limitsChanged |= Optional(m.HasEVMaximumChargeCurrent, m.EVMaximumChargeCurrent, true, ref ctx.EvLimits.MaxChargeCurrentA);
                limitsChanged |= Optional(m.HasEVMaximumVoltage, m.EVMaximumVoltage, false, ref ctx.EvLimits.MaxVoltageV);
                limitsChanged |= Optional(m.HasEVMinimumVoltage, m.EVMinimumVoltage, false, ref ctx.EvLimits.MinVoltageV);
                SeccContext.Detail(ctx.RequestDetails, "mode", "Scheduled");
            }

            if (ctx.EvStatus.HasCurrentRequest)
            {
                SeccContext.Detail(ctx.RequestDetails, "EVTargetCurrent", ctx.EvStatus.RequestedCurrentA, "A");
            }

            if (!double.IsNaN(ctx.SocPercent))
            {
                SeccContext.Detail(ctx.RequestDetails, "SoC", ctx.SocPercent, "%");
            }

            ctx.Port.UpdateVehicleStatus(ref ctx.EvStatus);
            SeccEnergyNeeds.FromChargeLoop(req, ctx);
            ctx.Port.GetPresentValues(out ctx.PresentValues);
            res.ResponseCode = ResponseCodeType.OK;
            if (limitsChanged && !ctx.Port.SetVehicleLimits(ref ctx.EvLimits)
                && !ctx.PresentValues.IsFaulted && ctx.PresentValues.Notification == ChargerNotification.None)
            {
                // Limits the controller cannot serve, while it is not already ending the session.
                ctx.FailureLayer = FailureLayer.Controller;
                res.ResponseCode = ResponseCodeType.FAILED_EVPowerProfileViolation;
            }

            ctx.Port.GetChargerLimits(out ctx.ChargerLimits);
            FillPresent(res, ctx);
            FillControlMode(req, res, ctx, bpt);
            res.HasEVSEStatus = EvseStatus.Fill(res.EVSEStatus, ref ctx.PresentValues, ctx);
            if (res.HasEVSEStatus)
            {
                SeccContext.Detail(ctx.ResponseDetails, "EVSENotification", ctx.PresentValues.Notification == ChargerNotification.Pause ? "Pause" : "Terminate");
            }

            res.HasReceipt = false;
            res.HasMeterInfo = req.MeterInfoRequested && ctx.Meter != null;
            if (res.HasMeterInfo)
            {
                FillMeter(res.MeterInfo, ctx, bpt);
            }

            return res.ResponseCode;
        }

        /// <summary>Takes an optional limit of the Scheduled variants when present; returns whether it was.</summary>
        private static bool Optional(bool present, RationalNumberType value, bool magnitude, ref double target)
        {
            if (!present)
            {
                return false;
            }

            double x = SeccValues.Of(value);
            target = magnitude ? SeccValues.Magnitude(x) : x;
            return true;
        }

        private static void SetRequest(SeccContext ctx, double targetCurrentA, bool mayDischarge)
        {
            ctx.EvStatus.HasCurrentRequest = true;
            ctx.EvStatus.RequestedCurrentA = !mayDischarge && targetCurrentA < 0 ? 0 : targetCurrentA;
        }

        private static void FillPresent(DC_ChargeLoopResType res, SeccContext ctx)
        {
            double currentA = ctx.PresentValues.CurrentA;
            double voltageV = ctx.PresentValues.VoltageV;
            SeccValues.Set(res.EVSEPresentCurrent, currentA);
            SeccValues.Set(res.EVSEPresentVoltage, voltageV);
            bool limited = ctx.PresentValues.IsCurrentLimited;
            double powerW = SeccValues.Magnitude(ctx.PresentValues.PowerW);
            double powerLimitW = currentA < 0 ? Min(ctx.ChargerLimits.MaxDischargePowerW, ctx.EvLimits.MaxDischargePowerW) : Min(ctx.ChargerLimits.MaxChargePowerW, ctx.EvLimits.MaxChargePowerW);
            double voltageLimitV = Min(ctx.ChargerLimits.MaxVoltageV, ctx.EvLimits.MaxVoltageV);
            res.EVSECurrentLimitAchieved = limited;
            res.EVSEPowerLimitAchieved = limited && powerLimitW > 0 && powerW >= PowerLimitMargin * powerLimitW;
            res.EVSEVoltageLimitAchieved = limited && voltageLimitV > 0 && voltageV >= voltageLimitV - VoltageLimitMarginV;
            SeccContext.Detail(ctx.ResponseDetails, "EVSEPresentCurrent", currentA, "A");
            SeccContext.Detail(ctx.ResponseDetails, "EVSEPresentVoltage", voltageV, "V");
            if (limited)
            {
                SeccContext.Detail(ctx.ResponseDetails, "limited", res.EVSEPowerLimitAchieved ? "power" : (res.EVSEVoltageLimitAchieved ? "voltage" : "current"));
            }
        }

        private static void FillControlMode(DC_ChargeLoopReqType req, DC_ChargeLoopResType res, SeccContext ctx, bool bpt)
        {
            res.HasBPT_Dynamic_DC_CLResControlMode = false;
            res.HasBPT_Scheduled_DC_CLResControlMode = false;
            res.HasDynamic_DC_CLResControlMode = false;
            res.HasScheduled_DC_CLResControlMode = false;
            double dischargePowerW = bpt ? SeccValues.DischargeLimitToSend(ctx.ChargerLimits.MaxDischargePowerW, ctx.Settings) : 0;
            double dischargeCurrentA = bpt ? SeccValues.DischargeLimitToSend(ctx.ChargerLimits.MaxDischargeCurrentA, ctx.Settings) : 0;
            if (req.HasBPT_Dynamic_DC_CLReqControlMode)
            {
                BPT_Dynamic_DC_CLResControlModeType m = res.BPT_Dynamic_DC_CLResControlMode;
                ClearDynamicOptionals(m);
                SeccValues.Set(m.EVSEMaximumChargePower, ctx.ChargerLimits.MaxChargePowerW);
                SeccValues.Set(m.EVSEMinimumChargePower, 0);
                SeccValues.Set(m.EVSEMaximumChargeCurrent, ctx.ChargerLimits.MaxChargeCurrentA);
                SeccValues.Set(m.EVSEMaximumVoltage, ctx.ChargerLimits.MaxVoltageV);
                SeccValues.Set(m.EVSEMaximumDischargePower, dischargePowerW);
                SeccValues.Set(m.EVSEMinimumDischargePower, 0);
                SeccValues.Set(m.EVSEMaximumDischargeCurrent, dischargeCurrentA);
                SeccValues.Set(m.EVSEMinimumVoltage, ctx.ChargerLimits.MinVoltageV);
                res.HasBPT_Dynamic_DC_CLResControlMode = true;
            }
            else if (req.HasBPT_Scheduled_DC_CLReqControlMode)
            {
                BPT_Scheduled_DC_CLResControlModeType m = res.BPT_Scheduled_DC_CLResControlMode;
                SeccValues.Set(m.EVSEMaximumChargePower, ctx.ChargerLimits.MaxChargePowerW);
                m.HasEVSEMaximumChargePower = true;
                m.HasEVSEMinimumChargePower = false;
                SeccValues.Set(m.EVSEMaximumChargeCurrent, ctx.ChargerLimits.MaxChargeCurrentA);
                m.HasEVSEMaximumChargeCurrent = true;
                SeccValues.Set(m.EVSEMaximumVoltage, ctx.ChargerLimits.MaxVoltageV);
                m.HasEVSEMaximumVoltage = true;
                SeccValues.Set(m.EVSEMaximumDischargePower, dischargePowerW);
                m.HasEVSEMaximumDischargePower = true;
                m.HasEVSEMinimumDischargePower = false;
                SeccValues.Set(m.EVSEMaximumDischargeCurrent, dischargeCurrentA);
                m.HasEVSEMaximumDischargeCurrent = true;
                SeccValues.Set(m.EVSEMinimumVoltage, ctx.ChargerLimits.MinVoltageV);
                m.HasEVSEMinimumVoltage = true;
                res.HasBPT_Scheduled_DC_CLResControlMode = true;
            }
            else if (req.HasScheduled_DC_CLReqControlMode)
            {
                Scheduled_DC_CLResControlModeType m = res.Scheduled_DC_CLResControlMode;
                SeccValues.Set(m.EVSEMaximumChargePower, ctx.ChargerLimits.MaxChargePowerW);
                m.HasEVSEMaximumChargePower = true;
                m.HasEVSEMinimumChargePower = false;
                SeccValues.Set(m.EVSEMaximumChargeCurrent, ctx.ChargerLimits.MaxChargeCurrentA);
                m.HasEVSEMaximumChargeCurrent = true;
                SeccValues.Set(m.EVSEMaximumVoltage, ctx.ChargerLimits.MaxVoltageV);
                m.HasEVSEMaximumVoltage = true;
                res.HasScheduled_DC_CLResControlMode = true;
            }
            else
            {
                // Plain DC Dynamic (also the answer to a request that named no control mode).
                Dynamic_DC_CLResControlModeType m = res.Dynamic_DC_CLResControlMode;
                m.HasDepartureTime = false;
                m.HasMinimumSOC = false;
                m.HasTargetSOC = false;
                m.HasAckMaxDelay = false;
                SeccValues.Set(m.EVSEMaximumChargePower, ctx.ChargerLimits.MaxChargePowerW);
                SeccValues.Set(m.EVSEMinimumChargePower, 0);
                SeccValues.Set(m.EVSEMaximumChargeCurrent, ctx.ChargerLimits.MaxChargeCurrentA);
                SeccValues.Set(m.EVSEMaximumVoltage, ctx.ChargerLimits.MaxVoltageV);
                res.HasDynamic_DC_CLResControlMode = true;
            }
        }

        private static void ClearDynamicOptionals(BPT_Dynamic_DC_CLResControlModeType m)
        {
            m.HasDepartureTime = false;
            m.HasMinimumSOC = false;
            m.HasTargetSOC = false;
            m.HasAckMaxDelay = false;
        }

        private static void FillMeter(MeterInfoType meter, SeccContext ctx, bool bpt)
        {
            meter.MeterID.Set(ctx.Settings.MeterId);
            double importWh = ctx.Meter.ImportWh;
            double exportWh = ctx.Meter.ExportWh;
            meter.ChargedEnergyReadingWh = importWh > 0 ? (ulong)importWh : 0;
            meter.HasBPT_DischargedEnergyReadingWh = bpt;
            meter.BPT_DischargedEnergyReadingWh = exportWh > 0 ? (ulong)exportWh : 0;
            meter.HasCapacitiveEnergyReadingVARh = false;
            meter.HasBPT_InductiveEnergyReadingVARh = false;
            meter.HasMeterSignature = false;
            meter.HasMeterStatus = false;
            meter.MeterTimestamp = ctx.TimeStamp();
            meter.HasMeterTimestamp = true;
            SeccContext.Detail(ctx.ResponseDetails, "ChargedEnergyReadingWh", (long)meter.ChargedEnergyReadingWh);
        }

        private static double Min(double a, double b)
        {
            return a < b ? a : b;
        }
    }
}
