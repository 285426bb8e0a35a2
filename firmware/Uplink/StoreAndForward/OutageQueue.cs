using System;
using V2G.Firmware.Storage;
using V2G.Hal.Storage;

namespace V2G.Firmware.Uplink.StoreAndForward
{
    /// <summary>
    /// Store-and-forward for the uplink: records that could not be published while the broker was
    /// out of reach are kept in raw flash, survive a reboot or a power cut, and are handed back
    /// oldest first (by a global enqueue counter, over all classes) to be replayed.
    /// <para>
    /// The sectors are a pool (format in <see cref="OutageQueueLayout"/>). Each sector holds the
    /// records of one <see cref="UplinkRecordClass"/>, appended in order; each class writes into its
    /// own newest sector. When a class needs a sector and none is free, the oldest sector of the
    /// lowest class present is evicted: telemetry first, then events, meter records last. A record
    /// never evicts a class above its own (telemetry never pushes out billing data): it is dropped
    /// instead. Undelivered records lost either way are counted per class
    /// (<see cref="DroppedOf"/>).
    /// </para>
    /// <para>
    /// Delivery is marked in flash by clearing the record's sent word, so the head of the queue
    /// survives a reboot; a sector whose records have all been delivered is erased and returned to
    /// the pool at once. A record is written as header and payload first and its commit word last,
    /// so a record torn by a power cut is skipped on recovery and never replayed; a cut while the
    /// sent word is programmed may replay that one record again after the reboot, the same bytes
    /// (QoS 1 allows duplicates; the payload's own seq identifies it).
    /// </para>
    /// <para>
    /// No allocation after construction: the index is a handful of arrays of one slot per sector
    /// and per class, and one buffer holds a record of the largest size. Calls are serialised by
    /// a lock, so the control thread may enqueue while the uplink thread replays.
    /// </para>
    /// </summary>
    public sealed class OutageQueue
    {
        /// <summary>
        /// Largest payload of one record, bytes (an encoded JSON message): a meter record with every battery
        /// clip reason at ten digits is 602 bytes; telemetry at most 340.
        /// </summary>
        public const int MaxPayloadBytes = 768;

        private const int ClassCount = 3;
        private const int NoSector = -1;

        // Bytes read at a time when looking for the end of a sector's log.
        private const int ScanChunkBytes = 512;

        private readonly IFlashRegion _flash;
        private readonly int _sectorSizeBytes;
        private readonly int _sectorCount;
        private readonly object _sync = new object();

        // Per sector. _sectorClass is NoSector for a free sector; _sectorErased says a free sector
        // was erased by this boot and can be written without erasing it again (after a reboot a
        // blank-looking sector may hide an erase cut short, so it is erased before use).
        private readonly int[] _sectorClass;
        private readonly uint[] _sectorSequence;
        private readonly int[] _sectorWriteAddress;
        private readonly int[] _sectorUnsent;
        private readonly int[] _sectorHeadAddress;
        private readonly bool[] _sectorErased;

        // Per class.
        private readonly int[] _activeSector;
        private readonly int[] _unsent;
        private readonly long[] _dropped;

        // The oldest undelivered record of each class, found once and kept until it changes.
        private readonly bool[] _headKnown;
        private readonly int[] _headSector;
        private readonly int[] _headAddress;
        private readonly int[] _headLength;
        private readonly uint[] _headCounter;

        // A record of the largest size: building a record, checking one while scanning.
        private readonly byte[] _record;
        private readonly byte[] _words;

        private uint _nextCounter;
        private uint _nextSectorSequence;
        private int _lastOpenedSector = -1;
        private long _enqueued;
        private long _replayed;
        private long _discarded;

        // What Peek returned, for MarkSent: the sector's sequence tells whether it was evicted since.
        private int _peekedSector = NoSector;
        private int _peekedAddress;
        private int _peekedLength;
        private uint _peekedSectorSequence;
        private int _peekedClass;

