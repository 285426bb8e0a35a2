using V2G.Firmware.Session;

namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>
    /// `maintenance [on|off]`: shows or switches maintenance mode, in which the charger serves no vehicle
    /// and accepts the maintenance tests (contactor, insulation, droop). Switching needs a technician; the
    /// controller refuses it while a vehicle is connected or a session is active, and puts it in force at
    /// its next tick.
    /// </summary>
    public sealed class MaintenanceCommand : ShellCommand
    {
        private static readonly string[] Words = { "on", "off" };

        public override string Name => "maintenance";

        public override string Usage => "[on|off]";

        public override string Help => "maintenance mode: no vehicle served, tests allowed (on/off: technician)";

        public override string[] Completions => Words;

        public override bool Run(ShellContext ctx, ShellArgs args)
        {
            ChargeController c = ctx.Controller;
            ShellReply reply = ctx.Reply;
            reply.Begin("maintenance");
            if (c == null)
            {
                reply.Error("no controller");
                return false;
            }

            string sub = Argument(args, 1);
            if (sub == null)
            {
                reply.Field("maintenance", c.IsInMaintenance);
                reply.Field("vehicle_present", c.IsVehiclePresent);
                reply.Field("state", ChargerStateNames.Of(c.State));
                return false;
            }

            if (sub != "on" && sub != "off")
            {
                return UsageError(ctx, "unknown argument '" + sub + "'");
            }

            if (!ctx.Require(ShellRole.Technician))
            {
                return false;
            }

            bool on = sub == "on";
            bool was = c.IsInMaintenance;
            string problem = c.RequestMaintenance(on);
            if (problem != null)
            {
                reply.Error("maintenance refused: " + problem);
                return false;
            }

            if (was != on)
            {
                ctx.AuditWrite("mode", was ? "on" : "off", sub);
            }

            reply.Field("maintenance", on);
            reply.Field("was", was);
            if (was != on)
            {
                reply.Line(on ? "maintenance on: no vehicle is served until 'maintenance off'" : "maintenance off: vehicles are served again");
            }

            return false;
        }
    }
}
