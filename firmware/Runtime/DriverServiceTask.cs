using System;
using V2G.Firmware.Control;
using V2G.Firmware.Drivers;
using V2G.Hal.Timing;

namespace V2G.Firmware.Runtime
{
    /// <summary>
    /// Drivers serviced in a fixed order at one instant of the clock, as one task of a thread: e.g. the emergency-stop
    /// chain before the contactors' auxiliary contacts, so a stop seen this tick is acted on by this tick's controller.
    /// A debounce is only as fine as the period of the thread that runs the task.
    /// </summary>
    public sealed class DriverServiceTask : IControlTask
    {
        private readonly IDriverService[] _drivers;
        private readonly IMonotonicClock _clock;

        /// <summary>Services <paramref name="drivers"/> in order (the array is copied; no entry may be null).</summary>
        public DriverServiceTask(IDriverService[] drivers, IMonotonicClock clock)
        {
            if (drivers == null || clock == null)
            {
                throw new ArgumentNullException();
            }

            _drivers = new IDriverService[drivers.Length];
            for (int i = 0; i < drivers.Length; i++)
            {
                if (drivers[i] == null)
                {
                    throw new ArgumentNullException("drivers");
                }

                _drivers[i] = drivers[i];
            }

            _clock = clock;
        }

        /// <summary>One driver.</summary>
        public DriverServiceTask(IDriverService driver, IMonotonicClock clock)
            : this(new IDriverService[] { driver }, clock)
        {
        }

        /// <inheritdoc />
        public void Tick()
        {
            long nowMs = _clock.NowMs;
            for (int i = 0; i < _drivers.Length; i++)
            {
                _drivers[i].Service(nowMs);
            }
        }
    }
}
