using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Iso20;

namespace V2G.Protocol.Iso15118.Secc.States
{
    /// <summary>
    /// ScheduleExchange, answered Finished at once. Dynamic: the (empty) Dynamic response; the
    /// charger chooses the operating point in the loop. Scheduled: one schedule tuple (ID 1)
    /// covering the session (until the EV's DepartureTime, else 24 h) at the charger's power limits;
    /// for DC_BPT with a discharging schedule whose power is negative (export), as the reference vector.
    /// </summary>
    public static class ScheduleExchangeState
    {
        /// <summary>Length of the schedule when the EV gives no departure time, s.</summary>
        public const uint DefaultScheduleDurationS = 86400;

        public static ResponseCodeType Handle(ScheduleExchangeReqType req, ScheduleExchangeResType res, SeccContext ctx)
        {
            ctx.FillHeader(res.Header);
            res.EVSEProcessing = ProcessingType.Finished;
            res.HasGoToPause = false;
            bool scheduled = ctx.ControlMode == SeccControlMode.Scheduled;
            SeccEnergyNeeds.FromScheduleExchange(req, ctx);
            SeccContext.Detail(ctx.RequestDetails, "mode", req.HasScheduled_SEReqControlMode ? "Scheduled" : (req.HasDynamic_SEReqControlMode ? "Dynamic" : "none"));
            res.HasDynamic_SEResControlMode = !scheduled;
            res.HasScheduled_SEResControlMode = scheduled;
            if (!scheduled)
            {
                Dynamic_SEResControlModeType d = res.Dynamic_SEResControlMode;
                d.HasDepartureTime = false;
                d.HasMinimumSOC = false;
                d.HasTargetSOC = false;
                d.HasAbsolutePriceSchedule = false;
                d.HasPriceLevelSchedule = false;
            }
            else
            {
                uint durationS = DefaultScheduleDurationS;
                if (req.HasScheduled_SEReqControlMode && req.Scheduled_SEReqControlMode.HasDepartureTime && req.Scheduled_SEReqControlMode.DepartureTime > 0)
                {
                    durationS = req.Scheduled_SEReqControlMode.DepartureTime;
                }

                ctx.Port.GetChargerLimits(out ctx.ChargerLimits);
                ScheduleTupleType tuple = res.Scheduled_SEResControlMode.ScheduleTuple[0];
                res.Scheduled_SEResControlMode.ScheduleTupleCount = 1;
                tuple.ScheduleTupleID = 1;
                FillSchedule(tuple.ChargingSchedule, ctx.TimeStamp(), durationS, ctx.ChargerLimits.MaxChargePowerW);
                tuple.HasDischargingSchedule = ctx.BidirectionalSelected;
                if (ctx.BidirectionalSelected)
                {
                    FillSchedule(tuple.DischargingSchedule, ctx.TimeStamp(), durationS, -SeccValues.Magnitude(ctx.ChargerLimits.MaxDischargePowerW));
                }

                SeccContext.Detail(ctx.ResponseDetails, "ScheduleDuration", (long)durationS);
            }

            SeccContext.Detail(ctx.ResponseDetails, "EVSEProcessing", "Finished");
            ctx.State = SeccState.WaitCableCheck;
            res.ResponseCode = ResponseCodeType.OK;
            return res.ResponseCode;
        }

        private static void FillSchedule(ChargingScheduleType schedule, ulong timeAnchor, uint durationS, double powerW)
        {
            schedule.HasAbsolutePriceSchedule = false;
            schedule.HasPriceLevelSchedule = false;
            PowerScheduleType power = schedule.PowerSchedule;
            power.TimeAnchor = timeAnchor;
            power.HasAvailableEnergy = false;
            power.HasPowerTolerance = false;
            PowerScheduleEntryType entry = power.PowerScheduleEntries.PowerScheduleEntry[0];
            power.PowerScheduleEntries.PowerScheduleEntryCount = 1;
            entry.Duration = durationS;
            SeccValues.Set(entry.Power, powerW);
            entry.HasPower_L2 = false;
            entry.HasPower_L3 = false;
        }
    }
}
