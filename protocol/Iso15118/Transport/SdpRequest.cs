namespace V2G.Protocol.Iso15118.Transport
{
    /// <summary>
    /// The SDP request body (payload type 0x9000, 2 bytes): the security the EV asks for, then the transport
    /// protocol. The EV sends it by UDP to ff02::1 port 15118.
    /// </summary>
    public sealed class SdpRequest
    {
        /// <summary>Body length in bytes.</summary>
        public const int BodyLength = 2;

        /// <summary>Header and body, in bytes.</summary>
        public const int MessageLength = V2gtpHeader.Length + BodyLength;

        /// <summary>The security the EV asks for.</summary>
        public SdpSecurity Security;

        /// <summary>The transport protocol the EV asks for.</summary>
        public SdpTransportProtocol TransportProtocol;

        /// <summary>Reads and checks a body of <paramref name="count"/> bytes; on an error the fields hold what was read.</summary>
        public SdpError Decode(byte[] buffer, int offset, int count)
        {
            if (count != BodyLength)
            {
                return SdpError.WrongLength;
            }

            Security = (SdpSecurity)buffer[offset];
            TransportProtocol = (SdpTransportProtocol)buffer[offset + 1];
            if (!SdpCodes.IsKnownSecurity(buffer[offset]))
            {
                return SdpError.UnknownSecurity;
            }

            return SdpCodes.IsKnownTransport(buffer[offset + 1]) ? SdpError.None : SdpError.UnknownTransportProtocol;
        }

        /// <summary>Writes the 2-byte body; returns <see cref="SdpError.BufferTooSmall"/> if it does not fit.</summary>
        public SdpError Encode(byte[] buffer, int offset)
        {
            if (offset < 0 || buffer.Length - offset < BodyLength)
            {
                return SdpError.BufferTooSmall;
            }

            buffer[offset] = (byte)Security;
            buffer[offset + 1] = (byte)TransportProtocol;
            return SdpError.None;
        }

        /// <summary>Reads and checks a whole datagram (V2GTP header of type 0x9000 and body).</summary>
        public SdpError DecodeMessage(byte[] buffer, int offset, int count)
        {
            V2gtpHeader header;
            SdpError error = SdpCodes.CheckHeader(buffer, offset, count, SdpCodes.RequestTypes, BodyLength, out header);
            return error != SdpError.None ? error : Decode(buffer, offset + V2gtpHeader.Length, (int)header.PayloadLength);
        }

        /// <summary>Writes the whole datagram (header and body, <see cref="MessageLength"/> bytes).</summary>
        public SdpError EncodeMessage(byte[] buffer, int offset)
        {
            if (offset < 0 || buffer.Length - offset < MessageLength)
            {
                return SdpError.BufferTooSmall;
            }

            V2gtpHeader.Write(buffer, offset, V2gtpPayloadType.SdpRequest, BodyLength);
            return Encode(buffer, offset + V2gtpHeader.Length);
        }
    }
}
