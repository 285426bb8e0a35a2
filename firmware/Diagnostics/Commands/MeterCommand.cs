using V2G.Firmware.Session;

namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>
    /// `meter`: the AC registers the uplink's meter records carry (the grid meter's, or the DC energy
    /// converted with the efficiency on a board without one), the AC and DC power now, and the session's
    /// DC energy from the controller's own measurements.
    /// </summary>
    public sealed class MeterCommand : ShellCommand
    {
        public override string Name => "meter";

        public override string Usage => "[--json]";

        public override string Help => "AC import/export registers, power, session DC energy";

        public override bool Run(ShellContext ctx, ShellArgs args)
        {
            ChargeController c = ctx.Controller;
            ShellReply reply = ctx.Reply;
            reply.Begin("meter");
            if (c == null)
            {
                reply.Error("no controller");
                return false;
            }

            if (ctx.Uplink != null)
            {
                reply.Field("ac_source", ctx.Uplink.HasMeter ? "grid_meter" : "dc_converted");
                reply.Field("energy_Wh_import", ctx.Uplink.AcImportWh, 1, "Wh");
                reply.Field("energy_Wh_export", ctx.Uplink.AcExportWh, 1, "Wh");
                reply.Field("ac_power_W", ctx.Uplink.AcPowerW, 0, "W");
                reply.Field("sessions", ctx.Uplink.Sessions);
            }
            else
            {
                reply.Field("ac_source", "none");
            }

            reply.Field("dc_power_W", c.LastMeasurements.PowerW, 0, "W");
            reply.Field("session_Wh_charged", c.Energy.ChargedWh, 1, "Wh");
            reply.Field("session_Wh_discharged", c.Energy.DischargedWh, 1, "Wh");
            return false;
        }
    }
}
