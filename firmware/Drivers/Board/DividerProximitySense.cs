using System;
using V2G.Hal.Buses;
using V2G.Hal.Pilot;

namespace V2G.Firmware.Drivers.Board
{
    /// <summary>
    /// The proximity contact (PP) through the board's pull-up: the PP–PE resistor and the pull-up divide the supply,
    /// so <c>R = PullUpOhm × V / (SupplyV − V)</c> for the ADC pin's voltage V, read fresh on each access. A
    /// high-impedance divider between PP and the ADC scales V and SupplyV alike, so SupplyV is given as the ADC sees it.
    /// <list type="bullet">
    /// <item>At or above the supply nothing loads the pull-up: open, <see cref="double.PositiveInfinity"/> (as
    /// <see cref="IProximitySense"/> documents). A reading just below it gives a large finite value, which the
    /// firmware's open threshold classifies.</item>
    /// <item>At or below 0 V: a short, 0 Ω.</item>
    /// </list>
    /// Classification and debounce stay in the firmware (ProximityMonitor). Allocates nothing.
    /// </summary>
    public sealed class DividerProximitySense : IProximitySense
    {
        private readonly IAnalogInput _adc;
        private readonly double _pullUpOhm;
        private readonly double _supplyV;

        /// <summary>The proximity divider read on <paramref name="adc"/>.</summary>
        public DividerProximitySense(IAnalogInput adc, DividerProximitySenseSettings settings)
        {
            if (adc == null)
            {
                throw new ArgumentNullException("adc");
            }

            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            // Required board facts: NaN is "not set".
            if (!(settings.PullUpOhm > 0.0) || double.IsInfinity(settings.PullUpOhm))
            {
                throw new ArgumentOutOfRangeException("settings", "PullUpOhm must be set from the schematic");
            }

            if (!(settings.SupplyV > 0.0) || double.IsInfinity(settings.SupplyV))
            {
                throw new ArgumentOutOfRangeException("settings", "SupplyV must be set from the schematic");
            }

            _adc = adc;
            _pullUpOhm = settings.PullUpOhm;
            _supplyV = settings.SupplyV;
        }

        /// <inheritdoc />
        public double ResistanceOhm
        {
            get
            {
                double v = _adc.ReadVolts();
                // Not below the supply (or no number at all): nothing loads the pull-up, the safe reading is "open".
                if (!(v < _supplyV))
                {
                    return double.PositiveInfinity;
                }

                if (v <= 0.0)
                {
                    return 0.0;
                }

                return _pullUpOhm * v / (_supplyV - v);
            }
        }
    }
}
