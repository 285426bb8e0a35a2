namespace V2G.Protocol.GbT.Discharge
{
    /// <summary>
    /// One side's discharge extension settings (the charger's CDC or the BMS's BDC content). The
    /// extension is our own design and off by default: GB/T 27930-2015 defines no discharge
    /// [digest §8, S2, S11]. With <see cref="Enabled"/> false the side sends no extension frame and
    /// ignores the peer's.
    /// </summary>
    public sealed class DischargeExtensionSettings
    {
        /// <summary>True to send CDC (charger) or to answer CDC with BDC (BMS). Off by default.</summary>
        public bool Enabled = false;

        /// <summary>Maximum discharge current offered, A (a magnitude, sent as + in the standard's sign).</summary>
        public double MaxDischargeCurrentA = 0;

        /// <summary>Maximum discharge power offered, kW.</summary>
        public double MaxDischargePowerKw = 0;

        /// <summary>
        /// Lowest voltage while discharging, V: CDC's minimum output voltage on the charger, BDC's
        /// minimum pack voltage on the BMS.
        /// </summary>
        public double MinDischargeVoltageV = 0;
    }
}
