using V2G.Hal.Buses;
using V2G.Protocol.Text;

namespace V2G.Protocol.Can
{
    /// <summary>
    /// The line format of can-utils' <c>candump -l</c> log files, which <c>canplayer</c>, <c>log2long</c> and
    /// python-can read too: <c>(seconds.micro) iface IIIIIIII#DATA</c> — an 8-hex-digit identifier for a
    /// 29-bit frame, 3 digits for an 11-bit one, the data in hex with DLC = the number of bytes. The reference
    /// traces of ../shared/interop/gbt27930 are in this format (TRACES.md).
    /// <para>
    /// Reading is tolerant where real files differ and harmless: CR LF endings, any number of fraction digits
    /// from 1 to 9, lower-case hex, "." between data bytes (as canplayer accepts), and, after the frame, a
    /// "; comment" (the *.annotated.log traces) or python-can's "R"/"T" direction mark. Anything else is
    /// rejected with a reason (<see cref="CandumpRejectReasons"/>); nothing throws. Reading and writing
    /// allocate nothing.
    /// </para>
    /// </summary>
    public static class CandumpLog
    {
        /// <summary>Linux's IFNAMSIZ less the terminating zero.</summary>
        public const int MaxInterfaceNameLength = 15;

        /// <summary>Room for any line <see cref="Format(long, string, ref CanFrame, char[], int)"/> writes.</summary>
        public const int MaxFormattedLength = 1 + 19 + 1 + 6 + 2 + MaxInterfaceNameLength + 1 + 8 + 1 + 16;

        /// <summary>The interface name written when none is given.</summary>
        public const string DefaultInterface = "can0";

        private const int SecondsDigits = 10;
        private const int MaxSecondsDigits = 12;
        private const int MaxFractionDigits = 9;
        private const int MicrosecondDigits = 6;
        private const long MicrosecondsPerSecond = 1000000;

        /// <summary>Reads one line; false if it is malformed. See the other overload for the reason.</summary>
        public static bool TryParseLine(string line, out long timeUs, out CanFrame frame, TextBuffer interfaceName)
        {
            string reason;
            return TryParseLine(line, out timeUs, out frame, interfaceName, out reason);
        }

        /// <summary>
        /// Reads one line: the time in µs since the log's origin, the frame, and (if
        /// <paramref name="interfaceName"/> is not null, which is cleared first) the interface name. On failure
        /// <paramref name="reason"/> is one of <see cref="CandumpRejectReasons"/>, else null.
        /// </summary>
        public static bool TryParseLine(string line, out long timeUs, out CanFrame frame, TextBuffer interfaceName, out string reason)
        {
            timeUs = 0;
            frame = default(CanFrame);
            if (interfaceName != null)
            {
                interfaceName.Clear();
            }

            reason = Parse(line, ref timeUs, ref frame, interfaceName);
            if (reason != null)
            {
                timeUs = 0;
                frame = default(CanFrame);
                return false;
            }

            return true;
        }

        /// <summary>
        /// Appends the line for <paramref name="frame"/> at <paramref name="timeUs"/> (negative times are written
        /// as 0) on <paramref name="iface"/> (null: <see cref="DefaultInterface"/>), without a line end. Returns the
        /// number of characters appended, or 0 for an invalid frame (<see cref="CanHex.IsValid"/>) or interface
        /// name (<see cref="IsValidInterfaceName"/>).
        /// </summary>
        public static int Format(long timeUs, string iface, ref CanFrame frame, TextBuffer output)
        {
            if (output == null || !CanHex.IsValid(ref frame) || !IsValidInterfaceName(iface))
            {
                return 0;
            }

            int position = 0;
            Write(timeUs, iface, ref frame, output, null, ref position);
            return position;
        }

        /// <summary>
        /// Writes the line (as the other overload) into <paramref name="target"/> at <paramref name="offset"/>;
        /// returns its length, or 0 if the frame or interface name is invalid or the line does not fit.
        /// </summary>
        public static int Format(long timeUs, string iface, ref CanFrame frame, char[] target, int offset)
        {
            if (target == null || offset < 0 || !CanHex.IsValid(ref frame) || !IsValidInterfaceName(iface))
            {
                return 0;
            }

            int needed = 0;
            Write(timeUs, iface, ref frame, null, null, ref needed);
            if (target.Length - offset < needed)
            {
                return 0;
            }

            int position = offset;
            Write(timeUs, iface, ref frame, null, target, ref position);
            return position - offset;
        }

