using V2G.Firmware.Storage;
using static V2G.Firmware.Storage.FlashRecordLayout;

namespace V2G.Firmware.Grid
{
    /// <summary>
    /// <see cref="DroopSettings"/> as a fixed byte layout with a version and its own CRC, for the
    /// non-volatile store (settings an aggregator sent must survive a reboot). Little-endian
    /// fixed point, so the record reads the same on any device whatever its floating point:
    /// <code>
    ///  0 uint16 version (1)        2 uint16 flags (bit 0 = Enabled)
    ///  4 int32  nominal, µHz       8 int32  dbOF, µHz        12 int32 dbUF, µHz
    /// 16 int32  kOF, ppm          20 int32  kUF, ppm         24 int32 response time, ms
    /// 28 int32  delay compensation, ms                      32 int64 rated power, mW
    /// 40 uint8  preset name length, 41..63 the name (ASCII, zero padded)
    /// 64 uint32 CRC-32 (IEEE 802.3) of bytes 0..63
    /// </code>
    /// A record is refused (null) if its length, version or CRC do not match or its values do not
    /// pass <see cref="DroopSettings.Validate"/>: the caller keeps its defaults.
    /// </summary>
    public static class DroopSettingsRecord
    {
        /// <summary>The layout's version; a new layout gets a new number and its own decoder.</summary>
        public const ushort Version = 1;

        /// <summary>Bytes of one record.</summary>
        public const int SizeBytes = 68;

        private const int FlagsOffset = 2;
        private const int NominalOffset = 4;
        private const int DeadbandOverOffset = 8;
        private const int DeadbandUnderOffset = 12;
        private const int DroopOverOffset = 16;
        private const int DroopUnderOffset = 20;
        private const int ResponseTimeOffset = 24;
        private const int DelayCompensationOffset = 28;
        private const int RatedPowerOffset = 32;
        private const int NameLengthOffset = 40;
        private const int NameOffset = 41;
        private const int CrcOffset = 64;
        private const ushort EnabledFlag = 1;
        private const double MicroPerUnit = 1e6;
        private const double MilliPerUnit = 1e3;

        /// <summary>Writes the record of <paramref name="settings"/> at <paramref name="offset"/>; returns <see cref="SizeBytes"/>.</summary>
        public static int Encode(DroopSettings settings, byte[] buffer, int offset)
        {
            WriteUInt16(buffer, offset, Version);
            WriteUInt16(buffer, offset + FlagsOffset, settings.Enabled ? EnabledFlag : (ushort)0);
            WriteInt32(buffer, offset + NominalOffset, Round(settings.NominalHz * MicroPerUnit));
            WriteInt32(buffer, offset + DeadbandOverOffset, Round(settings.DeadbandOverHz * MicroPerUnit));
            WriteInt32(buffer, offset + DeadbandUnderOffset, Round(settings.DeadbandUnderHz * MicroPerUnit));
            WriteInt32(buffer, offset + DroopOverOffset, Round(settings.DroopOver * MicroPerUnit));
            WriteInt32(buffer, offset + DroopUnderOffset, Round(settings.DroopUnder * MicroPerUnit));
            WriteInt32(buffer, offset + ResponseTimeOffset, settings.ResponseTimeMs);
            WriteInt32(buffer, offset + DelayCompensationOffset, settings.DelayCompensationMs);
            long ratedMilliW = RoundLong(settings.RatedPowerW * MilliPerUnit);
            WriteInt32(buffer, offset + RatedPowerOffset, (int)(ratedMilliW & 0xFFFFFFFF));
            WriteInt32(buffer, offset + RatedPowerOffset + 4, (int)(ratedMilliW >> 32));

            string name = settings.PresetName == null ? string.Empty : settings.PresetName;
            int length = name.Length < DroopSettings.MaxPresetNameLength ? name.Length : DroopSettings.MaxPresetNameLength;
            buffer[offset + NameLengthOffset] = (byte)length;
            for (int i = 0; i < DroopSettings.MaxPresetNameLength; i++)
            {
                char c = i < length ? name[i] : '\0';
                buffer[offset + NameOffset + i] = c < 128 ? (byte)c : (byte)'?';
            }

            WriteUInt32(buffer, offset + CrcOffset, Crc32.Compute(buffer, offset, CrcOffset));
            return SizeBytes;
        }

        /// <summary>The settings in a record, or null if it is refused (see the class comment).</summary>
        public static DroopSettings Decode(byte[] buffer, int offset, int length)
        {
            if (buffer == null || length != SizeBytes || offset < 0 || offset > buffer.Length - SizeBytes)
            {
                return null;
            }

            if (ReadUInt32(buffer, offset + CrcOffset) != Crc32.Compute(buffer, offset, CrcOffset)
                || ReadUInt16(buffer, offset) != Version)
            {
                return null;
            }

            int nameLength = buffer[offset + NameLengthOffset];
            if (nameLength > DroopSettings.MaxPresetNameLength)
            {
                return null;
            }

            DroopSettings s = new DroopSettings();
            s.Enabled = (ReadUInt16(buffer, offset + FlagsOffset) & EnabledFlag) != 0;
            s.NominalHz = ReadInt32(buffer, offset + NominalOffset) / MicroPerUnit;
            s.DeadbandOverHz = ReadInt32(buffer, offset + DeadbandOverOffset) / MicroPerUnit;
            s.DeadbandUnderHz = ReadInt32(buffer, offset + DeadbandUnderOffset) / MicroPerUnit;
            s.DroopOver = ReadInt32(buffer, offset + DroopOverOffset) / MicroPerUnit;
            s.DroopUnder = ReadInt32(buffer, offset + DroopUnderOffset) / MicroPerUnit;
            s.ResponseTimeMs = ReadInt32(buffer, offset + ResponseTimeOffset);
            s.DelayCompensationMs = ReadInt32(buffer, offset + DelayCompensationOffset);
            long low = (uint)ReadInt32(buffer, offset + RatedPowerOffset);
            long high = ReadInt32(buffer, offset + RatedPowerOffset + 4);
            s.RatedPowerW = ((high << 32) | low) / MilliPerUnit;

            char[] name = new char[nameLength];
            for (int i = 0; i < nameLength; i++)
            {
                name[i] = (char)buffer[offset + NameOffset + i];
            }

            s.PresetName = new string(name);
            return s.Validate() == null ? s : null;
        }

        private static int Round(double x)
        {
            return (int)RoundLong(x);
        }

        private static long RoundLong(double x)
        {
            return x >= 0 ? (long)(x + 0.5) : -(long)(-x + 0.5);
        }

        private static void WriteInt32(byte[] b, int o, int v)
        {
            WriteUInt32(b, o, (uint)v);
        }

        private static int ReadInt32(byte[] b, int o)
        {
            return (int)ReadUInt32(b, o);
        }
    }
}
