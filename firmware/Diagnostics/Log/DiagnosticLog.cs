using System;
using V2G.Hal.Storage;
using V2G.Hal.Timing;

namespace V2G.Firmware.Diagnostics.Log
{
    /// <summary>
    /// The charger's diagnostic log: a ring of the last <see cref="Capacity"/> entries in RAM, with a
    /// level per module, and the entries at <see cref="LogLevel.Warn"/> or above also kept in the
    /// non-volatile store (a ring of its own, see <see cref="DiagnosticLogRecord"/>), so the faults and
    /// warnings of the boot before a crash or a power cut are still there for the technician.
    /// <para>
    /// <see cref="Write"/> is thread-safe and allocates nothing apart from the text its caller passes: the
    /// control thread logs through it. The store is written only by <see cref="PersistPending"/>, which
    /// the board calls from a thread that may wait for the flash (the shell's or the uplink's), never
    /// from the control tick.
    /// </para>
    /// </summary>
    public sealed class DiagnosticLog
    {
        /// <summary>Entries kept in RAM.</summary>
        public const int DefaultCapacity = 128;

        /// <summary>Longest text kept, characters; longer texts are cut.</summary>
        public const int MaxTextLength = 96;

        /// <summary>Records of the store's ring of persisted entries when the board does not choose.</summary>
        public const int DefaultPersistedRecords = 6;

        /// <summary>The first record id of the store's ring ("L0"); the ring uses this id and the next ones.</summary>
        public const int DefaultFirstRecordId = 0x4C30;

        private const long UnixEpochTicks = 621355968000000000L;
        private const long TicksPerMs = 10000;

        private readonly LogEntry[] _entries;
        private readonly LogLevel[] _levels;
        private readonly object _lock = new object();
        private readonly IWallClock _wallClock;
        private readonly INonVolatileStore _store;
        private readonly int _firstRecordId;
        private readonly int _recordCount;
        private readonly byte[] _recordBuffer;
        private long _total;
        private long _firstNumber;
        private long _persistedUpTo;
        private long _nextPersistSlotNumber;
        private long _persistFailures;
        private long _dropped;

        /// <summary>A log in RAM only, without wall-clock times.</summary>
        public DiagnosticLog()
            : this(DefaultCapacity, null, null, DefaultFirstRecordId, DefaultPersistedRecords)
        {
        }

        /// <summary>
        /// A log of <paramref name="capacity"/> entries in RAM; <paramref name="wallClock"/> (may be null) stamps
        /// entries with the calendar time once it is set; <paramref name="store"/> (may be null) keeps the
        /// warnings and errors in <paramref name="recordCount"/> records from <paramref name="firstRecordId"/> on.
        /// The entries found there are restored now, marked <see cref="LogEntry.FromEarlierBoot"/>.
        /// </summary>
        public DiagnosticLog(int capacity, IWallClock wallClock, INonVolatileStore store, int firstRecordId, int recordCount)
        {
            _entries = new LogEntry[capacity < 1 ? 1 : capacity];
            _levels = new LogLevel[LogModuleNames.Count];
            for (int i = 0; i < _levels.Length; i++)
            {
                _levels[i] = LogLevel.Info;
            }

            _wallClock = wallClock;
            _firstRecordId = firstRecordId;
            _recordCount = recordCount < 1 ? 1 : recordCount;
            if (store != null && store.MaxRecordLength >= DiagnosticLogRecord.MinSizeBytes)
            {
                _store = store;
                _recordBuffer = new byte[store.MaxRecordLength];
                Restore();
            }
        }

