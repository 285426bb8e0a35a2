using V2G.Firmware.Uplink;
using V2G.Firmware.Uplink.StoreAndForward;

namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>
    /// `uplink`: the MQTT uplink's connection (state, broker, connects, reconnects, failures, last error),
    /// its store-and-forward queue (queued, replayed, dropped per record class), the aggregator's heartbeat
    /// and the commands counters. (Named for what it shows: V2G.Firmware.Uplink.UplinkCommand is a command
    /// the aggregator sends.)
    /// </summary>
    public sealed class UplinkStatusCommand : ShellCommand
    {
        public override string Name => "uplink";

        public override string Usage => "[--json]";

        public override string Help => "uplink: connection, reconnects, queued, replayed, dropped, commands, last error";

        public override bool Run(ShellContext ctx, ShellArgs args)
        {
            ShellReply reply = ctx.Reply;
            UplinkService uplink = ctx.Uplink;
            reply.Begin("uplink");
            if (uplink == null)
            {
                reply.Field("state", "none");
                reply.Line("no uplink on this board");
                return false;
            }

            UplinkConnection connection = uplink.Connection;
            reply.Field("state", uplink.StateName);
            reply.Field("charger_id", uplink.Settings.ChargerId);
            reply.Field("topic_root", uplink.Topics.Root);
            reply.Field("boot_id", uplink.BootId);
            reply.Field("connects", connection.Connects);
            reply.Field("reconnects", connection.Reconnects);
            reply.Field("connect_failures", connection.ConnectFailures);
            reply.Field("connect_timeouts", connection.ConnectTimeouts);
            reply.Field("link_losses", connection.LinkLosses);
            if (connection.OfflineSinceMs >= 0)
            {
                reply.Field("offline_s", (ctx.NowMs - connection.OfflineSinceMs) / 1000.0, 1, "s");
            }

            reply.Field("published", uplink.Published);
            reply.Field("publish_failures", uplink.PublishFailures);
            reply.Field("queued", uplink.Queued);
            reply.Field("replayed", uplink.Replayed);
            reply.Field("lost", uplink.RecordsLost);
            reply.BeginList("dropped");
            for (int i = 0; i < UplinkRecordClassNames.Count; i++)
            {
                reply.BeginItem();
                reply.Field("class", UplinkRecordClassNames.Of((UplinkRecordClass)i));
                reply.Field("dropped", uplink.DroppedOf((UplinkRecordClass)i));
                reply.EndItem();
            }

            reply.EndList();
            reply.Field("heartbeat_lost", uplink.Heartbeat.IsLost);
            reply.Field("heartbeats", uplink.Heartbeat.Heartbeats);
            reply.Field("commands_accepted", uplink.CommandsAccepted);
            reply.Field("commands_rejected", uplink.CommandsRejected);
            reply.Field("commands_clamped", uplink.CommandsClamped);
            reply.Field("commands_duplicate", uplink.CommandDuplicates);
            reply.Field("droop_accepted", uplink.DroopChangesAccepted);
            reply.Field("droop_rejected", uplink.DroopChangesRejected);
            reply.Field("setpoint", uplink.Dispatch.HasSetpoint ? uplink.Dispatch.SetpointId : "none");
            string error = uplink.LastError;
            reply.Field("last_error", error == null ? "none" : error);
            return false;
        }
    }
}
