namespace V2G.Hal.Power
{
    /// <summary>A DC voltage measurement.</summary>
    public interface IVoltageSense
    {
        /// <summary>Measured voltage, V.</summary>
        double VoltageV { get; }
    }
}
