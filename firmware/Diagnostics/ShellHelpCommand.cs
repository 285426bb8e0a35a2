namespace V2G.Firmware.Diagnostics
{
    /// <summary>
    /// Built-in `help [CMD]` (and `CMD --help`): every command of the table with its usage, role and help
    /// line, from the commands themselves. Streams, one command per row, so a long table never overfills the output.
    /// </summary>
    internal sealed class ShellHelpCommand : IShellCommand
    {
        // Human rows: the usage column starts here.
        private const int UsageColumn = 34;
        private const int RoleColumn = 12;

        private const int RowBytes = 240;

        private readonly DiagnosticShell _shell;
        private int _next;

        public ShellHelpCommand(DiagnosticShell shell)
        {
            _shell = shell;
        }

        public string Name => "help";

        public string Usage => "[COMMAND]";

        public string Help => "list the commands, or show one (also: COMMAND --help)";

        public ShellRole RequiredRole => ShellRole.ReadOnly;

        public string[] Completions => _shell.CommandNames;

        public bool Run(ShellContext ctx, ShellArgs args)
        {
            ShellReply reply = ctx.Reply;
            reply.Begin("help");
            if (args.Count > 1)
            {
                IShellCommand command = _shell.Find(args[1]);
                if (command == null)
                {
                    reply.Error("unknown command '" + args[1] + "' (try help)");
                    return false;
                }

                reply.Field("command", command.Name);
                reply.Field("usage", command.Name + (command.Usage.Length > 0 ? " " + command.Usage : string.Empty));
                reply.Field("role", ShellRoleNames.Of(command.RequiredRole));
                reply.Field("help", command.Help);
                string[] words = command.Completions;
                if (words != null && words.Length > 0)
                {
                    string joined = string.Empty;
                    for (int i = 0; i < words.Length; i++)
                    {
                        joined += (i > 0 ? " " : string.Empty) + words[i];
                    }

                    reply.Field("arguments", joined);
                }

                return false;
            }

            if (reply.IsJson)
            {
                reply.BeginList("commands");
            }
            else
            {
                reply.Line("commands (role: read-only unless marked technician; COMMAND --help for one):");
            }

            _next = 0;
            return Continue(ctx);
        }

        public bool Continue(ShellContext ctx)
        {
            ShellReply reply = ctx.Reply;
            IShellCommand[] commands = _shell.Commands;
            while (_next < commands.Length && reply.HasRoom(RowBytes))
            {
                IShellCommand command = commands[_next++];
                if (reply.IsJson)
                {
                    reply.BeginItem();
                    reply.Field("name", command.Name);
                    reply.Field("usage", command.Usage);
                    reply.Field("role", ShellRoleNames.Of(command.RequiredRole));
                    reply.Field("help", command.Help);
                    reply.EndItem();
                }
                else
                {
                    string left = "  " + command.Name + (command.Usage.Length > 0 ? " " + command.Usage : string.Empty);
                    string role = command.RequiredRole == ShellRole.Technician ? ShellRoleNames.Of(command.RequiredRole) : string.Empty;
                    if (left.Length >= UsageColumn)
                    {
                        // A long usage gets its own line: the columns below stay aligned.
                        reply.Line(left);
                        left = string.Empty;
                    }

                    reply.Line(Pad(left, UsageColumn) + Pad(role, RoleColumn) + command.Help);
                }
            }

            if (_next < commands.Length)
            {
                return true;
            }

            if (reply.IsJson)
            {
                reply.EndList();
            }

            return false;
        }

        private static string Pad(string text, int width)
        {
            if (text.Length >= width)
            {
                return text + " ";
            }

            return text + new string(' ', width - text.Length);
        }
    }
}
