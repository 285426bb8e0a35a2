namespace V2G.Protocol.GbT
{
    /// <summary>
    /// CCS, charger charge status (PF 0x12, 50 ms, charger → BMS; the BMS stops after 1 s without it).
    /// The defined fields end in b7 (b7.1 = charging permitted, the rest fill): R1's charger sends 8
    /// bytes (`… FD FF`), R2/R3 and 2023-A send 7 — so the length is a setting (<see cref="Length"/>,
    /// part of the charger's profile) and Read accepts 7 or 8 [digest §3, §4, §9.11, S2, S16; R1-R3].
    /// </summary>
    public sealed class CcsMessage
    {
        /// <summary>The 2015 table's length (and R1's), bytes.</summary>
        public const int Length2015 = 8;

        /// <summary>2023-A's length (and what most captured chargers send), bytes.</summary>
        public const int Length2023 = 7;

        /// <summary>b7.1: output paused.</summary>
        public const int Paused = TwoBit.Normal;

        /// <summary>b7.1: charging permitted.</summary>
        public const int Permitted = TwoBit.Yes;

        /// <summary>Bytes Write sends, 7 or 8 (anything else is sent as 8); set by Read to what was received.</summary>
        public int Length = Length2015;

        /// <summary>Output voltage, V (0.1 V/bit).</summary>
        public double OutputVoltageV;

        /// <summary>Output current, A, standard sign (+ discharge, − charge): −150 while charging at 150 A.</summary>
        public double OutputCurrentA;

        /// <summary>Cumulative charge time, min.</summary>
        public int CumulativeTimeMin;

        /// <summary>b7.1 as a raw 2-bit value: <see cref="Paused"/>, <see cref="Permitted"/>, <see cref="TwoBit.NotCredible"/> (keep the previous state) or fill.</summary>
        public int ChargingPermitted = Permitted;

        public int Write(byte[] payload)
        {
            int length = Length == Length2023 ? Length2023 : Length2015;
            GbtBytes.WriteUInt16(payload, 0, GbtBytes.Unscale(OutputVoltageV, 0.1, 0, 0xFFFF));
            GbtBytes.WriteUInt16(payload, 2, GbtBytes.CurrentToRaw(OutputCurrentA));
            GbtBytes.WriteUInt16(payload, 4, CumulativeTimeMin < 0 ? 0 : CumulativeTimeMin > 0xFFFF ? 0xFFFF : CumulativeTimeMin);
            payload[6] = (byte)(0xFC | (ChargingPermitted & 0x3));
            if (length == Length2015)
            {
                payload[7] = GbtBytes.FillByte;
            }

            return length;
        }

        public bool Read(byte[] payload, int length)
        {
            if (!GbtMessageCheck.Fits(payload, length, Length2023))
            {
                return false;
            }

            Length = length >= Length2015 ? Length2015 : Length2023;
            OutputVoltageV = GbtBytes.ReadUInt16(payload, 0) * 0.1;
            OutputCurrentA = GbtBytes.CurrentFromRaw(GbtBytes.ReadUInt16(payload, 2));
            CumulativeTimeMin = GbtBytes.ReadUInt16(payload, 4);
            ChargingPermitted = GbtBytes.Get2Bits(payload, 6, 0);
            return true;
        }
    }
}
