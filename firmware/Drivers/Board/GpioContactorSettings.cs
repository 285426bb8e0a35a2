namespace V2G.Firmware.Drivers.Board
{
    /// <summary>Configuration of a <see cref="GpioContactor"/>. Read once, by its constructor.</summary>
    public sealed class GpioContactorSettings
    {
        /// <summary>
        /// The auxiliary input's level when the main contact is closed: true for a normally-open auxiliary
        /// contact pulling the input high, false for a normally-closed one (a board fact).
        /// </summary>
        public bool FeedbackClosedLevel { get; set; } = true;

        /// <summary>
        /// The auxiliary contact must read the same for this long before the feedback changes, ms. Covers the
        /// contact's bounce on make and break [U: a few ms for DC contactors' mirror contacts; set from the data sheet].
        /// </summary>
        public int FeedbackDebounceMs { get; set; } = 20;

        /// <summary>
        /// Time allowed after a command for the feedback to follow (pull-in or drop-out plus the debounce), ms;
        /// a longer disagreement is a <see cref="GpioContactor.IsFeedbackMismatch"/> [U: set from the contactor's
        /// operate and release times].
        /// </summary>
        public int FeedbackSettleMs { get; set; } = 100;
    }
}
