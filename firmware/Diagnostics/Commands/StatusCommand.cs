using V2G.Firmware.Battery;
using V2G.Firmware.Measurement;
using V2G.Firmware.Session;

namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>
    /// `status [--json]`: the charger at a glance, on one line for a technician: state, power, voltage,
    /// current, SoC and the reserve the battery guard holds, grid frequency, why the guard clips (and by how
    /// much), the session's battery wear, active faults, uplink. With --json (or in machine mode) the same
    /// fields as one JSON object, under the telemetry's names. `battery` has the guard in full.
    /// </summary>
    public sealed class StatusCommand : ShellCommand
    {
        public override string Name => "status";

        public override string Usage => "[--json]";

        public override string Help => "one line: state, power, voltage, current, SoC and reserve, frequency, battery clip and wear, faults, uplink";

        public override bool Run(ShellContext ctx, ShellArgs args)
        {
            ChargeController c = ctx.Controller;
            ShellReply reply = ctx.Reply;
            reply.Begin("status");
            if (c == null)
            {
                reply.Error("no controller");
                return false;
            }

            Measurements m = c.LastMeasurements;
            string state = ChargerStateNames.Of(c.State);
            double socPercent = c.State == ChargerState.Idle ? double.NaN : c.VehicleStatus.SocPercent;
            double frequencyHz = c.Grid.Cycles > 0 ? c.Grid.FrequencyHz : double.NaN;
            string uplink = ctx.Uplink == null ? "none" : ctx.Uplink.StateName;
            double reservePercent = BatteryCommand.ReserveInForcePercent(c);
            BatteryGuardDecision guard = c.LastGuardDecision;
            string clip = BatteryClipReasonNames.Of(guard.Reason);
            BatteryUsageFigures session = c.Guard.Session;
            bool costKnown = c.Guard.Settings.Degradation.ReplacementCost > 0;
            double costSession = costKnown ? session.CycleLossCost : double.NaN;
            string currency = costKnown && ctx.Uplink != null ? ctx.Uplink.Settings.BatteryCostCurrency : string.Empty;

            if (reply.IsJson)
            {
                reply.Field("state", state);
                reply.Field("maintenance", c.IsInMaintenance);
                reply.Field("power_W", m.PowerW, 0, "W");
                reply.Field("dc_V", m.ConnectorVoltageV, 1, "V");
                reply.Field("dc_A", m.CurrentA, 1, "A");
                reply.Field("soc_pct", socPercent, 1, "%");
                reply.Field("frequency_Hz", frequencyHz, 3, "Hz");
                reply.Field("soc_reserve_pct", reservePercent, 1, "%");
                reply.Field("battery_clip_reason", clip);
                reply.Field("battery_clipped_dc_W", guard.ClippedW, 0, "W");
                reply.Field("session_efc", session.EquivalentFullCycles, 4, null);
                reply.Field("degradation_cost", costSession, 2, null);
                reply.Field("currency", currency);
                reply.Field("faults", c.ActiveFaultCount);
                reply.Field("uplink", uplink);
                return false;
            }

            // The same fields, on one line a technician reads at a glance.
            reply.Line(state + (c.IsInMaintenance ? " (maintenance)" : string.Empty)
                + "  P " + CommandText.Number(m.PowerW, 0) + " W"
                + "  " + CommandText.Number(m.ConnectorVoltageV, 1) + " V"
                + "  " + CommandText.Number(m.CurrentA, 1) + " A"
                + "  SoC " + CommandText.Number(socPercent, 1) + " % (reserve " + CommandText.Number(reservePercent, 0) + " %)"
                + "  f " + CommandText.Number(frequencyHz, 3) + " Hz"
                + "  clip " + clip + (guard.Reason != BatteryClipReason.None ? " " + CommandText.Number(guard.ClippedW, 0) + " W" : string.Empty)
                + "  wear " + CommandText.Number(session.EquivalentFullCycles, 3) + " EFC"
                + (costKnown ? " " + CommandText.Number(costSession, 2) + (currency.Length > 0 ? " " + currency : string.Empty) : string.Empty)
                + "  faults " + CommandText.Integer(c.ActiveFaultCount)
                + "  uplink " + uplink);
            return false;
        }
    }
}
