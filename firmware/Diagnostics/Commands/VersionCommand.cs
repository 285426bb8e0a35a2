namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>`version`: the firmware, the board, this boot's id (with an uplink) and the uptime.</summary>
    public sealed class VersionCommand : ShellCommand
    {
        public override string Name => "version";

        public override string Usage => "[--json]";

        public override string Help => "firmware version, board, boot id and uptime";

        public override bool Run(ShellContext ctx, ShellArgs args)
        {
            ShellReply reply = ctx.Reply;
            IShellHost host = ctx.Host;
            reply.Begin("version");
            reply.Field("firmware", host == null ? "unknown" : host.FirmwareVersion);
            reply.Field("board", host == null ? "unknown" : host.BoardName);
            if (ctx.Uplink != null)
            {
                // The boot id counts boots on this board: the same number the aggregator sees in the status.
                reply.Field("charger_id", ctx.Uplink.Settings.ChargerId);
                reply.Field("boot_id", ctx.Uplink.BootId);
            }

            reply.Field("uptime_s", host == null ? 0 : host.UptimeMs / 1000.0, 1, "s");
            return false;
        }
    }
}
