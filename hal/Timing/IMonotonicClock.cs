namespace V2G.Hal.Timing
{
    /// <summary>
    /// A clock that never goes backwards, in milliseconds since an arbitrary origin (boot).
    /// Every timeout in the firmware reads this clock and nothing else, so the simulator can
    /// run the firmware on simulated time without any timeout lying.
    /// </summary>
    public interface IMonotonicClock
    {
        /// <summary>Milliseconds since the clock's origin; never decreases.</summary>
        long NowMs { get; }
    }
}