        /// <summary>
        /// Mounts the queue on <paramref name="flash"/> and recovers what it holds
        /// (<see cref="Recover"/>). Flash that holds no queue sectors is taken as empty; nothing is
        /// erased until a sector is needed.
        /// </summary>
        /// <param name="flash">The flash region, used by this queue alone.</param>
        /// <exception cref="ArgumentException">Fewer than two sectors, or sectors too small for a record of <see cref="MaxPayloadBytes"/>.</exception>
        public OutageQueue(IFlashRegion flash)
        {
            if (flash == null)
            {
                throw new ArgumentNullException("flash");
            }

            int sectorSizeBytes = flash.SectorSizeBytes;
            if ((sectorSizeBytes & 3) != 0 || sectorSizeBytes < OutageQueueLayout.SectorHeaderBytes + OutageQueueLayout.RecordSizeBytes(MaxPayloadBytes))
            {
                throw new ArgumentException("sectors must be a multiple of 4 bytes and hold a record of MaxPayloadBytes", "flash");
            }

            if (flash.SectorCount < 2)
            {
                throw new ArgumentException("needs two sectors or more", "flash");
            }

            _flash = flash;
            _sectorSizeBytes = sectorSizeBytes;
            _sectorCount = flash.SectorCount;
            _sectorClass = new int[_sectorCount];
            _sectorSequence = new uint[_sectorCount];
            _sectorWriteAddress = new int[_sectorCount];
            _sectorUnsent = new int[_sectorCount];
            _sectorHeadAddress = new int[_sectorCount];
            _sectorErased = new bool[_sectorCount];
            _activeSector = new int[ClassCount];
            _unsent = new int[ClassCount];
            _dropped = new long[ClassCount];
            _headKnown = new bool[ClassCount];
            _headSector = new int[ClassCount];
            _headAddress = new int[ClassCount];
            _headLength = new int[ClassCount];
            _headCounter = new uint[ClassCount];
            _record = new byte[OutageQueueLayout.RecordSizeBytes(MaxPayloadBytes) > ScanChunkBytes ? OutageQueueLayout.RecordSizeBytes(MaxPayloadBytes) : ScanChunkBytes];
            _words = new byte[OutageQueueLayout.TrailerBytes];
            Recover();
        }

        /// <summary>Undelivered records held, all classes.</summary>
        public int Count
        {
            get
            {
                lock (_sync)
                {
                    return _unsent[0] + _unsent[1] + _unsent[2];
                }
            }
        }

        /// <summary>Records stored by <see cref="Enqueue"/> since construction.</summary>
        public long Enqueued
        {
            get
            {
                lock (_sync)
                {
                    return _enqueued;
                }
            }
        }

        /// <summary>Records marked delivered by <see cref="MarkSent"/> since construction.</summary>
        public long Replayed
        {
            get
            {
                lock (_sync)
                {
                    return _replayed;
                }
            }
        }

        /// <summary>
        /// Records found damaged (CRC mismatch) after they were counted, and given up, since
        /// construction. Torn records found by <see cref="Recover"/> are never counted as held, so
        /// they do not appear here.
        /// </summary>
        public long Discarded
        {
            get
            {
                lock (_sync)
                {
                    return _discarded;
                }
            }
        }

        /// <summary>Bytes of flash that records (with their 28-byte overhead) can occupy.</summary>
        public int CapacityBytes => _sectorCount * (_sectorSizeBytes - OutageQueueLayout.SectorHeaderBytes);

        /// <summary>Sectors in the pool.</summary>
        public int SectorCount => _sectorCount;

        /// <summary>Sectors holding no undelivered records.</summary>
        public int FreeSectors
        {
            get
            {
                lock (_sync)
                {
                    int free = 0;
                    for (int s = 0; s < _sectorCount; s++)
                    {
                        if (_sectorClass[s] == NoSector)
                        {
                            free++;
                        }
                    }

                    return free;
                }
            }
        }

        /// <summary>
        /// Records of <paramref name="payloadBytes"/> bytes each that the queue holds when one class
        /// has every sector: the stated capacity. Records do not straddle sectors, so the tail of
        /// each sector that is too short for one more record is not counted. With several classes
        /// queued, each class's newest sector may be partly filled, so up to one sector per class less.
        /// </summary>
        public static int RecordsFitting(int sectorSize, int sectorCount, int payloadBytes)
        {
            if (payloadBytes < 0 || payloadBytes > MaxPayloadBytes)
            {
                throw new ArgumentOutOfRangeException("payloadBytes");
            }

            if (sectorSize <= OutageQueueLayout.SectorHeaderBytes || sectorCount < 0)
            {
                return 0;
            }

            return sectorCount * ((sectorSize - OutageQueueLayout.SectorHeaderBytes) / OutageQueueLayout.RecordSizeBytes(payloadBytes));
        }

