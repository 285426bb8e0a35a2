using V2G.Hal.Comms;
using V2G.Protocol.Trace;

namespace V2G.Protocol.Slac
{
    /// <summary>
    /// The vehicle side of SLAC (ISO 15118-3 Annex A, EV role) for the simulator's vehicle and for testing
    /// the charger's <c>SlacMatching</c>: after the 5 % pilot it sends CM_SLAC_PARM.REQ (repeated on
    /// TT_match_response), then 3 × CM_START_ATTEN_CHAR.IND and 10 × CM_MNBC_SOUND.IND (CNT 9..0) at the
    /// batch interval, collects CM_ATTEN_CHAR.IND for TT_EV_atten_results, answers each with
    /// CM_ATTEN_CHAR.RSP, applies its attenuation threshold to the mean over the groups (the EV applies
    /// it, digest §2.6 [V:P2, Q1]), sends CM_SLAC_MATCH.REQ, takes NID and NMK from the CNF and loads them
    /// into its own modem with CM_SET_KEY.REQ. Sequence and timing follow digest §2.4 (Ioniq [V:P1],
    /// EVerest's EV [V:E6]).
    /// A failed attempt stays <see cref="SlacPevState.Failed"/> until the charger's error sequence takes the
    /// pilot away (<see cref="Stop"/>) and back to 5 % (<see cref="Start"/>), at most
    /// <see cref="SlacPevSettings.MaxMatchAttempts"/> times per plug-in (C_conn_max_match [V:T1]).
    /// Poll allocates nothing. In the message log (written from the charger's side) the vehicle's frames
    /// are <see cref="MessageDirection.Received"/> and the charger's <see cref="MessageDirection.Sent"/>;
    /// the exchange with its own modem is an <see cref="MessageDirection.Event"/>.
    /// </summary>
    public sealed class SlacPev
    {
        // Chargers heard at once through cross-talk; more are ignored (our choice: C_EVSE_match_parallel is 5 on the charger side).
        private const int MaxCandidates = 4;

        // Frames handled per Poll, so a flooding peer cannot starve the timers.
        private const int MaxFramesPerPoll = 32;

        // RND of the sounds: the Ioniq sends all FF [V:P1]; the charger does not look at it.
        private static readonly byte[] SoundRandom =
        {
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        };

        private readonly SlacPevSettings _settings;
        private readonly IEthernetPort _port;
        private readonly MessageLog _log;
        private readonly byte[] _mac = new byte[MmeHeader.MacLength];
        private readonly byte[] _runId = new byte[MmeHeader.RunIdLength];
        private readonly byte[] _tx = new byte[256];
        private readonly byte[] _rx = new byte[1600];
        private readonly byte[] _nmk = new byte[MmeHeader.NmkLength];
        private readonly byte[] _nid = new byte[MmeHeader.NidLength];
        private readonly byte[] _evseMac = new byte[MmeHeader.MacLength];
        private readonly byte[] _replyMac = new byte[MmeHeader.MacLength];
        private readonly byte[] _candidateMacs = new byte[MaxCandidates * MmeHeader.MacLength];
        private readonly double[] _candidateMeanDb = new double[MaxCandidates];
        private int _candidates;
        private long _deadlineMs;
        private long _attenResultsDeadlineMs;
        private long _nextBatchMs;
        private int _tries;
        private int _startAttenCharsThisAttempt;
        private int _soundsThisAttempt;
        private bool _hasKey;

