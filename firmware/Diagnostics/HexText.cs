namespace V2G.Firmware.Diagnostics
{
    /// <summary>Hexadecimal digits in the shell's text: checksums, challenges and login responses.</summary>
    public static class HexText
    {
        private const string UpperDigits = "0123456789ABCDEF";

        /// <summary>The value of one hex digit (either case), or −1 if <paramref name="c"/> is not one.</summary>
        public static int DigitValue(char c)
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

        /// <summary>A byte as two upper-case hex digits ("4F").</summary>
        public static string Byte(int value)
        {
            return new string(new char[] { UpperDigits[(value >> 4) & 0xF], UpperDigits[value & 0xF] });
        }
    }
}