        /// <summary>Undelivered records of one class.</summary>
        public int CountOf(UplinkRecordClass cls)
        {
            int c = CheckClass(cls);
            lock (_sync)
            {
                return _unsent[c];
            }
        }

        /// <summary>
        /// Records of one class lost since construction: undelivered records of an evicted sector,
        /// and records refused by <see cref="Enqueue"/> (no room, or longer than <see cref="MaxPayloadBytes"/>).
        /// </summary>
        public long DroppedOf(UplinkRecordClass cls)
        {
            int c = CheckClass(cls);
            lock (_sync)
            {
                return _dropped[c];
            }
        }

        /// <summary>
        /// Stores one record (the encoded message, already flagged historical). Evicts the oldest
        /// sector of the lowest class present when the pool is full.
        /// </summary>
        /// <returns>
        /// False, with the record counted as dropped, when it is longer than
        /// <see cref="MaxPayloadBytes"/> or when only sectors of higher classes could make room.
        /// </returns>
        public bool Enqueue(UplinkRecordClass cls, byte[] payload, int offset, int length)
        {
            int c = CheckClass(cls);
            if (payload == null)
            {
                throw new ArgumentNullException("payload");
            }

            if (offset < 0 || length < 0 || offset > payload.Length - length)
            {
                throw new ArgumentOutOfRangeException("length");
            }

            lock (_sync)
            {
                if (length > MaxPayloadBytes)
                {
                    _dropped[c]++;
                    return false;
                }

                int size = OutageQueueLayout.RecordSizeBytes(length);
                int sector = _activeSector[c];
                if (sector == NoSector || _sectorWriteAddress[sector] + size > SectorStart(sector) + _sectorSizeBytes)
                {
                    sector = OpenSector(c);
                    if (sector == NoSector)
                    {
                        _dropped[c]++;
                        return false;
                    }
                }

                byte[] record = _record;
                uint counter = _nextCounter;
                FlashRecordLayout.WriteUInt32(record, 0, OutageQueueLayout.RecordMagic);
                record[OutageQueueLayout.RecordClassOffset] = (byte)c;
                record[OutageQueueLayout.RecordClassOffset + 1] = 0xFF;
                FlashRecordLayout.WriteUInt16(record, OutageQueueLayout.RecordLengthOffset, (ushort)length);
                FlashRecordLayout.WriteUInt32(record, OutageQueueLayout.RecordCounterOffset, counter);
                FlashRecordLayout.WriteUInt32(record, OutageQueueLayout.RecordHeaderCrcOffset, Crc32.Compute(record, 0, OutageQueueLayout.CrcCoveredHeaderBytes));
                uint crc = Crc32.Update(Crc32.Seed, record, 0, OutageQueueLayout.CrcCoveredHeaderBytes);
                crc = Crc32.Finish(Crc32.Update(crc, payload, offset, length));
                FlashRecordLayout.WriteUInt32(record, OutageQueueLayout.RecordCrcOffset, crc);
                Array.Copy(payload, offset, record, OutageQueueLayout.RecordHeaderBytes, length);
                int commitOffset = size - OutageQueueLayout.TrailerBytes;
                for (int p = OutageQueueLayout.RecordHeaderBytes + length; p < commitOffset; p++)
                {
                    record[p] = 0xFF;
                }

                FlashRecordLayout.WriteUInt32(record, commitOffset, OutageQueueLayout.CommittedMarker);

                // Claimed before programming: after a power cut part-way the next record goes after
                // the torn bytes, not over them (a program can only clear bits).
                int address = _sectorWriteAddress[sector];
                _sectorWriteAddress[sector] = address + size;
                _nextCounter = counter + 1;

                // The commit word last and on its own, so it reads as committed only once header and
                // payload are entirely in flash; the sent word stays erased.
                _flash.Program(address, record, 0, commitOffset);
                _flash.Program(address + commitOffset, record, commitOffset, 4);

                _sectorUnsent[sector]++;
                _unsent[c]++;
                _enqueued++;
                if (_unsent[c] == 1)
                {
                    _headKnown[c] = false;
                }

                return true;
            }
        }