        /// <summary>The vehicle side of SLAC on <paramref name="port"/> (the vehicle's modem), logging to <paramref name="log"/> if not null.</summary>
        public SlacPev(SlacPevSettings settings, IEthernetPort port, MessageLog log)
        {
            if (port == null)
            {
                throw new System.ArgumentNullException(nameof(port));
            }

            _settings = settings ?? new SlacPevSettings();
            _port = port;
            _log = log;
            MmeHeader.CopyOrZero(port.MacAddress, _mac, 0, MmeHeader.MacLength);
            if (_settings.RunId != null && _settings.RunId.Length >= MmeHeader.RunIdLength)
            {
                MmeHeader.CopyOrZero(_settings.RunId, _runId, 0, MmeHeader.RunIdLength);
            }
            else
            {
                // The Ioniq's RunID: "PEV mac plus 00 00" [V:P1 comment].
                MmeHeader.CopyOrZero(_mac, _runId, 0, MmeHeader.MacLength);
            }

            AttenuationDb = -1;
        }

        /// <summary>Where the matching stands.</summary>
        public SlacPevState State { get; private set; }

        /// <summary>The vehicle's modem holds the charger's key (it will join within TT_match_join).</summary>
        public bool IsMatched => State == SlacPevState.Matched;

        /// <summary>Why the last attempt failed (a <see cref="SlacPevFailureReasons"/> constant), or null.</summary>
        public string FailureReason { get; private set; }

        /// <summary>Mean attenuation over the groups of the chosen (lowest) CM_ATTEN_CHAR.IND, dB; −1 before any.</summary>
        public double AttenuationDb { get; private set; }

        /// <summary>Attempts begun since plug-in (a Start each).</summary>
        public int Attempts { get; private set; }

        public long ParmReqsSent { get; private set; }

        public long StartAttenCharsSent { get; private set; }

        public long SoundsSent { get; private set; }

        public long AttenCharIndsReceived { get; private set; }

        public long AttenCharRspsSent { get; private set; }

        public long MatchReqsSent { get; private set; }

        public long SetKeyReqsSent { get; private set; }

        /// <summary>Frames received that were not for this state, not for this vehicle, or malformed.</summary>
        public long FramesIgnored { get; private set; }

        /// <summary>Frames the port refused (no room).</summary>
        public long SendFailures { get; private set; }

        /// <summary>Copies the NMK received in CM_SLAC_MATCH.CNF (16 bytes); false before one arrived.</summary>
        public bool CopyNmk(byte[] target)
        {
            MmeHeader.CopyOut(_nmk, 0, target, MmeHeader.NmkLength);
            return _hasKey;
        }

        /// <summary>Copies the NID received in CM_SLAC_MATCH.CNF (7 bytes); false before one arrived.</summary>
        public bool CopyNid(byte[] target)
        {
            MmeHeader.CopyOut(_nid, 0, target, MmeHeader.NidLength);
            return _hasKey;
        }

        /// <summary>Copies the MAC of the charger matched (or being matched) with (6 bytes).</summary>
        public void CopyEvseMac(byte[] target)
        {
            MmeHeader.CopyOut(_evseMac, 0, target, MmeHeader.MacLength);
        }

        /// <summary>Copies the RunID (8 bytes).</summary>
        public void CopyRunId(byte[] target)
        {
            MmeHeader.CopyOut(_runId, 0, target, MmeHeader.RunIdLength);
        }

        /// <summary>
        /// The vehicle saw the 5 % pilot: begins an attempt (CM_SLAC_PARM.REQ after
        /// <see cref="SlacPevSettings.StartDelayMs"/>). Ignored while an attempt runs or once matched; after
        /// the last allowed attempt the state becomes Failed with <see cref="SlacPevFailureReasons.MaxAttempts"/>.
        /// </summary>
        public void Start(long nowMs)
        {
            if (State != SlacPevState.Idle && State != SlacPevState.Failed)
            {
                return;
            }

            if (Attempts >= _settings.MaxMatchAttempts)
            {
                Fail(nowMs, SlacPevFailureReasons.MaxAttempts);
                return;
            }

            Attempts++;
            FailureReason = null;
            _candidates = 0;
            _hasKey = false;
            AttenuationDb = -1;
            Enter(nowMs, SlacPevState.WaitingToStart, nowMs + _settings.StartDelayMs);
        }

