using V2G.Hal.Buses;

namespace V2G.Protocol.GbT.Transport
{
    /// <summary>
    /// The receiving end of J1939-21 multi-packet transfers addressed to one node (the charger receives
    /// BRM, BCP, BCS, BMV, BMT, BSP this way). On TP.CM_RTS it answers CTS for every packet (or the RTS's
    /// or <see cref="MaxPacketsPerCts"/>'s limit), collects TP.DT in order, answers EndOfMsgAck and offers
    /// the message; T1/T2 supervise the sender and a timeout, a wrong sequence, an oversize or a second
    /// RTS while busy are answered with TP.Conn_Abort [digest §5, S2, S17, S18]. BAM transfers are
    /// decoded too, without answers. One RTS/CTS session at a time, as GB/T allows one per direction
    /// [digest §5]. Clock-driven: feed frames to <see cref="Handle"/>, call <see cref="Poll"/>, send what
    /// <see cref="TryTakeFrame"/> returns. Nothing is allocated after construction.
    /// </summary>
    public sealed class J1939TransportReceiver
    {
        private const int Idle = 0;
        private const int Receiving = 1;

        private readonly int _localAddress;
        private readonly byte[] _assembly;
        private readonly byte[] _bamAssembly;
        private readonly byte[] _message;
        private readonly CanFrameQueue _outbox = new CanFrameQueue(4);

        private int _state = Idle;
        private int _source;
        private int _pgn;
        private int _size;
        private int _packets;
        private int _senderMaxPerCts;
        private int _nextSequence;
        private int _windowEnd;
        private long _deadlineMs;

        private bool _bamActive;
        private int _bamSource;
        private int _bamPgn;
        private int _bamSize;
        private int _bamPackets;
        private int _bamNext;
        private long _bamDeadlineMs;

        /// <summary>T1 (gap between TP.DT), ms; J1939-21's 750 by default [digest §5, S17].</summary>
        public int T1Ms = J1939Tp.T1Ms;

        /// <summary>T2 (CTS to first TP.DT), ms; J1939-21's 1250 by default [digest §5, S17].</summary>
        public int T2Ms = J1939Tp.T2Ms;

        /// <summary>
        /// Our own limit on the packets one CTS allows (1..255). 255 = all at once, as the real chargers do
        /// [digest §5; R2].
        /// </summary>
        public int MaxPacketsPerCts = J1939Tp.MaxPackets;

        /// <summary>
        /// What a second RTS from the same sender for the same PGN does while a session is open: true =
        /// drop the old session silently and start the new one (J1939-21's rule for a repeated RTS, not in
        /// the digest; a BMS whose CTS got lost repeats its RTS), false = abort the new one with
        /// <see cref="J1939AbortReason.AlreadyInSession"/>. An RTS for another PGN is always refused so.
        /// </summary>
        public bool RestartOnRepeatedRts = true;

        /// <param name="localAddress">Our J1939 address (<see cref="GbtAddress.Charger"/> on the charger).</param>
        /// <param name="maxMessageBytes">Largest message accepted, 9..1785; larger RTSs are aborted with <see cref="J1939AbortReason.ResourcesNeeded"/>.</param>
        public J1939TransportReceiver(int localAddress, int maxMessageBytes)
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
            _assembly = new byte[maxMessageBytes];
            _bamAssembly = new byte[maxMessageBytes];
            _message = new byte[maxMessageBytes];
        }

        /// <summary>A receiver for the largest GB/T message (1785 bytes).</summary>
        public J1939TransportReceiver(int localAddress)
            : this(localAddress, J1939Tp.MaxMessageLength)
        {
        }

        public int LocalAddress => _localAddress;

        public int MaxMessageBytes => _assembly.Length;

        /// <summary>True while an RTS/CTS session is open.</summary>
        public bool IsBusy => _state != Idle;

        /// <summary>True while a BAM transfer is being collected.</summary>
        public bool IsReceivingBroadcast => _bamActive;

        /// <summary>True when a completed message waits in <see cref="MessagePayload"/> (cleared by <see cref="TryTakeMessage"/>).</summary>
        public bool HasMessage { get; private set; }

        /// <summary>The last completed message's bytes; valid until the next message completes.</summary>
        public byte[] MessagePayload => _message;

        public int MessageLength { get; private set; }

        public int MessagePgn { get; private set; }

        public int MessagePf => J1939Tp.PfOfPgn(MessagePgn);

        public int MessageSource { get; private set; }

        /// <summary>True if the last message came by BAM (to the global address).</summary>
        public bool MessageWasBroadcast { get; private set; }

        /// <summary>RTS/CTS sessions completed (EndOfMsgAck sent).</summary>
        public int CompletedCount { get; private set; }

        /// <summary>BAM transfers completed.</summary>
        public int BroadcastCompletedCount { get; private set; }

        /// <summary>TP.Conn_Abort frames we sent.</summary>
        public int AbortsSent { get; private set; }

        /// <summary>TP.Conn_Abort frames the sender sent for our session.</summary>
        public int AbortsReceived { get; private set; }

