namespace V2G.Protocol.GbT
{
    /// <summary>BSD, BMS statistics at the end of charging (PF 0x1C, 7 bytes, 250 ms, BMS → charger) [digest §4, S2].</summary>
    public sealed class BsdMessage
    {
        public const int Length = 7;

        /// <summary>SOC at the end, % (1 %/bit).</summary>
        public int EndSocPercent;

        /// <summary>Lowest cell voltage, V (0.01 V/bit).</summary>
        public double MinCellVoltageV;

        /// <summary>Highest cell voltage, V (0.01 V/bit).</summary>
        public double MaxCellVoltageV;

        /// <summary>Lowest battery temperature, °C (−50 °C offset).</summary>
        public int MinTemperatureC;

        /// <summary>Highest battery temperature, °C (−50 °C offset).</summary>
        public int MaxTemperatureC;

        public int Write(byte[] payload)
        {
            payload[0] = (byte)EndSocPercent;
            GbtBytes.WriteUInt16(payload, 1, GbtBytes.Unscale(MinCellVoltageV, 0.01, 0, 0xFFFF));
            GbtBytes.WriteUInt16(payload, 3, GbtBytes.Unscale(MaxCellVoltageV, 0.01, 0, 0xFFFF));
            payload[5] = (byte)GbtBytes.Unscale(MinTemperatureC, 1, GbtBytes.TemperatureOffsetC, 0xFF);
            payload[6] = (byte)GbtBytes.Unscale(MaxTemperatureC, 1, GbtBytes.TemperatureOffsetC, 0xFF);
            return Length;
        }

        public bool Read(byte[] payload, int length)
        {
            if (!GbtMessageCheck.Fits(payload, length, Length))
            {
                return false;
            }

            EndSocPercent = payload[0];
            MinCellVoltageV = GbtBytes.ReadUInt16(payload, 1) * 0.01;
            MaxCellVoltageV = GbtBytes.ReadUInt16(payload, 3) * 0.01;
            MinTemperatureC = payload[5] + GbtBytes.TemperatureOffsetC;
            MaxTemperatureC = payload[6] + GbtBytes.TemperatureOffsetC;
            return true;
        }
    }
}