        /// <summary>
        /// The pilot left 5 % (the charger's error sequence, or unplug): the attempt ends and a match is
        /// given up. The attempt count is kept until <see cref="Unplug"/>.
        /// </summary>
        public void Stop(long nowMs)
        {
            if (State != SlacPevState.Idle && State != SlacPevState.Failed)
            {
                Enter(nowMs, SlacPevState.Idle, nowMs);
            }
        }

        /// <summary>The cable was pulled: stops and forgets the attempts and the key.</summary>
        public void Unplug(long nowMs)
        {
            Stop(nowMs);
            State = SlacPevState.Idle;
            Attempts = 0;
            FailureReason = null;
            _hasKey = false;
        }

        /// <summary>Handles received frames and the timers; call often (every few ms of simulated time).</summary>
        public void Poll(long nowMs)
        {
            for (int i = 0; i < MaxFramesPerPoll; i++)
            {
                int length = _port.Receive(_rx);
                if (length <= 0)
                {
                    break;
                }

                Handle(nowMs, length);
            }

            switch (State)
            {
                case SlacPevState.WaitingToStart:
                    if (nowMs >= _deadlineMs)
                    {
                        _tries = 1;
                        SendParmReq(nowMs);
                        Enter(nowMs, SlacPevState.WaitingForParmCnf, nowMs + _settings.ResponseTimeoutMs);
                    }

                    break;

                case SlacPevState.WaitingForParmCnf:
                    if (nowMs >= _deadlineMs)
                    {
                        if (_tries > _settings.RequestRetries)
                        {
                            Fail(nowMs, SlacPevFailureReasons.NoParmCnf);
                        }
                        else
                        {
                            _tries++;
                            SendParmReq(nowMs);
                            _deadlineMs = nowMs + _settings.ResponseTimeoutMs;
                        }
                    }

                    break;

                case SlacPevState.WaitingBeforeSounding:
                    if (nowMs >= _deadlineMs)
                    {
                        // TT_EV_atten_results runs from the start of sounding, as EVerest's EV does [V:E6 SoundingState].
                        _attenResultsDeadlineMs = nowMs + _settings.AttenResultsTimeoutMs;
                        _startAttenCharsThisAttempt = 0;
                        _soundsThisAttempt = 0;
                        _nextBatchMs = nowMs;
                        Enter(nowMs, SlacPevState.Sounding, _attenResultsDeadlineMs);
                        SendNextBatchMessage(nowMs);
                    }

                    break;

                case SlacPevState.Sounding:
                    SendNextBatchMessage(nowMs);
                    break;

                case SlacPevState.WaitingForAttenChar:
                    if (nowMs >= _attenResultsDeadlineMs)
                    {
                        Fail(nowMs, SlacPevFailureReasons.NoAttenChar);
                    }

                    break;

                case SlacPevState.WaitingBeforeMatch:
                    if (nowMs >= _deadlineMs)
                    {
                        ChooseAndMatch(nowMs);
                    }

                    break;

                case SlacPevState.WaitingForMatchCnf:
                    if (nowMs >= _deadlineMs)
                    {
                        if (_tries > _settings.RequestRetries)
                        {
                            Fail(nowMs, SlacPevFailureReasons.NoMatchCnf);
                        }
                        else
                        {
                            _tries++;
                            SendMatchReq(nowMs);
                            _deadlineMs = nowMs + _settings.ResponseTimeoutMs;
                        }
                    }

                    break;

                case SlacPevState.SettingKey:
                    if (nowMs >= _deadlineMs)
                    {
                        if (_tries > _settings.SetKeyRetries)
                        {
                            Fail(nowMs, SlacPevFailureReasons.SetKeyFailed);
                        }
                        else
                        {
                            _tries++;
                            SendSetKeyReq(nowMs);
                            _deadlineMs = nowMs + _settings.SetKeyTimeoutMs;
                        }
                    }

                    break;
            }
        }

