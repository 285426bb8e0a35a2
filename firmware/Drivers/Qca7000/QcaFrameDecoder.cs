namespace V2G.Firmware.Drivers.Qca7000
{
    /// <summary>
    /// The receive byte-state machine for what an external read of the QCA7000 returns (digest §3.6),
    /// after Linux <c>qcafrm_fsm_decode</c> [V:L3], fed one byte at a time:
    /// <code>
    /// LEN (4 bytes, big-endian, upper two 00) · AA AA AA AA · FL (2 bytes, LE) · 2 reserved · FL bytes · 55 55
    /// </code>
    /// One read may hold several frames; the state carries over from one read to the next.
    /// <para>
    /// Unlike Linux, the header is searched for with a sliding 8-byte window (<c>00 00 ?? ?? AA AA AA AA</c>)
    /// rather than by position: open-plc-utils says LEN is a multiple of 4 so "there may be a few trailing
    /// NUL bytes" [V:Q3], which a positional parser would take for the next LEN and lose the frame after them.
    /// So the decoder trusts FL and EOF [U], does not check LEN against FL (working code disagrees on
    /// it [V:C1 vs Q3]), skips zero bytes between frames silently, and after any error starts over with
    /// the next byte. Errors are counted as Linux names them: NOHEAD (non-zero bytes that are no header;
    /// one count per run of them), INVLEN (FL below 60 or above 1518), NOTAIL (no <c>55 55</c> after FL bytes).
    /// </para>
    /// Nothing is allocated after construction.
    /// </summary>
    public sealed class QcaFrameDecoder
    {
        // The header as the window sees it, oldest byte in the top bits: 00 00 LEN_hi LEN_lo AA AA AA AA.
        private const ulong HeaderMask = 0xFFFF0000FFFFFFFFUL;
        private const ulong HeaderPattern = 0x00000000AAAAAAAAUL;
        private const int HeaderLengthBytes = 8;

        private const int StateSeeking = 0;
        private const int StateLengthLow = 1;
        private const int StateLengthHigh = 2;
        private const int StateReserved1 = 3;
        private const int StateReserved2 = 4;
        private const int StateCopying = 5;
        private const int StateEndOfFrame1 = 6;
        private const int StateEndOfFrame2 = 7;

        private readonly byte[] _frame = new byte[QcaFrameEncoder.MaxFrameLengthBytes];

        private int _state;
        private ulong _window;
        private int _windowBytes;
        private bool _inGarbage;
        private int _frameLength;
        private int _copied;

        /// <summary>The decoded frame (Ethernet, without FCS); valid after <see cref="Push"/> returned true, until the next call.</summary>
        public byte[] FrameBuffer => _frame;

        /// <summary>Length of the frame in <see cref="FrameBuffer"/>, bytes (FL, including any padding the sender added).</summary>
        public int FrameLengthBytes { get; private set; }

        /// <summary>True once a header has been accepted and until its frame is complete or rejected.</summary>
        public bool IsInFrame => _state != StateSeeking;

        /// <summary>The LEN field of the last accepted header (informational: not checked), bytes.</summary>
        public int LastLengthFieldBytes { get; private set; }

        /// <summary>Runs of non-zero bytes that were not a header (Linux QCAFRM_NOHEAD).</summary>
        public int NoHeadErrors { get; private set; }

        /// <summary>Frames whose FL was below 60 or above 1518 bytes (Linux QCAFRM_INVLEN).</summary>
        public int InvalidLengthErrors { get; private set; }

        /// <summary>Frames not followed by <c>55 55</c> (Linux QCAFRM_NOTAIL).</summary>
        public int NoTailErrors { get; private set; }

        /// <summary>Frames decoded.</summary>
        public int FramesDecoded { get; private set; }

        /// <summary>
        /// Forgets any partial header or frame (the chip restarted: what was half received will not be completed).
        /// Error counters are kept.
        /// </summary>
        public void Reset()
        {
            _state = StateSeeking;
            _window = 0;
            _windowBytes = 0;
            _inGarbage = false;
        }

        /// <summary>Feeds one received byte; true when it completed a frame (<see cref="FrameBuffer"/>, <see cref="FrameLengthBytes"/>).</summary>
        public bool Push(byte value)
        {
            switch (_state)
            {
                case StateSeeking:
                    Seek(value);
                    return false;

                case StateLengthLow:
                    _frameLength = value;
                    _state = StateLengthHigh;
                    return false;

                case StateLengthHigh:
                    _frameLength |= value << 8;
                    _state = StateReserved1;
                    return false;

                case StateReserved1:
                    _state = StateReserved2;
                    return false;

                case StateReserved2:
                    // Linux checks FL only against the minimum and its buffer [V:L3]; our buffer is the maximum frame.
                    if (_frameLength < QcaFrameEncoder.MinFrameLengthBytes || _frameLength > QcaFrameEncoder.MaxFrameLengthBytes)
                    {
                        InvalidLengthErrors++;
                        Reset();
                        return false;
                    }

                    _copied = 0;
                    _state = StateCopying;
                    return false;

                case StateCopying:
                    _frame[_copied++] = value;
                    if (_copied == _frameLength)
                    {
                        _state = StateEndOfFrame1;
                    }

                    return false;

                case StateEndOfFrame1:
                    if (value != QcaFrameEncoder.EndOfFrameByte)
                    {
                        return FailTail(value);
                    }

                    _state = StateEndOfFrame2;
                    return false;

                default:
                    if (value != QcaFrameEncoder.EndOfFrameByte)
                    {
                        return FailTail(value);
                    }

                    FrameLengthBytes = _frameLength;
                    FramesDecoded++;
                    Reset();
                    return true;
            }
        }

        private bool FailTail(byte value)
        {
            NoTailErrors++;
            Reset();

            // The byte that broke the tail may open the next frame's LEN: look at it again as a header byte.
            Seek(value);
            return false;
        }

        private void Seek(byte value)
        {
            if (_windowBytes == HeaderLengthBytes)
            {
                // The oldest byte leaves the window without having been part of a header.
                if ((byte)(_window >> 56) != 0 && !_inGarbage)
                {
                    _inGarbage = true;
                    NoHeadErrors++;
                }
            }
            else
            {
                _windowBytes++;
            }

            _window = (_window << 8) | value;
            if (_windowBytes == HeaderLengthBytes && (_window & HeaderMask) == HeaderPattern)
            {
                LastLengthFieldBytes = (int)((_window >> 32) & 0xFFFF);
                _window = 0;
                _windowBytes = 0;
                _inGarbage = false;
                _state = StateLengthLow;
            }
        }
    }
}