        /// <summary>Entries held in RAM now (at most <see cref="Capacity"/>).</summary>
        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return (int)(_total - _firstNumber < _entries.Length ? _total - _firstNumber : _entries.Length);
                }
            }
        }

        /// <summary>Entries in RAM at most.</summary>
        public int Capacity => _entries.Length;

        /// <summary>Entries written since the log began (restored ones included); the next entry's number.</summary>
        public long Total
        {
            get
            {
                lock (_lock)
                {
                    return _total;
                }
            }
        }

        /// <summary>Entries below their module's level, not stored.</summary>
        public long Filtered => _dropped;

        /// <summary>Writes to the store that failed (store full or broken); the entries stay in RAM.</summary>
        public long PersistFailures => _persistFailures;

        /// <summary>True if the log keeps warnings and errors in a non-volatile store.</summary>
        public bool IsPersistent => _store != null;

        /// <summary>The level up to which entries of <paramref name="module"/> are kept (default info).</summary>
        public LogLevel LevelOf(LogModule module)
        {
            int index = (int)module;
            return index >= 0 && index < _levels.Length ? _levels[index] : LogLevel.Info;
        }

        /// <summary>Keeps entries of <paramref name="module"/> up to <paramref name="level"/> (debug keeps all).</summary>
        public void SetLevel(LogModule module, LogLevel level)
        {
            int index = (int)module;
            if (index >= 0 && index < _levels.Length && level >= LogLevel.Error && level <= LogLevel.Debug)
            {
                _levels[index] = level;
            }
        }

        /// <summary>True if an entry of this module and level would be kept (lets a caller skip building its text).</summary>
        public bool IsEnabled(LogModule module, LogLevel level)
        {
            return level <= LevelOf(module);
        }

        /// <summary>
        /// Adds an entry at <paramref name="nowMs"/> (monotonic) if its module's level keeps it; the text is
        /// cut to <see cref="MaxTextLength"/> when shown or stored. Thread-safe; allocates nothing.
        /// </summary>
        public void Write(LogModule module, LogLevel level, string text, long nowMs)
        {
            if (!IsEnabled(module, level))
            {
                _dropped++;
                return;
            }

            long wallMs = _wallClock != null && _wallClock.IsSet ? (_wallClock.UtcNow.Ticks - UnixEpochTicks) / TicksPerMs : 0;
            lock (_lock)
            {
                int i = (int)(_total % _entries.Length);
                _entries[i].Number = _total;
                _entries[i].TimeMs = nowMs;
                _entries[i].WallUnixMs = wallMs;
                _entries[i].Module = module;
                _entries[i].Level = level;
                _entries[i].Text = text == null ? string.Empty : text;
                _entries[i].FromEarlierBoot = false;
                _total++;
                if (_total - _firstNumber > _entries.Length)
                {
                    _firstNumber = _total - _entries.Length;
                }
            }
        }

        /// <summary>
        /// Entry <paramref name="i"/> of those held, oldest first (0..Count−1); the text is cut to
        /// <see cref="MaxTextLength"/>. An index outside the range gives an empty entry with Number −1.
        /// </summary>
        public LogEntry Get(int i)
        {
            lock (_lock)
            {
                long held = _total - _firstNumber < _entries.Length ? _total - _firstNumber : _entries.Length;
                if (i < 0 || i >= held)
                {
                    LogEntry none = default(LogEntry);
                    none.Number = -1;
                    none.Text = string.Empty;
                    return none;
                }

                LogEntry e = _entries[(int)((_total - held + i) % _entries.Length)];
                if (e.Text.Length > MaxTextLength)
                {
                    e.Text = e.Text.Substring(0, MaxTextLength);
                }

                return e;
            }
        }

        /// <summary>Forgets the entries in RAM (the store's are kept; numbering goes on).</summary>
        public void Clear()
        {
            lock (_lock)
            {
                _firstNumber = _total;
            }
        }

        /// <summary>
        /// Writes the warnings and errors not yet in the store (each into the next record of its ring, the
        /// oldest overwritten). Call from a thread that may wait for the flash, never the control tick.
        /// Returns how many were written.
        /// </summary>
        public int PersistPending()
        {
            if (_store == null)
            {
                return 0;
            }

            int written = 0;
            while (true)
            {
                LogEntry e;
                lock (_lock)
                {
                    long oldest = _total - _entries.Length < _firstNumber ? _firstNumber : _total - _entries.Length;
                    if (_persistedUpTo < oldest)
                    {
                        _persistedUpTo = oldest;
                    }

                    while (_persistedUpTo < _total)
                    {
                        LogEntry c = _entries[(int)(_persistedUpTo % _entries.Length)];
                        if (c.Level <= LogLevel.Warn && !c.FromEarlierBoot)
                        {
                            break;
                        }

                        _persistedUpTo++;
                    }

                    if (_persistedUpTo >= _total)
                    {
                        return written;
                    }

                    e = _entries[(int)(_persistedUpTo % _entries.Length)];
                    _persistedUpTo++;
                }

                // The flash write happens outside the lock: the control thread's Write never waits for it.
                lock (_recordBuffer)
                {
                    int length = DiagnosticLogRecord.Encode(ref e, _nextPersistSlotNumber, _recordBuffer, 0, _recordBuffer.Length);
                    int slot = (int)(_nextPersistSlotNumber % _recordCount);
                    if (_store.Write(_firstRecordId + slot, _recordBuffer, 0, length))
                    {
                        _nextPersistSlotNumber++;
                        written++;
                    }
                    else
                    {
                        _persistFailures++;
                    }
                }
            }
        }

        /// <summary>Forgets the persisted entries (a technician's "log clear --stored").</summary>
        public void ClearStored()
        {
            if (_store == null)
            {
                return;
            }

            lock (_recordBuffer)
            {
                for (int i = 0; i < _recordCount; i++)
                {
                    _store.Delete(_firstRecordId + i);
                }

                _nextPersistSlotNumber = 0;
            }
        }

        /// <summary>Reads the store's ring and puts its entries, oldest first, at the start of the RAM ring.</summary>
        private void Restore()
        {
            LogEntry[] found = new LogEntry[_recordCount];
            long[] slotNumbers = new long[_recordCount];
            int count = 0;
            for (int i = 0; i < _recordCount; i++)
            {
                int length = _store.Read(_firstRecordId + i, _recordBuffer, 0);
                LogEntry e;
                long slotNumber;
                if (length > 0 && DiagnosticLogRecord.TryDecode(_recordBuffer, 0, length, out e, out slotNumber))
                {
                    e.FromEarlierBoot = true;
                    found[count] = e;
                    slotNumbers[count] = slotNumber;
                    count++;
                }
            }

            // Oldest first, by the ring's own write number (a handful of records: insertion sort).
            for (int i = 1; i < count; i++)
            {
                LogEntry e = found[i];
                long n = slotNumbers[i];
                int j = i - 1;
                while (j >= 0 && slotNumbers[j] > n)
                {
                    found[j + 1] = found[j];
                    slotNumbers[j + 1] = slotNumbers[j];
                    j--;
                }

                found[j + 1] = e;
                slotNumbers[j + 1] = n;
            }

            for (int i = 0; i < count; i++)
            {
                int k = (int)(_total % _entries.Length);
                _entries[k] = found[i];
                _entries[k].Number = _total;
                _total++;
            }

            if (_total > _entries.Length)
            {
                _firstNumber = _total - _entries.Length;
            }

            _nextPersistSlotNumber = count == 0 ? 0 : slotNumbers[count - 1] + 1;
            _persistedUpTo = _total;
        }
    }
}
