namespace V2G.Protocol.GbT
{
    /// <summary>
    /// BSP, battery reserved message (PF 0x17, TP, 10 s, BMS → charger, optional; no timeout applies):
    /// up to 16 reserved bytes, kept as they are [digest §3, §4, S2].
    /// </summary>
    public sealed class BspMessage
    {
        public const int MaxLength = 16;

        /// <summary>The reserved bytes; <see cref="Length"/> are valid. Preallocated.</summary>
        public readonly byte[] Data = new byte[MaxLength];

        /// <summary>Bytes held (1..16).</summary>
        public int Length;

        public int Write(byte[] payload)
        {
            int count = Length < 0 ? 0 : Length > MaxLength ? MaxLength : Length;
            for (int i = 0; i < count; i++)
            {
                payload[i] = Data[i];
            }

            return count;
        }

        /// <summary>Reads 1..16 bytes; false outside that range.</summary>
        public bool Read(byte[] payload, int length)
        {
            if (!GbtMessageCheck.Fits(payload, length, 1) || length > MaxLength)
            {
                return false;
            }

            Length = length;
            for (int i = 0; i < length; i++)
            {
                Data[i] = payload[i];
            }

            return true;
        }
    }
}
