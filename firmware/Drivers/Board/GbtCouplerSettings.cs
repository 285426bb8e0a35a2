namespace V2G.Firmware.Drivers.Board
{
    /// <summary>Configuration of a <see cref="GbtCoupler"/>. Read once, by its constructor.</summary>
    public sealed class GbtCouplerSettings
    {
        /// <summary>
        /// CC1 volts (at detection point 1) per volt at the monitor ADC's input: the gain of the board's divider and
        /// isolation amplifier seen backwards. A board fact with no default (NaN); the constructor refuses it unset.
        /// </summary>
        public double Cc1VoltsPerAdcVolt { get; set; } = double.NaN;

        /// <summary>
        /// The lock feedback's level when the lock is in the locked position: true for a switch that closes on locking
        /// and pulls the input high (a fact of the coupler's lock, as the board presents it).
        /// </summary>
        public bool FeedbackLockedLevel { get; set; } = true;

        /// <summary>
        /// The lock feedback must read the same for this long before it counts, ms [U: a limit switch's bounce, as for
        /// the contactors' mirror contacts].
        /// </summary>
        public int FeedbackDebounceMs { get; set; } = 20;

        /// <summary>
        /// Time allowed after a lock or unlock command for the feedback to follow (the actuator's travel plus the
        /// debounce), ms; longer is a <see cref="GbtCoupler.IsLockFault"/>. A fact of the coupler's lock with no
        /// default (0); the constructor refuses it unset.
        /// </summary>
        public int LockTravelTimeoutMs { get; set; }
    }
}
