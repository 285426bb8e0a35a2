using V2G.Firmware.Session;

namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>
    /// `reboot [--force]` (technician): restarts the board. Refused while a vehicle is connected or a
    /// session is active, unless --force: a reboot in a session ends it abruptly (the watchdog-reset path
    /// then finds the output safe at boot). The reply and the audit entry are written before the host
    /// restarts; the host drains what it can.
    /// </summary>
    public sealed class RebootCommand : ShellCommand
    {
        public override string Name => "reboot";

        public override string Usage => "[--force]";

        public override string Help => "restart the board (refused with a vehicle connected unless --force)";

        public override ShellRole RequiredRole => ShellRole.Technician;

        public override bool Run(ShellContext ctx, ShellArgs args)
        {
            ShellReply reply = ctx.Reply;
            ChargeController c = ctx.Controller;
            reply.Begin("reboot");
            if (Argument(args, 1) != null)
            {
                return UsageError(ctx, "unknown argument '" + Argument(args, 1) + "'");
            }

            if (ctx.Host == null)
            {
                reply.Error("this board cannot reboot from the shell");
                return false;
            }

            // A fault with no vehicle does not hold a reboot back (a reboot is one way out of it); a vehicle does.
            bool inSession = c != null && (c.IsVehiclePresent || (c.State != ChargerState.Idle && c.State != ChargerState.Fault));
            bool force = args.Has("--force");
            if (inSession && !force)
            {
                reply.Error("reboot refused: a vehicle is connected or a session is active (reboot --force ends it)");
                return false;
            }

            ctx.AuditWrite("board", c == null ? "-" : ChargerStateNames.Of(c.State), force ? "forced" : "requested");
            reply.Field("rebooting", true);
            reply.Field("forced", force);
            ctx.Host.Reboot();
            return false;
        }
    }
}
