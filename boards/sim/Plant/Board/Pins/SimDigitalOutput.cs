using V2G.Hal.Buses;
using V2G.Hal.Timing;

namespace V2G.Sim.Plant.Board.Pins
{
    /// <summary>A digital output pin: keeps what was written, counts writes and, with a clock, when the level last changed.</summary>
    public sealed class SimDigitalOutput : IDigitalOutput
    {
        private readonly IMonotonicClock _clock;

        /// <summary>A pin without a clock (<see cref="LastChangeMs"/> stays 0).</summary>
        public SimDigitalOutput()
            : this(null)
        {
        }

        /// <summary>A pin that notes the time of each level change from <paramref name="clock"/>.</summary>
        public SimDigitalOutput(IMonotonicClock clock)
        {
            _clock = clock;
        }

        /// <inheritdoc />
        public bool State { get; private set; }

        /// <summary>Writes so far, changing the level or not.</summary>
        public int WriteCount { get; private set; }

        /// <summary>Low-to-high changes so far.</summary>
        public int RisingEdgeCount { get; private set; }

        /// <summary>The clock's time at the last level change, ms.</summary>
        public long LastChangeMs { get; private set; }

        /// <inheritdoc />
        public void Write(bool asserted)
        {
            WriteCount++;
            if (asserted == State)
            {
                return;
            }

            if (asserted)
            {
                RisingEdgeCount++;
            }

            State = asserted;
            if (_clock != null)
            {
                LastChangeMs = _clock.NowMs;
            }
        }
    }
}
