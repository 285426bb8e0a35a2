namespace V2G.Hal.Connector
{
    /// <summary>
    /// GB/T 20234.3 DC coupler: the charger's connection-confirmation circuit CC1, read at its detection
    /// point 1 (the voltage the vehicle plug's resistors and switch leave on the charger's pull-up). The
    /// firmware classifies it; the board only measures.
    /// </summary>
    public interface ICc1Sense
    {
        /// <summary>Latest voltage at detection point 1, V.</summary>
        double VoltageV { get; }
    }
}
