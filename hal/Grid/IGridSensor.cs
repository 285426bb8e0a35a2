namespace V2G.Hal.Grid
{
    /// <summary>Grid sensing: per-cycle period and RMS voltage, queued by the board.</summary>
    public interface IGridSensor
    {
        /// <summary>
        /// Takes the oldest cycle not yet read. Returns false when none is waiting. The control tick
        /// drains this each tick, so a board must queue at least (tick period / cycle period) + 1 cycles.
        /// </summary>
        bool TryReadCycle(out GridCycle cycle);

        /// <summary>Nominal grid frequency, Hz (50 or 60).</summary>
        double NominalFrequencyHz { get; }
    }
}