        /// <summary>
        /// Copies the oldest undelivered record, over all classes, into <paramref name="buffer"/>.
        /// Calling it again before <see cref="MarkSent"/> returns the same record (a publish that
        /// failed is retried with the same bytes). A record that fails its CRC is given up
        /// (<see cref="Discarded"/>) and the next one returned.
        /// </summary>
        /// <returns>False when the queue is empty.</returns>
        /// <exception cref="ArgumentException"><paramref name="buffer"/> is shorter than the record (give it <see cref="MaxPayloadBytes"/>).</exception>
        public bool Peek(byte[] buffer, out int length, out UplinkRecordClass cls)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            lock (_sync)
            {
                while (true)
                {
                    int best = NoSector;
                    for (int c = 0; c < ClassCount; c++)
                    {
                        if (FindHead(c) && (best == NoSector || IsBefore(_headCounter[c], _headCounter[best])))
                        {
                            best = c;
                        }
                    }

                    if (best == NoSector)
                    {
                        _peekedSector = NoSector;
                        length = 0;
                        cls = UplinkRecordClass.Telemetry;
                        return false;
                    }

                    int recordLength = _headLength[best];
                    if (buffer.Length < recordLength)
                    {
                        throw new ArgumentException("buffer shorter than the record", "buffer");
                    }

                    int sector = _headSector[best];
                    int address = _headAddress[best];

                    // Read again into the caller's buffer and checked again: the flash is not
                    // trusted between two reads.
                    _flash.Read(address, _record, 0, OutageQueueLayout.RecordHeaderBytes);
                    _flash.Read(address + OutageQueueLayout.RecordHeaderBytes, buffer, 0, recordLength);
                    uint crc = Crc32.Update(Crc32.Seed, _record, 0, OutageQueueLayout.CrcCoveredHeaderBytes);
                    crc = Crc32.Finish(Crc32.Update(crc, buffer, 0, recordLength));
                    _peekedSector = sector;
                    _peekedAddress = address;
                    _peekedLength = recordLength;
                    _peekedSectorSequence = _sectorSequence[sector];
                    _peekedClass = best;
                    if (crc == FlashRecordLayout.ReadUInt32(_record, OutageQueueLayout.RecordCrcOffset)
                        && FlashRecordLayout.ReadUInt32(_record, OutageQueueLayout.RecordCounterOffset) == _headCounter[best])
                    {
                        length = recordLength;
                        cls = (UplinkRecordClass)best;
                        return true;
                    }

                    // Damaged since it was found: given up, so the queue does not stall on it.
                    ClearPeeked(false);
                    _discarded++;
                }
            }
        }

        /// <summary>
        /// Marks the record the last <see cref="Peek"/> returned as delivered, in flash. Does
        /// nothing if there was none, or if that record's sector was evicted in between.
        /// </summary>
        public void MarkSent()
        {
            lock (_sync)
            {
                ClearPeeked(true);
            }
        }

