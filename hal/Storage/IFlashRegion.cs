namespace V2G.Hal.Storage
{
    /// <summary>
    /// A region of raw flash, as the board's flash driver exposes it: erase works on whole
    /// sectors (every byte becomes 0xFF), program can only clear bits. A power cut can stop a
    /// program or erase part-way.
    /// </summary>
    public interface IFlashRegion
    {
        int SectorSizeBytes { get; }

        int SectorCount { get; }

        /// <summary>Erases one sector to 0xFF.</summary>
        void EraseSector(int sector);

        /// <summary>Programs bytes at an absolute offset in the region (bits can only go 1 → 0).</summary>
        void Program(int address, byte[] data, int offset, int length);

        /// <summary>Reads bytes at an absolute offset in the region.</summary>
        void Read(int address, byte[] buffer, int offset, int length);
    }
}
