using V2G.Firmware.Diagnostics.Log;

namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>
    /// `log [show [N]] | level [MODULE [LEVEL]] | download`: the last N entries of the diagnostic log
    /// (default 20), the level kept per module (changing one needs a technician and is audited), and the
    /// whole log with every field for the host tool. Listings stream, oldest first, and stop at the entry
    /// that was newest when the command started, so a busy log cannot keep a download going for ever.
    /// </summary>
    public sealed class LogCommand : ShellCommand
    {
        /// <summary>Entries `log` and `log show` list without N.</summary>
        public const int DefaultShowCount = 20;

        // A row: the 96-character text, escaped in JSON, with its fields and names.
        private const int RowBytes = 320;

        private static readonly string[] Words = { "show", "level", "download" };

        private long _nextNumber;
        private long _endNumber;
        private long _skipped;
        private bool _download;

        public override string Name => "log";

        public override string Usage => "[show [N]] | level [MODULE [" + LogLevelNames.List + "]] | download";

        public override string Help => "diagnostic log: last entries, levels per module, download of every entry";

        public override string[] Completions => Words;

        public override bool Run(ShellContext ctx, ShellArgs args)
        {
            ShellReply reply = ctx.Reply;
            DiagnosticLog log = ctx.Log;
            reply.Begin("log");
            if (log == null)
            {
                reply.Error("no diagnostic log on this board");
                return false;
            }

            string sub = Argument(args, 1);
            if (sub == null || sub == "show")
            {
                long count = DefaultShowCount;
                if (sub != null && Argument(args, 2) != null && (!TryGetInteger(args, 2, out count) || count < 1))
                {
                    return UsageError(ctx, "N must be a whole number of at least 1");
                }

                return StartListing(ctx, log, count, false);
            }

            if (sub == "download")
            {
                return StartListing(ctx, log, log.Capacity, true);
            }

            if (sub == "level")
            {
                return Level(ctx, log, args);
            }

            return UsageError(ctx, "unknown argument '" + sub + "'");
        }

        public override bool Continue(ShellContext ctx)
        {
            ShellReply reply = ctx.Reply;
            DiagnosticLog log = ctx.Log;
            while (_nextNumber < _endNumber && reply.HasRoom(RowBytes))
            {
                int held = log.Count;
                long first = log.Total - held;
                if (_nextNumber < first)
                {
                    // Overwritten while streaming: said at the end, never silently.
                    _skipped += first - _nextNumber;
                    _nextNumber = first;
                    continue;
                }

                LogEntry e = log.Get((int)(_nextNumber - first));
                if (e.Number != _nextNumber)
                {
                    // The ring moved between the reads: look again at the next step (bounded work per step).
                    break;
                }

                WriteEntry(reply, ref e, _download);
                _nextNumber++;
            }

            if (_nextNumber < _endNumber)
            {
                return true;
            }

            reply.EndList();
            if (_skipped > 0)
            {
                reply.Field("overwritten", _skipped);
            }

            return false;
        }

        private bool StartListing(ShellContext ctx, DiagnosticLog log, long count, bool download)
        {
            ShellReply reply = ctx.Reply;
            long total = log.Total;
            int held = log.Count;
            long shown = count < held ? count : held;
            _download = download;
            _endNumber = total;
            _nextNumber = total - shown;
            _skipped = 0;
            reply.Field("total", total);
            reply.Field("held", held);
            if (download)
            {
                reply.Field("persistent", log.IsPersistent);
            }

            if (!reply.IsJson && !download)
            {
                reply.Line("time  level  module  text   (* = from an earlier boot)");
            }

            reply.BeginList("entries");
            return Continue(ctx);
        }

        private static void WriteEntry(ShellReply reply, ref LogEntry e, bool download)
        {
            reply.BeginItem();
            reply.Field("n", e.Number);
            reply.Field("t_s", e.TimeMs / 1000.0, 3, e.FromEarlierBoot ? "s*" : "s");
            if (download)
            {
                // Every field for the host tool: the calendar time (0: the clock was not set) and the boot.
                reply.Field("wall_ms", e.WallUnixMs);
                reply.Field("earlier_boot", e.FromEarlierBoot);
            }

            reply.Field("level", LogLevelNames.Of(e.Level));
            reply.Field("module", LogModuleNames.Of(e.Module));
            reply.Field("text", e.Text);
            reply.EndItem();
        }

        private bool Level(ShellContext ctx, DiagnosticLog log, ShellArgs args)
        {
            ShellReply reply = ctx.Reply;
            string moduleName = Argument(args, 2);
            string levelName = Argument(args, 3);
            if (moduleName == null)
            {
                reply.BeginList("levels");
                for (int i = 0; i < LogModuleNames.Count; i++)
                {
                    reply.BeginItem();
                    reply.Field("module", LogModuleNames.At(i));
                    reply.Field("level", LogLevelNames.Of(log.LevelOf((LogModule)i)));
                    reply.EndItem();
                }

                reply.EndList();
                return false;
            }

            LogModule module;
            if (!LogModuleNames.TryParse(moduleName, out module))
            {
                return UsageError(ctx, "unknown module '" + moduleName + "' (modules: " + LogModuleNames.List + ")");
            }

            if (levelName == null)
            {
                reply.Field("module", moduleName);
                reply.Field("level", LogLevelNames.Of(log.LevelOf(module)));
                return false;
            }

            LogLevel level;
            if (!LogLevelNames.TryParse(levelName, out level))
            {
                return UsageError(ctx, "unknown level '" + levelName + "' (levels: " + LogLevelNames.List + ")");
            }

            if (!ctx.Require(ShellRole.Technician))
            {
                return false;
            }

            string old = LogLevelNames.Of(log.LevelOf(module));
            log.SetLevel(module, level);
            ctx.AuditWrite("level " + moduleName, old, levelName);
            reply.Field("module", moduleName);
            reply.Field("level", levelName);
            reply.Field("was", old);
            return false;
        }
    }
}
