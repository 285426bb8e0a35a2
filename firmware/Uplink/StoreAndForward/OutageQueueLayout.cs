using V2G.Firmware.Storage;

namespace V2G.Firmware.Uplink.StoreAndForward
{
    /// <summary>
    /// The on-flash format of <see cref="OutageQueue"/>. Little-endian; every structure starts on
    /// a 4-byte boundary and each 32-bit word is programmed at most once between erases (flash with
    /// per-word ECC forbids programming a word twice), as in <see cref="FlashRecordLayout"/>.
    /// <para>
    /// Sector header (20 bytes): magic, sector sequence (u32, one more for every sector opened, so
    /// the oldest sector of a class is known after a reboot), a word holding the record class
    /// (byte 8) and the format version (byte 9), CRC-32 of those 12 bytes, and a retired word
    /// programmed to 0 just before the sector is erased: a sector whose erase was cut short is then
    /// never taken for a live one even where the header survived.
    /// </para>
    /// <para>
    /// Record (28 bytes + payload padded to 4): magic, class (byte 4), 0xFF (byte 5), payload
    /// length (u16), enqueue counter (u32, one more for every record, all classes: the replay
    /// order), CRC-32 of bytes 0..11 (lets a scan trust the length to step over a torn record),
    /// CRC-32 of bytes 0..11 and the payload, the payload padded with 0xFF, a commit word programmed
    /// separately after everything before it, and a sent word programmed to 0 when the record has
    /// been delivered. A sent word with any bit cleared reads as sent: a program of it cut short
    /// happened after the broker's acknowledgement.
    /// </para>
    /// </summary>
    public static class OutageQueueLayout
    {
        /// <summary>Marks a sector header (bytes A5 51 53 C3: not printable, so JSON never imitates it).</summary>
        public const uint SectorMagic = 0xC35351A5;

        /// <summary>Marks a record header (bytes A5 52 55 C3).</summary>
        public const uint RecordMagic = 0xC35552A5;

        /// <summary>Format version in the sector header.</summary>
        public const byte FormatVersion = 1;

        /// <summary>
        /// Value of a programmed commit word. Both 0 and 1 bits, so a program stopped part-way
        /// never reads as committed.
        /// </summary>
        public const uint CommittedMarker = FlashRecordLayout.CommittedMarker;

        /// <summary>Value programmed into a sent word or a retired word.</summary>
        public const uint ClearedWord = 0x00000000;

        /// <summary>Value of a word not programmed since the last erase.</summary>
        public const uint ErasedWord = 0xFFFFFFFF;

        /// <summary>Size of the sector header, bytes.</summary>
        public const int SectorHeaderBytes = 20;

        /// <summary>Offset of the sector sequence in the sector header.</summary>
        public const int SectorSequenceOffset = 4;

        /// <summary>Offset of the class byte in the sector header.</summary>
        public const int SectorClassOffset = 8;

        /// <summary>Offset of the format version byte in the sector header.</summary>
        public const int SectorVersionOffset = 9;

        /// <summary>Offset of the CRC of bytes 0..11 in the sector header.</summary>
        public const int SectorCrcOffset = 12;

        /// <summary>Offset of the retired word in the sector header.</summary>
        public const int SectorRetiredOffset = 16;

        /// <summary>Size of a record header (up to the payload), bytes.</summary>
        public const int RecordHeaderBytes = 20;

        /// <summary>Offset of the class byte in a record.</summary>
        public const int RecordClassOffset = 4;

        /// <summary>Offset of the payload length (u16) in a record.</summary>
        public const int RecordLengthOffset = 6;

        /// <summary>Offset of the enqueue counter in a record.</summary>
        public const int RecordCounterOffset = 8;

        /// <summary>Offset of the CRC of bytes 0..11 in a record.</summary>
        public const int RecordHeaderCrcOffset = 12;

        /// <summary>Offset of the CRC of bytes 0..11 and the payload in a record.</summary>
        public const int RecordCrcOffset = 16;

        /// <summary>Bytes of a header covered by the CRCs.</summary>
        public const int CrcCoveredHeaderBytes = 12;

        /// <summary>Commit word and sent word after the payload, bytes.</summary>
        public const int TrailerBytes = 8;

        /// <summary>Size on flash of a record with <paramref name="payloadLength"/> bytes of payload.</summary>
        public static int RecordSizeBytes(int payloadLength)
        {
            return RecordHeaderBytes + FlashRecordLayout.Align4(payloadLength) + TrailerBytes;
        }
    }
}
