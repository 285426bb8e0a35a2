using System;
using V2G.Firmware.Control;
using V2G.Firmware.Drivers.Ade9000;
using V2G.Hal.Timing;

namespace V2G.Firmware.Runtime
{
    /// <summary>
    /// The metering IC's service on the control tick: one <see cref="Ade9000Driver.ServiceCycle"/> per line
    /// cycle that ended since the last tick (paced by the nominal frequency, each stamped with its own end
    /// time, so the grid monitor sees one cycle per period whatever the tick), then the energy registers.
    /// The chip's registers are read when the tick runs, so the cycles caught up in one tick carry the same
    /// period and RMS: a board that needs each cycle's own values services the cycle from the chip's
    /// zero-crossing interrupt instead (a device choice; the driver allows it).
    /// </summary>
    public sealed class GridMeteringTask : IControlTask
    {
        /// <summary>At most this many cycles are caught up in one tick (a longer stall restarts the pacing).</summary>
        public const int MaxCyclesPerTick = 4;

        private readonly Ade9000Driver _driver;
        private readonly IMonotonicClock _clock;
        private readonly double _cyclePeriodMs;
        private double _nextCycleEndMs = -1;

        /// <summary>Services <paramref name="driver"/> at <paramref name="clock"/>'s time.</summary>
        public GridMeteringTask(Ade9000Driver driver, IMonotonicClock clock)
        {
            if (driver == null || clock == null)
            {
                throw new ArgumentNullException();
            }

            if (!(driver.NominalFrequencyHz > 0))
            {
                throw new ArgumentException("the metering settings' nominal frequency must be set", "driver");
            }

            _driver = driver;
            _clock = clock;
            _cyclePeriodMs = 1000.0 / driver.NominalFrequencyHz;
        }

        /// <inheritdoc />
        public void Tick()
        {
            long nowMs = _clock.NowMs;
            if (_nextCycleEndMs < 0)
            {
                _nextCycleEndMs = nowMs + _cyclePeriodMs;
            }

            int cycles = 0;
            while (nowMs >= _nextCycleEndMs && cycles < MaxCyclesPerTick)
            {
                _driver.ServiceCycle((long)_nextCycleEndMs);
                _nextCycleEndMs += _cyclePeriodMs;
                cycles++;
            }

            if (nowMs >= _nextCycleEndMs)
            {
                // Stalled longer than the catch-up: the grid monitor sees the gap rather than invented cycles.
                _nextCycleEndMs = nowMs + _cyclePeriodMs;
            }

            _driver.ServiceEnergy();
        }
    }
}