        private void Handle(long nowMs, int length)
        {
            int mmv;
            int mmType;
            if (!MmeHeader.TryRead(_rx, length, out mmv, out mmType))
            {
                // Not a management frame (IPv6 once joined): not ours to handle.
                FramesIgnored++;
                return;
            }

            bool forUs = MmeHeader.BytesEqual(_rx, MmeHeader.OffsetDestinationMac, _mac, 0, MmeHeader.MacLength)
                || MmeHeader.BytesEqual(_rx, MmeHeader.OffsetDestinationMac, MmeHeader.BroadcastMac, 0, MmeHeader.MacLength);
            if (!forUs)
            {
                FramesIgnored++;
                return;
            }

            switch (mmType)
            {
                case MmType.CmSlacParmCnf:
                    OnParmCnf(nowMs, length);
                    break;
                case MmType.CmAttenCharInd:
                    OnAttenCharInd(nowMs, length);
                    break;
                case MmType.CmSlacMatchCnf:
                    OnMatchCnf(nowMs, length);
                    break;
                case MmType.CmSetKeyCnf:
                    OnSetKeyCnf(nowMs, length);
                    break;
                default:
                    FramesIgnored++;
                    break;
            }
        }

        private void OnParmCnf(long nowMs, int length)
        {
            if (State != SlacPevState.WaitingForParmCnf || length < SlacParmCnf.Length
                || !MmeHeader.BytesEqual(_rx, SlacParmCnf.OffsetRunId, _runId, 0, MmeHeader.RunIdLength))
            {
                // A repeated CNF (for a repeated REQ) or another vehicle's.
                FramesIgnored++;
                return;
            }

            MmeHeader.CopyOut(_rx, MmeHeader.OffsetSourceMac, _evseMac, MmeHeader.MacLength);
            Log(nowMs, MessageDirection.Sent, MmType.CmSlacParmCnf);
            Enter(nowMs, SlacPevState.WaitingBeforeSounding, nowMs + _settings.MatchSequenceDelayMs);
        }

        private void OnAttenCharInd(long nowMs, int length)
        {
            bool collecting = State == SlacPevState.Sounding || State == SlacPevState.WaitingForAttenChar
                || State == SlacPevState.WaitingBeforeMatch || State == SlacPevState.WaitingForMatchCnf;
            if (!collecting || length < AttenCharInd.Length
                || !MmeHeader.BytesEqual(_rx, AttenCharInd.OffsetRunId, _runId, 0, MmeHeader.RunIdLength)
                || !MmeHeader.BytesEqual(_rx, AttenCharInd.OffsetSourceAddress, _mac, 0, MmeHeader.MacLength))
            {
                FramesIgnored++;
                return;
            }

            int groups = _rx[AttenCharInd.OffsetNumGroups];
            if (groups < 1 || groups > MmeHeader.AagGroupCount)
            {
                FramesIgnored++;
                return;
            }

            AttenCharIndsReceived++;
            int sumDb = 0;
            for (int g = 0; g < groups; g++)
            {
                sumDb += _rx[AttenCharInd.OffsetAag + g];
            }

            double meanDb = sumDb / (double)groups;
            TraceEntry entry = Log(nowMs, MessageDirection.Sent, MmType.CmAttenCharInd);
            if (entry != null)
            {
                entry.Details.Append("meanAttenuation=").Append(meanDb, 1).Append(" dB");
            }

            // Every IND is answered, also a resend after a lost RSP (the charger resends on TT_match_response,
            // pitfall #6); open-plc-utils' pev answers before it applies its limit [V:Q1].
            SendAttenCharRsp(nowMs);
            Remember(meanDb);

            if (State == SlacPevState.Sounding || State == SlacPevState.WaitingForAttenChar)
            {
                // Sounding may still be running if the charger finished early: the last sounds are then not needed.
                Enter(nowMs, SlacPevState.WaitingBeforeMatch, nowMs + _settings.MatchDelayMs);
            }
        }

