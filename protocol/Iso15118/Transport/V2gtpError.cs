namespace V2G.Protocol.Iso15118.Transport
{
    /// <summary>
    /// Why a V2GTP message was refused. After any error but <see cref="None"/> the byte stream has lost its
    /// framing: the connection is closed (ISO 15118-20 has no negative acknowledgement on TCP).
    /// Names for logs come from <see cref="V2gtpErrorNames"/> (Enum.ToString gives the number on the device).
    /// </summary>
    public enum V2gtpError
    {
        /// <summary>No error.</summary>
        None = 0,

        /// <summary>The first header byte is not the protocol version 0x01.</summary>
        WrongProtocolVersion = 1,

        /// <summary>The second header byte is not the inverse protocol version 0xFE.</summary>
        WrongInverseProtocolVersion = 2,

        /// <summary>A payload type this context does not carry (reserved, or e.g. an SDP type on TCP).</summary>
        UnknownPayloadType = 3,

        /// <summary>The payload length exceeds the configured maximum (nothing of that size is allocated).</summary>
        PayloadTooLong = 4,

        /// <summary>The payload length does not match what arrived (a UDP datagram) or what the type needs (SDP).</summary>
        WrongPayloadLength = 5,

        /// <summary>The stream closed, or a message ended before its header did.</summary>
        StreamClosed = 6,
    }
}
