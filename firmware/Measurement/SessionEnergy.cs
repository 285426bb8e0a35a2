namespace V2G.Firmware.Measurement
{
    /// <summary>DC energy through the connector in this session, from the controller's own measurements.</summary>
    public sealed class SessionEnergy
    {
        private double _chargedWh;
        private double _dischargedWh;

        /// <summary>Energy into the vehicle, Wh.</summary>
        public double ChargedWh => _chargedWh;

        /// <summary>Energy out of the vehicle, Wh (≥ 0).</summary>
        public double DischargedWh => _dischargedWh;

        public void Reset()
        {
            _chargedWh = 0;
            _dischargedWh = 0;
        }

        /// <summary>Continues from earlier counts (a paused session that resumes).</summary>
        public void Restore(double chargedWh, double dischargedWh)
        {
            _chargedWh = chargedWh;
            _dischargedWh = dischargedWh;
        }

        /// <summary>Adds <paramref name="powerW"/> (+ into the vehicle) held for <paramref name="durationMs"/>.</summary>
        public void Add(double powerW, long durationMs)
        {
            double wh = powerW * durationMs / 3600000.0;
            if (wh >= 0)
            {
                _chargedWh += wh;
            }
            else
            {
                _dischargedWh -= wh;
            }
        }
    }
}
