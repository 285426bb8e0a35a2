using System;
using V2G.Hal.Storage;

namespace V2G.Firmware.Storage
{
    /// <summary>
    /// A log-structured record store over raw NOR flash, with writes that survive a power cut at any
    /// instant (see <see cref="FlashRecordLayout"/> for the format).
    /// <para>
    /// One sector is active at a time. Writes and deletes append an entry whose commit word is
    /// programmed last, so a torn entry is never taken for a record. When the active sector is full,
    /// the newest version of every live record is copied to the next sector (round robin, which
    /// spreads the erases over all sectors), and that sector's state word is programmed last: until
    /// then the old sector, which is left untouched, is still the store. Mounting picks the committed
    /// sector with the highest generation and replays its log, keeping for each id the newest entry
    /// whose commit word and CRC-32 are intact.
    /// </para>
    /// <para>
    /// After construction nothing is allocated: the index is a set of arrays of
    /// <c>maxRecordCount</c> slots and one buffer holds an entry of the largest size. The sectors
    /// must be large enough that the largest possible live set plus one more entry fits in one
    /// (<see cref="RequiredSectorBytes"/>), so a compaction always makes room for the write that
    /// asked for it. Calls are serialised by a lock.
    /// </para>
    /// </summary>
    public sealed class FlashRecordStore : INonVolatileStore
    {
        private readonly IFlashRegion _flash;
        private readonly int _sectorSizeBytes;
        private readonly int _sectorCount;
        private readonly int _maxRecordLength;
        private readonly int _maxRecordCount;
        private readonly object _sync = new object();

        // The index: newest committed version of each live record, as parallel arrays (the device
        // runtime has no generic collections, and a fixed size means no allocation after construction).
        private readonly int[] _ids;
        private readonly int[] _addresses;
        private readonly int[] _lengths;
        private int _count;

        // One entry of the largest size: building a write, copying during compaction, scanning.
        private readonly byte[] _entryBuffer;

        private int _activeSector;
        private uint _generation;

        // Absolute address of the first byte after the last non-erased word of the active sector:
        // never below a torn entry, so torn bytes are never programmed over.
        private int _writeAddress;
        private uint _nextSequence;
        private int _compactionCount;

        /// <summary>
        /// Mounts the store on <paramref name="flash"/>: finds the active sector and rebuilds the
        /// index from its log, recovering from a power cut during a write, a compaction or an erase.
        /// Blank or unrecognisable flash is formatted (one sector erased).
        /// </summary>
        /// <param name="flash">The flash region, at least two sectors, used by this store alone.</param>
        /// <param name="maxRecordCount">Most distinct record ids live at once.</param>
        /// <param name="maxRecordLength">Largest record payload, bytes.</param>
        /// <exception cref="ArgumentOutOfRangeException">The records cannot fit one sector (<see cref="RequiredSectorBytes"/>).</exception>
        public FlashRecordStore(IFlashRegion flash, int maxRecordCount, int maxRecordLength)
        {
            if (flash == null)
            {
                throw new ArgumentNullException("flash");
            }

            int sectorSizeBytes = flash.SectorSizeBytes;
            if (flash.SectorCount < 2)
            {
                throw new ArgumentException("needs two sectors or more: compaction copies into an erased one", "flash");
            }

            if (sectorSizeBytes <= 0 || (sectorSizeBytes & 3) != 0)
            {
                throw new ArgumentException("sector size must be a positive multiple of 4 bytes", "flash");
            }

            if (maxRecordCount < 1)
            {
                throw new ArgumentOutOfRangeException("maxRecordCount");
            }

            if (maxRecordLength < 0 || maxRecordLength > FlashRecordLayout.MaxPayloadBytes)
            {
                throw new ArgumentOutOfRangeException("maxRecordLength");
            }

            if (RequiredSectorBytes(maxRecordCount, maxRecordLength) > sectorSizeBytes)
            {
                throw new ArgumentOutOfRangeException("maxRecordLength", "maxRecordCount + 1 entries of maxRecordLength must fit in one sector");
            }

            _flash = flash;
            _sectorSizeBytes = sectorSizeBytes;
            _sectorCount = flash.SectorCount;
            _maxRecordLength = maxRecordLength;
            _maxRecordCount = maxRecordCount;
            _ids = new int[maxRecordCount];
            _addresses = new int[maxRecordCount];
            _lengths = new int[maxRecordCount];
            _entryBuffer = new byte[FlashRecordLayout.EntrySizeBytes(maxRecordLength)];
            Mount();
        }

