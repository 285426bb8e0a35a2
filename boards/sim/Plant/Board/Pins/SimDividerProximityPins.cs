using V2G.Hal.Buses;

namespace V2G.Sim.Plant.Board.Pins
{
    /// <summary>
    /// The proximity contact's ADC pin behind the board's pull-up: <see cref="SupplyV"/> through
    /// <see cref="PullUpOhm"/> against the PP–PE resistance (<see cref="double.PositiveInfinity"/> = nothing inserted).
    /// </summary>
    public sealed class SimDividerProximityPins : IAnalogInput
    {
        /// <summary>A divider with nothing inserted.</summary>
        public SimDividerProximityPins(double pullUpOhm, double supplyV)
        {
            PullUpOhm = pullUpOhm;
            SupplyV = supplyV;
            ProximityOhm = double.PositiveInfinity;
        }

        /// <summary>The board's pull-up, Ω.</summary>
        public double PullUpOhm { get; set; }

        /// <summary>The pull-up's supply, V.</summary>
        public double SupplyV { get; set; }

        /// <summary>The PP–PE resistance, Ω; +∞ when open.</summary>
        public double ProximityOhm { get; set; }

        /// <inheritdoc />
        public double ReadVolts()
        {
            if (double.IsPositiveInfinity(ProximityOhm))
            {
                return SupplyV;
            }

            return SupplyV * ProximityOhm / (PullUpOhm + ProximityOhm);
        }
    }
}
