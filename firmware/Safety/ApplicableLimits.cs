namespace V2G.Firmware.Safety
{
    /// <summary>
    /// The limits in force: the lower of the charger's ratings and the vehicle's declared limits.
    /// Discharge values are magnitudes.
    /// </summary>
    public struct ApplicableLimits
    {
        public double MaxVoltageV;
        public double MinVoltageV;
        public double MaxChargeCurrentA;
        public double MaxDischargeCurrentA;
        public double MaxChargePowerW;
        public double MaxDischargePowerW;
    }
}
