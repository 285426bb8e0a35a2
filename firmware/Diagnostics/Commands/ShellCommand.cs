namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>
    /// What the shell's commands share: a read-only role and no completions unless they say otherwise, no
    /// streaming unless they override <see cref="Continue"/>, and the positional arguments with the flags
    /// ("--json", "--force") left out, so a flag may stand anywhere on the line.
    /// </summary>
    public abstract class ShellCommand : IShellCommand
    {
        public abstract string Name { get; }

        public abstract string Usage { get; }

        public abstract string Help { get; }

        public virtual ShellRole RequiredRole => ShellRole.ReadOnly;

        public virtual string[] Completions => null;

        public abstract bool Run(ShellContext ctx, ShellArgs args);

        public virtual bool Continue(ShellContext ctx)
        {
            return false;
        }

        /// <summary>The <paramref name="n"/>-th argument after the command (1 = the first), flags skipped; null if absent.</summary>
        protected static string Argument(ShellArgs args, int n)
        {
            int seen = 0;
            for (int i = 1; i < args.Count; i++)
            {
                string token = args[i];
                if (IsFlag(token))
                {
                    continue;
                }

                if (++seen == n)
                {
                    return token;
                }
            }

            return null;
        }

        /// <summary>How many arguments follow the command, flags not counted.</summary>
        protected static int ArgumentCount(ShellArgs args)
        {
            int n = 0;
            for (int i = 1; i < args.Count; i++)
            {
                if (!IsFlag(args[i]))
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>The <paramref name="n"/>-th argument as a number (invariant); false if absent or not a number.</summary>
        protected static bool TryGetNumber(ShellArgs args, int n, out double value)
        {
            value = 0;
            string token = Argument(args, n);
            return token != null && ShellArgs.TryParseDouble(token, out value);
        }

        /// <summary>The <paramref name="n"/>-th argument as a whole number; false if absent or not one.</summary>
        protected static bool TryGetInteger(ShellArgs args, int n, out long value)
        {
            value = 0;
            string token = Argument(args, n);
            return token != null && ShellArgs.TryParseInteger(token, out value);
        }

        /// <summary>Refuses a line with an argument the command does not know: "unknown argument 'x' (usage: name usage)".</summary>
        protected bool UsageError(ShellContext ctx, string problem)
        {
            ctx.Reply.Error(problem + " (usage: " + Name + (Usage.Length > 0 ? " " + Usage : string.Empty) + ")");
            return false;
        }

        private static bool IsFlag(string token)
        {
            return token != null && token.Length > 2 && token[0] == '-' && token[1] == '-';
        }
    }
}
