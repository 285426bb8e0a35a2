using V2G.Hal.Buses;

namespace V2G.Protocol.GbT.Transport
{
    /// <summary>
    /// The sending end of a J1939-21 multi-packet transfer (the BMS sends BRM, BCP, BCS, BMV, BMT, BSP
    /// this way): RTS (size, packets, max per CTS, PGN) → waits for CTS (T3; T4 after a CTS(0) hold) →
    /// sends the packets asked for at <see cref="DtSpacingMs"/> → waits for EndOfMsgAck (T3); an abort
    /// from the peer ends the transfer [digest §5, S2, S17, S18]. A transfer to the global address goes
    /// as BAM (no handshake, <see cref="BamSpacingMs"/> between packets). One transfer at a time
    /// [digest §5]. Clock-driven: <see cref="Start"/>, feed frames to <see cref="Handle"/>, call
    /// <see cref="Poll"/>, send what <see cref="TryTakeFrame"/> returns. Nothing is allocated after construction.
    /// </summary>
    public sealed class J1939TransportSender
    {
        /// <summary>No transfer open.</summary>
        public const int StateIdle = 0;

        /// <summary>RTS (or the last packet of a window) sent, waiting for CTS (T3).</summary>
        public const int StateWaitingForCts = 1;

        /// <summary>Sending the packets a CTS asked for.</summary>
        public const int StateSending = 2;

        /// <summary>Every packet sent, waiting for EndOfMsgAck (T3).</summary>
        public const int StateWaitingForAck = 3;

        /// <summary>The receiver sent CTS(0): holding until its next CTS (T4).</summary>
        public const int StateHolding = 4;

        /// <summary>Sending a BAM transfer.</summary>
        public const int StateBroadcasting = 5;

        private readonly int _localAddress;
        private readonly byte[] _payload;
        private readonly CanFrameQueue _outbox = new CanFrameQueue(8);

        private int _state = StateIdle;
        private int _destination;
        private int _pgn;
        private int _length;
        private int _packets;
        private int _nextSequence;
        private int _windowEnd;
        private long _nextDtMs;
        private long _deadlineMs;

        /// <summary>Gap between two TP.DT of one window, ms: 10, the real logs' spacing [digest §5, §6; R2 — our choice, C].</summary>
        public int DtSpacingMs = J1939Tp.DefaultDtSpacingMs;

        /// <summary>Gap between BAM packets, ms (J1939-21: 50..200) [digest §5, S18 — B].</summary>
        public int BamSpacingMs = J1939Tp.DefaultBamSpacingMs;

        /// <summary>T3, ms [digest §5, S17].</summary>
        public int T3Ms = J1939Tp.T3Ms;

        /// <summary>T4, ms [digest §5, S17].</summary>
        public int T4Ms = J1939Tp.T4Ms;

        /// <summary>RTS byte 5: packets one CTS may ask for; 0xFF = no limit, as the captures show [digest §5; R1].</summary>
        public int MaxPacketsPerCts = J1939Tp.NoLimit;

        /// <param name="localAddress">Our J1939 address (<see cref="GbtAddress.Bms"/> on the BMS).</param>
        /// <param name="maxMessageBytes">Largest message <see cref="Start"/> takes, 9..1785.</param>
        public J1939TransportSender(int localAddress, int maxMessageBytes)
        {
            if (maxMessageBytes > J1939Tp.MaxMessageLength)
            {
                maxMessageBytes = J1939Tp.MaxMessageLength;
            }

            if (maxMessageBytes < 9)
            {
                maxMessageBytes = 9;
            }

            _localAddress = localAddress & 0xFF;
            _payload = new byte[maxMessageBytes];
        }

        /// <summary>A sender for the largest GB/T message (1785 bytes).</summary>
        public J1939TransportSender(int localAddress)
            : this(localAddress, J1939Tp.MaxMessageLength)
        {
        }

        public int LocalAddress => _localAddress;

        /// <summary>One of the State* constants.</summary>
        public int State => _state;

        public bool IsBusy => _state != StateIdle;

        /// <summary>PGN of the open (or last) transfer.</summary>
        public int Pgn => _pgn;

        /// <summary>How the last transfer ended (<see cref="J1939TransportResult"/>).</summary>
        public int LastResult { get; private set; }

        /// <summary>The reason of the last abort sent or received (0 = none yet).</summary>
        public int LastAbortReason { get; private set; }

        public int CompletedCount { get; private set; }

        /// <summary>Transfers that ended without success (timeout or abort).</summary>
        public int FailedCount { get; private set; }

        public int AbortsReceived { get; private set; }

        public int TimeoutCount { get; private set; }

        /// <summary>CTS/EndOfMsgAck for our PGN that came at a moment they mean nothing (ignored).</summary>
        public int IgnoredFrameCount { get; private set; }

        public int OutboxOverflowCount { get; private set; }

        /// <summary>
        /// Starts sending <paramref name="length"/> bytes (9..max) of PGN <paramref name="pf"/>·256 to
        /// <paramref name="destination"/> (the global address = BAM). The bytes are copied. False, and
        /// nothing sent, if a transfer is open or the length is out of range.
        /// </summary>
        public bool Start(int pf, int destination, byte[] payload, int length, long nowMs)
        {
            if (_state != StateIdle || payload == null || length < 9 || length > _payload.Length || length > payload.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                _payload[i] = payload[i];
            }

            _destination = destination & 0xFF;
            _pgn = J1939Tp.PgnOf(pf);
            _length = length;
            _packets = J1939Tp.PacketsFor(length);
            _nextSequence = 1;
            if (_destination == GbtAddress.Global)
            {
                Enqueue(J1939Tp.ConnectionFrame(_localAddress, _destination, J1939Tp.ControlBam, length, length >> 8, _packets, 0xFF, _pgn));
                _windowEnd = _packets;
                _nextDtMs = nowMs + BamSpacingMs;
                _state = StateBroadcasting;
                return true;
            }

            Enqueue(J1939Tp.ConnectionFrame(_localAddress, _destination, J1939Tp.ControlRts, length, length >> 8, _packets, MaxPacketsPerCts, _pgn));
            _state = StateWaitingForCts;
            _deadlineMs = nowMs + T3Ms;
            return true;
        }