        /// <inheritdoc />
        public int MaxRecordLength => _maxRecordLength;

        /// <summary>Most distinct record ids the store holds at once.</summary>
        public int MaxRecordCount => _maxRecordCount;

        /// <summary>Records currently stored (deleted ones not counted).</summary>
        public int RecordCount => _count;

        /// <summary>Compactions since this instance was constructed (each costs one sector erase).</summary>
        public int CompactionCount => _compactionCount;

        /// <summary>The sector holding the records.</summary>
        public int ActiveSector => _activeSector;

        /// <summary>Generation of the active sector; one more after each compaction.</summary>
        public uint Generation => _generation;

        /// <summary>Bytes left in the active sector before the next compaction.</summary>
        public int FreeBytes => SectorStart(_activeSector) + _sectorSizeBytes - _writeAddress;

        /// <summary>
        /// Smallest sector that holds <paramref name="maxRecordCount"/> records of
        /// <paramref name="maxRecordLength"/> bytes plus the one entry a write appends after a
        /// compaction, bytes. A sector several times larger means fewer compactions, so less wear.
        /// </summary>
        public static long RequiredSectorBytes(int maxRecordCount, int maxRecordLength)
        {
            return FlashRecordLayout.SectorHeaderBytes
                + ((long)maxRecordCount + 1) * FlashRecordLayout.EntrySizeBytes(maxRecordLength);
        }

        /// <inheritdoc />
        public bool Write(int recordId, byte[] data, int offset, int length)
        {
            if (data == null)
            {
                throw new ArgumentNullException("data");
            }

            if (offset < 0 || length < 0 || offset > data.Length - length)
            {
                throw new ArgumentOutOfRangeException("length");
            }

            if (length > _maxRecordLength)
            {
                return false;
            }

            lock (_sync)
            {
                if (Find(recordId) < 0 && _count >= _maxRecordCount)
                {
                    return false;
                }

                return Append(recordId, FlashRecordLayout.KindData, data, offset, length);
            }
        }

        /// <inheritdoc />
        /// <remarks>
        /// The payload is checked against its CRC on every read. If it no longer matches (the flash
        /// changed since it was mounted), the index is rebuilt from flash, which falls back to the
        /// previous version if the log still holds one; <paramref name="buffer"/> may then have been
        /// written with the damaged bytes before being overwritten with the result.
        /// </remarks>
        /// <exception cref="ArgumentOutOfRangeException">The record does not fit in <paramref name="buffer"/> from <paramref name="offset"/>.</exception>
        public int Read(int recordId, byte[] buffer, int offset)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            lock (_sync)
            {
                // Two attempts: the second reads the version the rebuilt index falls back to.
                for (int attempt = 0; attempt < 2; attempt++)
                {
                    int slot = Find(recordId);
                    if (slot < 0)
                    {
                        return -1;
                    }

                    int length = _lengths[slot];
                    if (offset < 0 || offset > buffer.Length - length)
                    {
                        throw new ArgumentOutOfRangeException("offset");
                    }

                    int address = _addresses[slot];
                    _flash.Read(address, _entryBuffer, 0, FlashRecordLayout.EntryHeaderBytes);
                    _flash.Read(address + FlashRecordLayout.EntryHeaderBytes, buffer, offset, length);
                    if (IsRecordIntact(_entryBuffer, recordId, length, buffer, offset))
                    {
                        return length;
                    }

                    ScanActiveSector(false);
                }

                return -1;
            }
        }

