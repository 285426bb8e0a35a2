namespace V2G.Protocol.Iso15118.Transport
{
    /// <summary>Stable snake_case names of <see cref="SdpError"/> for logs.</summary>
    public static class SdpErrorNames
    {
        // Indexed by the enum's value; the order is the contract with SdpError.
        private static readonly string[] Names =
        {
            "none",
            "bad_header",
            "wrong_length",
            "unknown_security",
            "unknown_transport_protocol",
            "invalid_port",
            "buffer_too_small",
        };

        /// <summary>The name of <paramref name="error"/>, or "unknown" for a value outside the enum.</summary>
        public static string Of(SdpError error)
        {
            int index = (int)error;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }
    }
}
