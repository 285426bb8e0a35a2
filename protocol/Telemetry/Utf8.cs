namespace V2G.Protocol.Telemetry
{
    /// <summary>
    /// UTF-8 to and from strings, for logs, tests and command ids: the device's mscorlib has no
    /// System.Text.Encoding. Invalid sequences decode as U+FFFD.
    /// </summary>
    public static class Utf8
    {
        /// <summary>The text of <paramref name="length"/> UTF-8 bytes at <paramref name="offset"/> (allocates).</summary>
        public static string Decode(byte[] bytes, int offset, int length)
        {
            char[] chars = new char[length];
            int n = 0;
            int end = offset + length;
            int p = offset;
            while (p < end)
            {
                int codePoint = Next(bytes, ref p, end);
                if (codePoint < 0)
                {
                    codePoint = 0xFFFD;
                }

                if (codePoint >= 0x10000)
                {
                    codePoint -= 0x10000;
                    chars[n++] = (char)(0xD800 + (codePoint >> 10));
                    chars[n++] = (char)(0xDC00 + (codePoint & 0x3FF));
                }
                else
                {
                    chars[n++] = (char)codePoint;
                }
            }

            return new string(chars, 0, n);
        }

        /// <summary>The UTF-8 bytes of <paramref name="text"/> (allocates; lone surrogates become U+FFFD).</summary>
        public static byte[] Encode(string text)
        {
            int count = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x80)
                {
                    count += 1;
                }
                else if (c < 0x800)
                {
                    count += 2;
                }
                else if (IsHighSurrogate(c) && i + 1 < text.Length && IsLowSurrogate(text[i + 1]))
                {
                    count += 4;
                    i++;
                }
                else
                {
                    count += 3;
                }
            }

            byte[] bytes = new byte[count];
            int p = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (IsHighSurrogate(text[i]) && i + 1 < text.Length && IsLowSurrogate(text[i + 1]))
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    i++;
                }
                else if (c >= 0xD800 && c <= 0xDFFF)
                {
                    c = 0xFFFD;
                }

                p = Put(bytes, p, c);
            }

            return bytes;
        }

        /// <summary>
        /// Decodes the code point at <paramref name="p"/> and moves past it; -1 (moving one byte) for an
        /// invalid, overlong, truncated or surrogate sequence.
        /// </summary>
        public static int Next(byte[] bytes, ref int p, int end)
        {
            int b = bytes[p++];
            if (b < 0x80)
            {
                return b;
            }

            int needed;
            int codePoint;
            int min;
            if ((b & 0xE0) == 0xC0)
            {
                needed = 1;
                codePoint = b & 0x1F;
                min = 0x80;
            }
            else if ((b & 0xF0) == 0xE0)
            {
                needed = 2;
                codePoint = b & 0x0F;
                min = 0x800;
            }
            else if ((b & 0xF8) == 0xF0)
            {
                needed = 3;
                codePoint = b & 0x07;
                min = 0x10000;
            }
            else
            {
                return -1;
            }

            if (end - p < needed)
            {
                return -1;
            }

            for (int i = 0; i < needed; i++)
            {
                int next = bytes[p + i];
                if ((next & 0xC0) != 0x80)
                {
                    return -1;
                }

                codePoint = (codePoint << 6) | (next & 0x3F);
            }

            if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            {
                return -1;
            }

            p += needed;
            return codePoint;
        }

        private static int Put(byte[] bytes, int p, int c)
        {
            if (c < 0x80)
            {
                bytes[p++] = (byte)c;
            }
            else if (c < 0x800)
            {
                bytes[p++] = (byte)(0xC0 | (c >> 6));
                bytes[p++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (c < 0x10000)
            {
                bytes[p++] = (byte)(0xE0 | (c >> 12));
                bytes[p++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                bytes[p++] = (byte)(0x80 | (c & 0x3F));
            }
            else
            {
                bytes[p++] = (byte)(0xF0 | (c >> 18));
                bytes[p++] = (byte)(0x80 | ((c >> 12) & 0x3F));
                bytes[p++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                bytes[p++] = (byte)(0x80 | (c & 0x3F));
            }

            return p;
        }

        private static bool IsHighSurrogate(char c)
        {
            return c >= 0xD800 && c <= 0xDBFF;
        }

        private static bool IsLowSurrogate(char c)
        {
            return c >= 0xDC00 && c <= 0xDFFF;
        }
    }
}