        /// <inheritdoc />
        /// <remarks>Deleting an id that is not stored succeeds without writing anything.</remarks>
        public bool Delete(int recordId)
        {
            lock (_sync)
            {
                if (Find(recordId) < 0)
                {
                    return true;
                }

                return Append(recordId, FlashRecordLayout.KindTombstone, _entryBuffer, 0, 0);
            }
        }

        private bool Append(int recordId, ushort kind, byte[] data, int offset, int length)
        {
            int size = FlashRecordLayout.EntrySizeBytes(length);
            if (!HasRoom(size))
            {
                // Room is guaranteed by the constructor's size check; compaction may also have
                // dropped a record that went bad, which only leaves more room and fewer ids.
                Compact();
                if (!HasRoom(size))
                {
                    return false;
                }
            }

            uint sequence = _nextSequence;
            byte[] entry = _entryBuffer;
            FlashRecordLayout.WriteUInt32(entry, 0, FlashRecordLayout.EntryMagic);
            FlashRecordLayout.WriteUInt32(entry, FlashRecordLayout.EntryIdOffset, (uint)recordId);
            FlashRecordLayout.WriteUInt16(entry, FlashRecordLayout.EntryLengthOffset, (ushort)length);
            FlashRecordLayout.WriteUInt16(entry, FlashRecordLayout.EntryKindOffset, kind);
            FlashRecordLayout.WriteUInt32(entry, FlashRecordLayout.EntrySequenceOffset, sequence);
            FlashRecordLayout.WriteUInt32(entry, FlashRecordLayout.EntryHeaderCrcOffset, Crc32.Compute(entry, 0, FlashRecordLayout.EntryCrcCoveredHeaderBytes));
            if (length > 0)
            {
                Array.Copy(data, offset, entry, FlashRecordLayout.EntryHeaderBytes, length);
            }

            FlashRecordLayout.WriteUInt32(entry, FlashRecordLayout.EntryRecordCrcOffset, RecordCrc(entry, entry, FlashRecordLayout.EntryHeaderBytes, length));
            int markerOffset = size - FlashRecordLayout.CommitMarkerBytes;
            FlashRecordLayout.WriteUInt32(entry, markerOffset, FlashRecordLayout.CommittedMarker);

            // Claimed before programming: if the program fails part-way, the next entry goes after
            // the torn bytes instead of over them (a program can only clear bits).
            int address = _writeAddress;
            _writeAddress += size;
            _nextSequence = unchecked(sequence + 1);

            // The padding is left erased; the commit word is programmed separately and last, so it
            // reads as committed only once the header and payload are entirely in flash.
            _flash.Program(address, entry, 0, FlashRecordLayout.EntryHeaderBytes + length);
            _flash.Program(address + markerOffset, entry, markerOffset, FlashRecordLayout.CommitMarkerBytes);

            Apply(recordId, kind, length, address);
            return true;
        }

