namespace V2G.Protocol.GbT
{
    /// <summary>
    /// CRM, charger recognition (PF 0x01, 8 bytes, 250 ms, charger → BMS). b1 = 00h not recognised /
    /// AAh recognised; 2015 layout: b2-b5 charger number (uint32 LE), b6-b8 region code (ASCII, FF if
    /// absent). Many real chargers use the 2011 layout (1-byte number + 6-byte region, e.g.
    /// `00 01 FF FF FF FF FF FF` in R1), so Read never validates b2-b8 and keeps them raw in
    /// <see cref="Identification"/> [digest §4, §9.9, S2; R1].
    /// </summary>
    public sealed class CrmMessage
    {
        public const int Length = 8;

        /// <summary>b1: the BMS has not been recognised yet.</summary>
        public const int NotRecognised = 0x00;

        /// <summary>b1: the BMS has been recognised (BRM received).</summary>
        public const int Recognised = 0xAA;

        /// <summary>b1 as sent: <see cref="NotRecognised"/> or <see cref="Recognised"/> (other values are kept as they come).</summary>
        public int Recognition = NotRecognised;

        /// <summary>Charger number, b2-b5 (2015 layout).</summary>
        public uint ChargerNumber;

        /// <summary>Region code, b6-b8 (ASCII, optional: 0xFF bytes when absent). Preallocated.</summary>
        public readonly byte[] RegionCode = { 0xFF, 0xFF, 0xFF };

        /// <summary>b2-b8 as last read, whatever their layout (2011 or 2015). Preallocated; Write ignores it.</summary>
        public readonly byte[] Identification = new byte[7];

        public bool IsRecognised => Recognition == Recognised;

        public int Write(byte[] payload)
        {
            payload[0] = (byte)Recognition;
            GbtBytes.WriteUInt32(payload, 1, ChargerNumber);
            payload[5] = RegionCode[0];
            payload[6] = RegionCode[1];
            payload[7] = RegionCode[2];
            return Length;
        }

        /// <summary>Reads 8 bytes; only b1 is required to make sense (a shorter frame of at least 1 byte is accepted, missing bytes read as FF).</summary>
        public bool Read(byte[] payload, int length)
        {
            if (!GbtMessageCheck.Fits(payload, length, 1))
            {
                return false;
            }

            Recognition = payload[0];
            for (int i = 0; i < Identification.Length; i++)
            {
                Identification[i] = i + 1 < length ? payload[i + 1] : GbtBytes.FillByte;
            }

            ChargerNumber = GbtBytes.ReadUInt32(Identification, 0);
            RegionCode[0] = Identification[4];
            RegionCode[1] = Identification[5];
            RegionCode[2] = Identification[6];
            return true;
        }
    }
}
