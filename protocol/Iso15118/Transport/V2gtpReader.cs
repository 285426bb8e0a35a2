using V2G.Hal.Comms;

namespace V2G.Protocol.Iso15118.Transport
{
    /// <summary>
    /// Assembles whole V2GTP messages from a non-blocking byte stream. Headers and payloads may arrive in
    /// any number of pieces; each <see cref="Poll"/> takes what waits and says whether a message is complete.
    /// The buffer is allocated once (header plus the maximum payload), so a header that claims a huge length
    /// is refused before anything of that size exists, and reading a message allocates nothing.
    /// Reads never go past the current message: the next one stays in the stream.
    /// </summary>
    public sealed class V2gtpReader
    {
        private readonly IByteStream _stream;
        private readonly ushort[] _acceptedPayloadTypes;
        private readonly int _maxPayloadLength;
        private readonly byte[] _buffer;
        private int _received;
        private int _payloadLength;
        private ushort _payloadType;
        private bool _headerDone;
        private bool _messageReady;
        private V2gtpError _error;

        /// <summary>
        /// A reader of <paramref name="stream"/> that accepts the payload types in
        /// <paramref name="acceptedPayloadTypes"/> (e.g. <see cref="V2gtpPayloadType.SessionTypes"/>) with at most
        /// <paramref name="maxPayloadLength"/> bytes of payload.
        /// </summary>
        public V2gtpReader(IByteStream stream, ushort[] acceptedPayloadTypes, int maxPayloadLength)
        {
            if (stream == null)
            {
                throw new System.ArgumentNullException("stream");
            }

            if (acceptedPayloadTypes == null)
            {
                throw new System.ArgumentNullException("acceptedPayloadTypes");
            }

            if (maxPayloadLength < 0)
            {
                throw new System.ArgumentOutOfRangeException("maxPayloadLength");
            }

            _stream = stream;
            _acceptedPayloadTypes = acceptedPayloadTypes;
            _maxPayloadLength = maxPayloadLength;
            _buffer = new byte[V2gtpHeader.Length + maxPayloadLength];
        }

        /// <summary>The largest payload accepted, in bytes.</summary>
        public int MaxPayloadLength => _maxPayloadLength;

        /// <summary>The message buffer: the header at 0, the payload at <see cref="PayloadOffset"/>. Valid after <see cref="V2gtpReadStatus.Message"/> until the next Poll.</summary>
        public byte[] Buffer => _buffer;

        /// <summary>Where the payload starts in <see cref="Buffer"/>.</summary>
        public int PayloadOffset => V2gtpHeader.Length;

        /// <summary>The payload type of the current (or refused) message.</summary>
        public ushort PayloadType => _payloadType;

        /// <summary>The payload length of the current message, in bytes.</summary>
        public int PayloadLength => _payloadLength;

        /// <summary>Why the reader stopped (<see cref="V2gtpError.None"/> while it works).</summary>
        public V2gtpError Error => _error;

        /// <summary>
        /// Takes what waits in the stream. Returns <see cref="V2gtpReadStatus.Message"/> once per whole message;
        /// after <see cref="V2gtpReadStatus.Error"/> or <see cref="V2gtpReadStatus.Closed"/> it keeps returning
        /// that, since the stream has lost its framing.
        /// </summary>
        public V2gtpReadStatus Poll()
        {
            if (_error == V2gtpError.StreamClosed)
            {
                return V2gtpReadStatus.Closed;
            }

            if (_error != V2gtpError.None)
            {
                return V2gtpReadStatus.Error;
            }

            if (_messageReady)
            {
                _messageReady = false;
                _headerDone = false;
                _received = 0;
                _payloadLength = 0;
            }

            while (true)
            {
                int wanted = _headerDone ? V2gtpHeader.Length + _payloadLength - _received : V2gtpHeader.Length - _received;
                if (wanted == 0)
                {
                    // A header with a zero length payload is a whole message.
                    _messageReady = true;
                    return V2gtpReadStatus.Message;
                }

                int read = _stream.Read(_buffer, _received, wanted);
                if (read <= 0)
                {
                    if (_stream.IsOpen)
                    {
                        return V2gtpReadStatus.Waiting;
                    }

                    _error = V2gtpError.StreamClosed;
                    return V2gtpReadStatus.Closed;
                }

                _received += read;
                if (!_headerDone && _received == V2gtpHeader.Length)
                {
                    V2gtpHeader header;
                    V2gtpError error = V2gtpHeader.Parse(_buffer, 0, _acceptedPayloadTypes, _maxPayloadLength, out header);
                    _payloadType = header.PayloadType;
                    if (error != V2gtpError.None)
                    {
                        _error = error;
                        return V2gtpReadStatus.Error;
                    }

                    _payloadLength = (int)header.PayloadLength;
                    _headerDone = true;
                }
            }
        }

        /// <summary>Forgets any partial message and error, e.g. for a new connection on the same stream object.</summary>
        public void Reset()
        {
            _received = 0;
            _payloadLength = 0;
            _payloadType = 0;
            _headerDone = false;
            _messageReady = false;
            _error = V2gtpError.None;
        }
    }
}
