using System;
using V2G.Hal.Buses;
using V2G.Hal.Safety;
using V2G.Firmware.Drivers;

namespace V2G.Firmware.Drivers.Board
{
    /// <summary>
    /// The emergency-stop chain on one input: normally-closed contacts in series pulling the input high, so a
    /// pressed button, an opened door and a broken wire all read low (stop).
    /// <list type="bullet">
    /// <item>Debounced asymmetrically by <see cref="Service(long)"/> (the board's thread, every few ms): the chain
    /// must read open for <see cref="TripDebounceMs"/> to stop (short, only against spikes on a long wire), and closed
    /// for <see cref="ReleaseDebounceMs"/> to release (long, so a bouncing button does not release and re-trip).</item>
    /// <item>Active from construction until the chain has read closed for the release time: a stop that was
    /// never seen released is a stop.</item>
    /// </list>
    /// The hardware chain also drops the contactor coils and the gate enable by itself; this input only tells
    /// the firmware to sequence the shutdown and to report it.
    /// </summary>
    public sealed class GpioEmergencyStop : IEmergencyStop, IDriverService
    {
        /// <summary>Default time the chain must read open before a stop, ms [U: above EMI spikes, far below a human's reaction].</summary>
        public const int DefaultTripDebounceMs = 5;

        /// <summary>Default time the chain must read closed before the stop releases, ms [U: above a button's bounce].</summary>
        public const int DefaultReleaseDebounceMs = 50;

        private readonly DebouncedInput _chain;

        /// <summary>The chain on <paramref name="chain"/> (high = closed) with the default debounce times.</summary>
        public GpioEmergencyStop(IDigitalInput chain)
            : this(chain, DefaultTripDebounceMs, DefaultReleaseDebounceMs)
        {
        }

        /// <summary>The chain on <paramref name="chain"/> (high = closed).</summary>
        public GpioEmergencyStop(IDigitalInput chain, int tripDebounceMs, int releaseDebounceMs)
        {
            if (chain == null)
            {
                throw new ArgumentNullException("chain");
            }

            // Chain closed = high: closing (rising) releases, opening (falling) trips; starts open (stop).
            _chain = new DebouncedInput(chain, releaseDebounceMs, tripDebounceMs, false);
        }

        /// <summary>Time the chain must read open before <see cref="IsActive"/> becomes true, ms.</summary>
        public int TripDebounceMs => _chain.FallDebounceMs;

        /// <summary>Time the chain must read closed before <see cref="IsActive"/> becomes false, ms.</summary>
        public int ReleaseDebounceMs => _chain.RiseDebounceMs;

        /// <inheritdoc />
        public bool IsActive => !_chain.State;

        /// <summary>Samples and debounces the chain.</summary>
        public void Service(long nowMs)
        {
            _chain.Update(nowMs);
        }
    }
}
