using V2G.Hal.Buses;
using V2G.Hal.Comms;

namespace V2G.Protocol.Can
{
    /// <summary>
    /// A CAN port over a USB-CAN adapter that speaks the Lawicel / slcan ASCII protocol
    /// (<see cref="SlcanCommands"/>), as a host talks to it over a serial line or a USB CDC port.
    /// <para>
    /// <see cref="Open"/> starts the sequence "C" (close a channel an earlier run left open; BELL or no
    /// reply is fine), "Sn" (the bit rate), optionally "Z1" (timestamps), "O"; each command is sent when the
    /// previous one was answered with CR, so <see cref="Poll"/> must be called until <see cref="State"/> is
    /// Open or Failed. Transmits are written straight to the stream ("T…" / "t…"); the adapter's "z"/"Z"
    /// acknowledgements, CRs and BELLs are counted, not matched to commands.
    /// </para>
    /// <para>
    /// Received bytes are parsed as they come, a line at a time, into a fixed buffer; a malformed line is
    /// dropped with a counted reason and parsing resumes at the next CR, so line noise costs at most one
    /// frame. Received frames wait in a bounded queue. Nothing is allocated after construction; no call
    /// blocks or throws.
    /// </para>
    /// </summary>
    public sealed class SlcanPort : ICanPort
    {
        private static readonly byte[] CloseCommand = { (byte)'C', SlcanCommands.CarriageReturn };
        private static readonly byte[] OpenCommand = { (byte)'O', SlcanCommands.CarriageReturn };
        private static readonly byte[] TimestampsOnCommand = { (byte)'Z', (byte)'1', SlcanCommands.CarriageReturn };
        private static readonly byte[] StatusCommand = { (byte)'F', SlcanCommands.CarriageReturn };

        private readonly IByteStream _stream;
        // Each queued frame's stamp is the adapter's timestamp (or NoTimestamp).
        private readonly CanFrameQueue _received;
        private readonly byte[] _readBuffer = new byte[64];
        private readonly byte[] _line = new byte[SlcanLineDecoder.MaxLineLength];
        private readonly byte[] _transmit = new byte[SlcanFrameEncoder.MaxCommandLength];
        private readonly byte[] _bitRateCommand = { (byte)'S', (byte)'5', SlcanCommands.CarriageReturn };
        private int _lineLength;
        private bool _lineTooLong;
        private long _stepStartedMs;

        /// <summary>A port over <paramref name="stream"/> (not yet open: call <see cref="Open"/>, then <see cref="Poll"/>).</summary>
        public SlcanPort(IByteStream stream, SlcanSettings settings)
        {
            if (stream == null)
            {
                throw new System.ArgumentNullException(nameof(stream));
            }

            _stream = stream;
            Settings = settings ?? new SlcanSettings();
            _received = new CanFrameQueue(Settings.ReceiveQueueFrames);
        }

        /// <summary>The settings (bit rate and timestamps apply at the next <see cref="Open"/>).</summary>
        public SlcanSettings Settings { get; }

        /// <summary>Where the open sequence is.</summary>
        public SlcanPortState State { get; private set; }

        /// <summary>True while the channel is open.</summary>
        public bool IsOpen => State == SlcanPortState.Open;

        /// <summary>Why the open sequence failed (<see cref="SlcanFailureReasons"/>); null unless <see cref="State"/> is Failed.</summary>
        public string FailureReason { get; private set; }

        /// <summary>
        /// True if the stream is closed or the adapter's last status reply had the bus-error flag. slcan has no
        /// bus-off report of its own, so this is our nearest reading of it; poll <see cref="RequestStatus"/> to refresh it.
        /// </summary>
        public bool IsBusOff => !_stream.IsOpen || (StatusFlags >= 0 && (StatusFlags & SlcanStatusFlags.BusError) != 0);

        /// <summary>The flags of the last "Fxx" reply (<see cref="SlcanStatusFlags"/>); −1 before the first.</summary>
        public int StatusFlags { get; private set; } = -1;

        /// <summary>Frames written to the adapter.</summary>
        public long FramesSent { get; private set; }

