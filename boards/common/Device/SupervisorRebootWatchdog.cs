// Device-only (nanoFramework, package nanoFramework.Runtime.Native).
//
// nanoFramework has no managed watchdog API: nanoFramework.Runtime.Native offers Power.RebootDevice(),
// ExecutionConstraint, GC, Rtc, SystemInfo and Environment.TickCount64, nothing else (source:
// nanoframework/nanoFramework.Runtime.Native, its .nfproj compile list and Power.cs); nanoFramework.Hardware.Esp32 and
// nanoFramework.Hardware.Stm32 expose none either (their source listings). The MCU watchdogs are native only: the
// interpreter has a watchdog skeleton for targets (nanoframework/nf-interpreter PR #808, "Independent watchdog
// skeleton definitions", for nanoframework/Home#248) that managed code cannot start, feed or query.
//
// So this is the closest honest thing, named for what it is: a supervisor thread that reboots the device through
// Power.RebootDevice() when the control loop stops feeding it. It catches a stalled or dead-locked managed control
// loop; it does NOT catch a hung interpreter or a native hang (its own thread would hang with it). Those need the
// hardware: the boards' power-stage enable is pulled to "off" so a reset drops it, and an external watchdog
// (PinFunction.ExternalWatchdogKick) is the real protection where fitted.
using System;
using System.Threading;
using nanoFramework.Runtime.Native;
using V2G.Hal.Timing;

namespace V2G.Boards.Device
{
    /// <summary>
    /// A software watchdog: a high-priority supervisor thread reboots the device when <see cref="Feed"/> has not been
    /// called within the timeout. Optionally leaves a marker (<see cref="IResetMarker"/>) before rebooting so that
    /// <see cref="CausedLastReset"/> can be answered on the next boot.
    /// </summary>
    public sealed class SupervisorRebootWatchdog : IWatchdog
    {
        private readonly IMonotonicClock _clock;
        private readonly IResetMarker _marker;
        private readonly object _gate = new object();
        private readonly bool _causedLastReset;
        private long _lastFeedMs;
        private int _timeoutMs;
        private Thread _supervisor;

        /// <summary>Creates the watchdog (not started) and reads and clears the marker of a previous reboot.</summary>
        /// <param name="clock">The monotonic clock.</param>
        /// <param name="marker">Where the reboot is recorded for the next boot, or null (then <see cref="CausedLastReset"/>
        /// is always false).</param>
        public SupervisorRebootWatchdog(IMonotonicClock clock, IResetMarker marker)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _clock = clock;
            _marker = marker;
            if (marker != null)
            {
                _causedLastReset = marker.ReadAndClear();
            }
        }

        /// <inheritdoc />
        public bool CausedLastReset => _causedLastReset;

        /// <inheritdoc />
        public void Start(int timeoutMs)
        {
            if (timeoutMs <= 0)
            {
                throw new ArgumentOutOfRangeException("timeoutMs");
            }

            lock (_gate)
            {
                if (_supervisor != null)
                {
                    throw new InvalidOperationException("the watchdog cannot be restarted");
                }

                _timeoutMs = timeoutMs;
                _lastFeedMs = _clock.NowMs;
                _supervisor = new Thread(Supervise);
                _supervisor.Priority = ThreadPriority.Highest;
                _supervisor.Start();
            }
        }

        /// <inheritdoc />
        public void Feed()
        {
            long now = _clock.NowMs;
            lock (_gate)
            {
                _lastFeedMs = now;
            }
        }

        private void Supervise()
        {
            // Checks four times per timeout, so a reboot comes at most 1.25 timeouts after the last feed.
            int checkPeriodMs = _timeoutMs / 4;
            if (checkPeriodMs < 1)
            {
                checkPeriodMs = 1;
            }

            while (true)
            {
                Thread.Sleep(checkPeriodMs);
                long sinceFeedMs;
                lock (_gate)
                {
                    sinceFeedMs = _clock.NowMs - _lastFeedMs;
                }

                if (sinceFeedMs > _timeoutMs)
                {
                    if (_marker != null)
                    {
                        _marker.Set();
                    }

                    Power.RebootDevice();
                }
            }
        }
    }
}
