namespace V2G.Firmware.Drivers.Board
{
    /// <summary>Configuration of a <see cref="DividerProximitySense"/>. Read once, by its constructor.</summary>
    public sealed class DividerProximitySenseSettings
    {
        /// <summary>The board's pull-up from the supply to PP, Ω. A board fact with no default (NaN); required.</summary>
        public double PullUpOhm { get; set; } = double.NaN;

        /// <summary>The supply the pull-up is tied to, V (as the ADC sees it). A board fact with no default (NaN); required.</summary>
        public double SupplyV { get; set; } = double.NaN;
    }
}
