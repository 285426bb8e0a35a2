namespace V2G.Firmware.Storage
{
    /// <summary>
    /// The on-flash format of <see cref="FlashRecordStore"/>. All fields are little-endian and every
    /// structure starts on a 4-byte boundary, so each 32-bit flash word is programmed at most once
    /// (flash with per-word ECC forbids programming a word twice).
    /// <para>
    /// Sector header, at the start of every sector (16 bytes): magic "V2S1", generation (u32, one
    /// more than the sector it was compacted from), CRC-32 of those 8 bytes, state word. The state
    /// word stays 0xFFFFFFFF while a compaction fills the sector and is programmed to
    /// <see cref="CommittedMarker"/> when the copy is complete; only a committed sector with the
    /// highest generation is used.
    /// </para>
    /// <para>
    /// Entry, appended after the sector header and after each other: magic "V2R1", record id (i32),
    /// payload length (u16), kind (u16: data or tombstone), sequence number (u32, one more for every
    /// entry written; a compaction's copies keep theirs), CRC-32 of the first 16 bytes (so a scan
    /// can trust the length to step over an entry whose payload was cut short), CRC-32 of the first
    /// 16 bytes and the payload, the payload padded with 0xFF to 4 bytes, and last a commit word
    /// programmed to <see cref="CommittedMarker"/> only after everything before it is in flash.
    /// </para>
    /// <para>
    /// Within a sector the log order is the write order of any one id, and that is what the store
    /// goes by; the sequence number lets a dump of the flash be put in write order across
    /// compactions. CRCs do not cover addresses, so a compaction copies entries byte for byte.
    /// </para>
    /// </summary>
    public static class FlashRecordLayout
    {
        /// <summary>"V2S1": marks a sector header (format version 1).</summary>
        public const uint SectorMagic = 0x31533256;

        /// <summary>"V2R1": marks an entry header (format version 1).</summary>
        public const uint EntryMagic = 0x31523256;

        /// <summary>
        /// Value of a programmed commit word (entry or sector state). Both 0 and 1 bits, so a program
        /// stopped part-way (some bits still 1) never reads as committed.
        /// </summary>
        public const uint CommittedMarker = 0x5AC3A55A;

        /// <summary>Value of a word that has not been programmed since the last erase.</summary>
        public const uint ErasedWord = 0xFFFFFFFF;

        /// <summary>Entry kind: the payload is the record's value.</summary>
        public const ushort KindData = 0x0001;

        /// <summary>Entry kind: the record was deleted (no payload).</summary>
        public const ushort KindTombstone = 0x0002;

        /// <summary>Size of the sector header, bytes.</summary>
        public const int SectorHeaderBytes = 16;

        /// <summary>Offset of the generation in the sector header.</summary>
        public const int SectorGenerationOffset = 4;

        /// <summary>Offset of the CRC of magic and generation in the sector header.</summary>
        public const int SectorCrcOffset = 8;

        /// <summary>Offset of the state word in the sector header.</summary>
        public const int SectorStateOffset = 12;

        /// <summary>Size of an entry header (up to the payload), bytes.</summary>
        public const int EntryHeaderBytes = 24;

        /// <summary>Offset of the record id in an entry.</summary>
        public const int EntryIdOffset = 4;

        /// <summary>Offset of the payload length in an entry.</summary>
        public const int EntryLengthOffset = 8;

        /// <summary>Offset of the kind in an entry.</summary>
        public const int EntryKindOffset = 10;

        /// <summary>Offset of the sequence number in an entry.</summary>
        public const int EntrySequenceOffset = 12;

        /// <summary>Offset of the CRC of bytes 0..15 (lets a scan trust the length before the payload is checked).</summary>
        public const int EntryHeaderCrcOffset = 16;

        /// <summary>Offset of the CRC of bytes 0..15 and the payload.</summary>
        public const int EntryRecordCrcOffset = 20;

        /// <summary>Bytes of an entry covered by both CRCs before the payload.</summary>
        public const int EntryCrcCoveredHeaderBytes = 16;

        /// <summary>Size of the commit word, bytes.</summary>
        public const int CommitMarkerBytes = 4;

        /// <summary>Largest payload the 16-bit length field can describe, bytes.</summary>
        public const int MaxPayloadBytes = 0xFFFF;

        /// <summary>Size on flash of an entry with a payload of <paramref name="payloadLength"/> bytes.</summary>
        public static int EntrySizeBytes(int payloadLength)
        {
            return EntryHeaderBytes + Align4(payloadLength) + CommitMarkerBytes;
        }

        /// <summary>Rounds up to a multiple of 4.</summary>
        public static int Align4(int value)
        {
            return (value + 3) & ~3;
        }

        /// <summary>Reads a little-endian u32.</summary>
        public static uint ReadUInt32(byte[] buffer, int offset)
        {
            return (uint)buffer[offset]
                | ((uint)buffer[offset + 1] << 8)
                | ((uint)buffer[offset + 2] << 16)
                | ((uint)buffer[offset + 3] << 24);
        }

        /// <summary>Writes a little-endian u32.</summary>
        public static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Reads a little-endian u16.</summary>
        public static ushort ReadUInt16(byte[] buffer, int offset)
        {
            return (ushort)(buffer[offset] | (buffer[offset + 1] << 8));
        }

        /// <summary>Writes a little-endian u16.</summary>
        public static void WriteUInt16(byte[] buffer, int offset, ushort value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
        }
    }
}
