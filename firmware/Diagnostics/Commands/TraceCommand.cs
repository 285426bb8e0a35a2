using V2G.Protocol.Trace;

namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>
    /// `trace [N]`: the decoded message log of the current or last vehicle session (ISO 15118-20 or
    /// GB/T 27930): the last N entries (default all held), oldest first, each with its time, direction,
    /// message, key fields, response time and, for a failure, the layer that failed. Streamed.
    /// </summary>
    public sealed class TraceCommand : ShellCommand
    {
        // A row: details up to the entry's capacity (about 120 characters), escaped, with names.
        private const int RowBytes = 320;

        private static readonly string[] DirectionNames = { "rx", "tx", "event" };

        private long _next;
        private long _end;
        private long _skipped;
        private long _failures;

        public override string Name => "trace";

        public override string Usage => "[N] [--json]";

        public override string Help => "decoded messages of the current or last session, with each failure's layer";

        public override bool Run(ShellContext ctx, ShellArgs args)
        {
            ShellReply reply = ctx.Reply;
            MessageLog log = ctx.Trace;
            reply.Begin("trace");
            if (log == null)
            {
                reply.Error("no session trace on this board yet");
                return false;
            }

            long count = log.Count;
            if (Argument(args, 1) != null && (!TryGetInteger(args, 1, out count) || count < 1))
            {
                return UsageError(ctx, "N must be a whole number of at least 1");
            }

            long total = log.Total;
            long held = log.Count;
            long shown = count < held ? count : held;
            _end = total;
            _next = total - shown;
            _skipped = 0;
            _failures = 0;
            reply.Field("total", total);
            reply.Field("held", held);
            if (!reply.IsJson)
            {
                reply.Line("time  dir  message  details  response  layer  failure");
            }

            reply.BeginList("entries");
            return Continue(ctx);
        }

        public override bool Continue(ShellContext ctx)
        {
            ShellReply reply = ctx.Reply;
            MessageLog log = ctx.Trace;
            while (_next < _end && reply.HasRoom(RowBytes))
            {
                long total = log.Total;
                if (total < _next)
                {
                    // A new session cleared the log while it streamed: what was asked for is gone.
                    _skipped += _end - _next;
                    _next = _end;
                    break;
                }

                long first = total - log.Count;
                if (_next < first)
                {
                    _skipped += first - _next;
                    _next = first;
                    continue;
                }

                WriteEntry(reply, log.Get((int)(_next - first)));
                _next++;
            }

            if (_next < _end)
            {
                return true;
            }

            reply.EndList();
            reply.Field("failures", _failures);
            if (_skipped > 0)
            {
                reply.Field("overwritten", _skipped);
            }

            return false;
        }

        private void WriteEntry(ShellReply reply, TraceEntry e)
        {
            reply.BeginItem();
            reply.Field("t_s", e.TimeMs / 1000.0, 3, "s");
            int d = (int)e.Direction;
            reply.Field("dir", d >= 0 && d < DirectionNames.Length ? DirectionNames[d] : "unknown");
            reply.Field("message", e.Message);
            reply.Field("details", e.Details.ToString());
            if (e.ResponseTimeMs >= 0)
            {
                reply.Field("response_ms", e.ResponseTimeMs);
            }

            if (e.Layer != FailureLayer.None || e.Failure != null)
            {
                _failures++;
                reply.Field("layer", FailureLayerNames.Of(e.Layer));
                reply.Field("failure", e.Failure);
            }

            reply.EndItem();
        }
    }
}