        /// <summary>
        /// Rebuilds the index from flash, as after a reboot or a power cut: sectors with a valid
        /// header and at least one intact undelivered record are kept, everything else (torn or
        /// delivered records, half-written headers, erases cut short) is left to be erased when
        /// the sector is next needed. Called by the constructor; the counters are not reset.
        /// </summary>
        public void Recover()
        {
            lock (_sync)
            {
                bool anyCounter = false;
                bool anySequence = false;
                uint maxCounter = 0;
                uint maxSequence = 0;
                for (int c = 0; c < ClassCount; c++)
                {
                    _activeSector[c] = NoSector;
                    _unsent[c] = 0;
                    _headKnown[c] = false;
                }

                _peekedSector = NoSector;
                for (int s = 0; s < _sectorCount; s++)
                {
                    _sectorClass[s] = NoSector;
                    _sectorErased[s] = false;
                    int start = SectorStart(s);
                    byte[] header = _record;
                    _flash.Read(start, header, 0, OutageQueueLayout.SectorHeaderBytes);
                    int c = header[OutageQueueLayout.SectorClassOffset];
                    if (FlashRecordLayout.ReadUInt32(header, 0) != OutageQueueLayout.SectorMagic
                        || FlashRecordLayout.ReadUInt32(header, OutageQueueLayout.SectorCrcOffset) != Crc32.Compute(header, 0, OutageQueueLayout.CrcCoveredHeaderBytes)
                        || header[OutageQueueLayout.SectorVersionOffset] != OutageQueueLayout.FormatVersion
                        || c >= ClassCount
                        || FlashRecordLayout.ReadUInt32(header, OutageQueueLayout.SectorRetiredOffset) != OutageQueueLayout.ErasedWord)
                    {
                        continue;
                    }

                    uint sequence = FlashRecordLayout.ReadUInt32(header, OutageQueueLayout.SectorSequenceOffset);
                    if (!anySequence || IsBefore(maxSequence, sequence))
                    {
                        maxSequence = sequence;
                        anySequence = true;
                    }

                    int end = start + _sectorSizeBytes;
                    int written = EndOfWrittenWords(start + OutageQueueLayout.SectorHeaderBytes, end);
                    int writeAddress = written;
                    int unsent = 0;
                    int head = NoSector;
                    int address = start + OutageQueueLayout.SectorHeaderBytes;
                    while (address + OutageQueueLayout.RecordHeaderBytes <= written)
                    {
                        int size = ReadRecordHeader(address, c);
                        if (size <= 0 || address + size > end)
                        {
                            // Not a record start (torn header, or inside a torn record): look again one word on.
                            address += 4;
                            continue;
                        }

                        // The whole extent a trustworthy header claims is taken, even if its end reads
                        // erased: a torn record's commit word must never be written over by the next one.
                        if (address + size > writeAddress)
                        {
                            writeAddress = address + size;
                        }

                        if (IsCommittedAndIntact(address, size))
                        {
                            uint counter = FlashRecordLayout.ReadUInt32(_record, OutageQueueLayout.RecordCounterOffset);
                            if (!anyCounter || IsBefore(maxCounter, counter))
                            {
                                maxCounter = counter;
                                anyCounter = true;
                            }

                            if (!IsSent(_words))
                            {
                                unsent++;
                                if (head == NoSector)
                                {
                                    head = address;
                                }
                            }
                        }

                        address += size;
                    }

                    if (unsent == 0)
                    {
                        // Nothing left to deliver: back to the pool, erased when next needed.
                        continue;
                    }

                    _sectorClass[s] = c;
                    _sectorSequence[s] = sequence;
                    _sectorWriteAddress[s] = writeAddress;
                    _sectorUnsent[s] = unsent;
                    _sectorHeadAddress[s] = head;
                    _unsent[c] += unsent;
                    if (_activeSector[c] == NoSector || IsBefore(_sectorSequence[_activeSector[c]], sequence))
                    {
                        _activeSector[c] = s;
                    }
                }

                _nextCounter = anyCounter ? maxCounter + 1 : 0;
                _nextSectorSequence = anySequence ? maxSequence + 1 : 0;
            }
        }

        // Programs the sent word of the peeked record and moves the head past it.
        private void ClearPeeked(bool delivered)
        {
            int sector = _peekedSector;
            if (sector == NoSector)
            {
                return;
            }

            _peekedSector = NoSector;
            int c = _peekedClass;
            if (_sectorClass[sector] != c || _sectorSequence[sector] != _peekedSectorSequence)
            {
                return;
            }

            int size = OutageQueueLayout.RecordSizeBytes(_peekedLength);
            FlashRecordLayout.WriteUInt32(_words, 0, OutageQueueLayout.ClearedWord);
            _flash.Program(_peekedAddress + size - 4, _words, 0, 4);
            _sectorHeadAddress[sector] = _peekedAddress + size;
            _sectorUnsent[sector]--;
            _unsent[c]--;
            if (delivered)
            {
                _replayed++;
            }

            _headKnown[c] = false;
            if (_sectorUnsent[sector] <= 0)
            {
                FreeSector(sector);
            }
        }

        /// <summary>Finds (or recalls) the oldest undelivered record of class <paramref name="c"/>.</summary>
        private bool FindHead(int c)
        {
            if (_headKnown[c])
            {
                return _headSector[c] != NoSector;
            }

            while (true)
            {
                int sector = NoSector;
                if (_unsent[c] > 0)
                {
                    for (int s = 0; s < _sectorCount; s++)
                    {
                        if (_sectorClass[s] == c && _sectorUnsent[s] > 0 && (sector == NoSector || IsBefore(_sectorSequence[s], _sectorSequence[sector])))
                        {
                            sector = s;
                        }
                    }
                }

                if (sector == NoSector)
                {
                    _headKnown[c] = true;
                    _headSector[c] = NoSector;
                    return false;
                }

                int address = _sectorHeadAddress[sector];
                int end = _sectorWriteAddress[sector];
                while (address + OutageQueueLayout.RecordHeaderBytes <= end)
                {
                    int size = ReadRecordHeader(address, c);
                    if (size <= 0 || address + size > end)
                    {
                        address += 4;
                        continue;
                    }

                    if (IsCommittedAndIntact(address, size) && !IsSent(_words))
                    {
                        _sectorHeadAddress[sector] = address;
                        _headKnown[c] = true;
                        _headSector[c] = sector;
                        _headAddress[c] = address;
                        _headLength[c] = FlashRecordLayout.ReadUInt16(_record, OutageQueueLayout.RecordLengthOffset);
                        _headCounter[c] = FlashRecordLayout.ReadUInt32(_record, OutageQueueLayout.RecordCounterOffset);
                        return true;
                    }

                    address += size;
                }

                // The sector holds fewer intact records than counted: the flash changed under us.
                _discarded += _sectorUnsent[sector];
                _unsent[c] -= _sectorUnsent[sector];
                _sectorUnsent[sector] = 0;
                FreeSector(sector);
            }
        }

