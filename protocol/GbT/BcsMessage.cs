namespace V2G.Protocol.GbT
{
    /// <summary>
    /// BCS, battery charge status (PF 0x11, 9 bytes so always TP, 250 ms, BMS → charger). R1
    /// `25 13 A0 0F 73 11 61 00 00` = 490.1 V, 0 A, highest cell 3.71 V in group 1, 97 % [digest §4,
    /// §9.2, S2; R1]. Some projects send it as an 8-byte single frame (S5): Read accepts 8 bytes and
    /// then takes the remaining time from b8 alone.
    /// </summary>
    public sealed class BcsMessage
    {
        public const int Length = 9;

        /// <summary>The shortest BCS accepted (the 8-byte single-frame deviation) [digest §9.2, §10, S5].</summary>
        public const int MinimumLength = 8;

        /// <summary>Remaining time is capped at 600 min on the wire [digest §4, S2].</summary>
        public const int MaxRemainingTimeMin = 600;

        /// <summary>Measured charge voltage, V (0.1 V/bit).</summary>
        public double MeasuredVoltageV;

        /// <summary>Measured charge current, A, standard sign (+ discharge, − charge): −150 while charging at 150 A.</summary>
        public double MeasuredCurrentA;

        /// <summary>Highest cell voltage, V (b5-b6 bits 1-12, 0.01 V/bit).</summary>
        public double HighestCellVoltageV;

        /// <summary>Group number of the highest cell (b5-b6 bits 13-16, 0..15).</summary>
        public int HighestCellGroup;

        /// <summary>State of charge, % (1 %/bit; BCP uses 0.1 %).</summary>
        public int SocPercent;

        /// <summary>Estimated remaining charge time, min (0..600; Write caps larger values at 600).</summary>
        public int RemainingTimeMin;

        public int Write(byte[] payload)
        {
            GbtBytes.WriteUInt16(payload, 0, GbtBytes.Unscale(MeasuredVoltageV, 0.1, 0, 0xFFFF));
            GbtBytes.WriteUInt16(payload, 2, GbtBytes.CurrentToRaw(MeasuredCurrentA));
            int cell = GbtBytes.Unscale(HighestCellVoltageV, 0.01, 0, 0x0FFF);
            GbtBytes.WriteUInt16(payload, 4, cell | ((HighestCellGroup & 0xF) << 12));
            payload[6] = (byte)SocPercent;
            int remaining = RemainingTimeMin < 0 ? 0 : RemainingTimeMin > MaxRemainingTimeMin ? MaxRemainingTimeMin : RemainingTimeMin;
            GbtBytes.WriteUInt16(payload, 7, remaining);
            return Length;
        }

        public bool Read(byte[] payload, int length)
        {
            if (!GbtMessageCheck.Fits(payload, length, MinimumLength))
            {
                return false;
            }

            MeasuredVoltageV = GbtBytes.ReadUInt16(payload, 0) * 0.1;
            MeasuredCurrentA = GbtBytes.CurrentFromRaw(GbtBytes.ReadUInt16(payload, 2));
            int cell = GbtBytes.ReadUInt16(payload, 4);
            HighestCellVoltageV = (cell & 0x0FFF) * 0.01;
            HighestCellGroup = cell >> 12;
            SocPercent = payload[6];
            RemainingTimeMin = length >= Length ? GbtBytes.ReadUInt16(payload, 7) : payload[7];
            return true;
        }
    }
}
