namespace V2G.Protocol.GbT
{
    /// <summary>CSD, charger statistics at the end of charging (PF 0x1D, 8 bytes, 250 ms, charger → BMS) [digest §4, S2].</summary>
    public sealed class CsdMessage
    {
        public const int Length = 8;

        /// <summary>Cumulative charge time, min.</summary>
        public int ChargeTimeMin;

        /// <summary>Energy delivered, kWh (0.1 kWh/bit).</summary>
        public double EnergyKWh;

        /// <summary>Charger number, b5-b8.</summary>
        public uint ChargerNumber;

        public int Write(byte[] payload)
        {
            GbtBytes.WriteUInt16(payload, 0, ChargeTimeMin < 0 ? 0 : ChargeTimeMin > 0xFFFF ? 0xFFFF : ChargeTimeMin);
            GbtBytes.WriteUInt16(payload, 2, GbtBytes.Unscale(EnergyKWh, 0.1, 0, 0xFFFF));
            GbtBytes.WriteUInt32(payload, 4, ChargerNumber);
            return Length;
        }

        public bool Read(byte[] payload, int length)
        {
            if (!GbtMessageCheck.Fits(payload, length, Length))
            {
                return false;
            }

            ChargeTimeMin = GbtBytes.ReadUInt16(payload, 0);
            EnergyKWh = GbtBytes.ReadUInt16(payload, 2) * 0.1;
            ChargerNumber = GbtBytes.ReadUInt32(payload, 4);
            return true;
        }
    }
}
