using System;
using V2G.Hal.Buses;
using V2G.Hal.Power;
using V2G.Firmware.Drivers;

namespace V2G.Firmware.Drivers.Board
{
    /// <summary>
    /// A contactor or relay driven by one coil output, with its auxiliary (mirror) contact on one input.
    /// <list type="bullet">
    /// <item>The coil output follows <see cref="Close"/> and <see cref="Open"/> at once (no coil economy: the board's
    /// coil driver does that in hardware if the contactor needs it).</item>
    /// <item>The auxiliary contact is debounced (<see cref="GpioContactorSettings.FeedbackDebounceMs"/>) by
    /// <see cref="Service(long)"/>, which the board's thread calls every few ms. Before the first service the
    /// feedback is the raw level at construction, so a contact welded at power-up shows at once.</item>
    /// <item><see cref="IsFeedbackMismatch"/> is raised when command and feedback have disagreed for longer than
    /// <see cref="GpioContactorSettings.FeedbackSettleMs"/>: a coil that did not pull in, or a welded contact.
    /// The driver only reports; the safety supervisor decides.</item>
    /// </list>
    /// </summary>
    public sealed class GpioContactor : IContactor, IDriverService
    {
        private readonly IDigitalOutput _coil;
        private readonly DebouncedInput _feedback;
        private readonly bool _closedLevel;
        private readonly int _settleMs;

        private bool _disagreeing;
        private long _disagreeSinceMs;
        private bool _mismatch;

        /// <summary>A contactor on <paramref name="coil"/>, its auxiliary contact on <paramref name="auxiliary"/>; the coil is opened.</summary>
        public GpioContactor(IDigitalOutput coil, IDigitalInput auxiliary, GpioContactorSettings settings)
        {
            if (coil == null)
            {
                throw new ArgumentNullException("coil");
            }

            if (auxiliary == null)
            {
                throw new ArgumentNullException("auxiliary");
            }

            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            if (settings.FeedbackSettleMs < 0)
            {
                throw new ArgumentOutOfRangeException("settings");
            }

            _coil = coil;
            _closedLevel = settings.FeedbackClosedLevel;
            _settleMs = settings.FeedbackSettleMs;
            _feedback = new DebouncedInput(auxiliary, settings.FeedbackDebounceMs, settings.FeedbackDebounceMs, auxiliary.Read());
            _coil.Write(false);
        }

        /// <inheritdoc />
        public void Close()
        {
            Command(true);
        }

        /// <inheritdoc />
        public void Open()
        {
            Command(false);
        }

        /// <inheritdoc />
        public bool IsCommandedClosed => _coil.State;

        /// <inheritdoc />
        public bool IsFeedbackClosed => _feedback.State == _closedLevel;

        /// <summary>
        /// True while command and debounced feedback have disagreed for longer than the settle time (as of the last
        /// <see cref="Service(long)"/>): the coil did not pull in, or the contact is welded or dropped out.
        /// </summary>
        public bool IsFeedbackMismatch => _mismatch;

        private void Command(bool closed)
        {
            if (_coil.State != closed)
            {
                // A new command gets its own settle time: the disagreement with the old one is not a fault.
                _disagreeing = false;
                _mismatch = false;
            }

            _coil.Write(closed);
        }

        /// <summary>Samples and debounces the auxiliary contact and updates <see cref="IsFeedbackMismatch"/>.</summary>
        public void Service(long nowMs)
        {
            _feedback.Update(nowMs);
            bool agree = IsFeedbackClosed == IsCommandedClosed;
            if (agree)
            {
                _disagreeing = false;
                _mismatch = false;
                return;
            }

            if (!_disagreeing)
            {
                _disagreeing = true;
                _disagreeSinceMs = nowMs;
            }

            _mismatch = nowMs - _disagreeSinceMs > _settleMs;
        }
    }
}