        /// <summary>Ends the open transfer with TP.Conn_Abort (<paramref name="reason"/>); BAM just stops.</summary>
        public void Abort(int reason)
        {
            if (_state == StateIdle)
            {
                return;
            }

            Fail(J1939TransportResult.AbortedByUs, reason);
        }

        /// <summary>
        /// Takes a received frame. True if it was a CTS, EndOfMsgAck or Conn_Abort from our peer for our
        /// PGN; false for anything else (RTS/BAM/TP.DT belong to a <see cref="J1939TransportReceiver"/>).
        /// </summary>
        public bool Handle(ref CanFrame frame, long nowMs)
        {
            if (!frame.IsExtended || GbtCanId.PfOf(frame.Id) != GbtPf.TpCm || frame.Length < 8)
            {
                return false;
            }

            if (GbtCanId.DestinationOf(frame.Id) != _localAddress || _state == StateIdle || _state == StateBroadcasting
                || GbtCanId.SourceOf(frame.Id) != _destination || J1939Tp.PgnOf(ref frame) != _pgn)
            {
                return false;
            }

            int control = frame.GetByte(0);
            switch (control)
            {
                case J1939Tp.ControlCts:
                    HandleCts(frame.GetByte(1), frame.GetByte(2), nowMs);
                    return true;
                case J1939Tp.ControlEndOfMsgAck:
                    if (_state == StateWaitingForAck)
                    {
                        _state = StateIdle;
                        LastResult = J1939TransportResult.Completed;
                        CompletedCount++;
                    }
                    else
                    {
                        IgnoredFrameCount++;
                    }

                    return true;
                case J1939Tp.ControlAbort:
                    AbortsReceived++;
                    LastAbortReason = frame.GetByte(1);
                    LastResult = J1939TransportResult.AbortedByPeer;
                    FailedCount++;
                    _state = StateIdle;
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Sends the packets that are due and runs T3/T4 (a timeout sends Conn_Abort reason 3).</summary>
        public void Poll(long nowMs)
        {
            if (_state == StateSending || _state == StateBroadcasting)
            {
                int spacing = _state == StateBroadcasting ? BamSpacingMs : DtSpacingMs;
                while (_nextSequence <= _windowEnd && nowMs - _nextDtMs >= 0 && !_outbox.IsFull)
                {
                    Enqueue(J1939Tp.DataFrame(_localAddress, _destination, _nextSequence, _payload, _length));
                    _nextSequence++;
                    if (spacing > 0)
                    {
                        _nextDtMs = nowMs + spacing;
                        break;
                    }
                }

                if (_nextSequence > _windowEnd)
                {
                    if (_state == StateBroadcasting)
                    {
                        _state = StateIdle;
                        LastResult = J1939TransportResult.Completed;
                        CompletedCount++;
                    }
                    else
                    {
                        _state = _windowEnd == _packets ? StateWaitingForAck : StateWaitingForCts;
                        _deadlineMs = nowMs + T3Ms;
                    }
                }

                return;
            }

            if (_state != StateIdle && nowMs - _deadlineMs >= 0)
            {
                TimeoutCount++;
                Fail(J1939TransportResult.TimedOut, J1939AbortReason.Timeout);
            }
        }

        /// <summary>The next frame to put on the bus (RTS/BAM, TP.DT, Conn_Abort); false when none.</summary>
        public bool TryTakeFrame(out CanFrame frame)
        {
            return _outbox.TryTake(out frame);
        }

        /// <summary>Drops the open transfer and the frames not yet taken, without sending anything (counters stay).</summary>
        public void Reset()
        {
            _state = StateIdle;
            _outbox.Clear();
        }

        private void HandleCts(int count, int next, long nowMs)
        {
            if (_state == StateSending)
            {
                // J1939-21: a CTS while packets of the previous window are still going out is an error.
                Fail(J1939TransportResult.AbortedByUs, J1939AbortReason.CtsWhileTransferring);
                return;
            }

            if (count == 0)
            {
                _state = StateHolding;
                _deadlineMs = nowMs + T4Ms;
                return;
            }

            int allowed = MaxPacketsPerCts == J1939Tp.NoLimit || MaxPacketsPerCts < 1 ? J1939Tp.MaxPackets : MaxPacketsPerCts;
            if (next < 1 || next > _packets || count > allowed)
            {
                Fail(J1939TransportResult.AbortedByUs, J1939AbortReason.Other);
                return;
            }

            // A receiver may ask again for packets it already had (J1939-21 retransmission): next restarts there.
            _nextSequence = next;
            _windowEnd = next + count - 1;
            if (_windowEnd > _packets)
            {
                _windowEnd = _packets;
            }

            _nextDtMs = nowMs;
            _state = StateSending;
        }

        private void Fail(int result, int reason)
        {
            if (_state != StateBroadcasting)
            {
                Enqueue(J1939Tp.Abort(_localAddress, _destination, reason, _pgn));
            }

            LastAbortReason = reason;
            LastResult = result;
            FailedCount++;
            _state = StateIdle;
        }

        private void Enqueue(CanFrame frame)
        {
            if (!_outbox.Add(frame))
            {
                OutboxOverflowCount++;
            }
        }
    }
}