        /// <summary>
        /// Takes a sector for class <paramref name="c"/>: a free one, or the oldest sector of the
        /// lowest class present if that class is not above <paramref name="c"/>.
        /// </summary>
        private int OpenSector(int c)
        {
            // Free sectors are taken round robin from the last one opened, which spreads the erases.
            int sector = NoSector;
            for (int i = 1; i <= _sectorCount; i++)
            {
                int s = (_lastOpenedSector + i) % _sectorCount;
                if (_sectorClass[s] == NoSector)
                {
                    if (_sectorErased[s])
                    {
                        sector = s;
                        break;
                    }

                    if (sector == NoSector)
                    {
                        sector = s;
                    }
                }
            }

            if (sector == NoSector)
            {
                for (int victimClass = 0; victimClass <= c && sector == NoSector; victimClass++)
                {
                    for (int s = 0; s < _sectorCount; s++)
                    {
                        if (_sectorClass[s] == victimClass && (sector == NoSector || IsBefore(_sectorSequence[s], _sectorSequence[sector])))
                        {
                            sector = s;
                        }
                    }
                }

                if (sector == NoSector)
                {
                    return NoSector;
                }

                int victim = _sectorClass[sector];
                _dropped[victim] += _sectorUnsent[sector];
                _unsent[victim] -= _sectorUnsent[sector];
                _sectorUnsent[sector] = 0;
                FreeSector(sector);
            }

            if (!_sectorErased[sector])
            {
                _flash.EraseSector(sector);
            }

            _sectorErased[sector] = false;
            uint sequence = _nextSectorSequence;
            _nextSectorSequence = sequence + 1;
            byte[] header = _record;
            FlashRecordLayout.WriteUInt32(header, 0, OutageQueueLayout.SectorMagic);
            FlashRecordLayout.WriteUInt32(header, OutageQueueLayout.SectorSequenceOffset, sequence);
            header[OutageQueueLayout.SectorClassOffset] = (byte)c;
            header[OutageQueueLayout.SectorVersionOffset] = OutageQueueLayout.FormatVersion;
            header[OutageQueueLayout.SectorVersionOffset + 1] = 0xFF;
            header[OutageQueueLayout.SectorVersionOffset + 2] = 0xFF;
            FlashRecordLayout.WriteUInt32(header, OutageQueueLayout.SectorCrcOffset, Crc32.Compute(header, 0, OutageQueueLayout.CrcCoveredHeaderBytes));

            // Claimed before programming, as for records: the retired word stays erased.
            int start = SectorStart(sector);
            _lastOpenedSector = sector;
            _sectorClass[sector] = c;
            _sectorSequence[sector] = sequence;
            _sectorWriteAddress[sector] = start + OutageQueueLayout.SectorHeaderBytes;
            _sectorHeadAddress[sector] = start + OutageQueueLayout.SectorHeaderBytes;
            _sectorUnsent[sector] = 0;
            _activeSector[c] = sector;
            _flash.Program(start, header, 0, OutageQueueLayout.SectorRetiredOffset);
            return sector;
        }

        /// <summary>Retires and erases a sector whose records are delivered or dropped, and returns it to the pool.</summary>
        private void FreeSector(int sector)
        {
            int c = _sectorClass[sector];
            _sectorClass[sector] = NoSector;
            _sectorErased[sector] = false;
            if (c != NoSector)
            {
                if (_activeSector[c] == sector)
                {
                    _activeSector[c] = NoSector;
                }

                if (_headKnown[c] && _headSector[c] == sector)
                {
                    _headKnown[c] = false;
                }
            }

            if (_peekedSector == sector)
            {
                _peekedSector = NoSector;
            }

            // Retired first: should the erase be cut short, the header may survive it, but the
            // sector no longer reads as live.
            FlashRecordLayout.WriteUInt32(_words, 0, OutageQueueLayout.ClearedWord);
            _flash.Program(SectorStart(sector) + OutageQueueLayout.SectorRetiredOffset, _words, 0, 4);
            _flash.EraseSector(sector);
            _sectorErased[sector] = true;
        }

