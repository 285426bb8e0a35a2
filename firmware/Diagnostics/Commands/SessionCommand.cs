using V2G.Firmware.Safety;
using V2G.Firmware.Session;
using V2G.Protocol.Session;

namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>
    /// `session`: the vehicle session now: protocol, stage, how long since the vehicle arrived, the limits
    /// in force (the charger's and the vehicle's together), what the vehicle reports, what limits the power
    /// (the transfer's limit and the battery guard's clip) and the DC energy so far.
    /// </summary>
    public sealed class SessionCommand : ShellCommand
    {
        public override string Name => "session";

        public override string Usage => "[--json]";

        public override string Help => "protocol, stage, limits in force, vehicle status, energy so far";

        public override bool Run(ShellContext ctx, ShellArgs args)
        {
            ChargeController c = ctx.Controller;
            ShellReply reply = ctx.Reply;
            reply.Begin("session");
            if (c == null)
            {
                reply.Error("no controller");
                return false;
            }

            ChargerState state = c.State;
            bool active = state != ChargerState.Idle;
            reply.Field("active", active);
            reply.Field("protocol", SessionProtocolNames.Of(c.Protocol));
            reply.Field("stage", ChargerStateNames.Of(state));
            reply.Field("vehicle_present", c.IsVehiclePresent);
            long startMs = SessionStartMs(c.History);
            if (active && startMs >= 0)
            {
                reply.Field("duration_s", (c.LastMeasurements.NowMs - startMs) / 1000.0, 1, "s");
            }

            // The limits in force: before parameter exchange the charger's own, then the lower of both sides.
            ApplicableLimits limits = c.Limits;
            reply.Field("max_V", limits.MaxVoltageV, 1, "V");
            reply.Field("min_V", limits.MinVoltageV, 1, "V");
            reply.Field("max_charge_A", limits.MaxChargeCurrentA, 1, "A");
            reply.Field("max_discharge_A", limits.MaxDischargeCurrentA, 1, "A");
            reply.Field("max_charge_W", limits.MaxChargePowerW, 0, "W");
            reply.Field("max_discharge_W", limits.MaxDischargePowerW, 0, "W");
            reply.Field("discharge_agreed", c.IsDischargeAgreed);

            if (active)
            {
                EvStatus ev = c.VehicleStatus;
                reply.Field("soc_pct", ev.SocPercent, 1, "%");
                reply.Field("battery_V", ev.BatteryVoltageV, 1, "V");
                if (ev.HasCurrentRequest)
                {
                    reply.Field("requested_A", ev.RequestedCurrentA, 1, "A");
                }

                if (!double.IsNaN(ev.BatteryTemperatureC))
                {
                    reply.Field("battery_C", ev.BatteryTemperatureC, 1, "C");
                }
            }

            if (state == ChargerState.EnergyTransfer)
            {
                EnergyTransfer t = c.Transfer;
                reply.Field("target_W", t.TargetPowerW, 0, "W");
                reply.Field("droop_W", t.FrequencyResponseW, 0, "W");
                reply.Field("limited_by", PowerLimitReasonNames.Of(t.LimitedBy));
                reply.Field("battery_clip_reason", V2G.Firmware.Battery.BatteryClipReasonNames.Of(c.LastGuardDecision.Reason));
            }

            if (c.HasDispatch)
            {
                reply.Field("dispatch_W", c.DispatchPowerW, 0, "W");
            }

            // The last session's energy stays until the next vehicle arrives.
            reply.Field("charged_Wh", c.Energy.ChargedWh, 1, "Wh");
            reply.Field("discharged_Wh", c.Energy.DischargedWh, 1, "Wh");
            if (!active)
            {
                reply.Line(c.IsInMaintenance ? "no vehicle session (maintenance)" : "no vehicle session");
            }

            return false;
        }

        /// <summary>When the vehicle of the session now arrived (the newest ev_connected still held), ms; −1 if not held.</summary>
        private static long SessionStartMs(StateHistory history)
        {
            for (long n = history.Total - 1; n >= 0 && history.Holds(n); n--)
            {
                if (history.StateAt(n) == ChargerState.EvConnected)
                {
                    return history.TimeAt(n);
                }
            }

            return -1;
        }
    }
}
