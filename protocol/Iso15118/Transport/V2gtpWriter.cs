using V2G.Hal.Comms;

namespace V2G.Protocol.Iso15118.Transport
{
    /// <summary>
    /// Writes V2GTP messages to a byte stream in one write each (header and payload together, so a TCP
    /// peer sees them in as few segments as possible). The buffer is allocated once: an encoder can put
    /// its payload straight into <see cref="Buffer"/> at <see cref="PayloadOffset"/> and call <see cref="Send"/>.
    /// </summary>
    public sealed class V2gtpWriter
    {
        private readonly IByteStream _stream;
        private readonly int _maxPayloadLength;
        private readonly byte[] _buffer;

        /// <summary>A writer to <paramref name="stream"/> of payloads up to <paramref name="maxPayloadLength"/> bytes.</summary>
        public V2gtpWriter(IByteStream stream, int maxPayloadLength)
        {
            if (stream == null)
            {
                throw new System.ArgumentNullException("stream");
            }

            if (maxPayloadLength < 0)
            {
                throw new System.ArgumentOutOfRangeException("maxPayloadLength");
            }

            _stream = stream;
            _maxPayloadLength = maxPayloadLength;
            _buffer = new byte[V2gtpHeader.Length + maxPayloadLength];
        }

        /// <summary>The largest payload written, in bytes.</summary>
        public int MaxPayloadLength => _maxPayloadLength;

        /// <summary>The message buffer; an encoder writes the payload at <see cref="PayloadOffset"/>.</summary>
        public byte[] Buffer => _buffer;

        /// <summary>Where the payload starts in <see cref="Buffer"/>.</summary>
        public int PayloadOffset => V2gtpHeader.Length;

        /// <summary>Copies the payload behind a header and writes the message.</summary>
        public V2gtpError Write(ushort payloadType, byte[] payload, int offset, int count)
        {
            if (count < 0 || count > _maxPayloadLength)
            {
                return V2gtpError.PayloadTooLong;
            }

            if (count > 0)
            {
                System.Array.Copy(payload, offset, _buffer, V2gtpHeader.Length, count);
            }

            return Send(payloadType, count);
        }

        /// <summary>Writes the header and the <paramref name="payloadLength"/> bytes already at <see cref="PayloadOffset"/>.</summary>
        public V2gtpError Send(ushort payloadType, int payloadLength)
        {
            if (payloadLength < 0 || payloadLength > _maxPayloadLength)
            {
                return V2gtpError.PayloadTooLong;
            }

            if (!V2gtpPayloadType.IsDefined(payloadType))
            {
                return V2gtpError.UnknownPayloadType;
            }

            V2gtpHeader.Write(_buffer, 0, payloadType, (uint)payloadLength);
            return _stream.Write(_buffer, 0, V2gtpHeader.Length + payloadLength) ? V2gtpError.None : V2gtpError.StreamClosed;
        }
    }
}