        /// <summary>Frames received and queued.</summary>
        public long FramesReceived { get; private set; }

        /// <summary>Received frames dropped because the receive queue was full.</summary>
        public long ReceiveOverflows => _received.Overflows;

        /// <summary>Received frames dropped because the channel was not (yet) open: left over from an earlier run.</summary>
        public long FramesIgnoredWhileClosed { get; private set; }

        /// <summary>Remote frames ("r"/"R") received and ignored (GB/T 27930 uses none).</summary>
        public long RemoteFramesIgnored { get; private set; }

        /// <summary>Frames <see cref="TrySend"/> refused: channel not open, invalid frame, or the stream refused the write.</summary>
        public long SendsRefused { get; private set; }

        /// <summary>CR replies (a command done).</summary>
        public long OkReplies { get; private set; }

        /// <summary>BELL replies (a command refused, or a transmit the adapter could not queue).</summary>
        public long ErrorReplies { get; private set; }

        /// <summary>"z" / "Z" replies (a transmit queued by the adapter).</summary>
        public long TransmitAcks { get; private set; }

        /// <summary>"Fxx" replies.</summary>
        public long StatusReplies { get; private set; }

        /// <summary>Open-sequence commands that got no reply within <see cref="SlcanSettings.ReplyTimeoutMs"/>.</summary>
        public long ReplyTimeouts { get; private set; }

        /// <summary>Lines dropped, all reasons.</summary>
        public long RejectedLines { get; private set; }

        /// <summary>Lines dropped for <see cref="SlcanRejectReasons.BadHex"/>.</summary>
        public long RejectedBadHex { get; private set; }

        /// <summary>Lines dropped for <see cref="SlcanRejectReasons.BadLengthDigit"/>.</summary>
        public long RejectedBadLengthDigit { get; private set; }

        /// <summary>Lines dropped for <see cref="SlcanRejectReasons.WrongLength"/>.</summary>
        public long RejectedWrongLength { get; private set; }

        /// <summary>Lines dropped for <see cref="SlcanRejectReasons.IdOutOfRange"/>.</summary>
        public long RejectedIdOutOfRange { get; private set; }

        /// <summary>Lines dropped for <see cref="SlcanRejectReasons.LineTooLong"/>.</summary>
        public long RejectedTooLong { get; private set; }

        /// <summary>Lines dropped for <see cref="SlcanRejectReasons.UnknownCommand"/>.</summary>
        public long RejectedUnknownCommand { get; private set; }

        /// <summary>The reason of the last dropped line (<see cref="SlcanRejectReasons"/>); null if none yet.</summary>
        public string LastRejectReason { get; private set; }

        /// <summary>Frames waiting in the receive queue.</summary>
        public int ReceivedWaiting => _received.Count;

        /// <summary>
        /// Starts the open sequence at <paramref name="nowMs"/> by sending "C". Received frames still queued
        /// are dropped (they belong to the previous session). Returns false if the stream refused the write or the
        /// bit rate has no slcan code (<see cref="State"/> is then Failed).
        /// </summary>
        public bool Open(long nowMs)
        {
            _received.Clear();
            FailureReason = null;
            StatusFlags = -1;
            int code = SlcanCommands.BitRateCode(Settings.BitRateBps);
            if (code < 0)
            {
                Fail(SlcanFailureReasons.UnsupportedBitRate);
                return false;
            }

            _bitRateCommand[1] = (byte)('0' + code);
            return Step(SlcanPortState.Closing, CloseCommand, nowMs);
        }

        /// <summary>Sends "C" and stops taking frames. Returns false if the stream refused the write.</summary>
        public bool Close()
        {
            State = SlcanPortState.Closed;
            return _stream.Write(CloseCommand, 0, CloseCommand.Length);
        }

        /// <summary>Sends "F" (read status flags); the reply updates <see cref="StatusFlags"/> at a later <see cref="Poll"/>.</summary>
        public bool RequestStatus()
        {
            return _stream.Write(StatusCommand, 0, StatusCommand.Length);
        }

