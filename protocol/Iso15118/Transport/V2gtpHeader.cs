namespace V2G.Protocol.Iso15118.Transport
{
    /// <summary>
    /// The 8-byte V2GTP header in front of every ISO 15118 message, on TCP and on UDP (SDP):
    /// protocol version 0x01, its inverse 0xFE, payload type (u16, big endian), payload length in bytes
    /// (u32, big endian, the header not counted).
    /// </summary>
    public struct V2gtpHeader
    {
        /// <summary>Header length in bytes.</summary>
        public const int Length = 8;

        /// <summary>The only protocol version (byte 0).</summary>
        public const byte ProtocolVersion = 0x01;

        /// <summary>The protocol version, bits inverted (byte 1).</summary>
        public const byte InverseProtocolVersion = 0xFE;

        /// <summary>What the payload is (<see cref="V2gtpPayloadType"/>).</summary>
        public ushort PayloadType;

        /// <summary>Payload length in bytes as the header states it (up to 4 GiB: never allocate by it unchecked).</summary>
        public uint PayloadLength;

        /// <summary>A header for a payload of <paramref name="payloadLength"/> bytes.</summary>
        public V2gtpHeader(ushort payloadType, uint payloadLength)
        {
            PayloadType = payloadType;
            PayloadLength = payloadLength;
        }

        /// <summary>Writes the 8 header bytes at <paramref name="offset"/>.</summary>
        public static void Write(byte[] buffer, int offset, ushort payloadType, uint payloadLength)
        {
            buffer[offset] = ProtocolVersion;
            buffer[offset + 1] = InverseProtocolVersion;
            buffer[offset + 2] = (byte)(payloadType >> 8);
            buffer[offset + 3] = (byte)payloadType;
            buffer[offset + 4] = (byte)(payloadLength >> 24);
            buffer[offset + 5] = (byte)(payloadLength >> 16);
            buffer[offset + 6] = (byte)(payloadLength >> 8);
            buffer[offset + 7] = (byte)payloadLength;
        }

        /// <summary>Writes this header at <paramref name="offset"/>.</summary>
        public void WriteTo(byte[] buffer, int offset)
        {
            Write(buffer, offset, PayloadType, PayloadLength);
        }

        /// <summary>
        /// Reads and checks the 8 header bytes at <paramref name="offset"/>: version, inverse version,
        /// payload type against <paramref name="acceptedPayloadTypes"/>, payload length against
        /// <paramref name="maxPayloadLength"/>. The header's fields are filled even when the result is an error.
        /// </summary>
        public static V2gtpError Parse(byte[] buffer, int offset, ushort[] acceptedPayloadTypes, int maxPayloadLength, out V2gtpHeader header)
        {
            header.PayloadType = (ushort)((buffer[offset + 2] << 8) | buffer[offset + 3]);
            header.PayloadLength = ((uint)buffer[offset + 4] << 24)
                | ((uint)buffer[offset + 5] << 16)
                | ((uint)buffer[offset + 6] << 8)
                | buffer[offset + 7];

            if (buffer[offset] != ProtocolVersion)
            {
                return V2gtpError.WrongProtocolVersion;
            }

            if (buffer[offset + 1] != InverseProtocolVersion)
            {
                return V2gtpError.WrongInverseProtocolVersion;
            }

            if (!V2gtpPayloadType.IsIn(header.PayloadType, acceptedPayloadTypes))
            {
                return V2gtpError.UnknownPayloadType;
            }

            // Compared as unsigned: a length of 0x80000000 or more would be negative as an int.
            if (maxPayloadLength < 0 || header.PayloadLength > (uint)maxPayloadLength)
            {
                return V2gtpError.PayloadTooLong;
            }

            return V2gtpError.None;
        }

        /// <summary>
        /// Checks a whole datagram (SDP over UDP): a valid header and exactly the stated payload after it.
        /// </summary>
        public static V2gtpError ParseDatagram(byte[] buffer, int offset, int count, ushort[] acceptedPayloadTypes, int maxPayloadLength, out V2gtpHeader header)
        {
            if (count < Length)
            {
                header.PayloadType = 0;
                header.PayloadLength = 0;
                return V2gtpError.WrongPayloadLength;
            }

            V2gtpError error = Parse(buffer, offset, acceptedPayloadTypes, maxPayloadLength, out header);
            if (error != V2gtpError.None)
            {
                return error;
            }

            return header.PayloadLength == (uint)(count - Length) ? V2gtpError.None : V2gtpError.WrongPayloadLength;
        }
    }
}
