using System;
using V2G.Firmware.Storage;
using V2G.Hal.Storage;
using static V2G.Firmware.Storage.FlashRecordLayout;

namespace V2G.Firmware.Battery
{
    /// <summary>
    /// Keeps the battery's lifetime state in the non-volatile store (a <see cref="FlashRecordStore"/> on the
    /// device) so the pack's ageing estimate and figures survive a reboot: the ageing model's states (calendar,
    /// cycling and the model's other loss), the equivalent full cycles and the lifetime energy. Saved at each
    /// session end, restored at boot. Little-endian fixed point, so the record reads the same on any device:
    /// <code>
    ///  0 uint16 version (1)              2 uint16 ageing model (AgeingModelKind)
    ///  4 int64  calendar loss, 1e-15     12 int64 cycling loss, 1e-15     20 int64 other loss, 1e-15
    /// 28 int64  EFC, 1e-9                36 int64 charged, mWh            44 int64 discharged, mWh
    /// 52 uint32 CRC-32 (IEEE 802.3) of bytes 0..51
    /// </code>
    /// A record of another length, version, CRC or ageing model is refused: the guard keeps a new pack's state
    /// (a pack whose model was changed is not the one the record describes).
    /// </summary>
    public sealed class BatteryStateStore
    {
        /// <summary>The record id used when the board does not choose one ("BA").</summary>
        public const int DefaultRecordId = 0x4241;

        /// <summary>The layout's version.</summary>
        public const ushort Version = 1;

        /// <summary>Bytes of one record.</summary>
        public const int SizeBytes = 56;

        private const int ModelOffset = 2;
        private const int CalendarOffset = 4;
        private const int CycleOffset = 12;
        private const int OtherOffset = 20;
        private const int EfcOffset = 28;
        private const int ChargedOffset = 36;
        private const int DischargedOffset = 44;
        private const int CrcOffset = 52;
        private const double LossUnit = 1e15;
        private const double EfcUnit = 1e9;
        private const double EnergyUnit = 1e3;

        private readonly INonVolatileStore _store;
        private readonly int _recordId;
        private readonly byte[] _buffer;

        // The state captured on the control thread, waiting for the thread that may wait for the flash.
        private readonly byte[] _pending = new byte[SizeBytes];
        private bool _hasPending;

        /// <summary>The state kept under <paramref name="recordId"/> of <paramref name="store"/>.</summary>
        public BatteryStateStore(INonVolatileStore store, int recordId)
        {
            if (store == null)
            {
                throw new ArgumentNullException("store");
            }

            if (store.MaxRecordLength < SizeBytes)
            {
                throw new ArgumentException("the store's records are shorter than a battery state record", "store");
            }

            _store = store;
            _recordId = recordId;
            _buffer = new byte[store.MaxRecordLength];
        }

        /// <summary>The record id in use.</summary>
        public int RecordId => _recordId;

        /// <summary>Writes and commits the guard's lifetime state now; false if the store refused the write.</summary>
        public bool Save(BatteryGuard guard)
        {
            return Capture(guard) && WritePending();
        }

        /// <summary>
        /// Takes the guard's lifetime state for a later <see cref="WritePending"/> (control thread: no I/O, no
        /// allocation; a flash write can take milliseconds, an erase tens of them).
        /// </summary>
        public bool Capture(BatteryGuard guard)
        {
            if (guard == null)
            {
                return false;
            }

            lock (_pending)
            {
                Encode(guard, _pending, 0);
                _hasPending = true;
            }

            return true;
        }

        /// <summary>A captured state waits for <see cref="WritePending"/>.</summary>
        public bool HasPending
        {
            get
            {
                lock (_pending)
                {
                    return _hasPending;
                }
            }
        }

