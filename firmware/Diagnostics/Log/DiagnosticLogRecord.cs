using V2G.Firmware.Storage;
using static V2G.Firmware.Storage.FlashRecordLayout;

namespace V2G.Firmware.Diagnostics.Log
{
    /// <summary>
    /// One persisted <see cref="LogEntry"/> as a record of the non-volatile store, little-endian:
    /// <code>
    ///  0 uint16 version (1)     2 int64 write number (orders the ring's records)
    /// 10 int64  time, ms       18 int64 wall clock, Unix ms (0 = unset)
    /// 26 uint8  module         27 uint8 level          28 uint8 text length n
    /// 29 n bytes of text (ASCII; others as '?')       29+n uint32 CRC-32 of bytes 0..28+n
    /// </code>
    /// The text is cut to what the store's record length allows. A record that fails its length,
    /// version or CRC is ignored (the ring's other entries are restored).
    /// </summary>
    public static class DiagnosticLogRecord
    {
        /// <summary>The layout's version.</summary>
        public const ushort Version = 1;

        /// <summary>Bytes of a record with an empty text.</summary>
        public const int MinSizeBytes = TextOffset + 4;

        private const int WriteNumberOffset = 2;
        private const int TimeOffset = 10;
        private const int WallOffset = 18;
        private const int ModuleOffset = 26;
        private const int LevelOffset = 27;
        private const int TextLengthOffset = 28;
        private const int TextOffset = 29;

        /// <summary>Writes the record of <paramref name="entry"/> into at most <paramref name="maxLength"/> bytes at <paramref name="offset"/>; returns its length.</summary>
        public static int Encode(ref LogEntry entry, long writeNumber, byte[] buffer, int offset, int maxLength)
        {
            string text = entry.Text == null ? string.Empty : entry.Text;
            int n = text.Length;
            if (n > DiagnosticLog.MaxTextLength)
            {
                n = DiagnosticLog.MaxTextLength;
            }

            if (n > maxLength - MinSizeBytes)
            {
                n = maxLength - MinSizeBytes;
            }

            WriteUInt16(buffer, offset, Version);
            WriteInt64(buffer, offset + WriteNumberOffset, writeNumber);
            WriteInt64(buffer, offset + TimeOffset, entry.TimeMs);
            WriteInt64(buffer, offset + WallOffset, entry.WallUnixMs);
            buffer[offset + ModuleOffset] = (byte)entry.Module;
            buffer[offset + LevelOffset] = (byte)entry.Level;
            buffer[offset + TextLengthOffset] = (byte)n;
            for (int i = 0; i < n; i++)
            {
                char c = text[i];
                buffer[offset + TextOffset + i] = c >= 32 && c < 127 ? (byte)c : (byte)'?';
            }

            WriteUInt32(buffer, offset + TextOffset + n, Crc32.Compute(buffer, offset, TextOffset + n));
            return MinSizeBytes + n;
        }

        /// <summary>The entry in a record and its write number; false if the record is refused.</summary>
        public static bool TryDecode(byte[] buffer, int offset, int length, out LogEntry entry, out long writeNumber)
        {
            entry = default(LogEntry);
            writeNumber = -1;
            if (buffer == null || length < MinSizeBytes || offset < 0 || offset > buffer.Length - length)
            {
                return false;
            }

            int n = buffer[offset + TextLengthOffset];
            if (length != MinSizeBytes + n || ReadUInt16(buffer, offset) != Version
                || ReadUInt32(buffer, offset + TextOffset + n) != Crc32.Compute(buffer, offset, TextOffset + n))
            {
                return false;
            }

            int module = buffer[offset + ModuleOffset];
            int level = buffer[offset + LevelOffset];
            if (module >= LogModuleNames.Count || level >= LogLevelNames.Count)
            {
                return false;
            }

            char[] text = new char[n];
            for (int i = 0; i < n; i++)
            {
                text[i] = (char)buffer[offset + TextOffset + i];
            }

            writeNumber = ReadInt64(buffer, offset + WriteNumberOffset);
            entry.TimeMs = ReadInt64(buffer, offset + TimeOffset);
            entry.WallUnixMs = ReadInt64(buffer, offset + WallOffset);
            entry.Module = (LogModule)module;
            entry.Level = (LogLevel)level;
            entry.Text = new string(text);
            return true;
        }

        private static void WriteInt64(byte[] b, int o, long v)
        {
            WriteUInt32(b, o, (uint)(v & 0xFFFFFFFF));
            WriteUInt32(b, o + 4, (uint)(v >> 32));
        }

        private static long ReadInt64(byte[] b, int o)
        {
            long low = ReadUInt32(b, o);
            long high = (int)ReadUInt32(b, o + 4);
            return (high << 32) | low;
        }
    }
}
