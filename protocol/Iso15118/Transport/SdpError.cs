namespace V2G.Protocol.Iso15118.Transport
{
    /// <summary>
    /// Why an SDP message was refused. Names for logs come from <see cref="SdpErrorNames"/>.
    /// A refused SDP request gets no answer (the EV repeats it every 250 ms).
    /// </summary>
    public enum SdpError
    {
        /// <summary>No error.</summary>
        None = 0,

        /// <summary>The V2GTP header of the datagram was refused (see <see cref="V2gtpError"/>).</summary>
        BadHeader = 1,

        /// <summary>The body is not 2 bytes (request) or 20 bytes (response).</summary>
        WrongLength = 2,

        /// <summary>A security byte other than 0x00 (TLS) or 0x10 (none).</summary>
        UnknownSecurity = 3,

        /// <summary>A transport protocol byte other than 0x00 (TCP).</summary>
        UnknownTransportProtocol = 4,

        /// <summary>A response with TCP port 0.</summary>
        InvalidPort = 5,

        /// <summary>The buffer is too small for what is to be encoded.</summary>
        BufferTooSmall = 6,
    }
}
