using V2G.Firmware.Diagnostics;

namespace V2G.UnitTests.Diagnostics
{
    /// <summary>
    /// A command for the shell core's tests: replies with one of each field kind, or streams a list of
    /// <see cref="Items"/> items, or throws, or makes an audited write; counts its calls.
    /// </summary>
    public sealed class ScriptedCommand : IShellCommand
    {
        private int _next;

        public ScriptedCommand(string name, ShellRole role, string[] completions)
        {
            Name = name;
            RequiredRole = role;
            Completions = completions;
        }

        public string Name { get; }

        public string Usage { get; set; } = "[--json]";

        public string Help { get; set; } = "a scripted test command";

        public ShellRole RequiredRole { get; }

        public string[] Completions { get; }

        /// <summary>Stream a list of this many items (0: one reply with fields).</summary>
        public int Items { get; set; }

        /// <summary>Throw from Run (or, with <see cref="ThrowInContinue"/>, from the first Continue).</summary>
        public bool Throws { get; set; }

        public bool ThrowInContinue { get; set; }

        /// <summary>Audit-log a write of "limit" from 1 to 2 (after checking the role with Require).</summary>
        public bool Writes { get; set; }

        public int Runs { get; private set; }

        public int Continues { get; private set; }

        public string LastArgument { get; private set; }

        public bool Run(ShellContext ctx, ShellArgs args)
        {
            Runs++;
            LastArgument = args.Count > 1 ? args[1] : null;
            if (Throws && !ThrowInContinue)
            {
                throw new System.InvalidOperationException("boom");
            }

            ShellReply reply = ctx.Reply;
            reply.Begin(Name);
            if (Writes)
            {
                if (!ctx.Require(ShellRole.Technician))
                {
                    return false;
                }

                ctx.AuditWrite("limit", "1", "2");
                reply.Field("limit", 2L);
                return false;
            }

            if (Items == 0)
            {
                reply.Field("text", "hello");
                reply.Field("power", 7400.04, 1, "W");
                reply.Field("count", 3L);
                reply.Field("on", true);
                reply.Line("a free line");
                return false;
            }

            reply.Field("total", (long)Items);
            reply.BeginList("items");
            _next = 0;
            return Continue(ctx);
        }

        public bool Continue(ShellContext ctx)
        {
            Continues++;
            if (Throws && ThrowInContinue && Continues > 1)
            {
                throw new System.InvalidOperationException("boom later");
            }

            ShellReply reply = ctx.Reply;
            while (_next < Items && reply.HasRoom(120))
            {
                reply.BeginItem();
                reply.Field("index", (long)_next);
                reply.Field("voltage", 400.0 + _next, 1, "V");
                reply.Field("text", "item number " + _next.ToString() + " with some padding text");
                reply.EndItem();
                _next++;
            }

            if (_next < Items)
            {
                return true;
            }

            reply.EndList();
            return false;
        }
    }
}
