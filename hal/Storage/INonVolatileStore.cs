namespace V2G.Hal.Storage
{
    /// <summary>
    /// Non-volatile storage of small records by id, with atomic writes: after a power cut at any
    /// instant, a read returns either the record as last committed or the one before it, never a
    /// mixture and never nothing if something had been committed.
    /// </summary>
    public interface INonVolatileStore
    {
        /// <summary>Largest record payload, bytes.</summary>
        int MaxRecordLength { get; }

        /// <summary>Writes and commits a record. Returns false if the store is full or the record too long.</summary>
        bool Write(int recordId, byte[] data, int offset, int length);

        /// <summary>Reads a record into <paramref name="buffer"/>; returns its length, or −1 if there is none.</summary>
        int Read(int recordId, byte[] buffer, int offset);

        /// <summary>Deletes a record (committed atomically, like a write).</summary>
        bool Delete(int recordId);
    }
}
