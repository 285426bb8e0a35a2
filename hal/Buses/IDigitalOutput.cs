namespace V2G.Hal.Buses
{
    /// <summary>
    /// One digital output pin (a coil driver, a gate-driver enable, a reset line). The value is the logical
    /// level as the board presents it: true = asserted (coil energised, enable on). Any inversion in the
    /// hardware (an active-low driver input, an open-drain stage) is the board's business, not the driver's.
    /// </summary>
    public interface IDigitalOutput
    {
        /// <summary>Drives the pin: true = asserted. Takes effect before the call returns.</summary>
        void Write(bool asserted);

        /// <summary>The level last written (not read back from the pin).</summary>
        bool State { get; }
    }
}
