namespace V2G.Hal.Pilot
{
    /// <summary>
    /// The proximity contact (PP): the resistance the board measures between PP and PE (the cable's
    /// or the plug's coding resistor), converted from its divider's voltage by the board.
    /// </summary>
    public interface IProximitySense
    {
        /// <summary>PP–PE resistance, Ω; <see cref="double.PositiveInfinity"/> when open (nothing inserted).</summary>
        double ResistanceOhm { get; }
    }
}
