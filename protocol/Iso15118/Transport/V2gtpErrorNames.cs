namespace V2G.Protocol.Iso15118.Transport
{
    /// <summary>Stable snake_case names of <see cref="V2gtpError"/> for logs and the session record.</summary>
    public static class V2gtpErrorNames
    {
        // Indexed by the enum's value; the order is the contract with V2gtpError.
        private static readonly string[] Names =
        {
            "none",
            "wrong_protocol_version",
            "wrong_inverse_protocol_version",
            "unknown_payload_type",
            "payload_too_long",
            "wrong_payload_length",
            "stream_closed",
        };

        /// <summary>The name of <paramref name="error"/>, or "unknown" for a value outside the enum.</summary>
        public static string Of(V2gtpError error)
        {
            int index = (int)error;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }
    }
}
