namespace V2G.UnitTests.Slac
{
    /// <summary>Hex text ⇄ bytes for the test vectors (spaces ignored).</summary>
    public static class Hex
    {
        public static byte[] Parse(string hex)
        {
            int digits = 0;
            for (int i = 0; i < hex.Length; i++)
            {
                if (Nibble(hex[i]) >= 0)
                {
                    digits++;
                }
            }

            byte[] bytes = new byte[digits / 2];
            int n = 0;
            int high = -1;
            for (int i = 0; i < hex.Length; i++)
            {
                int v = Nibble(hex[i]);
                if (v < 0)
                {
                    continue;
                }

                if (high < 0)
                {
                    high = v;
                }
                else
                {
                    bytes[n++] = (byte)((high << 4) | v);
                    high = -1;
                }
            }

            return bytes;
        }

        public static string Of(byte[] bytes, int offset, int count)
        {
            const string Digits = "0123456789abcdef";
            char[] chars = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                chars[2 * i] = Digits[bytes[offset + i] >> 4];
                chars[2 * i + 1] = Digits[bytes[offset + i] & 0x0F];
            }

            return new string(chars);
        }

        public static string Of(byte[] bytes)
        {
            return Of(bytes, 0, bytes.Length);
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
