namespace V2G.Hal.Buses
{
    /// <summary>
    /// One classic CAN frame. The payload is held in a ulong (byte 0 in the lowest 8 bits), so a
    /// frame is a value with no array to allocate.
    /// </summary>
    public struct CanFrame
    {
        /// <summary>Identifier: 29 bits if <see cref="IsExtended"/>, else 11 bits.</summary>
        public uint Id;

        public bool IsExtended;

        /// <summary>Data length, 0..8.</summary>
        public int Length;

        /// <summary>Payload, byte 0 in bits 0..7.</summary>
        public ulong Data;

        public byte GetByte(int index)
        {
            return (byte)(Data >> (index * 8));
        }

        public void SetByte(int index, byte value)
        {
            int shift = index * 8;
            Data = (Data & ~(0xFFUL << shift)) | ((ulong)value << shift);
        }
    }
}
