namespace V2G.Protocol.GbT
{
    /// <summary>
    /// BMV, cell voltages (PF 0x15, TP, 10 s, BMS → charger, optional; the charger applies no timeout to
    /// it): 2 bytes per cell, bits 1-12 voltage 0.01 V, bits 13-16 group number, at most 256 cells
    /// [digest §3, §4, S2]. Arrays are preallocated for 256 cells.
    /// </summary>
    public sealed class BmvMessage
    {
        public const int MaxCells = 256;
        public const int MaxLength = 2 * MaxCells;

        /// <summary>Cell voltages, V, index 0 = cell 1; <see cref="CellCount"/> are valid.</summary>
        public readonly double[] CellVoltageV = new double[MaxCells];

        /// <summary>Group number (0..15) of each cell.</summary>
        public readonly byte[] CellGroup = new byte[MaxCells];

        /// <summary>Cells held (Write sends 2 bytes each).</summary>
        public int CellCount;

        /// <summary>Writes 2 × <see cref="CellCount"/> bytes (clamped to 0..256 cells) and returns that length.</summary>
        public int Write(byte[] payload)
        {
            int count = CellCount < 0 ? 0 : CellCount > MaxCells ? MaxCells : CellCount;
            for (int i = 0; i < count; i++)
            {
                int raw = GbtBytes.Unscale(CellVoltageV[i], 0.01, 0, 0x0FFF) | ((CellGroup[i] & 0xF) << 12);
                GbtBytes.WriteUInt16(payload, 2 * i, raw);
            }

            return 2 * count;
        }

        /// <summary>Reads 2..512 bytes (an odd last byte is ignored); false outside that range.</summary>
        public bool Read(byte[] payload, int length)
        {
            if (!GbtMessageCheck.Fits(payload, length, 2) || length > MaxLength)
            {
                return false;
            }

            CellCount = length / 2;
            for (int i = 0; i < CellCount; i++)
            {
                int raw = GbtBytes.ReadUInt16(payload, 2 * i);
                CellVoltageV[i] = (raw & 0x0FFF) * 0.01;
                CellGroup[i] = (byte)(raw >> 12);
            }

            return true;
        }
    }
}