        /// <summary>
        /// Reads what the adapter sent (at most <see cref="SlcanSettings.MaxBytesPerPoll"/> bytes), queues received
        /// frames, and moves the open sequence on (or fails it after <see cref="SlcanSettings.ReplyTimeoutMs"/>).
        /// </summary>
        public void Poll(long nowMs)
        {
            int budget = Settings.MaxBytesPerPoll;
            while (budget > 0)
            {
                int n = _stream.Read(_readBuffer, 0, budget < _readBuffer.Length ? budget : _readBuffer.Length);
                if (n <= 0)
                {
                    break;
                }

                budget -= n;
                for (int i = 0; i < n; i++)
                {
                    Accept(_readBuffer[i], nowMs);
                }
            }

            if (IsWaitingForReply() && nowMs - _stepStartedMs >= Settings.ReplyTimeoutMs)
            {
                ReplyTimeouts++;
                if (State == SlcanPortState.Closing)
                {
                    // An adapter whose channel is already closed may stay silent on "C"; go on.
                    Advance(nowMs);
                }
                else
                {
                    Fail(SlcanFailureReasons.NoReply);
                }
            }
        }

        /// <summary>Writes the transmit command for <paramref name="frame"/>; false if the channel is not open, the frame is invalid or the stream refused it.</summary>
        public bool TrySend(ref CanFrame frame)
        {
            if (State != SlcanPortState.Open)
            {
                SendsRefused++;
                return false;
            }

            int n = SlcanFrameEncoder.Encode(ref frame, _transmit, 0);
            if (n == 0 || !_stream.Write(_transmit, 0, n))
            {
                SendsRefused++;
                return false;
            }

            FramesSent++;
            return true;
        }

        /// <summary>Takes the oldest received frame; false when none is waiting.</summary>
        public bool TryReceive(out CanFrame frame)
        {
            int timestampMs;
            return TryReceive(out frame, out timestampMs);
        }

        /// <summary>
        /// Takes the oldest received frame with the adapter's timestamp (ms, 0..59999, wrapping each minute), or
        /// <see cref="SlcanLineDecoder.NoTimestamp"/> if the adapter sent none; false when no frame is waiting.
        /// </summary>
        public bool TryReceive(out CanFrame frame, out int adapterTimestampMs)
        {
            long stamp;
            bool taken = _received.TryDequeue(out frame, out stamp);
            adapterTimestampMs = taken ? (int)stamp : SlcanLineDecoder.NoTimestamp;
            return taken;
        }

        private bool IsWaitingForReply()
        {
            return State == SlcanPortState.Closing || State == SlcanPortState.SettingBitRate
                || State == SlcanPortState.SettingTimestamps || State == SlcanPortState.Opening;
        }

        private void Accept(byte b, long nowMs)
        {
            if (b == SlcanCommands.Bell)
            {
                // BELL comes alone, between lines: it answers the oldest command.
                ErrorReplies++;
                OnReply(false, nowMs);
                return;
            }

            if (b == SlcanCommands.LineFeed && _lineLength == 0 && !_lineTooLong)
            {
                return;
            }

            if (b == SlcanCommands.CarriageReturn || b == SlcanCommands.LineFeed)
            {
                if (_lineTooLong)
                {
                    Reject(SlcanRejectReasons.LineTooLong);
                }
                else
                {
                    OnLine(nowMs);
                }

                _lineLength = 0;
                _lineTooLong = false;
                return;
            }

            if (_lineLength == _line.Length)
            {
                _lineTooLong = true;
                return;
            }

            _line[_lineLength++] = b;
        }

