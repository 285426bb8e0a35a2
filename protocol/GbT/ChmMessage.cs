namespace V2G.Protocol.GbT
{
    /// <summary>
    /// CHM, charger handshake (PF 0x26, 3 bytes, 250 ms, charger → BMS): the charger's protocol version.
    /// b1 = minor, b2-b3 = major (LE); V1.1 = `01 01 00` [digest §4, S2; R1]. Not sent by 2011-era
    /// chargers [digest §1, S4, S8].
    /// </summary>
    public sealed class ChmMessage
    {
        public const int Length = 3;

        /// <summary>Minor version number (b1); 1 for GB/T 27930-2015 "V1.1".</summary>
        public int VersionMinor = 1;

        /// <summary>Major version number (b2-b3); 1 for GB/T 27930-2015 "V1.1".</summary>
        public int VersionMajor = 1;

        /// <summary>Writes the message and returns its length (3).</summary>
        public int Write(byte[] payload)
        {
            payload[0] = (byte)VersionMinor;
            GbtBytes.WriteUInt16(payload, 1, VersionMajor);
            return Length;
        }

        /// <summary>Reads 3 bytes (more are ignored); false if fewer.</summary>
        public bool Read(byte[] payload, int length)
        {
            if (!GbtMessageCheck.Fits(payload, length, Length))
            {
                return false;
            }

            VersionMinor = payload[0];
            VersionMajor = GbtBytes.ReadUInt16(payload, 1);
            return true;
        }
    }
}
