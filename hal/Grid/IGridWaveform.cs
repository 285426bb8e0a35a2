namespace V2G.Hal.Grid
{
    /// <summary>
    /// Raw voltage samples, on boards whose metering IC exposes them (optional: boards without
    /// a waveform buffer return null for this service).
    /// </summary>
    public interface IGridWaveform
    {
        /// <summary>Sample rate, Hz.</summary>
        int SampleRateHz { get; }

        /// <summary>Copies up to <paramref name="count"/> waiting samples (V) into the buffer; returns how many.</summary>
        int Read(float[] buffer, int offset, int count);
    }
}
