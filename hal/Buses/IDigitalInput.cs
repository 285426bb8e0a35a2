namespace V2G.Hal.Buses
{
    /// <summary>
    /// One digital input pin, sampled when read: the raw level, not debounced (drivers debounce against the
    /// monotonic clock, with times they document). true = the pin's high level as the board presents it;
    /// what high means (contact closed, fault asserted) is stated by the driver that reads it.
    /// </summary>
    public interface IDigitalInput
    {
        /// <summary>Samples the pin now: true = high.</summary>
        bool Read();
    }
}
