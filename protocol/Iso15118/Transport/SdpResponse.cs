namespace V2G.Protocol.Iso15118.Transport
{
    /// <summary>
    /// The SDP response body (payload type 0x9001, 20 bytes): the charger's IPv6 address (16 bytes), its TCP
    /// port (u16, big endian), the security and transport protocol of that port.
    /// </summary>
    public sealed class SdpResponse
    {
        /// <summary>IPv6 address length in bytes.</summary>
        public const int AddressLength = 16;

        /// <summary>Body length in bytes.</summary>
        public const int BodyLength = AddressLength + 4;

        /// <summary>Header and body, in bytes.</summary>
        public const int MessageLength = V2gtpHeader.Length + BodyLength;

        private readonly byte[] _address = new byte[AddressLength];

        /// <summary>The charger's IPv6 address, network order; filled in place (the array is never replaced).</summary>
        public byte[] Address => _address;

        /// <summary>The charger's TCP port for the V2G session.</summary>
        public ushort Port;

        /// <summary>The security of that port.</summary>
        public SdpSecurity Security;

        /// <summary>The transport protocol of that port.</summary>
        public SdpTransportProtocol TransportProtocol;

        /// <summary>Copies 16 address bytes from <paramref name="source"/> at <paramref name="offset"/>.</summary>
        public void SetAddress(byte[] source, int offset)
        {
            System.Array.Copy(source, offset, _address, 0, AddressLength);
        }

        /// <summary>Reads and checks a body of <paramref name="count"/> bytes; on an error the fields hold what was read.</summary>
        public SdpError Decode(byte[] buffer, int offset, int count)
        {
            if (count != BodyLength)
            {
                return SdpError.WrongLength;
            }

            SetAddress(buffer, offset);
            Port = (ushort)((buffer[offset + 16] << 8) | buffer[offset + 17]);
            Security = (SdpSecurity)buffer[offset + 18];
            TransportProtocol = (SdpTransportProtocol)buffer[offset + 19];
            if (Port == 0)
            {
                return SdpError.InvalidPort;
            }

            if (!SdpCodes.IsKnownSecurity(buffer[offset + 18]))
            {
                return SdpError.UnknownSecurity;
            }

            return SdpCodes.IsKnownTransport(buffer[offset + 19]) ? SdpError.None : SdpError.UnknownTransportProtocol;
        }

        /// <summary>Writes the 20-byte body; returns <see cref="SdpError.BufferTooSmall"/> if it does not fit.</summary>
        public SdpError Encode(byte[] buffer, int offset)
        {
            if (offset < 0 || buffer.Length - offset < BodyLength)
            {
                return SdpError.BufferTooSmall;
            }

            System.Array.Copy(_address, 0, buffer, offset, AddressLength);
            buffer[offset + 16] = (byte)(Port >> 8);
            buffer[offset + 17] = (byte)Port;
            buffer[offset + 18] = (byte)Security;
            buffer[offset + 19] = (byte)TransportProtocol;
            return SdpError.None;
        }

        /// <summary>Reads and checks a whole datagram (V2GTP header of type 0x9001 and body).</summary>
        public SdpError DecodeMessage(byte[] buffer, int offset, int count)
        {
            V2gtpHeader header;
            SdpError error = SdpCodes.CheckHeader(buffer, offset, count, SdpCodes.ResponseTypes, BodyLength, out header);
            return error != SdpError.None ? error : Decode(buffer, offset + V2gtpHeader.Length, (int)header.PayloadLength);
        }

        /// <summary>Writes the whole datagram (header and body, <see cref="MessageLength"/> bytes).</summary>
        public SdpError EncodeMessage(byte[] buffer, int offset)
        {
            if (offset < 0 || buffer.Length - offset < MessageLength)
            {
                return SdpError.BufferTooSmall;
            }

            V2gtpHeader.Write(buffer, offset, V2gtpPayloadType.SdpResponse, BodyLength);
            return Encode(buffer, offset + V2gtpHeader.Length);
        }
    }
}
