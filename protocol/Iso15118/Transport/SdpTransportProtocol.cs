namespace V2G.Protocol.Iso15118.Transport
{
    /// <summary>The SDP transport protocol byte. ISO 15118-20 uses TCP only.</summary>
    public enum SdpTransportProtocol : byte
    {
        /// <summary>TCP.</summary>
        Tcp = 0x00,
    }
}
