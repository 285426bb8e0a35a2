using V2G.Firmware.Grid;
using V2G.Firmware.Session;

namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>
    /// `droop [show] | test OFFSET_HZ [SECONDS]`: the frequency-watt droop in force (its settings, the
    /// frequency it sees and its contribution now), and in maintenance a test in which the droop sees the
    /// grid frequency plus an offset for a while (grid protection still sees the real one), so its response
    /// shows in `droop show`. `droop test 0` ends a test. Named DroopCommand in this namespace only: the
    /// uplink's droop command is V2G.Protocol.Telemetry.DroopCommand.
    /// </summary>
    public sealed class DroopCommand : ShellCommand
    {
        /// <summary>How long a test lasts without SECONDS, s.</summary>
        public const int DefaultTestSeconds = 30;

        private static readonly string[] Words = { "show", "test" };

        public override string Name => "droop";

        public override string Usage => "[show] | test OFFSET_HZ [SECONDS]";

        public override string Help => "frequency-watt droop: settings and response now; test (maintenance) offsets the frequency it sees";

        public override string[] Completions => Words;

        public override bool Run(ShellContext ctx, ShellArgs args)
        {
            ChargeController c = ctx.Controller;
            ShellReply reply = ctx.Reply;
            reply.Begin("droop");
            if (c == null)
            {
                reply.Error("no controller");
                return false;
            }

            string sub = Argument(args, 1);
            if (sub == null || sub == "show")
            {
                Show(reply, c);
                return false;
            }

            if (sub != "test")
            {
                return UsageError(ctx, "unknown argument '" + sub + "'");
            }

            if (!ctx.Require(ShellRole.Technician))
            {
                return false;
            }

            double offsetHz;
            if (!TryGetNumber(args, 2, out offsetHz))
            {
                return UsageError(ctx, Argument(args, 2) == null ? "test needs OFFSET_HZ" : "OFFSET_HZ must be a number");
            }

            double seconds = DefaultTestSeconds;
            if (Argument(args, 3) != null && !TryGetNumber(args, 3, out seconds))
            {
                return UsageError(ctx, "SECONDS must be a number");
            }

            double durationMs = seconds * 1000;
            if (!(durationMs >= 1 && durationMs <= ChargeController.MaxFrequencyTestDurationMs))
            {
                reply.Error("SECONDS must be 0.001..600");
                return false;
            }

            double oldOffsetHz = c.FrequencyTestOffsetHz;
            string problem = c.SetFrequencyTestOffsetHz(offsetHz, (int)durationMs);
            if (problem != null)
            {
                reply.Error("droop test refused: " + problem + (c.IsInMaintenance ? string.Empty : " (maintenance on first)"));
                return false;
            }

            ctx.AuditWrite("test_offset_Hz", CommandText.Number(oldOffsetHz, 3), CommandText.Number(offsetHz, 3));
            reply.Field("test_offset_Hz", offsetHz, 3, "Hz");
            reply.Field("duration_s", offsetHz == 0 ? 0 : seconds, 1, "s");
            reply.Line(offsetHz == 0 ? "droop test ended" : "droop test started: see 'droop show' for the response");
            return false;
        }

        private static void Show(ShellReply reply, ChargeController c)
        {
            FrequencyDroop droop = c.Droop;
            DroopSettings s = droop.Settings;
            reply.Field("preset", s.PresetName);
            reply.Field("enabled", s.Enabled);
            reply.Field("nominal_Hz", s.NominalHz, 1, "Hz");
            reply.Field("db_of_Hz", s.DeadbandOverHz, 3, "Hz");
            reply.Field("db_uf_Hz", s.DeadbandUnderHz, 3, "Hz");
            reply.Field("k_of", s.DroopOver, 3, "pu");
            reply.Field("k_uf", s.DroopUnder, 3, "pu");
            reply.Field("response_s", s.ResponseTimeMs / 1000.0, 3, "s");
            reply.Field("rated_W", s.RatedPowerW, 0, "W");

            reply.Field("frequency_Hz", c.Grid.Cycles > 0 ? c.Grid.FrequencyHz : double.NaN, 3, "Hz");
            reply.Field("active", droop.IsActive);
            reply.Field("contribution_W", droop.ContributionW, 0, "W");
            reply.Field("target_W", droop.TargetW, 0, "W");
            reply.Field("transfer_droop_W", c.Transfer.FrequencyResponseW, 0, "W");
            if (c.IsInMaintenance)
            {
                reply.Field("test_offset_Hz", c.FrequencyTestOffsetHz, 3, "Hz");
                reply.Field("test_remaining_s", c.FrequencyTestRemainingMs / 1000.0, 1, "s");
                reply.Field("test_frequency_Hz", c.DroopTestFrequencyHz, 3, "Hz");
            }
        }
    }
}