        /// <summary>
        /// Copies the newest version of every live record into the next sector and makes it the
        /// active one. The old sector is not erased here but just before it is next written, so a
        /// power cut at any point leaves one complete committed sector with the highest generation.
        /// </summary>
        private void Compact()
        {
            // Re-verify every record first: copying a version that went bad since mounting would
            // make it the only version left, where rebuilding the index falls back to an older one.
            ScanActiveSector(false);

            int target = (_activeSector + 1) % _sectorCount;
            uint generation = unchecked(_generation + 1);
            StartSector(target, generation);

            byte[] entry = _entryBuffer;
            int address = SectorStart(target) + FlashRecordLayout.SectorHeaderBytes;
            for (int i = 0; i < _count; i++)
            {
                int length = _lengths[i];
                int size = FlashRecordLayout.EntrySizeBytes(length);
                int markerOffset = size - FlashRecordLayout.CommitMarkerBytes;
                _flash.Read(_addresses[i], entry, 0, FlashRecordLayout.EntryHeaderBytes + length);
                for (int p = FlashRecordLayout.EntryHeaderBytes + length; p < markerOffset; p++)
                {
                    entry[p] = 0xFF;
                }

                FlashRecordLayout.WriteUInt32(entry, markerOffset, FlashRecordLayout.CommittedMarker);

                // Commit word included in one program: nothing in this sector counts until its
                // state word is programmed below. Sequence numbers are kept, CRCs do not cover addresses.
                _flash.Program(address, entry, 0, size);
                address += size;
            }

            // From this word on the copy is the store and the old sector is stale.
            CommitSector(target);

            _activeSector = target;
            _generation = generation;
            _writeAddress = address;
            address = SectorStart(target) + FlashRecordLayout.SectorHeaderBytes;
            for (int i = 0; i < _count; i++)
            {
                _addresses[i] = address;
                address += FlashRecordLayout.EntrySizeBytes(_lengths[i]);
            }

            _compactionCount++;
        }

        private void Mount()
        {
            int best = -1;
            uint bestGeneration = 0;
            for (int sector = 0; sector < _sectorCount; sector++)
            {
                uint generation;
                if (ReadCommittedSectorHeader(sector, out generation) && (best < 0 || IsNewer(generation, bestGeneration)))
                {
                    best = sector;
                    bestGeneration = generation;
                }
            }

            if (best < 0)
            {
                // Blank flash, or a first format that was cut short: no committed sector holds
                // anything, so nothing is lost by starting over.
                StartSector(0, 1);
                CommitSector(0);
                _activeSector = 0;
                _generation = 1;
                _count = 0;
                _writeAddress = SectorHeaderEnd(0);
                _nextSequence = 0;
                return;
            }

            _activeSector = best;
            _generation = bestGeneration;
            ScanActiveSector(true);
        }

        private bool ReadCommittedSectorHeader(int sector, out uint generation)
        {
            byte[] header = _entryBuffer;
            _flash.Read(SectorStart(sector), header, 0, FlashRecordLayout.SectorHeaderBytes);
            generation = FlashRecordLayout.ReadUInt32(header, FlashRecordLayout.SectorGenerationOffset);
            return FlashRecordLayout.ReadUInt32(header, 0) == FlashRecordLayout.SectorMagic
                && FlashRecordLayout.ReadUInt32(header, FlashRecordLayout.SectorCrcOffset) == Crc32.Compute(header, 0, FlashRecordLayout.SectorCrcOffset)
                && FlashRecordLayout.ReadUInt32(header, FlashRecordLayout.SectorStateOffset) == FlashRecordLayout.CommittedMarker;
        }

        /// <summary>Erases a sector and programs its header with the state word left erased (not yet committed).</summary>
        private void StartSector(int sector, uint generation)
        {
            // Always erased, even if it reads as blank: an erase cut short can leave bits that
            // read as 1 but do not hold.
            _flash.EraseSector(sector);
            byte[] header = _entryBuffer;
            FlashRecordLayout.WriteUInt32(header, 0, FlashRecordLayout.SectorMagic);
            FlashRecordLayout.WriteUInt32(header, FlashRecordLayout.SectorGenerationOffset, generation);
            FlashRecordLayout.WriteUInt32(header, FlashRecordLayout.SectorCrcOffset, Crc32.Compute(header, 0, FlashRecordLayout.SectorCrcOffset));
            _flash.Program(SectorStart(sector), header, 0, FlashRecordLayout.SectorStateOffset);
        }

        private void CommitSector(int sector)
        {
            byte[] word = _entryBuffer;
            FlashRecordLayout.WriteUInt32(word, 0, FlashRecordLayout.CommittedMarker);
            _flash.Program(SectorStart(sector) + FlashRecordLayout.SectorStateOffset, word, 0, FlashRecordLayout.CommitMarkerBytes);
        }

