using V2G.Hal.Buses;

namespace V2G.Protocol.Can
{
    /// <summary>
    /// Reads one line the adapter sent (without its carriage return). Never throws: a malformed line gives
    /// one of <see cref="SlcanRejectReasons"/>.
    /// </summary>
    public static class SlcanLineDecoder
    {
        /// <summary>
        /// The longest line taken: "T", 8 id digits, length, 16 data digits and a 4-digit timestamp are 30;
        /// two more leave room for version and serial-number replies.
        /// </summary>
        public const int MaxLineLength = 32;

        /// <summary>Returned as the timestamp when the line carries none.</summary>
        public const int NoTimestamp = -1;

        /// <summary>
        /// Decodes a received-frame line ("T…" or "t…", with an optional 4-hex-digit timestamp in ms that the
        /// adapter appends after "Z1"). Returns null when <paramref name="frame"/> holds the frame, else the
        /// reason (<see cref="SlcanRejectReasons"/>). <paramref name="timestampMs"/> is
        /// <see cref="NoTimestamp"/> when the line had none.
        /// </summary>
        public static string DecodeFrame(byte[] line, int length, out CanFrame frame, out int timestampMs)
        {
            frame = default(CanFrame);
            timestampMs = NoTimestamp;
            if (line == null || length < 1 || length > line.Length)
            {
                return SlcanRejectReasons.WrongLength;
            }

            int idDigits;
            if (line[0] == SlcanCommands.ExtendedFrame)
            {
                idDigits = 8;
                frame.IsExtended = true;
            }
            else if (line[0] == SlcanCommands.StandardFrame)
            {
                idDigits = 3;
            }
            else
            {
                return SlcanRejectReasons.UnknownCommand;
            }

            int lengthIndex = 1 + idDigits;
            if (length <= lengthIndex)
            {
                return SlcanRejectReasons.WrongLength;
            }

            uint id = 0;
            for (int i = 1; i < lengthIndex; i++)
            {
                int d = CanHex.DigitValue(line[i]);
                if (d < 0)
                {
                    return SlcanRejectReasons.BadHex;
                }

                id = (id << 4) | (uint)d;
            }

            if (id > (frame.IsExtended ? CanHex.MaxExtendedId : CanHex.MaxStandardId))
            {
                return SlcanRejectReasons.IdOutOfRange;
            }

            int dataLength = line[lengthIndex] - '0';
            if (dataLength < 0 || dataLength > CanHex.MaxDataLength)
            {
                return SlcanRejectReasons.BadLengthDigit;
            }

            int dataStart = lengthIndex + 1;
            int frameEnd = dataStart + (2 * dataLength);
            bool hasTimestamp;
            if (length == frameEnd)
            {
                hasTimestamp = false;
            }
            else if (length == frameEnd + 4)
            {
                hasTimestamp = true;
            }
            else
            {
                return SlcanRejectReasons.WrongLength;
            }

            ulong data = 0;
            for (int i = 0; i < dataLength; i++)
            {
                int hi = CanHex.DigitValue(line[dataStart + (2 * i)]);
                int lo = CanHex.DigitValue(line[dataStart + (2 * i) + 1]);
                if (hi < 0 || lo < 0)
                {
                    return SlcanRejectReasons.BadHex;
                }

                data |= (ulong)((hi << 4) | lo) << (8 * i);
            }

            if (hasTimestamp)
            {
                int stamp = 0;
                for (int i = frameEnd; i < frameEnd + 4; i++)
                {
                    int d = CanHex.DigitValue(line[i]);
                    if (d < 0)
                    {
                        return SlcanRejectReasons.BadHex;
                    }

                    stamp = (stamp << 4) | d;
                }

                timestampMs = stamp;
            }

            frame.Id = id;
            frame.Length = dataLength;
            frame.Data = data;
            return null;
        }

        /// <summary>Decodes a status reply "Fxx"; returns null with the flags (<see cref="SlcanStatusFlags"/>), else the reason.</summary>
        public static string DecodeStatus(byte[] line, int length, out int flags)
        {
            flags = 0;
            if (line == null || length < 1 || length > line.Length || line[0] != SlcanCommands.ReadStatus)
            {
                return SlcanRejectReasons.UnknownCommand;
            }

            if (length != 3)
            {
                return SlcanRejectReasons.WrongLength;
            }

            int hi = CanHex.DigitValue(line[1]);
            int lo = CanHex.DigitValue(line[2]);
            if (hi < 0 || lo < 0)
            {
                return SlcanRejectReasons.BadHex;
            }

            flags = (hi << 4) | lo;
            return null;
        }
    }
}
