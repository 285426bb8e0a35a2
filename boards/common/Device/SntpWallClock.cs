// Device-only (nanoFramework, package nanoFramework.Networking.Sntp).
// nanoFramework.Networking.Sntp: Server1/Server2 (settable host names), Start() runs the native SNTP client, which
// updates the system time after each successful exchange (hourly by default), IsStarted (source:
// nanoframework/nanoFramework.Networking.Sntp, nanoFramework.Networking.Sntp/Sntp.cs). The API has no "synchronised"
// flag or event, so "set" is judged from the time itself: nanoFramework's own NetworkHelper treats a year before 2021
// as "no valid time yet" (nanoframework/System.Net, NetworkHelper/NetworkHelper.cs); here the floor is a setting
// (the firmware's build date is the honest choice: a clock before it cannot be right).
using System;
using nanoFramework.Networking;
using V2G.Hal.Timing;

namespace V2G.Boards.Device
{
    /// <summary>
    /// Calendar time from the runtime's clock, set by nanoFramework's SNTP client. <see cref="IsSet"/> is true once the
    /// clock reads at or after a floor the board gives (no default). Without a battery-backed RTC the clock restarts
    /// from its reset value at each boot, so it is unset until the first SNTP answer.
    /// </summary>
    public sealed class SntpWallClock : IWallClock
    {
        private readonly DateTime _earliestValidUtc;

        /// <summary>Starts the SNTP client on the given servers.</summary>
        /// <param name="server1">Main NTP server host name (required).</param>
        /// <param name="server2">Backup NTP server host name, or null to keep the runtime's default.</param>
        /// <param name="earliestValidUtc">A UTC time the clock cannot be before once set (e.g. the build date); required.</param>
        public SntpWallClock(string server1, string server2, DateTime earliestValidUtc)
        {
            if (server1 == null || server1.Length == 0)
            {
                throw new ArgumentException("an NTP server is required");
            }

            if (earliestValidUtc.Year < 2021)
            {
                // Below nanoFramework's own "no valid time" threshold the check would accept a clock never set.
                throw new ArgumentException("earliestValidUtc is a required setting (the firmware's build date)");
            }

            _earliestValidUtc = earliestValidUtc;
            Sntp.Server1 = server1;
            if (server2 != null && server2.Length > 0)
            {
                Sntp.Server2 = server2;
            }

            Sntp.Start();
        }

        /// <inheritdoc />
        public bool IsSet => DateTime.UtcNow >= _earliestValidUtc;

        /// <inheritdoc />
        public DateTime UtcNow => DateTime.UtcNow;

        /// <summary>Asks the SNTP client to synchronise now (e.g. right after the network came up).</summary>
        public void UpdateNow()
        {
            Sntp.UpdateNow();
        }
    }
}
