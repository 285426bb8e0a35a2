using System;
using V2G.Hal.Buses;

namespace V2G.Firmware.Drivers.Board
{
    /// <summary>
    /// A digital input debounced in time: the state follows the raw level only once the level has stayed the
    /// same for the debounce time of that direction (<see cref="RiseDebounceMs"/> to become high,
    /// <see cref="FallDebounceMs"/> to become low), so a bouncing contact or a spike shorter than that is ignored.
    /// Sampled by <see cref="Update(long)"/>, which the board's thread calls every few ms; a level seen by no
    /// update does not exist for it. Allocates nothing after construction.
    /// </summary>
    public sealed class DebouncedInput
    {
        private readonly IDigitalInput _input;
        private readonly int _riseDebounceMs;
        private readonly int _fallDebounceMs;

        private bool _state;
        private bool _pending;
        private long _pendingSinceMs;

        /// <summary>
        /// An input starting in <paramref name="initialState"/> (the state before any update: the safe one for
        /// the caller, e.g. "stop requested" for an emergency-stop chain).
        /// </summary>
        public DebouncedInput(IDigitalInput input, int riseDebounceMs, int fallDebounceMs, bool initialState)
        {
            if (input == null)
            {
                throw new ArgumentNullException("input");
            }

            if (riseDebounceMs < 0 || fallDebounceMs < 0)
            {
                throw new ArgumentOutOfRangeException("riseDebounceMs");
            }

            _input = input;
            _riseDebounceMs = riseDebounceMs;
            _fallDebounceMs = fallDebounceMs;
            _state = initialState;
        }

        /// <summary>Time the raw level must stay high before <see cref="State"/> becomes true, ms.</summary>
        public int RiseDebounceMs => _riseDebounceMs;

        /// <summary>Time the raw level must stay low before <see cref="State"/> becomes false, ms.</summary>
        public int FallDebounceMs => _fallDebounceMs;

        /// <summary>The debounced level: true = high.</summary>
        public bool State => _state;

        /// <summary>Samples the input at <paramref name="nowMs"/> (monotonic) and returns the debounced level.</summary>
        public bool Update(long nowMs)
        {
            bool raw = _input.Read();
            if (raw == _state)
            {
                _pending = false;
                return _state;
            }

            if (!_pending)
            {
                _pending = true;
                _pendingSinceMs = nowMs;
            }

            int needMs = raw ? _riseDebounceMs : _fallDebounceMs;
            if (nowMs - _pendingSinceMs >= needMs)
            {
                _state = raw;
                _pending = false;
            }

            return _state;
        }
    }
}
