namespace V2G.Protocol.Session
{
    /// <summary>The charger's limits as offered to the vehicle. Discharge limits are magnitudes (≥ 0).</summary>
    public struct ChargerLimits
    {
        public double MaxVoltageV;
        public double MinVoltageV;
        public double MaxChargeCurrentA;
        public double MaxDischargeCurrentA;
        public double MaxChargePowerW;
        public double MaxDischargePowerW;
    }
}