        private void OnLine(long nowMs)
        {
            if (_lineLength == 0)
            {
                OkReplies++;
                OnReply(true, nowMs);
                return;
            }

            switch (_line[0])
            {
                case (byte)SlcanCommands.ExtendedFrame:
                case (byte)SlcanCommands.StandardFrame:
                    OnFrameLine();
                    return;
                case (byte)SlcanCommands.ExtendedRemoteFrame:
                case (byte)SlcanCommands.StandardRemoteFrame:
                    RemoteFramesIgnored++;
                    return;
                case (byte)SlcanCommands.ExtendedTransmitAck:
                case (byte)SlcanCommands.StandardTransmitAck:
                    if (_lineLength == 1)
                    {
                        TransmitAcks++;
                    }
                    else
                    {
                        Reject(SlcanRejectReasons.WrongLength);
                    }

                    return;
                case (byte)SlcanCommands.ReadStatus:
                    int flags;
                    string reason = SlcanLineDecoder.DecodeStatus(_line, _lineLength, out flags);
                    if (reason != null)
                    {
                        Reject(reason);
                        return;
                    }

                    StatusFlags = flags;
                    StatusReplies++;
                    return;
                case (byte)SlcanCommands.Version:
                case (byte)SlcanCommands.DetailedVersion:
                case (byte)SlcanCommands.SerialNumber:
                    // Replies to commands this port never sends; someone else on the line asked.
                    return;
                default:
                    Reject(SlcanRejectReasons.UnknownCommand);
                    return;
            }
        }

        private void OnFrameLine()
        {
            CanFrame frame;
            int timestampMs;
            string reason = SlcanLineDecoder.DecodeFrame(_line, _lineLength, out frame, out timestampMs);
            if (reason != null)
            {
                Reject(reason);
                return;
            }

            if (State != SlcanPortState.Open)
            {
                FramesIgnoredWhileClosed++;
                return;
            }

            if (_received.TryEnqueue(ref frame, timestampMs))
            {
                FramesReceived++;
            }
        }

        private void OnReply(bool ok, long nowMs)
        {
            switch (State)
            {
                case SlcanPortState.Closing:
                    // BELL on "C" only says the channel was closed already.
                    Advance(nowMs);
                    return;
                case SlcanPortState.SettingBitRate:
                    if (ok)
                    {
                        Advance(nowMs);
                    }
                    else
                    {
                        Fail(SlcanFailureReasons.BitRateRefused);
                    }

                    return;
                case SlcanPortState.SettingTimestamps:
                    if (ok)
                    {
                        Advance(nowMs);
                    }
                    else
                    {
                        Fail(SlcanFailureReasons.TimestampsRefused);
                    }

                    return;
                case SlcanPortState.Opening:
                    if (ok)
                    {
                        State = SlcanPortState.Open;
                    }
                    else
                    {
                        Fail(SlcanFailureReasons.OpenRefused);
                    }

                    return;
                default:
                    return;
            }
        }

        private void Advance(long nowMs)
        {
            switch (State)
            {
                case SlcanPortState.Closing:
                    Step(SlcanPortState.SettingBitRate, _bitRateCommand, nowMs);
                    return;
                case SlcanPortState.SettingBitRate:
                    if (Settings.RequestTimestamps)
                    {
                        Step(SlcanPortState.SettingTimestamps, TimestampsOnCommand, nowMs);
                    }
                    else
                    {
                        Step(SlcanPortState.Opening, OpenCommand, nowMs);
                    }

                    return;
                case SlcanPortState.SettingTimestamps:
                    Step(SlcanPortState.Opening, OpenCommand, nowMs);
                    return;
                default:
                    return;
            }
        }

        private bool Step(SlcanPortState next, byte[] command, long nowMs)
        {
            if (!_stream.Write(command, 0, command.Length))
            {
                Fail(SlcanFailureReasons.StreamClosed);
                return false;
            }

            State = next;
            _stepStartedMs = nowMs;
            return true;
        }

        private void Fail(string reason)
        {
            State = SlcanPortState.Failed;
            FailureReason = reason;
        }

        private void Reject(string reason)
        {
            RejectedLines++;
            LastRejectReason = reason;
            if (reason == SlcanRejectReasons.BadHex)
            {
                RejectedBadHex++;
            }
            else if (reason == SlcanRejectReasons.BadLengthDigit)
            {
                RejectedBadLengthDigit++;
            }
            else if (reason == SlcanRejectReasons.WrongLength)
            {
                RejectedWrongLength++;
            }
            else if (reason == SlcanRejectReasons.IdOutOfRange)
            {
                RejectedIdOutOfRange++;
            }
            else if (reason == SlcanRejectReasons.LineTooLong)
            {
                RejectedTooLong++;
            }
            else
            {
                RejectedUnknownCommand++;
            }
        }
    }
}
