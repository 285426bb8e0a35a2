namespace V2G.Hal.Grid
{
    /// <summary>
    /// The AC-side relay that connects the charger to the grid. Opening it is how the charger
    /// ceases to energize on a grid trip; its auxiliary contact confirms it.
    /// </summary>
    public interface IGridRelay
    {
        void Close();

        void Open();

        bool IsCommandedClosed { get; }

        bool IsFeedbackClosed { get; }
    }
}
