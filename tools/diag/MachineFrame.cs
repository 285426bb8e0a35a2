using System;
using System.Globalization;
using System.Text;

namespace V2G.Diag
{
    /// <summary>
    /// The shell's machine-mode framing (RAPI style): a request is <c>$SEQ COMMAND ARGS*HH</c>, a reply one JSON
    /// object followed by <c>*HH</c>; HH is the XOR of every byte before the <c>*</c>, two upper-case hex digits.
    /// </summary>
    public static class MachineFrame
    {
        /// <summary>XOR of the bytes of <paramref name="text"/> (ASCII/UTF-8).</summary>
        public static byte Checksum(string text)
        {
            byte sum = 0;
            foreach (byte b in Encoding.UTF8.GetBytes(text))
            {
                sum ^= b;
            }

            return sum;
        }

        /// <summary>The request line for <paramref name="command"/> with sequence id <paramref name="seq"/>, checksum included, without the line end.</summary>
        public static string Request(long seq, string command)
        {
            string body = "$" + seq.ToString(CultureInfo.InvariantCulture) + " " + command;
            return body + "*" + Checksum(body).ToString("X2", CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// Splits a reply line into its JSON and checks its checksum. Returns false (and why) for a line that is
        /// not a framed reply at all (human text, an echo), and throws nothing: the caller decides whether a bad
        /// checksum ends the run.
        /// </summary>
        /// <param name="checksumOk">False when the line is framed (<c>{...}*HH</c>) but HH does not match.</param>
        public static bool TrySplit(string line, out string json, out bool checksumOk)
        {
            json = null;
            checksumOk = false;
            if (line == null)
            {
                return false;
            }

            line = line.TrimEnd('\r', '\n');

            // A reply right after the switch may follow the last human-mode prompt on the same line.
            int brace = line.IndexOf('{');
            if (brace > 0)
            {
                line = line.Substring(brace);
            }

            int star = line.LastIndexOf('*');
            if (!line.StartsWith('{') || star < 1 || star != line.Length - 3 || line[star - 1] != '}')
            {
                return false;
            }

            if (!byte.TryParse(line.AsSpan(star + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte expected))
            {
                return false;
            }

            json = line.Substring(0, star);
            checksumOk = Checksum(json) == expected;
            return true;
        }
    }
}