        /// <summary>Sessions (or BAM transfers) ended by T1/T2.</summary>
        public int TimeoutCount { get; private set; }

        /// <summary>TP.DT out of order (session aborted, or BAM dropped).</summary>
        public int SequenceErrorCount { get; private set; }

        /// <summary>TP.DT repeating a packet already received (ignored).</summary>
        public int DuplicatePacketCount { get; private set; }

        /// <summary>Old sessions dropped for a repeated RTS (<see cref="RestartOnRepeatedRts"/>).</summary>
        public int RestartCount { get; private set; }

        /// <summary>Completed messages overwritten before <see cref="TryTakeMessage"/> took them.</summary>
        public int OverwrittenCount { get; private set; }

        /// <summary>TP frames for us that fit no session (a stray TP.DT, a short TP.CM, ...).</summary>
        public int IgnoredFrameCount { get; private set; }

        /// <summary>Frames to send that did not fit the outbox (the caller did not drain it).</summary>
        public int OutboxOverflowCount { get; private set; }

        /// <summary>The reason of the last abort sent or received (0 = none yet).</summary>
        public int LastAbortReason { get; private set; }

        /// <summary>Closes every session and forgets the pending message and frames (counters stay).</summary>
        public void Reset()
        {
            _state = Idle;
            _bamActive = false;
            HasMessage = false;
            _outbox.Clear();
        }

        /// <summary>
        /// Takes a received frame. True if it was a TP frame for this receiver (RTS, BAM, TP.DT to us or to
        /// the global address, an abort of our session); false for anything else, CTS/EndOfMsgAck included
        /// (those belong to a <see cref="J1939TransportSender"/>).
        /// </summary>
        public bool Handle(ref CanFrame frame, long nowMs)
        {
            if (!J1939Tp.IsTransportFrame(ref frame))
            {
                return false;
            }

            int destination = GbtCanId.DestinationOf(frame.Id);
            int source = GbtCanId.SourceOf(frame.Id);
            bool toUs = destination == _localAddress;
            bool toAll = destination == GbtAddress.Global;
            if (!toUs && !toAll)
            {
                return false;
            }

            if (GbtCanId.PfOf(frame.Id) == GbtPf.TpDt)
            {
                return HandleData(ref frame, source, toUs, nowMs);
            }

            if (frame.Length < 8)
            {
                IgnoredFrameCount++;
                return true;
            }

            int control = frame.GetByte(0);
            int pgn = J1939Tp.PgnOf(ref frame);
            if (control == J1939Tp.ControlRts && toUs)
            {
                HandleRts(ref frame, source, pgn, nowMs);
                return true;
            }

            if (control == J1939Tp.ControlBam && toAll)
            {
                HandleBam(ref frame, source, pgn, nowMs);
                return true;
            }

            if (control == J1939Tp.ControlAbort && toUs && _state != Idle && source == _source && pgn == _pgn)
            {
                AbortsReceived++;
                LastAbortReason = frame.GetByte(1);
                _state = Idle;
                return true;
            }

            return false;
        }

        /// <summary>Runs the timers: a session silent past T1/T2 is aborted (reason 3), a BAM transfer past T1 dropped.</summary>
        public void Poll(long nowMs)
        {
            if (_state != Idle && nowMs - _deadlineMs >= 0)
            {
                TimeoutCount++;
                SendAbort(J1939AbortReason.Timeout);
            }

            if (_bamActive && nowMs - _bamDeadlineMs >= 0)
            {
                TimeoutCount++;
                _bamActive = false;
            }
        }

        /// <summary>The next frame to put on the bus (CTS, EndOfMsgAck, Conn_Abort); false when none.</summary>
        public bool TryTakeFrame(out CanFrame frame)
        {
            return _outbox.TryTake(out frame);
        }

        /// <summary>
        /// Hands over the completed message once: its PF and length; the bytes are in
        /// <see cref="MessagePayload"/> until the next message completes.
        /// </summary>
        public bool TryTakeMessage(out int pf, out int length)
        {
            if (!HasMessage)
            {
                pf = 0;
                length = 0;
                return false;
            }

            HasMessage = false;
            pf = MessagePf;
            length = MessageLength;
            return true;
        }

        private void HandleRts(ref CanFrame frame, int source, int pgn, long nowMs)
        {
            int size = frame.GetByte(1) | (frame.GetByte(2) << 8);
            int packets = frame.GetByte(3);
            int maxPerCts = frame.GetByte(4);

            if (_state != Idle)
            {
                if (source == _source && pgn == _pgn && RestartOnRepeatedRts)
                {
                    RestartCount++;
                    _state = Idle;
                }
                else
                {
                    // Refuse the newcomer and keep the open session: its abort names the new PGN, so the
                    // session in progress is not disturbed.
                    Enqueue(J1939Tp.Abort(_localAddress, source, J1939AbortReason.AlreadyInSession, pgn));
                    AbortsSent++;
                    LastAbortReason = J1939AbortReason.AlreadyInSession;
                    return;
                }
            }

            int reason = 0;
            if (size > J1939Tp.MaxMessageLength)
            {
                reason = J1939AbortReason.MessageTooLarge;
            }
            else if (size > _assembly.Length)
            {
                reason = J1939AbortReason.ResourcesNeeded;
            }
            else if (size == 0 || packets == 0 || packets != J1939Tp.PacketsFor(size))
            {
                reason = J1939AbortReason.Other;
            }

            if (reason != 0)
            {
                Enqueue(J1939Tp.Abort(_localAddress, source, reason, pgn));
                AbortsSent++;
                LastAbortReason = reason;
                return;
            }

            _state = Receiving;
            _source = source;
            _pgn = pgn;
            _size = size;
            _packets = packets;
            _senderMaxPerCts = maxPerCts == 0 ? J1939Tp.NoLimit : maxPerCts;
            _nextSequence = 1;
            SendCts(nowMs);
        }

