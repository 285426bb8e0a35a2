namespace V2G.Protocol.GbT
{
    /// <summary>
    /// CML, charger maximum output capability (PF 0x08, 8 bytes, 250 ms, charger → BMS) [digest §4, S2].
    /// With the −400 A offset and the standard's sign the "maximum" current has the smaller raw value:
    /// R2 `F0 0A` = −120 A, `78 0F` = −4 A [digest §4, §9.4; R2].
    /// </summary>
    public sealed class CmlMessage
    {
        public const int Length = 8;

        /// <summary>Maximum output voltage, V (0.1 V/bit).</summary>
        public double MaxOutputVoltageV;

        /// <summary>Minimum output voltage, V (0.1 V/bit).</summary>
        public double MinOutputVoltageV;

        /// <summary>Maximum output current, A, standard sign (+ discharge, − charge): −250 for a 250 A charger.</summary>
        public double MaxOutputCurrentA;

        /// <summary>Minimum output current, A, standard sign (+ discharge, − charge): −4 for 4 A, 0 for none.</summary>
        public double MinOutputCurrentA;

        public int Write(byte[] payload)
        {
            GbtBytes.WriteUInt16(payload, 0, GbtBytes.Unscale(MaxOutputVoltageV, 0.1, 0, 0xFFFF));
            GbtBytes.WriteUInt16(payload, 2, GbtBytes.Unscale(MinOutputVoltageV, 0.1, 0, 0xFFFF));
            GbtBytes.WriteUInt16(payload, 4, GbtBytes.CurrentToRaw(MaxOutputCurrentA));
            GbtBytes.WriteUInt16(payload, 6, GbtBytes.CurrentToRaw(MinOutputCurrentA));
            return Length;
        }

        public bool Read(byte[] payload, int length)
        {
            if (!GbtMessageCheck.Fits(payload, length, Length))
            {
                return false;
            }

            MaxOutputVoltageV = GbtBytes.ReadUInt16(payload, 0) * 0.1;
            MinOutputVoltageV = GbtBytes.ReadUInt16(payload, 2) * 0.1;
            MaxOutputCurrentA = GbtBytes.CurrentFromRaw(GbtBytes.ReadUInt16(payload, 4));
            MinOutputCurrentA = GbtBytes.CurrentFromRaw(GbtBytes.ReadUInt16(payload, 6));
            return true;
        }
    }
}
