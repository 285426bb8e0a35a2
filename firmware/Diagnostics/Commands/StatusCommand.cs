using V2G.Firmware.Measurement;
using V2G.Firmware.Session;

namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>
    /// `status [--json]`: the charger at a glance, on one line for a technician: state, power, voltage,
    /// current, SoC, grid frequency, active faults, uplink. With --json (or in machine mode) the same
    /// fields as one JSON object, under the telemetry's names.
    /// </summary>
    public sealed class StatusCommand : ShellCommand
    {
        public override string Name => "status";

        public override string Usage => "[--json]";

        public override string Help => "one line: state, power, voltage, current, SoC, frequency, faults, uplink";

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

            if (reply.IsJson)
            {
                reply.Field("state", state);
                reply.Field("maintenance", c.IsInMaintenance);
                reply.Field("power_W", m.PowerW, 0, "W");
                reply.Field("dc_V", m.ConnectorVoltageV, 1, "V");
                reply.Field("dc_A", m.CurrentA, 1, "A");
                reply.Field("soc_pct", socPercent, 1, "%");
                reply.Field("frequency_Hz", frequencyHz, 3, "Hz");
                reply.Field("faults", c.ActiveFaultCount);
                reply.Field("uplink", uplink);
                return false;
            }

            // The same fields, on one line a technician reads at a glance.
            reply.Line(state + (c.IsInMaintenance ? " (maintenance)" : string.Empty)
                + "  P " + CommandText.Number(m.PowerW, 0) + " W"
                + "  " + CommandText.Number(m.ConnectorVoltageV, 1) + " V"
                + "  " + CommandText.Number(m.CurrentA, 1) + " A"
                + "  SoC " + CommandText.Number(socPercent, 1) + " %"
                + "  f " + CommandText.Number(frequencyHz, 3) + " Hz"
                + "  faults " + CommandText.Integer(c.ActiveFaultCount)
                + "  uplink " + uplink);
            return false;
        }
    }
}