        /// <summary>True for null or empty (<see cref="DefaultInterface"/> is written) or 1..15 characters without white space.</summary>
        public static bool IsValidInterfaceName(string iface)
        {
            if (iface == null)
            {
                return true;
            }

            if (iface.Length > MaxInterfaceNameLength)
            {
                return false;
            }

            for (int i = 0; i < iface.Length; i++)
            {
                if (IsSpace(iface[i]) || iface[i] == '(' || iface[i] == '#' || iface[i] == ';')
                {
                    return false;
                }
            }

            return true;
        }

        // Writes to the TextBuffer, else to the array, else only counts.
        private static void Write(long timeUs, string iface, ref CanFrame frame, TextBuffer buffer, char[] array, ref int position)
        {
            if (timeUs < 0)
            {
                timeUs = 0;
            }

            if (iface == null || iface.Length == 0)
            {
                iface = DefaultInterface;
            }

            Put('(', buffer, array, ref position);
            long seconds = timeUs / MicrosecondsPerSecond;
            int digits = 1;
            for (long rest = seconds / 10; rest > 0; rest /= 10)
            {
                digits++;
            }

            for (int i = digits; i < SecondsDigits; i++)
            {
                Put('0', buffer, array, ref position);
            }

            PutDecimal(seconds, digits, buffer, array, ref position);
            Put('.', buffer, array, ref position);
            PutDecimal(timeUs % MicrosecondsPerSecond, MicrosecondDigits, buffer, array, ref position);
            Put(')', buffer, array, ref position);
            Put(' ', buffer, array, ref position);
            for (int i = 0; i < iface.Length; i++)
            {
                Put(iface[i], buffer, array, ref position);
            }

            Put(' ', buffer, array, ref position);
            for (int shift = frame.IsExtended ? 28 : 8; shift >= 0; shift -= 4)
            {
                Put(CanHex.Digit((int)(frame.Id >> shift)), buffer, array, ref position);
            }

            Put('#', buffer, array, ref position);
            for (int i = 0; i < frame.Length; i++)
            {
                int b = frame.GetByte(i);
                Put(CanHex.Digit(b >> 4), buffer, array, ref position);
                Put(CanHex.Digit(b), buffer, array, ref position);
            }
        }

        private static void PutDecimal(long value, int digits, TextBuffer buffer, char[] array, ref int position)
        {
            long scale = 1;
            for (int i = 1; i < digits; i++)
            {
                scale *= 10;
            }

            for (; scale > 0; scale /= 10)
            {
                Put((char)('0' + (int)(value / scale % 10)), buffer, array, ref position);
            }
        }

        private static void Put(char c, TextBuffer buffer, char[] array, ref int position)
        {
            if (buffer != null)
            {
                buffer.Append(c);
            }
            else if (array != null)
            {
                array[position] = c;
            }

            position++;
        }

        private static bool IsSpace(char c)
        {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }

        private static string Parse(string s, ref long timeUs, ref CanFrame frame, TextBuffer interfaceName)
        {
            if (s == null)
            {
                return CandumpRejectReasons.EmptyLine;
            }

            int end = s.Length;
            while (end > 0 && IsSpace(s[end - 1]))
            {
                end--;
            }

            int i = 0;
            while (i < end && IsSpace(s[i]))
            {
                i++;
            }

            if (i == end)
            {
                return CandumpRejectReasons.EmptyLine;
            }

            if (s[i] != '(')
            {
                return CandumpRejectReasons.NoTimestamp;
            }

            i++;
            string reason = ParseTimestamp(s, ref i, end, ref timeUs);
            if (reason != null)
            {
                return reason;
            }

            if (i == end || !IsSpace(s[i]))
            {
                return i == end ? CandumpRejectReasons.NoInterface : CandumpRejectReasons.BadTimestamp;
            }

            while (i < end && IsSpace(s[i]))
            {
                i++;
            }

            int nameStart = i;
            while (i < end && !IsSpace(s[i]))
            {
                i++;
            }

            if (i == nameStart)
            {
                return CandumpRejectReasons.NoInterface;
            }

            if (i - nameStart > MaxInterfaceNameLength)
            {
                return CandumpRejectReasons.BadInterface;
            }

            if (i == end)
            {
                return CandumpRejectReasons.NoFrame;
            }

            if (interfaceName != null)
            {
                for (int k = nameStart; k < i; k++)
                {
                    interfaceName.Append(s[k]);
                }
            }

            while (i < end && IsSpace(s[i]))
            {
                i++;
            }

            reason = ParseFrame(s, ref i, end, ref frame);
            if (reason != null)
            {
                return reason;
            }

            return ParseTail(s, i, end);
        }

