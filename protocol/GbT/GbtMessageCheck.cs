namespace V2G.Protocol.GbT
{
    /// <summary>The length checks every message's Read shares.</summary>
    internal static class GbtMessageCheck
    {
        /// <summary>
        /// True if <paramref name="length"/> bytes can be read from <paramref name="payload"/> and are at
        /// least <paramref name="minimum"/>. Longer payloads are accepted and their extra bytes ignored: a
        /// node padding a short PG to 8 bytes is harmless [digest §9.11].
        /// </summary>
        public static bool Fits(byte[] payload, int length, int minimum)
        {
            return payload != null && length >= minimum && length <= payload.Length;
        }
    }
}