        /// <summary>
        /// Rebuilds the index from the active sector's log and finds the write address. Entries
        /// follow each other; where no valid entry header is found (the torn start of an entry cut
        /// off while its header was programmed, or a header damaged since), the scan steps one word
        /// and looks again, so the entries written after it are still found.
        /// </summary>
        private void ScanActiveSector(bool adoptSequence)
        {
            _count = 0;
            int sectorEnd = SectorStart(_activeSector) + _sectorSizeBytes;
            int position = SectorHeaderEnd(_activeSector);
            int usedEnd = position;
            bool sawEntry = false;
            uint newestSequence = 0;
            byte[] entry = _entryBuffer;

            while (true)
            {
                position = SkipErased(position, sectorEnd);
                if (position >= sectorEnd)
                {
                    break;
                }

                int size = ReadEntryHeader(position, sectorEnd);
                if (size == 0)
                {
                    position += 4;
                    usedEnd = position;
                    continue;
                }

                // The header's own CRC matched, so its length is trusted to step over the entry
                // even when the payload or the commit word was cut short.
                int recordId = (int)FlashRecordLayout.ReadUInt32(entry, FlashRecordLayout.EntryIdOffset);
                int length = FlashRecordLayout.ReadUInt16(entry, FlashRecordLayout.EntryLengthOffset);
                ushort kind = FlashRecordLayout.ReadUInt16(entry, FlashRecordLayout.EntryKindOffset);
                uint sequence = FlashRecordLayout.ReadUInt32(entry, FlashRecordLayout.EntrySequenceOffset);
                if (!sawEntry || IsNewer(sequence, newestSequence))
                {
                    newestSequence = sequence;
                    sawEntry = true;
                }

                // An entry longer than this build allows (written by a build with a larger limit)
                // is stepped over but not kept: it could not be read into the buffers.
                if (length <= _maxRecordLength)
                {
                    _flash.Read(position + FlashRecordLayout.EntryHeaderBytes, entry, FlashRecordLayout.EntryHeaderBytes, size - FlashRecordLayout.EntryHeaderBytes);
                    bool committed = FlashRecordLayout.ReadUInt32(entry, size - FlashRecordLayout.CommitMarkerBytes) == FlashRecordLayout.CommittedMarker;
                    if (committed && IsRecordIntact(entry, recordId, length, entry, FlashRecordLayout.EntryHeaderBytes))
                    {
                        Apply(recordId, kind, length, position);
                    }
                }

                position += size;
                usedEnd = position;
            }

            _writeAddress = usedEnd;
            if (adoptSequence)
            {
                _nextSequence = sawEntry ? unchecked(newestSequence + 1) : 0;
            }
        }

        /// <summary>Address of the first word at or after <paramref name="position"/> that is not erased, or <paramref name="end"/>.</summary>
        private int SkipErased(int position, int end)
        {
            byte[] chunk = _entryBuffer;
            while (position < end)
            {
                int count = end - position;
                if (count > chunk.Length)
                {
                    count = chunk.Length;
                }

                _flash.Read(position, chunk, 0, count);
                for (int i = 0; i < count; i += 4)
                {
                    if (FlashRecordLayout.ReadUInt32(chunk, i) != FlashRecordLayout.ErasedWord)
                    {
                        return position + i;
                    }
                }

                position += count;
            }

            return end;
        }

