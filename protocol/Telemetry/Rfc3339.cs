namespace V2G.Protocol.Telemetry
{
    /// <summary>
    /// RFC 3339 timestamps (<c>2026-11-26T05:00:01.000Z</c>) to and from Unix milliseconds, with
    /// its own calendar arithmetic: DateTime.ToString and DateTime.Parse allocate and depend on
    /// culture, and the device's DateTime has no time zones. Proleptic Gregorian calendar, years
    /// 0000..9999; Unix time has no leap seconds, so a second of 60 reads as the next minute's 0.
    /// </summary>
    public static class Rfc3339
    {
        /// <summary>Length of the text <see cref="WriteUtc"/> writes: <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</summary>
        public const int UtcLength = 24;

        private const long MsPerDay = 86400000;

        // 0000-01-01T00:00:00.000Z .. 9999-12-31T23:59:59.999Z in Unix ms: what four year digits can show.
        private const long MinUnixMs = -62167219200000;
        private const long MaxUnixMs = 253402300799999;

        /// <summary>
        /// Writes <paramref name="unixMs"/> as UTC with milliseconds into <paramref name="buffer"/> at
        /// <paramref name="offset"/> (ASCII, <see cref="UtcLength"/> bytes); returns the bytes written, or 0 if
        /// they do not fit. Times outside years 0000..9999 are clamped to that range.
        /// </summary>
        public static int WriteUtc(long unixMs, byte[] buffer, int offset)
        {
            if (offset < 0 || buffer.Length - offset < UtcLength)
            {
                return 0;
            }

            if (unixMs < MinUnixMs)
            {
                unixMs = MinUnixMs;
            }
            else if (unixMs > MaxUnixMs)
            {
                unixMs = MaxUnixMs;
            }

            long days = FloorDiv(unixMs, MsPerDay);
            long msOfDay = unixMs - days * MsPerDay;
            int year;
            int month;
            int day;
            CivilFromDays(days, out year, out month, out day);
            int hour = (int)(msOfDay / 3600000);
            int minute = (int)(msOfDay / 60000 % 60);
            int second = (int)(msOfDay / 1000 % 60);
            int ms = (int)(msOfDay % 1000);

            int p = offset;
            p = Digits(buffer, p, year, 4);
            buffer[p++] = (byte)'-';
            p = Digits(buffer, p, month, 2);
            buffer[p++] = (byte)'-';
            p = Digits(buffer, p, day, 2);
            buffer[p++] = (byte)'T';
            p = Digits(buffer, p, hour, 2);
            buffer[p++] = (byte)':';
            p = Digits(buffer, p, minute, 2);
            buffer[p++] = (byte)':';
            p = Digits(buffer, p, second, 2);
            buffer[p++] = (byte)'.';
            p = Digits(buffer, p, ms, 3);
            buffer[p++] = (byte)'Z';
            return p - offset;
        }

        /// <summary>The UTC text of <paramref name="unixMs"/> as a string (allocates: for logs and tests).</summary>
        public static string FormatUtc(long unixMs)
        {
            byte[] bytes = new byte[UtcLength];
            WriteUtc(unixMs, bytes, 0);
            char[] chars = new char[UtcLength];
            for (int i = 0; i < UtcLength; i++)
            {
                chars[i] = (char)bytes[i];
            }

            return new string(chars);
        }

        /// <summary>
        /// Parses an RFC 3339 date-time (<c>2026-11-26T06:00:00Z</c>, <c>2026-11-26T07:00:00.5+01:00</c>):
        /// 'T' or 't', an optional fraction of any length (cut to milliseconds), and 'Z', 'z' or a ±hh:mm offset.
        /// False for anything else, including impossible dates (2026-02-29).
        /// </summary>
        public static bool TryParseUnixMs(string text, out long unixMs)
        {
            unixMs = 0;
            if (text == null || text.Length < 20)
            {
                return false;
            }

            int year = Number(text, 0, 4);
            int month = Number(text, 5, 2);
            int day = Number(text, 8, 2);
            int hour = Number(text, 11, 2);
            int minute = Number(text, 14, 2);
            int second = Number(text, 17, 2);
            if (year < 0 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60
                || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't')
                || text[13] != ':' || text[16] != ':')
            {
                return false;
            }

            int p = 19;
            int ms = 0;
            if (text[p] == '.')
            {
                p++;
                int start = p;
                int scale = 100;
                while (p < text.Length && text[p] >= '0' && text[p] <= '9')
                {
                    ms += (text[p] - '0') * scale;
                    scale /= 10;
                    p++;
                }

                if (p == start)
                {
                    return false;
                }
            }

            if (p >= text.Length)
            {
                return false;
            }

            int offsetMinutes = 0;
            char zone = text[p];
            if (zone == 'Z' || zone == 'z')
            {
                p++;
            }
            else if (zone == '+' || zone == '-')
            {
                if (text.Length - p != 6 || text[p + 3] != ':')
                {
                    return false;
                }

                int offsetHours = Number(text, p + 1, 2);
                int offsetMins = Number(text, p + 4, 2);
                if (offsetHours < 0 || offsetHours > 23 || offsetMins < 0 || offsetMins > 59)
                {
                    return false;
                }

                offsetMinutes = offsetHours * 60 + offsetMins;
                if (zone == '-')
                {
                    offsetMinutes = -offsetMinutes;
                }

                p += 6;
            }
            else
            {
                return false;
            }

            if (p != text.Length)
            {
                return false;
            }

            long days = DaysFromCivil(year, month, day);
            unixMs = days * MsPerDay + hour * 3600000L + minute * 60000L + second * 1000L + ms - offsetMinutes * 60000L;
            return true;
        }

        /// <summary>Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).</summary>
        public static long DaysFromCivil(int year, int month, int day)
        {
            long y = month <= 2 ? year - 1 : year;
            long era = FloorDiv(y, 400);
            long yearOfEra = y - era * 400;
            long monthFromMarch = month > 2 ? month - 3 : month + 9;
            long dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1;
            long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
            return era * 146097 + dayOfEra - 719468;
        }

        /// <summary>The date of a day count since 1970-01-01 (H. Hinnant's civil_from_days).</summary>
        public static void CivilFromDays(long days, out int year, out int month, out int day)
        {
            long z = days + 719468;
            long era = FloorDiv(z, 146097);
            long dayOfEra = z - era * 146097;
            long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
            long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
            long monthFromMarch = (5 * dayOfYear + 2) / 153;
            day = (int)(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
            month = (int)(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
            year = (int)(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        }

        /// <summary>True for Gregorian leap years (divisible by 4, centuries only if divisible by 400).</summary>
        public static bool IsLeapYear(int year)
        {
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        }

        /// <summary>Days in <paramref name="month"/> (1..12) of <paramref name="year"/>.</summary>
        public static int DaysInMonth(int year, int month)
        {
            if (month == 2)
            {
                return IsLeapYear(year) ? 29 : 28;
            }

            return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        }

        private static long FloorDiv(long a, long b)
        {
            long q = a / b;
            return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
        }

        private static int Digits(byte[] buffer, int p, int value, int count)
        {
            for (int i = count - 1; i >= 0; i--)
            {
                buffer[p + i] = (byte)('0' + value % 10);
                value /= 10;
            }

            return p + count;
        }

        /// <summary>The decimal number of <paramref name="count"/> digits at <paramref name="start"/>, or -1.</summary>
        private static int Number(string text, int start, int count)
        {
            if (start + count > text.Length)
            {
                return -1;
            }

            int value = 0;
            for (int i = start; i < start + count; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return -1;
                }

                value = value * 10 + (c - '0');
            }

            return value;
        }
    }
}
