namespace V2G.Protocol.Iso15118.Transport
{
    /// <summary>The SDP security byte: what transport security the EV asks for, or the charger offers.</summary>
    public enum SdpSecurity : byte
    {
        /// <summary>TLS (ISO 15118-20 expects TLS 1.3 with mutual authentication).</summary>
        Tls = 0x00,

        /// <summary>No transport security (plain TCP).</summary>
        NoTls = 0x10,
    }
}