        /// <summary>
        /// Reads a record header at <paramref name="address"/> into the record buffer; its size on
        /// flash if the header is intact and of class <paramref name="c"/>, else 0.
        /// </summary>
        private int ReadRecordHeader(int address, int c)
        {
            byte[] record = _record;
            _flash.Read(address, record, 0, OutageQueueLayout.RecordHeaderBytes);
            if (FlashRecordLayout.ReadUInt32(record, 0) != OutageQueueLayout.RecordMagic
                || FlashRecordLayout.ReadUInt32(record, OutageQueueLayout.RecordHeaderCrcOffset) != Crc32.Compute(record, 0, OutageQueueLayout.CrcCoveredHeaderBytes)
                || record[OutageQueueLayout.RecordClassOffset] != c)
            {
                return 0;
            }

            int length = FlashRecordLayout.ReadUInt16(record, OutageQueueLayout.RecordLengthOffset);
            return length > MaxPayloadBytes ? 0 : OutageQueueLayout.RecordSizeBytes(length);
        }

        /// <summary>
        /// With the header in the record buffer: reads the trailer into the word buffer and the
        /// payload after the header, and checks the commit word and the CRC.
        /// </summary>
        private bool IsCommittedAndIntact(int address, int size)
        {
            _flash.Read(address + size - OutageQueueLayout.TrailerBytes, _words, 0, OutageQueueLayout.TrailerBytes);
            if (FlashRecordLayout.ReadUInt32(_words, 0) != OutageQueueLayout.CommittedMarker)
            {
                return false;
            }

            byte[] record = _record;
            int length = FlashRecordLayout.ReadUInt16(record, OutageQueueLayout.RecordLengthOffset);
            _flash.Read(address + OutageQueueLayout.RecordHeaderBytes, record, OutageQueueLayout.RecordHeaderBytes, length);
            uint crc = Crc32.Update(Crc32.Seed, record, 0, OutageQueueLayout.CrcCoveredHeaderBytes);
            crc = Crc32.Finish(Crc32.Update(crc, record, OutageQueueLayout.RecordHeaderBytes, length));
            return crc == FlashRecordLayout.ReadUInt32(record, OutageQueueLayout.RecordCrcOffset);
        }

        // The sent word (bytes 4..7 of the trailer) with any bit cleared: a program of it cut
        // short still means the broker had acknowledged the record.
        private static bool IsSent(byte[] trailer)
        {
            return FlashRecordLayout.ReadUInt32(trailer, 4) != OutageQueueLayout.ErasedWord;
        }

        /// <summary>Address just after the last word in [start, end) that is not erased, or <paramref name="start"/>.</summary>
        private int EndOfWrittenWords(int start, int end)
        {
            byte[] chunk = _record;
            int chunkEnd = end;
            while (chunkEnd > start)
            {
                int chunkStart = chunkEnd - ScanChunkBytes;
                if (chunkStart < start)
                {
                    chunkStart = start;
                }

                _flash.Read(chunkStart, chunk, 0, chunkEnd - chunkStart);
                for (int i = chunkEnd - chunkStart - 4; i >= 0; i -= 4)
                {
                    if (FlashRecordLayout.ReadUInt32(chunk, i) != OutageQueueLayout.ErasedWord)
                    {
                        return chunkStart + i + 4;
                    }
                }

                chunkEnd = chunkStart;
            }

            return start;
        }

        private int SectorStart(int sector)
        {
            return sector * _sectorSizeBytes;
        }

        // Counter order that survives the u32 wrapping: a is before b if b is less than 2^31 ahead.
        private static bool IsBefore(uint a, uint b)
        {
            return (int)(a - b) < 0;
        }

        private static int CheckClass(UplinkRecordClass cls)
        {
            int c = (int)cls;
            if (c < 0 || c >= ClassCount)
            {
                throw new ArgumentOutOfRangeException("cls");
            }

            return c;
        }
    }
}