        private void OnMatchCnf(long nowMs, int length)
        {
            if (State != SlacPevState.WaitingForMatchCnf || length < SlacMatchCnf.Length
                || !MmeHeader.BytesEqual(_rx, SlacMatchCnf.OffsetRunId, _runId, 0, MmeHeader.RunIdLength)
                || !MmeHeader.BytesEqual(_rx, SlacMatchCnf.OffsetPevMac, _mac, 0, MmeHeader.MacLength)
                || !MmeHeader.BytesEqual(_rx, SlacMatchCnf.OffsetEvseMac, _evseMac, 0, MmeHeader.MacLength))
            {
                FramesIgnored++;
                return;
            }

            MmeHeader.CopyOut(_rx, SlacMatchCnf.OffsetNid, _nid, MmeHeader.NidLength);
            for (int i = 0; i < MmeHeader.NmkLength; i++)
            {
                _nmk[i] = _rx[SlacMatchCnf.OffsetNmk + i];
            }

            _hasKey = true;
            Log(nowMs, MessageDirection.Sent, MmType.CmSlacMatchCnf);
            _tries = 1;
            SendSetKeyReq(nowMs);
            Enter(nowMs, SlacPevState.SettingKey, nowMs + _settings.SetKeyTimeoutMs);
        }

        private void OnSetKeyCnf(long nowMs, int length)
        {
            if (State != SlacPevState.SettingKey || length < SetKeyCnf.Length)
            {
                FramesIgnored++;
                return;
            }

            int result = _rx[SetKeyCnf.OffsetResult];
            TraceEntry entry = Log(nowMs, MessageDirection.Event, MmType.CmSetKeyCnf);
            if (entry != null)
            {
                entry.Details.Append("result=").Append(result);
            }

            // A Qualcomm local modem answers 0x01 when it took the key (pitfall #11 [V:P1, S1, T1]); anything
            // else is retried on the timer.
            if (result == SetKeyCnf.ResultQualcommAccepted)
            {
                Enter(nowMs, SlacPevState.Matched, nowMs);
            }
        }

        private void Remember(double meanDb)
        {
            int sourceOffset = MmeHeader.OffsetSourceMac;
            for (int c = 0; c < _candidates; c++)
            {
                if (MmeHeader.BytesEqual(_candidateMacs, c * MmeHeader.MacLength, _rx, sourceOffset, MmeHeader.MacLength))
                {
                    _candidateMeanDb[c] = meanDb;
                    return;
                }
            }

            if (_candidates >= MaxCandidates)
            {
                return;
            }

            for (int i = 0; i < MmeHeader.MacLength; i++)
            {
                _candidateMacs[_candidates * MmeHeader.MacLength + i] = _rx[sourceOffset + i];
            }

            _candidateMeanDb[_candidates] = meanDb;
            _candidates++;
        }

        private void ChooseAndMatch(long nowMs)
        {
            // With cross-talk several chargers answer; the EV picks the strongest signal, the lowest attenuation [V:P2 checkpoint 130].
            int best = 0;
            for (int c = 1; c < _candidates; c++)
            {
                if (_candidateMeanDb[c] < _candidateMeanDb[best])
                {
                    best = c;
                }
            }

            AttenuationDb = _candidateMeanDb[best];
            for (int i = 0; i < MmeHeader.MacLength; i++)
            {
                _evseMac[i] = _candidateMacs[best * MmeHeader.MacLength + i];
            }

            // open-plc-utils pev rejects a mean above its limit [V:Q1 slac_connect.c].
            if (AttenuationDb > _settings.AttenuationThresholdDb)
            {
                Fail(nowMs, SlacPevFailureReasons.AttenuationTooHigh);
                return;
            }

            _tries = 1;
            SendMatchReq(nowMs);
            Enter(nowMs, SlacPevState.WaitingForMatchCnf, nowMs + _settings.ResponseTimeoutMs);
        }

