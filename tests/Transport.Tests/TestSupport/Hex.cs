using System;

namespace V2G.Transport.Tests.TestSupport
{
    internal static class Hex
    {
        public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty));

        public static string Of(byte[] bytes, int offset, int count) => Convert.ToHexString(bytes, offset, count).ToLowerInvariant();
    }
}
