using V2G.Firmware.Diagnostics;
using V2G.Hal.Comms;
using V2G.Hal.Security;
using V2G.Hal.Storage;
using V2G.Hal.Timing;

namespace V2G.Firmware.Runtime
{
    /// <summary>
    /// What a board gives the runtime besides its pins: clocks, the watchdog, the flash regions, entropy, the
    /// uplink's transport, and the shell's host and secrets. A plain holder, filled in by the board's Program.
    /// </summary>
    public sealed class BoardServices
    {
        /// <summary>The monotonic clock (the same one the wiring was given).</summary>
        public IMonotonicClock Clock { get; set; }

        /// <summary>Calendar time (the log's and the uplink's time stamps).</summary>
        public IWallClock WallClock { get; set; }

        /// <summary>The hardware watchdog: the controller starts it with ChargerSettings.HardwareWatchdogTimeoutMs and feeds it every tick.</summary>
        public IWatchdog Watchdog { get; set; }

        /// <summary>The record store's flash (droop settings, config keys, battery state, the persisted log).</summary>
        public IFlashRegion RecordFlash { get; set; }

        /// <summary>The uplink's outage queue flash, or null without an uplink.</summary>
        public IFlashRegion UplinkFlash { get; set; }

        /// <summary>Random bytes (SLAC run ids, login challenges, the uplink's ids).</summary>
        public IEntropySource Entropy { get; set; }

        /// <summary>The uplink's transport (MQTT), or null for a board without one.</summary>
        public IUplink Uplink { get; set; }

        /// <summary>The board as the shell shows it (version, name, uptime, reboot).</summary>
        public IShellHost ShellHost { get; set; }

        /// <summary>The shell's device secret and PIN hash (from the device's store).</summary>
        public ShellSettings Shell { get; set; }
    }
}