        private void HandleBam(ref CanFrame frame, int source, int pgn, long nowMs)
        {
            int size = frame.GetByte(1) | (frame.GetByte(2) << 8);
            int packets = frame.GetByte(3);
            if (size == 0 || size > _bamAssembly.Length || packets != J1939Tp.PacketsFor(size))
            {
                // BAM has no answer: a transfer we cannot take is simply not collected.
                IgnoredFrameCount++;
                _bamActive = false;
                return;
            }

            _bamActive = true;
            _bamSource = source;
            _bamPgn = pgn;
            _bamSize = size;
            _bamPackets = packets;
            _bamNext = 1;
            _bamDeadlineMs = nowMs + T1Ms;
        }

        private bool HandleData(ref CanFrame frame, int source, bool toUs, long nowMs)
        {
            int sequence = frame.Length > 0 ? frame.GetByte(0) : 0;
            if (toUs)
            {
                if (_state == Idle || source != _source)
                {
                    IgnoredFrameCount++;
                    return true;
                }

                if (sequence >= 1 && sequence < _nextSequence)
                {
                    // A repeat of a packet already stored changes nothing; it does not restart T1 either.
                    DuplicatePacketCount++;
                    return true;
                }

                if (sequence != _nextSequence)
                {
                    SequenceErrorCount++;
                    SendAbort(J1939AbortReason.BadSequence);
                    return true;
                }

                Store(_assembly, _size, ref frame, sequence);
                _nextSequence++;
                _deadlineMs = nowMs + T1Ms;
                if (sequence == _packets)
                {
                    Enqueue(J1939Tp.EndOfMsgAck(_localAddress, _source, _size, _packets, _pgn));
                    _state = Idle;
                    CompletedCount++;
                    Deliver(_assembly, _size, _pgn, _source, false);
                }
                else if (sequence == _windowEnd)
                {
                    SendCts(nowMs);
                }

                return true;
            }

            if (!_bamActive || source != _bamSource)
            {
                IgnoredFrameCount++;
                return true;
            }

            if (sequence != _bamNext)
            {
                SequenceErrorCount++;
                _bamActive = false;
                return true;
            }

            Store(_bamAssembly, _bamSize, ref frame, sequence);
            _bamNext++;
            _bamDeadlineMs = nowMs + T1Ms;
            if (sequence == _bamPackets)
            {
                _bamActive = false;
                BroadcastCompletedCount++;
                Deliver(_bamAssembly, _bamSize, _bamPgn, _bamSource, true);
            }

            return true;
        }

        private void SendCts(long nowMs)
        {
            int remaining = _packets - _nextSequence + 1;
            int count = remaining;
            if (_senderMaxPerCts != J1939Tp.NoLimit && count > _senderMaxPerCts)
            {
                count = _senderMaxPerCts;
            }

            int own = MaxPacketsPerCts < 1 ? 1 : MaxPacketsPerCts;
            if (count > own)
            {
                count = own;
            }

            _windowEnd = _nextSequence + count - 1;
            Enqueue(J1939Tp.Cts(_localAddress, _source, count, _nextSequence, _pgn));
            _deadlineMs = nowMs + T2Ms;
        }

        private void SendAbort(int reason)
        {
            Enqueue(J1939Tp.Abort(_localAddress, _source, reason, _pgn));
            AbortsSent++;
            LastAbortReason = reason;
            _state = Idle;
        }

        private static void Store(byte[] target, int size, ref CanFrame frame, int sequence)
        {
            int offset = (sequence - 1) * J1939Tp.BytesPerPacket;
            for (int i = 0; i < J1939Tp.BytesPerPacket; i++)
            {
                int index = offset + i;
                if (index < size)
                {
                    // A short TP.DT (DLC below 8, not J1939-conformant) leaves its missing bytes as fill.
                    target[index] = i + 1 < frame.Length ? frame.GetByte(i + 1) : GbtBytes.FillByte;
                }
            }
        }

        private void Deliver(byte[] source, int size, int pgn, int from, bool broadcast)
        {
            if (HasMessage)
            {
                OverwrittenCount++;
            }

            for (int i = 0; i < size; i++)
            {
                _message[i] = source[i];
            }

            MessageLength = size;
            MessagePgn = pgn;
            MessageSource = from;
            MessageWasBroadcast = broadcast;
            HasMessage = true;
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
