namespace V2G.Hal.Buses
{
    /// <summary>An interrupt line from a chip (active level handled by the board).</summary>
    public interface IInterruptInput
    {
        /// <summary>True while the line is asserted.</summary>
        bool IsAsserted { get; }

        /// <summary>Raised on the asserting edge, from the board's interrupt thread.</summary>
        event InterruptHandler Asserted;
    }
}
