namespace V2G.Hal.Power
{
    /// <summary>
    /// One contactor or relay with an auxiliary (mirror) contact. The auxiliary contact is read
    /// back to detect a welded contact or a coil that did not pull in.
    /// </summary>
    public interface IContactor
    {
        /// <summary>Energizes the coil.</summary>
        void Close();

        /// <summary>De-energizes the coil.</summary>
        void Open();

        /// <summary>What was last commanded: true = closed.</summary>
        bool IsCommandedClosed { get; }

        /// <summary>The auxiliary contact, debounced by the board: true = main contact closed.</summary>
        bool IsFeedbackClosed { get; }
    }
}
