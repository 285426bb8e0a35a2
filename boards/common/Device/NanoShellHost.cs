// Device-only (nanoFramework, package nanoFramework.Runtime.Native).
// Power.RebootDevice() raises Power.OnRebootEvent, then reboots natively (source: nanoframework/nanoFramework.Runtime.Native,
// Power.cs).
using System;
using nanoFramework.Runtime.Native;
using V2G.Firmware.Diagnostics;
using V2G.Hal.Timing;

namespace V2G.Boards.Device
{
    /// <summary>The board as the diagnostic shell shows it: version and name given by the Program, uptime from the monotonic clock, a native reboot.</summary>
    public sealed class NanoShellHost : IShellHost
    {
        private readonly IMonotonicClock _clock;

        /// <summary>Creates the host.</summary>
        /// <param name="firmwareVersion">E.g. "0.8.0+abc1234".</param>
        /// <param name="boardName">E.g. "esp32-gbt".</param>
        /// <param name="clock">Milliseconds since boot (<see cref="TickCountClock"/>).</param>
        public NanoShellHost(string firmwareVersion, string boardName, IMonotonicClock clock)
        {
            if (firmwareVersion == null || boardName == null || clock == null)
            {
                throw new ArgumentNullException(clock == null ? "clock" : (boardName == null ? "boardName" : "firmwareVersion"));
            }

            FirmwareVersion = firmwareVersion;
            BoardName = boardName;
            _clock = clock;
        }

        /// <inheritdoc />
        public string FirmwareVersion { get; }

        /// <inheritdoc />
        public string BoardName { get; }

        /// <inheritdoc />
        public long UptimeMs => _clock.NowMs;

        /// <inheritdoc />
        public void Reboot()
        {
            Power.RebootDevice();
        }
    }
}
