using V2G.Firmware.Faults;
using V2G.Firmware.Session;

namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>
    /// `faults [clear]`: the faults of this boot, active ones first then the cleared ones newest first, each
    /// with its times, the value that explains it and its cause (streamed, one row per fault); `faults clear`
    /// (technician) clears what a technician may clear where the cause is gone, and says what remains and why.
    /// </summary>
    public sealed class FaultsCommand : ShellCommand
    {
        // A row with the longest meaning in the catalogue, in JSON with its names.
        private const int RowBytes = 360;

        private static readonly string[] Words = { "clear" };
        private static readonly string[] ClearingNames = { "automatic", "session_end", "operator" };

        /// <summary>A clear not carried out within this long means the control loop is not running, ms.</summary>
        private const long ClearWaitMs = 2000;

        private int _next;
        private bool _activePass;
        private bool _activeOnly;
        private long _clearDoneAt = -1;
        private long _clearWaitStartMs;
        private int _activeBeforeClear;

        public override string Name => "faults";

        public override string Usage => "[clear] [--json]";

        public override string Help => "faults of this boot, active first; clear (technician) clears what may be cleared";

        public override string[] Completions => Words;

        public override bool Run(ShellContext ctx, ShellArgs args)
        {
            ChargeController c = ctx.Controller;
            ShellReply reply = ctx.Reply;
            reply.Begin("faults");
            if (c == null)
            {
                reply.Error("no controller");
                return false;
            }

            string sub = Argument(args, 1);
            _activeOnly = false;
            if (sub == "clear")
            {
                if (!ctx.Require(ShellRole.Technician))
                {
                    return false;
                }

                // The clear runs on the control thread at its next tick; the reply waits for it.
                _activeBeforeClear = c.ActiveFaultCount;
                _clearDoneAt = c.RequestClearFaults();
                _clearWaitStartMs = ctx.NowMs;
                return true;
            }
            else if (sub != null)
            {
                return UsageError(ctx, "unknown argument '" + sub + "'");
            }
            else
            {
                reply.Field("active", c.ActiveFaultCount);
                reply.Field("raised_since_boot", c.Faults.TotalRaised);
            }

            return BeginList(ctx);
        }

        private bool BeginList(ShellContext ctx)
        {
            ShellReply reply = ctx.Reply;
            if (!reply.IsJson)
            {
                reply.Line("fault  raised  state [cleared]  cleared by  value  [contactors open]  cause");
            }

            reply.BeginList("faults");
            _activePass = true;
            _next = ctx.Controller.Faults.Count - 1;
            return Continue(ctx);
        }

        /// <summary>After `faults clear`: the control thread's answer, then what remains and why.</summary>
        private bool FinishClear(ShellContext ctx)
        {
            ChargeController c = ctx.Controller;
            ShellReply reply = ctx.Reply;
            if (c.ClearFaultsDone < _clearDoneAt)
            {
                if (ctx.NowMs - _clearWaitStartMs < ClearWaitMs)
                {
                    return true;
                }

                _clearDoneAt = -1;
                reply.Error("the control loop did not carry out the clear within 2 s");
                return false;
            }

            _clearDoneAt = -1;
            int remaining = c.ClearFaultsRemaining;
            ctx.AuditWrite("active", CommandText.Integer(_activeBeforeClear), CommandText.Integer(remaining));
            reply.Field("cleared", _activeBeforeClear - remaining);
            reply.Field("remaining", remaining);
            if (remaining == 0)
            {
                reply.Line("no fault active");
                return false;
            }

            // What remains is listed with why it stayed.
            _activeOnly = true;
            return BeginList(ctx);
        }

        public override bool Continue(ShellContext ctx)
        {
            if (_clearDoneAt >= 0)
            {
                return FinishClear(ctx);
            }

            ShellReply reply = ctx.Reply;
            FaultLog log = ctx.Controller.Faults;
            if (_next >= log.Count)
            {
                _next = log.Count - 1;
            }

            while (reply.HasRoom(RowBytes))
            {
                if (_next < 0)
                {
                    if (!_activePass || _activeOnly)
                    {
                        reply.EndList();
                        return false;
                    }

                    // Second pass: the cleared ones, newest first.
                    _activePass = false;
                    _next = log.Count - 1;
                    continue;
                }

                FaultRecord record = log.Get(_next--);
                if (record.IsActive == _activePass)
                {
                    WriteRow(reply, ref record);
                }
            }

            return true;
        }

        private static void WriteRow(ShellReply reply, ref FaultRecord record)
        {
            FaultInfo info = FaultCatalogue.Get(record.Code);
            reply.BeginItem();
            reply.Field("code", info.Name);
            reply.Field("raised_s", record.RaisedAtMs / 1000.0, 3, "s");
            reply.Field("state", record.IsActive ? "active" : "cleared");
            if (!record.IsActive)
            {
                reply.Field("cleared_s", record.ClearedAtMs / 1000.0, 3, "s");
            }

            reply.Field("clearing", ClearingName(info.Clearing));
            reply.Field("value", record.Value, 2, string.Empty);
            if (record.IsSafeStateReached)
            {
                reply.Field("safe_state_s", record.ContactorsOpenAtMs / 1000.0, 3, "s");
            }

            reply.Field("cause", info.Meaning);
            reply.EndItem();
        }

        private static string ClearingName(FaultClearing clearing)
        {
            int i = (int)clearing;
            return i >= 0 && i < ClearingNames.Length ? ClearingNames[i] : "unknown";
        }
    }
}
