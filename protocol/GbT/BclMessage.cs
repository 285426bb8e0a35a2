namespace V2G.Protocol.GbT
{
    /// <summary>
    /// BCL, battery charge demand (PF 0x10, 5 bytes, 50 ms, BMS → charger; the charger stops after 1 s
    /// without it) [digest §4, §6, S2].
    /// </summary>
    public sealed class BclMessage
    {
        public const int Length = 5;

        /// <summary>b5: constant voltage.</summary>
        public const int ModeConstantVoltage = 0x01;

        /// <summary>b5: constant current.</summary>
        public const int ModeConstantCurrent = 0x02;

        /// <summary>Voltage demand, V (0.1 V/bit).</summary>
        public double VoltageDemandV;

        /// <summary>
        /// Current demand, A, standard sign (+ discharge, − charge): −150 for a 150 A charge
        /// (0.1 A/bit, −400 A offset) [digest §2, §4, S2].
        /// </summary>
        public double CurrentDemandA;

        /// <summary>b5: <see cref="ModeConstantVoltage"/> or <see cref="ModeConstantCurrent"/> (other values kept as they come).</summary>
        public int Mode = ModeConstantCurrent;

        /// <summary>"CV", "CC" or "?".</summary>
        public static string ModeName(int mode)
        {
            return mode == ModeConstantVoltage ? "CV" : mode == ModeConstantCurrent ? "CC" : "?";
        }

        public int Write(byte[] payload)
        {
            GbtBytes.WriteUInt16(payload, 0, GbtBytes.Unscale(VoltageDemandV, 0.1, 0, 0xFFFF));
            GbtBytes.WriteUInt16(payload, 2, GbtBytes.CurrentToRaw(CurrentDemandA));
            payload[4] = (byte)Mode;
            return Length;
        }

        public bool Read(byte[] payload, int length)
        {
            if (!GbtMessageCheck.Fits(payload, length, Length))
            {
                return false;
            }

            VoltageDemandV = GbtBytes.ReadUInt16(payload, 0) * 0.1;
            CurrentDemandA = GbtBytes.CurrentFromRaw(GbtBytes.ReadUInt16(payload, 2));
            Mode = payload[4];
            return true;
        }
    }
}
