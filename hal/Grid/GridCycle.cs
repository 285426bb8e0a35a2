namespace V2G.Hal.Grid
{
    /// <summary>
    /// Per-cycle grid measurements, as a metering IC or native code delivers them: one value per
    /// fundamental cycle, so managed code never runs at the sample rate.
    /// </summary>
    public struct GridCycle
    {
        /// <summary>Monotonic time at the end of the cycle (the zero crossing that closed it), ms.</summary>
        public long EndMs;

        /// <summary>Measured period of the cycle, µs (20,000 µs at 50.000 Hz).</summary>
        public double PeriodUs;

        /// <summary>RMS voltage of the cycle (line to neutral), V.</summary>
        public double RmsVoltageV;
    }
}
