using System;
using V2G.Hal.Storage;

namespace V2G.Firmware.Grid
{
    /// <summary>
    /// Keeps the droop settings in the non-volatile store (a <see cref="V2G.Firmware.Storage.FlashRecordStore"/>
    /// on the device), so the settings an aggregator sent are in force again after a reboot.
    /// </summary>
    public sealed class DroopSettingsStore
    {
        /// <summary>The record id used when the board does not choose one ("DR").</summary>
        public const int DefaultRecordId = 0x4452;

        private readonly INonVolatileStore _store;
        private readonly int _recordId;
        // As long as the store's longest record: a record of another layout under this id is read
        // whole and then refused by its length, never overruns the buffer.
        private readonly byte[] _buffer;

        /// <summary>Settings kept under <paramref name="recordId"/> of <paramref name="store"/>.</summary>
        public DroopSettingsStore(INonVolatileStore store, int recordId)
        {
            if (store == null)
            {
                throw new ArgumentNullException("store");
            }

            if (store.MaxRecordLength < DroopSettingsRecord.SizeBytes)
            {
                throw new ArgumentException("the store's records are shorter than a droop settings record", "store");
            }

            _store = store;
            _recordId = recordId;
            _buffer = new byte[store.MaxRecordLength];
        }

        /// <summary>The record id in use.</summary>
        public int RecordId => _recordId;

        /// <summary>Writes and commits the settings; false if they are invalid or the store refused the write.</summary>
        public bool Save(DroopSettings settings)
        {
            if (settings == null || settings.Validate() != null)
            {
                return false;
            }

            lock (_buffer)
            {
                int length = DroopSettingsRecord.Encode(settings, _buffer, 0);
                return _store.Write(_recordId, _buffer, 0, length);
            }
        }

        /// <summary>The stored settings, or null if none are stored or the record is refused (the caller keeps its preset).</summary>
        public DroopSettings Load()
        {
            lock (_buffer)
            {
                int length = _store.Read(_recordId, _buffer, 0);
                return length < 0 ? null : DroopSettingsRecord.Decode(_buffer, 0, length);
            }
        }

        /// <summary>Forgets the stored settings (back to the board's preset on the next boot).</summary>
        public bool Clear()
        {
            return _store.Delete(_recordId);
        }
    }
}
