using System;
using V2G.Hal.Buses;
using V2G.Hal.Timing;

namespace V2G.Sim.Plant.Board.Pins
{
    /// <summary>
    /// A contactor at pin level, both of its pins in one model: the coil drive (this <see cref="IDigitalOutput"/>)
    /// and the auxiliary contact (this <see cref="IDigitalInput"/>, high = main contact closed). The main contact
    /// follows the coil after <see cref="PullInMs"/> or <see cref="DropOutMs"/>; for <see cref="BounceMs"/> after it
    /// moves, the auxiliary contact chatters (reads the old position at odd ms). Faults: <see cref="Welded"/>
    /// (stays closed whatever the coil does), <see cref="CoilOpen"/> (never pulls in).
    /// </summary>
    public sealed class SimContactorPins : IDigitalOutput, IDigitalInput
    {
        private readonly IMonotonicClock _clock;

        private bool _coil;
        private long _coilChangeMs;
        private bool _closedAtChange;

        /// <summary>A contactor on <paramref name="clock"/>'s time, open, with its coil off.</summary>
        public SimContactorPins(IMonotonicClock clock, int pullInMs, int dropOutMs, int bounceMs)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _clock = clock;
            PullInMs = pullInMs;
            DropOutMs = dropOutMs;
            BounceMs = bounceMs;
        }

        /// <summary>Time from coil on to contact closed, ms.</summary>
        public int PullInMs { get; set; }

        /// <summary>Time from coil off to contact open, ms.</summary>
        public int DropOutMs { get; set; }

        /// <summary>Time the auxiliary contact chatters after the main contact moves, ms.</summary>
        public int BounceMs { get; set; }

        /// <summary>Fault: the main contact is welded closed.</summary>
        public bool Welded { get; set; }

        /// <summary>Fault: the coil is open-circuit, so the contact never closes.</summary>
        public bool CoilOpen { get; set; }

        /// <summary>The coil drive as last written: true = energised.</summary>
        public bool State => _coil;

        /// <summary>The main contact's position now, without bounce: true = closed.</summary>
        public bool IsMainClosed
        {
            get
            {
                if (Welded)
                {
                    return true;
                }

                return IsSettled() ? (_coil && !CoilOpen) : _closedAtChange;
            }
        }

        /// <inheritdoc />
        public void Write(bool asserted)
        {
            if (asserted == _coil)
            {
                return;
            }

            _closedAtChange = IsMainClosed;
            _coil = asserted;
            _coilChangeMs = _clock.NowMs;
        }

        /// <inheritdoc />
        public bool Read()
        {
            bool closed = IsMainClosed;
            bool target = _coil && !CoilOpen;
            if (Welded || target == _closedAtChange)
            {
                return closed;
            }

            long sinceMoveMs = _clock.NowMs - (_coilChangeMs + TransitionMs());
            if (sinceMoveMs >= 0 && sinceMoveMs < BounceMs && sinceMoveMs % 2 == 1)
            {
                return !closed;
            }

            return closed;
        }

        private int TransitionMs()
        {
            return _coil ? PullInMs : DropOutMs;
        }

        private bool IsSettled()
        {
            return _clock.NowMs - _coilChangeMs >= TransitionMs();
        }
    }
}
