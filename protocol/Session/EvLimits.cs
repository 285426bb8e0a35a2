namespace V2G.Protocol.Session
{
    /// <summary>
    /// The vehicle's limits as learned in parameter exchange, in the firmware's units and sign
    /// convention. Discharge limits are magnitudes (≥ 0) whatever sign the protocol carried them
    /// with; each protocol converts at its edge.
    /// </summary>
    public struct EvLimits
    {
        public double MaxVoltageV;
        public double MinVoltageV;

        /// <summary>Largest current into the vehicle, A (≥ 0).</summary>
        public double MaxChargeCurrentA;

        /// <summary>Largest current out of the vehicle, A (magnitude, ≥ 0; 0 when it cannot discharge).</summary>
        public double MaxDischargeCurrentA;

        /// <summary>Largest power into the vehicle, W (≥ 0).</summary>
        public double MaxChargePowerW;

        /// <summary>Largest power out of the vehicle, W (magnitude, ≥ 0; 0 when it cannot discharge).</summary>
        public double MaxDischargePowerW;

        /// <summary>Battery capacity the vehicle declared, Wh (0 if not told).</summary>
        public double BatteryCapacityWh;
    }
}
