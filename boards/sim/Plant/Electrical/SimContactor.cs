using V2G.Hal.Power;
using V2G.Hal.Grid;

namespace V2G.Sim.Plant.Electrical
{
    /// <summary>
    /// A contactor with a closing and an opening time and a mirror auxiliary contact (linked to the
    /// main contact, so it reports a weld). A weld can be injected: once the main contact is closed
    /// it stays closed whatever the coil does.
    /// </summary>
    public sealed class SimContactor : IContactor, IGridRelay
    {
        private bool _commanded;
        private bool _mainClosed;
        private double _transitionMs;

        public SimContactor(double closingTimeMs, double openingTimeMs)
        {
            ClosingTimeMs = closingTimeMs;
            OpeningTimeMs = openingTimeMs;
        }

        public double ClosingTimeMs { get; }

        public double OpeningTimeMs { get; }

        /// <summary>When set, the main contact cannot open once closed.</summary>
        public bool IsWelded { get; set; }

        /// <summary>A contactor whose coil or mechanism has failed: it never closes, whatever the command (a technician's contactor test must find it).</summary>
        public bool IsStuckOpen { get; set; }

        /// <summary>Operations under load: opened while this much current flowed, A (largest seen).</summary>
        public double LargestBreakingCurrentA { get; private set; }

        public bool IsCommandedClosed => _commanded;

        public bool IsFeedbackClosed => _mainClosed;

        /// <summary>The state of the main contact.</summary>
        public bool IsClosed => _mainClosed;

        public void Close()
        {
            _commanded = true;
        }

        public void Open()
        {
            _commanded = false;
        }

        /// <summary>Moves the armature; <paramref name="currentA"/> is the current through the contact.</summary>
        public void Step(double dtMs, double currentA)
        {
            if (_commanded == _mainClosed)
            {
                _transitionMs = 0;
                return;
            }

            if (_mainClosed && IsWelded)
            {
                return;
            }

            if (!_mainClosed && IsStuckOpen)
            {
                return;
            }

            _transitionMs += dtMs;
            double needed = _commanded ? ClosingTimeMs : OpeningTimeMs;
            if (_transitionMs >= needed)
            {
                if (_mainClosed)
                {
                    double breaking = currentA < 0 ? -currentA : currentA;
                    if (breaking > LargestBreakingCurrentA)
                    {
                        LargestBreakingCurrentA = breaking;
                    }
                }

                _mainClosed = _commanded;
                _transitionMs = 0;
            }
        }
    }
}
