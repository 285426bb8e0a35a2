using V2G.Firmware.Diagnostics.Log;
using V2G.Firmware.Session;
using V2G.Firmware.Uplink;
using V2G.Protocol.Trace;

namespace V2G.Firmware.Diagnostics
{
    /// <summary>
    /// What a command sees while it runs: where to write (<see cref="Reply"/>), its arguments, who is
    /// logged in, the time, and the services. One instance per shell, refilled before every command step.
    /// </summary>
    public sealed class ShellContext
    {
        private readonly ShellServices _services;

        /// <summary>A context over <paramref name="services"/>, writing through <paramref name="reply"/>.</summary>
        public ShellContext(ShellServices services, ShellReply reply, ShellSession session, IShellCommand[] commands)
        {
            _services = services ?? new ShellServices();
            Reply = reply;
            Session = session;
            Commands = commands ?? new IShellCommand[0];
        }

        /// <summary>The one way a command writes output.</summary>
        public ShellReply Reply { get; }

        /// <summary>The line that started the running command.</summary>
        public ShellArgs Args { get; internal set; }

        /// <summary>The running command's name (prefixes the audit entries).</summary>
        public string CommandName { get; internal set; }

        /// <summary>The session's role now.</summary>
        public ShellRole Role => Session == null ? ShellRole.ReadOnly : Session.Role;

        /// <summary>The shell's time, ms (the time of the poll that runs this step).</summary>
        public long NowMs { get; internal set; }

        /// <summary>Login state.</summary>
        public ShellSession Session { get; }

        /// <summary>The command table (for help).</summary>
        public IShellCommand[] Commands { get; }

        /// <summary>The charge controller (change it only through its thread-safe requests).</summary>
        public ChargeController Controller => _services.Controller;

        /// <summary>The diagnostic log, or null.</summary>
        public DiagnosticLog Log => _services.Log;

        /// <summary>The config keys, or null.</summary>
        public ChargerConfig Config => _services.Config;

        /// <summary>The uplink, or null on a board without one.</summary>
        public UplinkService Uplink => _services.Uplink;

        /// <summary>The decoded message log of the current or last session, or null.</summary>
        public MessageLog Trace => _services.Trace;

        /// <summary>The board.</summary>
        public IShellHost Host => _services.Host;

        /// <summary>
        /// True if the session has <paramref name="role"/>; otherwise writes the error
        /// "login required (read-only session)" and returns false (the command then stops).
        /// </summary>
        public bool Require(ShellRole role)
        {
            if ((int)Role >= (int)role)
            {
                return true;
            }

            Reply.Error("login required (read-only session)");
            return false;
        }

        /// <summary>
        /// Records a write in the diagnostic log (module shell, level info), prefixed with the command:
        /// AuditWrite("max_charge_power_W", "30000", "22000") in `config` logs "config max_charge_power_W: 30000 -> 22000".
        /// </summary>
        public void AuditWrite(string key, string oldValue, string newValue)
        {
            DiagnosticLog log = _services.Log;
            if (log == null)
            {
                return;
            }

            string text = (CommandName == null ? string.Empty : CommandName + " ") + key + ": "
                + (oldValue ?? "-") + " -> " + (newValue ?? "-");
            log.Write(LogModule.Shell, LogLevel.Info, text, NowMs);
        }

        /// <summary>Writes a shell note (login, logout, an internal error) to the diagnostic log, if there is one.</summary>
        public void LogNote(LogLevel level, string text)
        {
            DiagnosticLog log = _services.Log;
            if (log != null)
            {
                log.Write(LogModule.Shell, level, text, NowMs);
            }
        }
    }
}
