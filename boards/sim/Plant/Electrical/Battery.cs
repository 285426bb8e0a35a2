namespace V2G.Sim.Plant.Electrical
{
    /// <summary>
    /// The vehicle's traction battery: open-circuit voltage over state of charge (a piecewise-linear
    /// NMC-like curve scaled to the pack), a series internal resistance, a lumped thermal mass and
    /// the current and voltage limits its BMS declares. + current charges.
    /// </summary>
    public sealed class Battery
    {
        // Cell open-circuit voltage (V) at SoC 0, 10, ..., 100 %: a typical NMC shape.
        private static readonly double[] CellOcvV = { 3.30, 3.55, 3.62, 3.67, 3.72, 3.78, 3.85, 3.93, 4.01, 4.09, 4.18 };

        private readonly int _seriesCells;
        private double _socFraction;
        private double _temperatureC;

        public Battery(double capacityKWh, int seriesCells, double internalResistanceOhm, double initialSocPercent, double temperatureC)
        {
            _seriesCells = seriesCells;
            CapacityAh = capacityKWh * 1000.0 / (seriesCells * 3.7);
            InternalResistanceOhm = internalResistanceOhm;
            _socFraction = initialSocPercent / 100.0;
            _temperatureC = temperatureC;
            AmbientC = temperatureC;
            MaxChargeCurrentA = 125;
            MaxDischargeCurrentA = 125;
            MaxVoltageV = seriesCells * 4.20;
            MinVoltageV = seriesCells * 3.00;
        }

        public double CapacityAh { get; }

        public double CapacityWh => CapacityAh * _seriesCells * 3.7;

        public double InternalResistanceOhm { get; }

        public double AmbientC { get; set; }

        /// <summary>Thermal mass, J/K, and conductance to ambient, W/K (lumped).</summary>
        public double HeatCapacityJPerK = 60000;

        public double CoolingWPerK = 40;

        public double MaxChargeCurrentA;

        public double MaxDischargeCurrentA;

        public double MaxVoltageV;

        public double MinVoltageV;

        public double SocPercent => _socFraction * 100.0;

        public double TemperatureC => _temperatureC;

        /// <summary>Open-circuit voltage of the pack, V.</summary>
        public double OpenCircuitVoltageV
        {
            get
            {
                double x = _socFraction * 10.0;
                if (x <= 0)
                {
                    return CellOcvV[0] * _seriesCells;
                }

                if (x >= 10)
                {
                    return CellOcvV[10] * _seriesCells;
                }

                int i = (int)x;
                double f = x - i;
                return (CellOcvV[i] + (CellOcvV[i + 1] - CellOcvV[i]) * f) * _seriesCells;
            }
        }

        /// <summary>Terminal voltage when <paramref name="currentA"/> flows (+ charging), V.</summary>
        public double TerminalVoltageV(double currentA)
        {
            return OpenCircuitVoltageV + currentA * InternalResistanceOhm;
        }

        /// <summary>Integrates <paramref name="currentA"/> (+ charging) for <paramref name="dtMs"/>.</summary>
        public void Step(double currentA, double dtMs)
        {
            double dtS = dtMs / 1000.0;
            _socFraction += currentA * dtS / 3600.0 / CapacityAh;
            if (_socFraction < 0)
            {
                _socFraction = 0;
            }
            else if (_socFraction > 1)
            {
                _socFraction = 1;
            }

            double heatW = currentA * currentA * InternalResistanceOhm - (_temperatureC - AmbientC) * CoolingWPerK;
            _temperatureC += heatW * dtS / HeatCapacityJPerK;
        }
    }
}
