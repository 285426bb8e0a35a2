using V2G.Hal.Buses;

namespace V2G.UnitTests.GbT.Codec
{
    /// <summary>
    /// Test-side parser of one candump `-l` line, `(seconds.micro) can0 IIIIIIII#DATA` (TRACES.md):
    /// the product's own candump reader lives elsewhere and is not used here, so these tests do not
    /// depend on it.
    /// </summary>
    public static class CandumpLine
    {
        /// <summary>Parses a line into a frame and its time in µs; false for blank, comment or malformed lines.</summary>
        public static bool TryParse(string line, out CanFrame frame, out long timeUs)
        {
            frame = new CanFrame();
            timeUs = 0;
            if (line == null)
            {
                return false;
            }

            int open = line.IndexOf('(');
            int close = line.IndexOf(')');
            int hash = line.IndexOf('#');
            if (open < 0 || close < open || hash < close)
            {
                return false;
            }

            long seconds = 0;
            long micros = 0;
            int fractionDigits = 0;
            bool inFraction = false;
            for (int i = open + 1; i < close; i++)
            {
                char c = line[i];
                if (c == '.')
                {
                    inFraction = true;
                    continue;
                }

                if (c < '0' || c > '9')
                {
                    return false;
                }

                if (inFraction)
                {
                    if (fractionDigits < 6)
                    {
                        micros = micros * 10 + (c - '0');
                        fractionDigits++;
                    }
                }
                else
                {
                    seconds = seconds * 10 + (c - '0');
                }
            }

            while (fractionDigits < 6)
            {
                micros *= 10;
                fractionDigits++;
            }

            timeUs = seconds * 1000000 + micros;

            int idStart = hash - 1;
            while (idStart > 0 && line[idStart - 1] != ' ')
            {
                idStart--;
            }

            uint id = 0;
            for (int i = idStart; i < hash; i++)
            {
                int v = Nibble(line[i]);
                if (v < 0)
                {
                    return false;
                }

                id = (id << 4) | (uint)v;
            }

            frame.Id = id;
            frame.IsExtended = hash - idStart > 3;
            int n = 0;
            int pos = hash + 1;
            while (pos + 1 < line.Length && n < 8)
            {
                int hi = Nibble(line[pos]);
                int lo = Nibble(line[pos + 1]);
                if (hi < 0 || lo < 0)
                {
                    break;
                }

                frame.SetByte(n++, (byte)((hi << 4) | lo));
                pos += 2;
            }

            frame.Length = n;
            return true;
        }

        /// <summary>Copies a frame's payload into <paramref name="target"/>; returns its length.</summary>
        public static int CopyPayload(ref CanFrame frame, byte[] target)
        {
            for (int i = 0; i < frame.Length; i++)
            {
                target[i] = frame.GetByte(i);
            }

            return frame.Length;
        }

        /// <summary>The payload as lower-case hex, e.g. "10310007ff000200".</summary>
        public static string HexOf(ref CanFrame frame)
        {
            const string Digits = "0123456789abcdef";
            char[] chars = new char[frame.Length * 2];
            for (int i = 0; i < frame.Length; i++)
            {
                byte b = frame.GetByte(i);
                chars[2 * i] = Digits[b >> 4];
                chars[2 * i + 1] = Digits[b & 0xF];
            }

            return new string(chars);
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }
    }
}
