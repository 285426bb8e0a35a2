namespace V2G.Protocol.Iso15118.Transport
{
    /// <summary>What the SDP request and response codecs share.</summary>
    internal static class SdpCodes
    {
        internal static readonly ushort[] RequestTypes = V2gtpPayloadType.SdpRequestTypes();
        internal static readonly ushort[] ResponseTypes = V2gtpPayloadType.SdpResponseTypes();

        internal static bool IsKnownSecurity(byte value)
        {
            return value == (byte)SdpSecurity.Tls || value == (byte)SdpSecurity.NoTls;
        }

        internal static bool IsKnownTransport(byte value)
        {
            return value == (byte)SdpTransportProtocol.Tcp;
        }

        /// <summary>Checks a datagram's V2GTP header: a length that disagrees with the body is a length error, anything else a header error.</summary>
        internal static SdpError CheckHeader(byte[] buffer, int offset, int count, ushort[] acceptedTypes, int bodyLength, out V2gtpHeader header)
        {
            V2gtpError error = V2gtpHeader.ParseDatagram(buffer, offset, count, acceptedTypes, bodyLength, out header);
            if (error == V2gtpError.PayloadTooLong || error == V2gtpError.WrongPayloadLength)
            {
                return SdpError.WrongLength;
            }

            if (error != V2gtpError.None)
            {
                return SdpError.BadHeader;
            }

            return header.PayloadLength == (uint)bodyLength ? SdpError.None : SdpError.WrongLength;
        }
    }
}
