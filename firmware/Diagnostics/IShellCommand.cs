namespace V2G.Firmware.Diagnostics
{
    /// <summary>
    /// One entry of the shell's command table: its name, argument hint, help line and role come from the
    /// command itself, so help and tab completion never disagree with what runs. A command writes only
    /// through <see cref="ShellContext.Reply"/> and changes the controller only through its thread-safe
    /// requests: it runs on the shell's thread, never on the control thread.
    /// </summary>
    public interface IShellCommand
    {
        /// <summary>The word that runs it: "status", "faults", "config", ...</summary>
        string Name { get; }

        /// <summary>Argument hint, e.g. "[--json]", "get|set KEY [VALUE]" ("" if none).</summary>
        string Usage { get; }

        /// <summary>One line for help.</summary>
        string Help { get; }

        /// <summary>
        /// ReadOnly for reads; Technician for writes (a command with both reads and writes declares ReadOnly
        /// and checks its writing subcommands with <see cref="ShellContext.Require"/>).
        /// </summary>
        ShellRole RequiredRole { get; }

        /// <summary>First-argument words for tab completion (subcommands, keys), or null.</summary>
        string[] Completions { get; }

        /// <summary>Starts the command; returns true if it has more output to stream (<see cref="Continue"/> is then called on later polls).</summary>
        bool Run(ShellContext ctx, ShellArgs args);

        /// <summary>Streams more output; returns true while more remains. Called only after Run/Continue returned true.</summary>
        bool Continue(ShellContext ctx);
    }
}