        private static string ParseTimestamp(string s, ref int i, int end, ref long timeUs)
        {
            long seconds = 0;
            int start = i;
            while (i < end && s[i] >= '0' && s[i] <= '9')
            {
                seconds = (seconds * 10) + (s[i] - '0');
                i++;
            }

            if (i == start || i - start > MaxSecondsDigits || i == end || s[i] != '.')
            {
                return CandumpRejectReasons.BadTimestamp;
            }

            i++;
            long micro = 0;
            long scale = MicrosecondsPerSecond / 10;
            start = i;
            while (i < end && s[i] >= '0' && s[i] <= '9')
            {
                // Digits past the sixth (nanoseconds) are dropped: the format's unit is 1 µs.
                micro += (s[i] - '0') * scale;
                scale /= 10;
                i++;
            }

            if (i == start || i - start > MaxFractionDigits || i == end || s[i] != ')')
            {
                return CandumpRejectReasons.BadTimestamp;
            }

            i++;
            timeUs = (seconds * MicrosecondsPerSecond) + micro;
            return null;
        }

        private static string ParseFrame(string s, ref int i, int end, ref CanFrame frame)
        {
            int idStart = i;
            uint id = 0;
            while (i < end && s[i] != '#' && !IsSpace(s[i]))
            {
                int d = CanHex.DigitValue(s[i]);
                if (d < 0 || i - idStart >= 8)
                {
                    return CandumpRejectReasons.BadId;
                }

                id = (id << 4) | (uint)d;
                i++;
            }

            if (i == end || s[i] != '#')
            {
                return CandumpRejectReasons.NoSeparator;
            }

            int idDigits = i - idStart;
            if (idDigits == 8)
            {
                // candump writes CAN_ERR_FLAG into an error frame's identifier.
                if ((id & 0x20000000) != 0)
                {
                    return CandumpRejectReasons.ErrorFrame;
                }

                if (id > CanHex.MaxExtendedId)
                {
                    return CandumpRejectReasons.IdOutOfRange;
                }

                frame.IsExtended = true;
            }
            else if (idDigits == 3)
            {
                if (id > CanHex.MaxStandardId)
                {
                    return CandumpRejectReasons.IdOutOfRange;
                }
            }
            else
            {
                return CandumpRejectReasons.BadId;
            }

            frame.Id = id;
            i++;
            if (i < end && s[i] == '#')
            {
                return CandumpRejectReasons.CanFdFrame;
            }

            if (i < end && (s[i] == 'R' || s[i] == 'r'))
            {
                return CandumpRejectReasons.RemoteFrame;
            }

            int count = 0;
            ulong data = 0;
            while (i < end && !IsSpace(s[i]))
            {
                if (s[i] == '.')
                {
                    i++;
                    continue;
                }

                int hi = CanHex.DigitValue(s[i]);
                if (hi < 0)
                {
                    return CandumpRejectReasons.BadHex;
                }

                if (i + 1 == end || IsSpace(s[i + 1]) || s[i + 1] == '.')
                {
                    return CandumpRejectReasons.OddDataDigits;
                }

                int lo = CanHex.DigitValue(s[i + 1]);
                if (lo < 0)
                {
                    return CandumpRejectReasons.BadHex;
                }

                if (count == CanHex.MaxDataLength)
                {
                    return CandumpRejectReasons.TooManyBytes;
                }

                data |= (ulong)((hi << 4) | lo) << (8 * count);
                count++;
                i += 2;
            }

            frame.Length = count;
            frame.Data = data;
            return null;
        }

        private static string ParseTail(string s, int i, int end)
        {
            while (i < end && IsSpace(s[i]))
            {
                i++;
            }

            if (i < end && (s[i] == 'R' || s[i] == 'T') && (i + 1 == end || IsSpace(s[i + 1])))
            {
                i++;
                while (i < end && IsSpace(s[i]))
                {
                    i++;
                }
            }

            if (i == end || s[i] == ';')
            {
                return null;
            }

            return CandumpRejectReasons.TrailingText;
        }
    }
}
