namespace V2G.Firmware.Diagnostics
{
    /// <summary>Built-in `mode [human|machine]`: shows or switches how the shell talks (the switch takes effect after the reply).</summary>
    internal sealed class ShellModeCommand : IShellCommand
    {
        private static readonly string[] Modes = { "human", "machine" };

        private readonly DiagnosticShell _shell;

        public ShellModeCommand(DiagnosticShell shell)
        {
            _shell = shell;
        }

        public string Name => "mode";

        public string Usage => "[human|machine]";

        public string Help => "show or switch the mode (machine: $SEQ CMD ARGS*HH in, one JSON line with *HH out)";

        public ShellRole RequiredRole => ShellRole.ReadOnly;

        public string[] Completions => Modes;

        public bool Run(ShellContext ctx, ShellArgs args)
        {
            ShellReply reply = ctx.Reply;
            reply.Begin("mode");
            if (args.Count == 1)
            {
                reply.Field("mode", Modes[(int)_shell.Mode]);
                return false;
            }

            if (args.Count != 2 || (args[1] != "human" && args[1] != "machine"))
            {
                reply.Error("usage: mode human|machine");
                return false;
            }

            ShellMode mode = args[1] == "machine" ? ShellMode.Machine : ShellMode.Human;
            reply.Field("mode", args[1]);
            _shell.RequestMode(mode);
            return false;
        }

        public bool Continue(ShellContext ctx)
        {
            return false;
        }
    }
}
