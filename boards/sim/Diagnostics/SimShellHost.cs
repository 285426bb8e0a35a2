using V2G.Firmware.Diagnostics;
using V2G.Sim.Plant.Board;

namespace V2G.Sim.Diagnostics
{
    /// <summary>
    /// The simulator board as the shell sees it: the firmware's version, the board's name, the uptime on the
    /// simulated clock, and a reboot that ends the run (the runner sees <see cref="RebootRequested"/> after the
    /// tick and stops with a note; a restart would lose the run's results).
    /// </summary>
    public sealed class SimShellHost : IShellHost
    {
        private readonly SimClock _clock;

        public SimShellHost(SimClock clock, string firmwareVersion)
        {
            _clock = clock ?? throw new System.ArgumentNullException(nameof(clock));
            FirmwareVersion = firmwareVersion ?? "unknown";
        }

        /// <inheritdoc />
        public string FirmwareVersion { get; }

        /// <inheritdoc />
        public string BoardName => "sim";

        /// <inheritdoc />
        public long UptimeMs => _clock.NowMs;

        /// <summary>True once a technician asked for a reboot.</summary>
        public bool RebootRequested { get; private set; }

        /// <summary>Simulated time of the request, ms (−1 before).</summary>
        public long RebootRequestedAtMs { get; private set; } = -1;

        /// <inheritdoc />
        public void Reboot()
        {
            if (!RebootRequested)
            {
                RebootRequested = true;
                RebootRequestedAtMs = _clock.NowMs;
            }
        }
    }
}