        /// <summary>
        /// Writes the captured state, if any (a board's housekeeping thread, which may wait for the flash); true
        /// if there was nothing to write or the store took it. A refused write stays pending for the next call.
        /// </summary>
        public bool WritePending()
        {
            lock (_buffer)
            {
                lock (_pending)
                {
                    if (!_hasPending)
                    {
                        return true;
                    }

                    Array.Copy(_pending, _buffer, SizeBytes);
                    _hasPending = false;
                }

                // The control thread may capture again meanwhile: it never waits for this write.
                if (_store.Write(_recordId, _buffer, 0, SizeBytes))
                {
                    return true;
                }

                lock (_pending)
                {
                    if (!_hasPending)
                    {
                        Array.Copy(_buffer, _pending, SizeBytes);
                        _hasPending = true;
                    }
                }

                return false;
            }
        }

        /// <summary>Restores the stored state into <paramref name="guard"/>; false if none is stored or the record is refused.</summary>
        public bool Restore(BatteryGuard guard)
        {
            if (guard == null)
            {
                return false;
            }

            lock (_buffer)
            {
                int length = _store.Read(_recordId, _buffer, 0);
                if (length != SizeBytes || ReadUInt16(_buffer, 0) != Version
                    || ReadUInt32(_buffer, CrcOffset) != Crc32.Compute(_buffer, 0, CrcOffset)
                    || ReadUInt16(_buffer, ModelOffset) != (ushort)guard.Degradation.Model.Kind)
                {
                    return false;
                }

                double calendar = ReadInt64(_buffer, CalendarOffset) / LossUnit;
                double cycle = ReadInt64(_buffer, CycleOffset) / LossUnit;
                double other = ReadInt64(_buffer, OtherOffset) / LossUnit;
                double efc = ReadInt64(_buffer, EfcOffset) / EfcUnit;
                double charged = ReadInt64(_buffer, ChargedOffset) / EnergyUnit;
                double discharged = ReadInt64(_buffer, DischargedOffset) / EnergyUnit;
                if (calendar < 0 || cycle < 0 || other < 0 || efc < 0 || charged < 0 || discharged < 0 || calendar > 1 || cycle > 1 || other > 1)
                {
                    return false;
                }

                guard.RestoreLifetime(charged, discharged, calendar, cycle, other, efc);
                return true;
            }
        }

        /// <summary>Forgets the stored state (a new pack).</summary>
        public bool Clear()
        {
            return _store.Delete(_recordId);
        }

        /// <summary>Writes the record of <paramref name="guard"/>'s lifetime state at <paramref name="offset"/>; returns <see cref="SizeBytes"/>.</summary>
        public static int Encode(BatteryGuard guard, byte[] buffer, int offset)
        {
            DegradationModel d = guard.Degradation;
            BatteryUsageFigures life = guard.Lifetime;
            WriteUInt16(buffer, offset, Version);
            WriteUInt16(buffer, offset + ModelOffset, (ushort)d.Model.Kind);
            WriteInt64(buffer, offset + CalendarOffset, RoundLong(d.CalendarLoss * LossUnit));
            WriteInt64(buffer, offset + CycleOffset, RoundLong(d.CycleLoss * LossUnit));
            WriteInt64(buffer, offset + OtherOffset, RoundLong(d.Model.OtherLoss * LossUnit));
            WriteInt64(buffer, offset + EfcOffset, RoundLong(d.EquivalentFullCycles * EfcUnit));
            WriteInt64(buffer, offset + ChargedOffset, RoundLong(life.EnergyChargedWh * EnergyUnit));
            WriteInt64(buffer, offset + DischargedOffset, RoundLong(life.EnergyDischargedWh * EnergyUnit));
            WriteUInt32(buffer, offset + CrcOffset, Crc32.Compute(buffer, offset, CrcOffset));
            return SizeBytes;
        }

        private static long RoundLong(double x)
        {
            if (!(x > 0))
            {
                return 0;
            }

            return x >= 9e18 ? 9000000000000000000L : (long)(x + 0.5);
        }

        private static void WriteInt64(byte[] b, int o, long v)
        {
            WriteUInt32(b, o, (uint)(v & 0xFFFFFFFF));
            WriteUInt32(b, o + 4, (uint)(v >> 32));
        }

        private static long ReadInt64(byte[] b, int o)
        {
            return (long)ReadUInt32(b, o) | ((long)ReadUInt32(b, o + 4) << 32);
        }
    }
}
