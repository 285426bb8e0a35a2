using V2G.Firmware.Session;

namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>
    /// What the contactor and insulation tests share: `NAME` alone shows the last result; `NAME test …`
    /// (technician, maintenance) asks the controller for the test, which runs on the control thread, and
    /// streams its progress (one row each time its status or text changes) until the verdict, then the
    /// verdict's fields. A test that gives no verdict within <see cref="VerdictTimeoutMs"/> ends the
    /// command with an error (the controller's own timeouts are far shorter).
    /// </summary>
    public abstract class MaintenanceTestCommand : ShellCommand
    {
        /// <summary>Longest wait for a verdict, ms of shell time.</summary>
        public const long VerdictTimeoutMs = 120000;

        private const int RowBytes = 200;

        private static readonly string[] Words = { "test" };

        private long _startedMs;
        private MaintenanceTestStatus _shownStatus;
        private string _shownText;

        public override string[] Completions => Words;

        /// <summary>The test's result object (the running or last test).</summary>
        protected abstract MaintenanceTestResult ResultOf(ChargeController controller);

        /// <summary>Asks the controller for the test with the line's arguments; null if accepted, else why not.</summary>
        protected abstract string Request(ShellContext ctx, ShellArgs args);

        /// <summary>Writes the result's own fields (times, voltages, resistance).</summary>
        protected abstract void WriteDetails(ShellReply reply, MaintenanceTestResult result);

        public override bool Run(ShellContext ctx, ShellArgs args)
        {
            ChargeController c = ctx.Controller;
            ShellReply reply = ctx.Reply;
            reply.Begin(Name);
            if (c == null)
            {
                reply.Error("no controller");
                return false;
            }

            string sub = Argument(args, 1);
            if (sub == null)
            {
                WriteVerdict(reply, ResultOf(c));
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

            string problem = Request(ctx, args);
            if (ctx.Reply.Failed)
            {
                return false;
            }

            if (problem != null)
            {
                reply.Error(Name + " test refused: " + problem + (c.IsInMaintenance ? string.Empty : " (maintenance on first)"));
                return false;
            }

            ctx.LogNote(V2G.Firmware.Diagnostics.Log.LogLevel.Info, Name + " test requested");
            _startedMs = ctx.NowMs;
            _shownStatus = MaintenanceTestStatus.None;
            _shownText = null;
            reply.BeginList("progress");
            return Continue(ctx);
        }

        public override bool Continue(ShellContext ctx)
        {
            ShellReply reply = ctx.Reply;
            MaintenanceTestResult result = ResultOf(ctx.Controller);

            // Status is written last by the control thread: read it first, so a verdict's fields are final.
            MaintenanceTestStatus status = result.Status;
            string text = result.Text;
            if ((status != _shownStatus || text != _shownText) && reply.HasRoom(RowBytes))
            {
                _shownStatus = status;
                _shownText = text;
                reply.BeginItem();
                reply.Field("t_s", (ctx.NowMs - _startedMs) / 1000.0, 2, "s");
                reply.Field("status", MaintenanceTestStatusNames.Of(status));
                reply.Field("text", text);
                reply.EndItem();
            }

            if (status == MaintenanceTestStatus.Passed || status == MaintenanceTestStatus.Failed)
            {
                reply.EndList();
                WriteVerdict(reply, result);
                return false;
            }

            if (ctx.NowMs - _startedMs > VerdictTimeoutMs)
            {
                reply.Error(Name + " test: no verdict within " + CommandText.Integer(VerdictTimeoutMs / 1000) + " s");
                return false;
            }

            return true;
        }

        private void WriteVerdict(ShellReply reply, MaintenanceTestResult result)
        {
            reply.Field("status", MaintenanceTestStatusNames.Of(result.Status));
            reply.Field("passed", result.Status == MaintenanceTestStatus.Passed);
            reply.Field("text", result.Text);
            if (result.StartedAtMs >= 0 && result.FinishedAtMs >= 0)
            {
                reply.Field("duration_s", (result.FinishedAtMs - result.StartedAtMs) / 1000.0, 3, "s");
            }

            if (result.Status != MaintenanceTestStatus.None)
            {
                WriteDetails(reply, result);
            }
        }
    }
}