        /// <summary>
        /// Reads the entry header at <paramref name="position"/> into the entry buffer; returns the
        /// entry's size on flash if the header is whole and consistent, else 0.
        /// </summary>
        private int ReadEntryHeader(int position, int sectorEnd)
        {
            if (sectorEnd - position < FlashRecordLayout.EntrySizeBytes(0))
            {
                return 0;
            }

            byte[] entry = _entryBuffer;
            _flash.Read(position, entry, 0, FlashRecordLayout.EntryHeaderBytes);
            if (FlashRecordLayout.ReadUInt32(entry, 0) != FlashRecordLayout.EntryMagic
                || FlashRecordLayout.ReadUInt32(entry, FlashRecordLayout.EntryHeaderCrcOffset) != Crc32.Compute(entry, 0, FlashRecordLayout.EntryCrcCoveredHeaderBytes))
            {
                return 0;
            }

            int length = FlashRecordLayout.ReadUInt16(entry, FlashRecordLayout.EntryLengthOffset);
            ushort kind = FlashRecordLayout.ReadUInt16(entry, FlashRecordLayout.EntryKindOffset);
            bool kindValid = kind == FlashRecordLayout.KindData || (kind == FlashRecordLayout.KindTombstone && length == 0);
            int size = FlashRecordLayout.EntrySizeBytes(length);
            if (!kindValid || size > sectorEnd - position)
            {
                return 0;
            }

            return size;
        }

        /// <summary>Whether an entry header (in <paramref name="header"/>) is the record expected and its CRC matches the payload.</summary>
        private static bool IsRecordIntact(byte[] header, int recordId, int length, byte[] payload, int payloadOffset)
        {
            return FlashRecordLayout.ReadUInt32(header, 0) == FlashRecordLayout.EntryMagic
                && (int)FlashRecordLayout.ReadUInt32(header, FlashRecordLayout.EntryIdOffset) == recordId
                && FlashRecordLayout.ReadUInt16(header, FlashRecordLayout.EntryLengthOffset) == length
                && FlashRecordLayout.ReadUInt32(header, FlashRecordLayout.EntryRecordCrcOffset) == RecordCrc(header, payload, payloadOffset, length);
        }

        private static uint RecordCrc(byte[] header, byte[] payload, int payloadOffset, int length)
        {
            uint crc = Crc32.Update(Crc32.Seed, header, 0, FlashRecordLayout.EntryCrcCoveredHeaderBytes);
            return Crc32.Finish(Crc32.Update(crc, payload, payloadOffset, length));
        }

        /// <summary>
        /// Takes an entry into the index as the newest version of its record. Within a sector the
        /// log order is the write order for any one id (compaction copies distinct ids only), so the
        /// scan applies entries as it meets them; the sequence numbers are not compared, which keeps
        /// a record that was not rewritten for 2^31 writes from looking newer than its successor.
        /// </summary>
        private void Apply(int recordId, ushort kind, int length, int address)
        {
            int slot = Find(recordId);
            if (kind == FlashRecordLayout.KindTombstone)
            {
                if (slot >= 0)
                {
                    _count--;
                    _ids[slot] = _ids[_count];
                    _addresses[slot] = _addresses[_count];
                    _lengths[slot] = _lengths[_count];
                }

                return;
            }

            if (slot < 0)
            {
                // More ids in the log than slots: only after a tombstone was damaged, or after an
                // update lowered maxRecordCount. The newcomer is the one left out.
                if (_count >= _maxRecordCount)
                {
                    return;
                }

                slot = _count;
                _count++;
                _ids[slot] = recordId;
            }

            _addresses[slot] = address;
            _lengths[slot] = length;
        }

        private bool HasRoom(int entrySizeBytes)
        {
            return _writeAddress + entrySizeBytes <= SectorStart(_activeSector) + _sectorSizeBytes;
        }

        private int Find(int recordId)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_ids[i] == recordId)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Serial-number comparison, so the 32-bit counters may wrap.</summary>
        private static bool IsNewer(uint candidate, uint reference)
        {
            return unchecked((int)(candidate - reference)) > 0;
        }

        private int SectorStart(int sector)
        {
            return sector * _sectorSizeBytes;
        }

        private int SectorHeaderEnd(int sector)
        {
            return SectorStart(sector) + FlashRecordLayout.SectorHeaderBytes;
        }
    }
}
