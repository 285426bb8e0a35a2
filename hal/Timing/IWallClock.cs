using System;

namespace V2G.Hal.Timing
{
    /// <summary>
    /// Calendar time in UTC, for timestamps and expiry times (never for timeouts, which use
    /// <see cref="IMonotonicClock"/>). A board without a battery-backed RTC boots with it unset
    /// until NTP or the uplink sets it.
    /// </summary>
    public interface IWallClock
    {
        /// <summary>True once the time has been set from a trusted source since boot.</summary>
        bool IsSet { get; }

        /// <summary>Current UTC time; meaningless while <see cref="IsSet"/> is false.</summary>
        DateTime UtcNow { get; }
    }
}
