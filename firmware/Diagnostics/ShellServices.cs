using V2G.Firmware.Diagnostics.Log;
using V2G.Firmware.Session;
using V2G.Firmware.Uplink;
using V2G.Hal.Security;
using V2G.Protocol.Trace;

namespace V2G.Firmware.Diagnostics
{
    /// <summary>
    /// What the board hands the shell: the controller and the services the commands read or ask things
    /// of. A plain holder, filled in by the board's wiring; the shell passes it on through <see cref="ShellContext"/>.
    /// </summary>
    public sealed class ShellServices
    {
        /// <summary>The charge controller (commands use only its thread-safe requests to change anything).</summary>
        public ChargeController Controller { get; set; }

        /// <summary>The diagnostic log (also where the shell's audit entries go).</summary>
        public DiagnosticLog Log { get; set; }

        /// <summary>The config keys of `config get|set`.</summary>
        public ChargerConfig Config { get; set; }

        /// <summary>The uplink, or null on a board without one.</summary>
        public UplinkService Uplink { get; set; }

        /// <summary>The decoded message log of the current or last vehicle session, or null (none yet).</summary>
        public MessageLog Trace { get; set; }

        /// <summary>The board.</summary>
        public IShellHost Host { get; set; }

        /// <summary>Random bytes for login challenges.</summary>
        public IEntropySource Entropy { get; set; }
    }
}