        private void SendNextBatchMessage(long nowMs)
        {
            if (nowMs < _nextBatchMs)
            {
                return;
            }

            // One message per Poll at most, so a coarse poll never sends a burst.
            _nextBatchMs += _settings.BatchIntervalMs;
            if (_startAttenCharsThisAttempt < _settings.StartAttenCharCount)
            {
                int length = StartAttenCharInd.Write(
                    _tx, MmeHeader.BroadcastMac, _mac, _settings.SoundCount, _settings.TimeOutCode, SlacParmCnf.RespTypeOtherGpStation, _mac, _runId);
                _startAttenCharsThisAttempt++;
                StartAttenCharsSent++;
                Send(nowMs, length, MmType.CmStartAttenCharInd, MessageDirection.Received);
                return;
            }

            if (_soundsThisAttempt < _settings.SoundCount)
            {
                int cnt = _settings.SoundCount - 1 - _soundsThisAttempt;
                int length = MnbcSoundInd.Write(_tx, MmeHeader.BroadcastMac, _mac, cnt, _runId, SoundRandom);
                _soundsThisAttempt++;
                SoundsSent++;
                Send(nowMs, length, MmType.CmMnbcSoundInd, MessageDirection.Received);
            }

            if (_soundsThisAttempt >= _settings.SoundCount)
            {
                Enter(nowMs, SlacPevState.WaitingForAttenChar, _attenResultsDeadlineMs);
            }
        }

        private void SendParmReq(long nowMs)
        {
            int length = SlacParmReq.Write(_tx, MmeHeader.BroadcastMac, _mac, _runId);
            ParmReqsSent++;
            Send(nowMs, length, MmType.CmSlacParmReq, MessageDirection.Received);
        }

        private void SendAttenCharRsp(long nowMs)
        {
            // To the charger that sent the IND (its source MAC), Result 0 = success.
            MmeHeader.CopyOut(_rx, MmeHeader.OffsetSourceMac, _replyMac, MmeHeader.MacLength);
            int length = AttenCharRsp.Write(_tx, _replyMac, _mac, _mac, _runId, 0);
            AttenCharRspsSent++;
            Send(nowMs, length, MmType.CmAttenCharRsp, MessageDirection.Received);
        }

        private void SendMatchReq(long nowMs)
        {
            int length = SlacMatchReq.Write(_tx, _evseMac, _mac, _mac, _evseMac, _runId);
            MatchReqsSent++;
            Send(nowMs, length, MmType.CmSlacMatchReq, MessageDirection.Received);
        }

        private void SendSetKeyReq(long nowMs)
        {
            int length = SetKeyReq.Write(_tx, MmeHeader.LocalModemMac, _mac, _settings.SetKeyMyNonce, _nid, _nmk);
            SetKeyReqsSent++;
            Send(nowMs, length, MmType.CmSetKeyReq, MessageDirection.Event);
        }

        private void Send(long nowMs, int length, int mmType, MessageDirection direction)
        {
            if (!_port.TrySend(_tx, length))
            {
                // Treated like a loss on the medium: the timers repeat what matters.
                SendFailures++;
            }

            Log(nowMs, direction, mmType);
        }

        private void Enter(long nowMs, SlacPevState state, long deadlineMs)
        {
            State = state;
            _deadlineMs = deadlineMs;
        }

        private void Fail(long nowMs, string reason)
        {
            FailureReason = reason;
            State = SlacPevState.Failed;
            if (_log != null)
            {
                _log.AddFailure(nowMs, FailureLayer.Slac, reason);
            }
        }

        private TraceEntry Log(long nowMs, MessageDirection direction, int mmType)
        {
            return _log == null ? null : _log.Add(nowMs, direction, MmTypeNames.Of(mmType));
        }
    }
}
