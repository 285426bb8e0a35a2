namespace V2G.Hal.Timing
{
    /// <summary>
    /// The hardware watchdog. Once started it cannot be stopped; if it is not fed within its
    /// timeout the board resets, and the power stage's gate enable drops with the reset.
    /// </summary>
    public interface IWatchdog
    {
        /// <summary>Starts the watchdog with the given timeout.</summary>
        void Start(int timeoutMs);

        /// <summary>Restarts the timeout. The control tick feeds it once per tick.</summary>
        void Feed();

        /// <summary>True if the last reset of the board was caused by this watchdog.</summary>
        bool CausedLastReset { get; }
    }
}
