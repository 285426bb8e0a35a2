namespace V2G.Protocol.GbT
{
    /// <summary>
    /// BCP, battery charge parameters (PF 0x06, 13 bytes, TP, 500 ms, BMS → charger) [digest §4, S2].
    /// Note the SOC here is 0.1 %/bit, unlike BCS/BSD's 1 % [digest §9.3].
    /// </summary>
    public sealed class BcpMessage
    {
        public const int Length = 13;

        /// <summary>Maximum permitted cell voltage, V (0.01 V/bit).</summary>
        public double MaxCellVoltageV;

        /// <summary>
        /// Maximum permitted charge current, A, in the standard's sign (+ discharge, − charge): −200 for
        /// a 200 A limit (0.1 A/bit, −400 A offset) [digest §2, §4, S2].
        /// </summary>
        public double MaxChargeCurrentA;

        /// <summary>Nominal total energy, kWh (0.1 kWh/bit).</summary>
        public double NominalEnergyKWh;

        /// <summary>Maximum permitted total charge voltage, V (0.1 V/bit).</summary>
        public double MaxTotalVoltageV;

        /// <summary>Maximum permitted temperature, °C (1 °C/bit, −50 °C).</summary>
        public int MaxTemperatureC;

        /// <summary>State of charge, % (0.1 %/bit).</summary>
        public double SocPercent;

        /// <summary>Present battery voltage, V (0.1 V/bit; 2023-A: measured at the vehicle interface [digest §8, S21 — C]).</summary>
        public double PresentVoltageV;

        public int Write(byte[] payload)
        {
            GbtBytes.WriteUInt16(payload, 0, GbtBytes.Unscale(MaxCellVoltageV, 0.01, 0, 0xFFFF));
            GbtBytes.WriteUInt16(payload, 2, GbtBytes.CurrentToRaw(MaxChargeCurrentA));
            GbtBytes.WriteUInt16(payload, 4, GbtBytes.Unscale(NominalEnergyKWh, 0.1, 0, 0xFFFF));
            GbtBytes.WriteUInt16(payload, 6, GbtBytes.Unscale(MaxTotalVoltageV, 0.1, 0, 0xFFFF));
            payload[8] = (byte)GbtBytes.Unscale(MaxTemperatureC, 1, GbtBytes.TemperatureOffsetC, 0xFF);
            GbtBytes.WriteUInt16(payload, 9, GbtBytes.Unscale(SocPercent, 0.1, 0, 0xFFFF));
            GbtBytes.WriteUInt16(payload, 11, GbtBytes.Unscale(PresentVoltageV, 0.1, 0, 0xFFFF));
            return Length;
        }

        public bool Read(byte[] payload, int length)
        {
            if (!GbtMessageCheck.Fits(payload, length, Length))
            {
                return false;
            }

            MaxCellVoltageV = GbtBytes.ReadUInt16(payload, 0) * 0.01;
            MaxChargeCurrentA = GbtBytes.CurrentFromRaw(GbtBytes.ReadUInt16(payload, 2));
            NominalEnergyKWh = GbtBytes.ReadUInt16(payload, 4) * 0.1;
            MaxTotalVoltageV = GbtBytes.ReadUInt16(payload, 6) * 0.1;
            MaxTemperatureC = payload[8] + GbtBytes.TemperatureOffsetC;
            SocPercent = GbtBytes.ReadUInt16(payload, 9) * 0.1;
            PresentVoltageV = GbtBytes.ReadUInt16(payload, 11) * 0.1;
            return true;
        }
    }
}
