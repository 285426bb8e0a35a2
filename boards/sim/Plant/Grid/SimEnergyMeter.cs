using V2G.Hal.Metering;

namespace V2G.Sim.Plant.Grid
{
    /// <summary>
    /// The AC meter at the grid connection point: the converter's DC power plus its losses,
    /// integrated into import and export registers.
    /// </summary>
    public sealed class SimEnergyMeter : IEnergyMeter
    {
        private double _importWh;
        private double _exportWh;
        private double _powerW;

        public double ImportWh => _importWh;

        public double ExportWh => _exportWh;

        public double PowerW => _powerW;

        /// <summary>Integrates AC power <paramref name="acPowerW"/> (+ import) over <paramref name="dtMs"/>.</summary>
        public void Step(double acPowerW, double dtMs)
        {
            _powerW = acPowerW;
            double wh = acPowerW * dtMs / 3600000.0;
            if (wh >= 0)
            {
                _importWh += wh;
            }
            else
            {
                _exportWh -= wh;
            }
        }
    }
}
