namespace V2G.Protocol.GbT
{
    /// <summary>
    /// BHM, vehicle handshake (PF 0x27, 2 bytes, 250 ms, BMS → charger): the maximum permitted total
    /// charge voltage, 0.1 V/bit [digest §4, S2]. 2023-A calls it the total voltage allowed for the
    /// insulation test [digest §4, S16 — C].
    /// </summary>
    public sealed class BhmMessage
    {
        public const int Length = 2;

        /// <summary>Maximum permitted total charge voltage, V (0.1 V resolution).</summary>
        public double MaxChargeVoltageV;

        public int Write(byte[] payload)
        {
            GbtBytes.WriteUInt16(payload, 0, GbtBytes.Unscale(MaxChargeVoltageV, 0.1, 0, 0xFFFF));
            return Length;
        }

        public bool Read(byte[] payload, int length)
        {
            if (!GbtMessageCheck.Fits(payload, length, Length))
            {
                return false;
            }

            MaxChargeVoltageV = GbtBytes.ReadUInt16(payload, 0) * 0.1;
            return true;
        }
    }
}
