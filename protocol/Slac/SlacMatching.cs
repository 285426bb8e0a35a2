using V2G.Hal.Comms;
using V2G.Hal.Security;
using V2G.Protocol.Text;
using V2G.Protocol.Trace;

namespace V2G.Protocol.Slac
{
    /// <summary>
    /// The charger's side of SLAC (ISO 15118-3 Annex A) over a HomePlug Green PHY modem, driven from one
    /// thread: the board calls <see cref="Poll"/> every few milliseconds and the pilot logic calls
    /// <see cref="EnterBcd"/> / <see cref="LeaveBcd"/> / <see cref="RetryMatching"/>.
    /// <para>
    /// Flow (digest §2.4): <see cref="Reset"/> loads a fresh NMK/NID into the local modem (CM_SET_KEY);
    /// on plug-in the charger waits up to TT_EVSE_SLAC_init for CM_SLAC_PARM.REQ, answers each with
    /// CM_SLAC_PARM.CNF, sums the modem's CM_ATTEN_PROFILE.IND during the sounding window, sends the
    /// averaged CM_ATTEN_CHAR.IND (resent up to twice), and on a valid CM_SLAC_MATCH.REQ hands out the
    /// key in CM_SLAC_MATCH.CNF; then it polls VS_PL_LINK_STATUS until the EV's modem has joined
    /// (D-LINK_READY: <see cref="IsMatched"/>). Up to <see cref="SlacSettings.ParallelSessions"/> sessions,
    /// keyed by (EV MAC, RunID), run at once, as cross-talk brings other cars' requests.
    /// </para>
    /// <para>
    /// Frames that are not 0x88E1, too short, not addressed to the host, of an unknown MMTYPE, or not
    /// expected now are counted and dropped; nothing a frame holds can make this class throw. The port
    /// should deliver only EtherType 0x88E1 (the board separates IPv6), since <see cref="Poll"/> reads
    /// every frame waiting. Everything is allocated in the constructor: <see cref="Poll"/> allocates nothing.
    /// </para>
    /// </summary>
    public sealed class SlacMatching
    {
        /// <summary>Receive buffer size, bytes: a full Ethernet frame without FCS; the port drops longer ones.</summary>
        public const int ReceiveBufferLength = 1536;

        /// <summary>At most this many frames are handled per <see cref="Poll"/>, so one poll stays short on the MCU.</summary>
        public const int MaxFramesPerPoll = 32;

        // Largest frame written here: CM_SLAC_MATCH.CNF / CM_ATTEN_CHAR.IND (129) padded.
        private const int TransmitBufferLength = 160;

        private const int EthernetHeaderLength = 14;

        private readonly SlacSettings _settings;
        private readonly IEthernetPort _port;
        private readonly IEntropySource _entropy;
        private readonly MessageLog _log;
        private readonly byte[] _ownMac = new byte[MmeHeader.MacLength];
        private readonly byte[] _rx = new byte[ReceiveBufferLength];
        private readonly byte[] _tx = new byte[TransmitBufferLength];
        private readonly byte[] _matchCnf = new byte[TransmitBufferLength];
        private readonly Sha256 _sha = new Sha256();
        private readonly byte[] _shaScratch = new byte[Sha256.DigestLength];
        private readonly byte[] _nmk = new byte[MmeHeader.NmkLength];
        private readonly byte[] _nid = new byte[MmeHeader.NidLength];
        private readonly byte[] _evMac = new byte[MmeHeader.MacLength];
        private readonly byte[] _matchedRunId = new byte[MmeHeader.RunIdLength];
        private readonly byte[] _replyMac = new byte[MmeHeader.MacLength];
        private readonly SlacSession[] _sessions;

        private Phase _phase;
        private bool _inBcd;
        private bool _failed;
        private string _failureReason;
        private bool _keyFailed;
        private bool _keyPending;

        /// <summary>The next NID derivation round, or −1 when the NID of the present NMK is complete.</summary>
        private int _nidRound = -1;
        private long _setKeyDeadlineMs;
        private int _setKeyAttempts;
        private bool _nmkDisclosed;
        private long _initDeadlineMs;
        private bool _resetOnce;
        private long _sessionSequence;
        private long _joinDeadlineMs;
        private long _nextLinkPollMs;
        private int _matchCnfLength;
        private bool _hasEvMac;
        private double _attenuationDb;
        private int _loggedLinkStatus = -1;
        private int _soundsReceived;

        /// <summary>
        /// SLAC for the charger with <paramref name="settings"/>, over <paramref name="port"/> (its
        /// <see cref="IEthernetPort.MacAddress"/> is the host MAC sent in every message), drawing keys from
        /// <paramref name="entropy"/>, logging to <paramref name="log"/> (may be null). Call <see cref="Reset"/>
        /// once at start-up to load the first key.
        /// </summary>
        public SlacMatching(SlacSettings settings, IEthernetPort port, IEntropySource entropy, MessageLog log)
        {
            if (settings == null || port == null || entropy == null || port.MacAddress == null)
            {
                throw new System.ArgumentNullException();
            }

            _settings = settings;
            _port = port;
            _entropy = entropy;
            _log = log;
            MmeHeader.CopyOrZero(port.MacAddress, _ownMac, 0, MmeHeader.MacLength);
            int count = settings.ParallelSessions < 1 ? 1 : settings.ParallelSessions;
            _sessions = new SlacSession[count];
            for (int i = 0; i < count; i++)
            {
                _sessions[i] = new SlacSession();
            }

            _phase = Phase.Idle;
        }

        private enum Phase
        {
            Idle = 0,
            Matching = 1,
            Joining = 2,
            Matched = 3,
        }

        /// <summary>
        /// Where SLAC is; during an attempt, the state of the most advanced session. While a new key is
        /// being loaded and no session runs: <see cref="SlacState.Resetting"/>.
        /// </summary>
        public SlacState State
        {
            get
            {
                if (_failed)
                {
                    return SlacState.Failed;
                }

                switch (_phase)
                {
                    case Phase.Matched:
                        return SlacState.Matched;
                    case Phase.Joining:
                        return SlacState.Joining;
                    case Phase.Matching:
                        SlacState best = SlacState.Matching;
                        for (int i = 0; i < _sessions.Length; i++)
                        {
                            SlacSession s = _sessions[i];
                            if (s.InUse && s.State != SlacState.Failed && s.State > best)
                            {
                                best = s.State;
                            }
                        }

                        return best == SlacState.Matching && _keyPending ? SlacState.Resetting : best;
                    default:
                        return _keyPending ? SlacState.Resetting : SlacState.Unmatched;
                }
            }
        }

        /// <summary>D-LINK_READY: the EV's modem has joined the charger's network (or MATCH.CNF was sent, without link detection).</summary>
        public bool IsMatched => !_failed && _phase == Phase.Matched;

        /// <summary>Matching or the key failed; the pilot's error routine (E/F) and <see cref="RetryMatching"/> follow.</summary>
        public bool Failed => _failed;

        /// <summary>One of <see cref="SlacFailureReasons"/> while <see cref="Failed"/>, otherwise null.</summary>
        public string FailureReason => _failed ? _failureReason : null;

        /// <summary>The mean of the averaged attenuation groups last sent in CM_ATTEN_CHAR.IND, dB (0 before any).</summary>
        public double AttenuationDb => _attenuationDb;

        /// <summary>The number of profiles averaged into the last CM_ATTEN_CHAR.IND (its NUM_SOUNDS).</summary>
        public int SoundsReceived => _soundsReceived;

        /// <summary>True once a CM_SLAC_MATCH.CNF named an EV (its MAC is then <see cref="EvMac"/>).</summary>
        public bool HasEvMac => _hasEvMac;

        /// <summary>
        /// A copy of the matched EV's host MAC (zeros before the first match). Taken at CM_SLAC_MATCH, not at
        /// the first PARM.REQ, which may come from another car by cross-talk (pitfall #21). Allocates.
        /// </summary>
        public byte[] EvMac
        {
            get
            {
                byte[] copy = new byte[MmeHeader.MacLength];
                MmeHeader.CopyOrZero(_evMac, copy, 0, MmeHeader.MacLength);
                return copy;
            }
        }

        /// <summary>Frames not for SLAC: another EtherType, not addressed to the host, the host's own, or an unknown MMTYPE.</summary>
        public int FramesDropped { get; private set; }

        /// <summary>Frames too short for their header or message, or with a wrong MMV, OUI or group count.</summary>
        public int FramesMalformed { get; private set; }

        /// <summary>Well-formed SLAC frames not expected now or whose fields did not match the session (ignored).</summary>
        public int FramesUnexpected { get; private set; }

        /// <summary>Frames the port refused to send (its transmit queue was full).</summary>
        public int SendsRefused { get; private set; }

        /// <summary>Matching attempts started (<see cref="EnterBcd"/> and <see cref="RetryMatching"/>).</summary>
        public int Attempts { get; private set; }

        /// <summary>
        /// Starts over: drops every session and the vehicle (call <see cref="EnterBcd"/> again if the pilot is in
        /// B/C/D), clears any failure, draws a new NMK, derives its NID and loads both into the local modem with
        /// CM_SET_KEY.REQ; the charger is <see cref="SlacState.Unmatched"/> once the modem confirms.
        /// </summary>
        public void Reset(long nowMs)
        {
            Event(nowMs, "reset");
            _inBcd = false;
            _keyFailed = false;
            ClearFailure();
            ClearSessions();
            _phase = Phase.Idle;
            StartNewKey(nowMs);
        }

        /// <summary>
        /// The pilot entered B, C or D (plug-in, or back from E/F): start TT_EVSE_SLAC_init and accept
        /// CM_SLAC_PARM.REQ. Ignored if already in B/C/D. A key failure stays until <see cref="Reset"/>.
        /// </summary>
        public void EnterBcd(long nowMs)
        {
            if (_inBcd)
            {
                return;
            }

            _inBcd = true;
            Event(nowMs, "enter_bcd");
            StartMatching(nowMs);
        }

        /// <summary>
        /// The pilot left B/C/D (unplug, or E/F): drop the sessions and the link. If the key was handed to an EV,
        /// load a new one so the modem leaves that network within TP_match_leave [V:E5 handle_dlink_terminate, E9].
        /// </summary>
        public void LeaveBcd(long nowMs)
        {
            _inBcd = false;
            Event(nowMs, "leave_bcd");
            ClearSessions();
            _phase = Phase.Idle;
            if (!_keyFailed)
            {
                ClearFailure();
                if (_nmkDisclosed)
                {
                    StartNewKey(nowMs);
                }
            }
        }

        /// <summary>
        /// Matching again after the pilot's error routine (F for T_step_EF): clear the failure and the sessions,
        /// load a new key if the old one was handed out, and restart TT_EVSE_SLAC_init if in B/C/D.
        /// </summary>
        public void RetryMatching(long nowMs)
        {
            if (_keyFailed)
            {
                return;
            }

            Event(nowMs, "retry_matching");
            if (_nmkDisclosed)
            {
                StartNewKey(nowMs);
            }

            if (_inBcd)
            {
                StartMatching(nowMs);
            }
            else
            {
                ClearFailure();
                ClearSessions();
                _phase = Phase.Idle;
            }
        }

        /// <summary>Handles the frames waiting at the port (at most <see cref="MaxFramesPerPoll"/>), then the timers.</summary>
        public void Poll(long nowMs)
        {
            AdvanceKeyDerivation(nowMs);
            for (int i = 0; i < MaxFramesPerPoll; i++)
            {
                int length = _port.Receive(_rx);
                if (length <= 0)
                {
                    break;
                }

                HandleFrame(length > _rx.Length ? _rx.Length : length, nowMs);
            }

            RunTimers(nowMs);
        }

        private void StartMatching(long nowMs)
        {
            if (_keyFailed)
            {
                return;
            }

            ClearFailure();
            ClearSessions();
            _resetOnce = false;
            _loggedLinkStatus = -1;
            _phase = Phase.Matching;
            _initDeadlineMs = nowMs + _settings.SlacInitTimeoutMs;
            Attempts++;
        }

        /// <summary>
        /// A new NMK now; its NID one SHA-256 round per <see cref="Poll"/>, and CM_SET_KEY.REQ after the last:
        /// five hashes in one call would cost the device's interpreter far more than a control period.
        /// </summary>
        private void StartNewKey(long nowMs)
        {
            NetworkKey.NewNmk(_entropy, _nmk);
            _nidRound = 0;
            _nmkDisclosed = false;
            _keyPending = true;
            _setKeyAttempts = 0;
            _setKeyDeadlineMs = long.MaxValue;
        }

        private void AdvanceKeyDerivation(long nowMs)
        {
            if (_nidRound < 0)
            {
                return;
            }

            NetworkKey.DeriveNidRound(_sha, _shaScratch, _nmk, _nidRound);
            _nidRound++;
            if (_nidRound == NetworkKey.NidHashRounds)
            {
                NetworkKey.FinishNid(_shaScratch, _nid);
                _nidRound = -1;
                SendSetKey(nowMs);
            }
        }

        private void SendSetKey(long nowMs)
        {
            // MyNonce 0 as EVerest's EVSE side [V:E4]; the local modem is 00:B0:52:00:00:01 [V:E4, S1, T1].
            int length = SetKeyReq.Write(_tx, MmeHeader.LocalModemMac, _ownMac, 0, _nid, _nmk);
            _setKeyAttempts++;
            _setKeyDeadlineMs = nowMs + _settings.SetKeyTimeoutMs;
            TraceEntry entry = Send(_tx, length, nowMs, MmType.CmSetKeyReq);
            if (entry != null)
            {
                entry.Details.Append("attempt=").Append(_setKeyAttempts);
            }
        }

        private void SetKeyAttemptFailed(long nowMs)
        {
            if (_setKeyAttempts <= _settings.SetKeyRetries)
            {
                SendSetKey(nowMs);
                return;
            }

            // Stays visible until Reset: with no key in the modem no EV can join (EVerest stays in Reset [V:E4]).
            _keyPending = false;
            _keyFailed = true;
            Fail(SlacFailureReasons.SetKeyFailed, nowMs, true);
        }

        private void HandleFrame(int length, long nowMs)
        {
            if (length < EthernetHeaderLength)
            {
                FramesMalformed++;
                return;
            }

            if (_rx[MmeHeader.OffsetEtherType] != 0x88 || _rx[MmeHeader.OffsetEtherType + 1] != 0xE1)
            {
                FramesDropped++;
                return;
            }

            int mmv;
            int mmType;
            if (!MmeHeader.TryRead(_rx, length, out mmv, out mmType))
            {
                FramesMalformed++;
                return;
            }

            bool fromSelf = MmeHeader.BytesEqual(_rx, MmeHeader.OffsetSourceMac, _ownMac, 0, MmeHeader.MacLength);
            bool toHost = MmeHeader.BytesEqual(_rx, MmeHeader.OffsetDestinationMac, _ownMac, 0, MmeHeader.MacLength)
                || MmeHeader.BytesEqual(_rx, MmeHeader.OffsetDestinationMac, MmeHeader.BroadcastMac, 0, MmeHeader.MacLength);
            if (fromSelf || !toHost)
            {
                FramesDropped++;
                return;
            }

            switch (mmType)
            {
                case MmType.CmSlacParmReq:
                    if (IsWellFormed(mmv, length, SlacParmReq.Length))
                    {
                        OnParmReq(nowMs);
                    }

                    break;
                case MmType.CmStartAttenCharInd:
                    if (IsWellFormed(mmv, length, StartAttenCharInd.Length))
                    {
                        OnStartAttenChar(nowMs);
                    }

                    break;
                case MmType.CmMnbcSoundInd:
                    if (IsWellFormed(mmv, length, MnbcSoundInd.Length))
                    {
                        OnMnbcSound(nowMs);
                    }

                    break;
                case MmType.CmAttenProfileInd:
                    if (IsWellFormed(mmv, length, AttenProfileInd.Length))
                    {
                        OnAttenProfile(nowMs);
                    }

                    break;
                case MmType.CmAttenCharRsp:
                    if (IsWellFormed(mmv, length, AttenCharRsp.Length))
                    {
                        OnAttenCharRsp(nowMs);
                    }

                    break;
                case MmType.CmValidateReq:
                    if (IsWellFormed(mmv, length, ValidateReq.Length))
                    {
                        OnValidateReq(nowMs);
                    }

                    break;
                case MmType.CmSlacMatchReq:
                    if (IsWellFormed(mmv, length, SlacMatchReq.Length))
                    {
                        OnMatchReq(nowMs);
                    }

                    break;
                case MmType.CmSetKeyCnf:
                    if (IsWellFormed(mmv, length, SetKeyCnf.Length))
                    {
                        OnSetKeyCnf(nowMs);
                    }

                    break;
                case MmType.VsPlLinkStatusCnf:
                    if (IsWellFormedVendor(mmv, length, PlLinkStatusCnf.Length))
                    {
                        OnLinkStatusCnf(nowMs);
                    }

                    break;
                case MmType.CmSetKeyReq:
                case MmType.CmSlacParmCnf:
                case MmType.CmAttenCharInd:
                case MmType.CmValidateCnf:
                case MmType.CmSlacMatchCnf:
                case MmType.VsSwVerReq:
                case MmType.VsSwVerCnf:
                case MmType.VsRsDevReq:
                case MmType.VsPlLinkStatusReq:
                    FramesUnexpected++;
                    break;
                default:
                    FramesDropped++;
                    break;
            }
        }

        private bool IsWellFormed(int mmv, int length, int messageLength)
        {
            if (mmv == MmeHeader.MmvAv10 || length < messageLength)
            {
                FramesMalformed++;
                return false;
            }

            return true;
        }

        private bool IsWellFormedVendor(int mmv, int length, int messageLength)
        {
            if (mmv != MmeHeader.MmvAv10 || length < messageLength
                || !MmeHeader.BytesEqual(_rx, MmeHeader.VendorPayloadOffset, MmeHeader.QualcommOui, 0, 3))
            {
                FramesMalformed++;
                return false;
            }

            return true;
        }

        private void OnParmReq(long nowMs)
        {
            TraceEntry entry = Received(nowMs, MmType.CmSlacParmReq, SlacParmReq.OffsetRunId);
            if (_failed || _phase != Phase.Matching
                || _rx[SlacParmReq.OffsetApplicationType] != 0 || _rx[SlacParmReq.OffsetSecurityType] != 0)
            {
                Ignore(entry);
                return;
            }

            // The same (EV MAC, RunID) again restarts its session ("[V2G3-A09-16]" per [V:E3]); a new key opens one.
            SlacSession session = Find(MmeHeader.OffsetSourceMac, SlacParmReq.OffsetRunId);
            if (session == null)
            {
                session = FreeSlot();
            }

            if (session == null)
            {
                Ignore(entry);
                return;
            }

            _sessionSequence++;
            session.Start(_rx, MmeHeader.OffsetSourceMac, SlacParmReq.OffsetRunId, nowMs + _settings.MatchSequenceTimeoutMs, _sessionSequence);

            // RunID copied whole ("TESLA EV", pitfall #2); FORWARDING_STA = the EV, RESP_TYPE 1 (pitfall #18).
            int length = SlacParmCnf.Write(
                _tx, session.EvMac, _ownMac, MmeHeader.BroadcastMac, _settings.NumSounds, _settings.TimeOutCode,
                SlacParmCnf.RespTypeOtherGpStation, session.EvMac, session.RunId);
            AppendRunId(Send(_tx, length, nowMs, MmType.CmSlacParmCnf), session.RunId, 0);
        }

        private void OnStartAttenChar(long nowMs)
        {
            TraceEntry entry = Received(nowMs, MmType.CmStartAttenCharInd, StartAttenCharInd.OffsetRunId);
            SlacSession session = _failed || _phase != Phase.Matching ? null : Find(MmeHeader.OffsetSourceMac, StartAttenCharInd.OffsetRunId);

            // EVerest's checks, not stricter: "Don't be strict to the ISO 15118-3" [V:E3].
            if (session == null
                || _rx[StartAttenCharInd.OffsetApplicationType] != 0 || _rx[StartAttenCharInd.OffsetSecurityType] != 0
                || _rx[StartAttenCharInd.OffsetNumSounds] == 0 || _rx[StartAttenCharInd.OffsetTimeOut] == 0
                || _rx[StartAttenCharInd.OffsetRespType] != SlacParmCnf.RespTypeOtherGpStation)
            {
                Ignore(entry);
                return;
            }

            if (session.State == SlacState.WaitingForStartAttenChar)
            {
                session.State = SlacState.Sounding;
                session.DeadlineMs = nowMs + _settings.MnbcTimeoutMs;
            }
            else if (session.State != SlacState.Sounding)
            {
                // The 2nd and 3rd indications arrive while sounding and are expected (pitfall #7); others are not.
                Ignore(entry);
            }
        }

        private void OnMnbcSound(long nowMs)
        {
            TraceEntry entry = Received(nowMs, MmType.CmMnbcSoundInd, -1);
            if (entry != null)
            {
                entry.Details.Append("cnt=").Append((long)_rx[MnbcSoundInd.OffsetCnt]);
            }

            // Nothing is needed from the sound itself: the modem's CM_ATTEN_PROFILE.IND carries the measurement.
            SlacSession session = _failed || _phase != Phase.Matching ? null : Find(MmeHeader.OffsetSourceMac, MnbcSoundInd.OffsetRunId);
            if (session == null || session.State != SlacState.Sounding)
            {
                Ignore(entry);
            }
        }

        private void OnAttenProfile(long nowMs)
        {
            TraceEntry entry = Received(nowMs, MmType.CmAttenProfileInd, -1);
            if (_rx[AttenProfileInd.OffsetNumGroups] != MmeHeader.AagGroupCount)
            {
                FramesMalformed++;
                Ignore(entry);
                return;
            }

            // No RunID in this message: correlate by PEV MAC with the sounding session [V:E3].
            SlacSession session = null;
            if (!_failed && _phase == Phase.Matching)
            {
                for (int i = 0; i < _sessions.Length; i++)
                {
                    SlacSession s = _sessions[i];
                    if (s.InUse && s.State == SlacState.Sounding
                        && MmeHeader.BytesEqual(_rx, AttenProfileInd.OffsetPevMac, s.EvMac, 0, MmeHeader.MacLength)
                        && (session == null || s.Sequence > session.Sequence))
                    {
                        session = s;
                    }
                }
            }

            if (session == null)
            {
                Ignore(entry);
                return;
            }

            for (int i = 0; i < MmeHeader.AagGroupCount; i++)
            {
                session.AagSums[i] += _rx[AttenProfileInd.OffsetAag + i];
            }

            session.Profiles++;
            if (entry != null)
            {
                entry.Details.Append("profile=").Append(session.Profiles);
            }

            if (session.Profiles >= _settings.NumSounds)
            {
                FinishSounding(session, nowMs);
            }
        }

        private void FinishSounding(SlacSession session, long nowMs)
        {
            if (session.Profiles == 0)
            {
                // Averaging needs at least one profile ("[V2G3-A09-43]" per [V:T1]).
                FailSession(session, SlacFailureReasons.NoSounds, nowMs);
                return;
            }

            // sum / count, integer division [V:E3, T1, S1, Q1], plus the adjustment [V:E5]; floored at 1 dB
            // because an all-zero profile is rejected by EVs (pitfall #13).
            int total = 0;
            for (int i = 0; i < MmeHeader.AagGroupCount; i++)
            {
                int value = session.AagSums[i] / session.Profiles + _settings.AttenuationAdjustmentDb;
                if (value < 1)
                {
                    value = 1;
                }
                else if (value > 255)
                {
                    value = 255;
                }

                session.AagAverage[i] = (byte)value;
                total += value;
            }

            double meanDb = (double)total / MmeHeader.AagGroupCount;
            if (_settings.AttenuationThresholdDb > 0 && meanDb > _settings.AttenuationThresholdDb)
            {
                FailSession(session, SlacFailureReasons.AttenuationTooHigh, nowMs);
                return;
            }

            _attenuationDb = meanDb;
            _soundsReceived = session.Profiles;
            session.State = SlacState.WaitingForAttenCharRsp;
            session.AttenCharResends = 0;
            SendAttenCharInd(session, nowMs);
        }

        private void SendAttenCharInd(SlacSession session, long nowMs)
        {
            session.DeadlineMs = nowMs + _settings.AttenCharResponseTimeoutMs;
            int length = AttenCharInd.Write(_tx, session.EvMac, _ownMac, session.EvMac, session.RunId, session.Profiles, session.AagAverage);
            TraceEntry entry = Send(_tx, length, nowMs, MmType.CmAttenCharInd);
            if (entry != null)
            {
                entry.Details.Append("sounds=").Append(session.Profiles).Append(" attenuation_db=").Append(_attenuationDb, 1);
                if (session.AttenCharResends > 0)
                {
                    entry.Details.Append(" resend=").Append(session.AttenCharResends);
                }
            }
        }

        private void OnAttenCharRsp(long nowMs)
        {
            TraceEntry entry = Received(nowMs, MmType.CmAttenCharRsp, AttenCharRsp.OffsetRunId);
            SlacSession session = _failed || _phase != Phase.Matching ? null : Find(MmeHeader.OffsetSourceMac, AttenCharRsp.OffsetRunId);

            // EVerest's checks [V:E3]; a mismatch is ignored and the IND is resent when its timer runs out (as SmartEVSE [V:S1]).
            if (session == null || session.State != SlacState.WaitingForAttenCharRsp
                || _rx[AttenCharRsp.OffsetApplicationType] != 0 || _rx[AttenCharRsp.OffsetSecurityType] != 0
                || !MmeHeader.BytesEqual(_rx, AttenCharRsp.OffsetSourceAddress, session.EvMac, 0, MmeHeader.MacLength)
                || !MmeHeader.IsAllZero(_rx, AttenCharRsp.OffsetSourceId, MmeHeader.IdLength)
                || !MmeHeader.IsAllZero(_rx, AttenCharRsp.OffsetRespId, MmeHeader.IdLength)
                || _rx[AttenCharRsp.OffsetResult] != 0)
            {
                Ignore(entry);
                return;
            }

            session.State = SlacState.WaitingForMatch;
            session.DeadlineMs = nowMs + _settings.MatchSessionTimeoutMs;
        }

        private void OnValidateReq(long nowMs)
        {
            TraceEntry entry = Received(nowMs, MmType.CmValidateReq, -1);
            if (_failed || _phase != Phase.Matching)
            {
                Ignore(entry);
                return;
            }

            // Validation is optional for the EVSE ([V2G3-A09-51] per [V:E3]); EVerest answers "failure" (0x03).
            int length = ValidateCnf.Write(
                _tx, SourceOf(), _ownMac, _rx[ValidateReq.OffsetSignalType], 0, ValidateCnf.ResultFailure);
            Send(_tx, length, nowMs, MmType.CmValidateCnf);
        }

        private void OnMatchReq(long nowMs)
        {
            TraceEntry entry = Received(nowMs, MmType.CmSlacMatchReq, SlacMatchReq.OffsetRunId);

            // No key to hand out before its NID is derived (a few polls after a reset): the EV repeats.
            if (_failed || _nidRound >= 0)
            {
                Ignore(entry);
                return;
            }

            if (_phase == Phase.Joining || _phase == Phase.Matched)
            {
                // The EV repeats MATCH.REQ when our CNF was lost: send the same CNF again [V:E4 WaitForLinkState].
                if (_matchCnfLength > 0
                    && MmeHeader.BytesEqual(_rx, MmeHeader.OffsetSourceMac, _evMac, 0, MmeHeader.MacLength)
                    && MmeHeader.BytesEqual(_rx, SlacMatchReq.OffsetRunId, _matchedRunId, 0, MmeHeader.RunIdLength)
                    && IsValidMatchReq(_evMac))
                {
                    AppendRunId(Send(_matchCnf, _matchCnfLength, nowMs, MmType.CmSlacMatchCnf), _matchedRunId, 0);
                }
                else
                {
                    Ignore(entry);
                }

                return;
            }

            SlacSession session = _phase != Phase.Matching ? null : Find(MmeHeader.OffsetSourceMac, SlacMatchReq.OffsetRunId);
            if (session == null || session.State != SlacState.WaitingForMatch || !IsValidMatchReq(session.EvMac))
            {
                Ignore(entry);
                return;
            }

            _matchCnfLength = SlacMatchCnf.Write(
                _matchCnf, session.EvMac, _ownMac, null, session.EvMac, null, _ownMac, session.RunId, _nid, _nmk);
            MmeHeader.CopyOrZero(session.EvMac, _evMac, 0, MmeHeader.MacLength);
            MmeHeader.CopyOrZero(session.RunId, _matchedRunId, 0, MmeHeader.RunIdLength);
            _hasEvMac = true;
            _nmkDisclosed = true;
            AppendRunId(Send(_matchCnf, _matchCnfLength, nowMs, MmType.CmSlacMatchCnf), _matchedRunId, 0);

            // One car matched: the other sessions (cross-talk) end here.
            ClearSessions();
            if (_settings.LinkStatusDetection)
            {
                _phase = Phase.Joining;
                _joinDeadlineMs = nowMs + _settings.MatchJoinTimeoutMs;
                _nextLinkPollMs = nowMs + _settings.LinkStatusPollMs;
            }
            else
            {
                // EVerest without link_status_detection: D-LINK_READY right after MATCH.CNF [V:E4].
                _phase = Phase.Matched;
                Event(nowMs, "d_link_ready");
            }
        }

        private bool IsValidMatchReq(byte[] evMac)
        {
            // EVerest's checks, each a conformance test (TC_SECC_CMN_VTB_CmSlacMatch_013…022) [V:E3].
            return _rx[SlacMatchReq.OffsetApplicationType] == 0
                && _rx[SlacMatchReq.OffsetSecurityType] == 0
                && MmeHeader.ReadUInt16Le(_rx, SlacMatchReq.OffsetMvfLength) == SlacMatchReq.MvfLength
                && MmeHeader.IsAllZero(_rx, SlacMatchReq.OffsetPevId, MmeHeader.IdLength)
                && MmeHeader.BytesEqual(_rx, SlacMatchReq.OffsetPevMac, evMac, 0, MmeHeader.MacLength)
                && MmeHeader.IsAllZero(_rx, SlacMatchReq.OffsetEvseId, MmeHeader.IdLength)
                && MmeHeader.BytesEqual(_rx, SlacMatchReq.OffsetEvseMac, _ownMac, 0, MmeHeader.MacLength);
        }

        private void OnSetKeyCnf(long nowMs)
        {
            TraceEntry entry = Received(nowMs, MmType.CmSetKeyCnf, -1);
            int result = _rx[SetKeyCnf.OffsetResult];
            if (entry != null)
            {
                entry.Details.Append("result=").Append(result);
            }

            if (!_keyPending)
            {
                Ignore(entry);
                return;
            }

            // A Qualcomm local modem answers 0x01 when it took the key; 0 means it did not (pitfall #11).
            if (result == SetKeyCnf.ResultQualcommAccepted)
            {
                _keyPending = false;
                return;
            }

            SetKeyAttemptFailed(nowMs);
        }

        private void OnLinkStatusCnf(long nowMs)
        {
            // The link is polled every 100 ms while the vehicle's modem joins and every second after:
            // only a change of the status is logged, or the polls would push the session out of the ring.
            int status = _rx[PlLinkStatusCnf.OffsetLinkStatus];
            TraceEntry entry = null;
            if (status != _loggedLinkStatus)
            {
                _loggedLinkStatus = status;
                entry = Received(nowMs, MmType.VsPlLinkStatusCnf, -1);
                if (entry != null)
                {
                    entry.Details.Append("link=").Append(status);
                }
            }

            if (_failed || !_settings.LinkStatusDetection)
            {
                Ignore(entry);
                return;
            }

            if (_phase == Phase.Joining)
            {
                if (status == PlLinkStatusCnf.LinkUp)
                {
                    _phase = Phase.Matched;
                    _nextLinkPollMs = nowMs + _settings.MatchedLinkPollMs;
                    Event(nowMs, "d_link_ready");
                }
            }
            else if (_phase == Phase.Matched)
            {
                if (status != PlLinkStatusCnf.LinkUp && _settings.MatchedLinkPollMs > 0)
                {
                    // EVerest raises the error routine on a link loss in MATCHED [V:E4].
                    Fail(SlacFailureReasons.LinkLost, nowMs, true);
                }
            }
            else
            {
                Ignore(entry);
            }
        }

        private void RunTimers(long nowMs)
        {
            if (_keyPending && nowMs >= _setKeyDeadlineMs)
            {
                SetKeyAttemptFailed(nowMs);
            }

            if (_failed)
            {
                return;
            }

            switch (_phase)
            {
                case Phase.Matching:
                    for (int i = 0; i < _sessions.Length; i++)
                    {
                        SlacSession s = _sessions[i];
                        if (s.InUse && s.State != SlacState.Failed && nowMs >= s.DeadlineMs)
                        {
                            OnSessionTimer(s, nowMs);
                        }
                    }

                    CheckOutcome(nowMs);
                    break;
                case Phase.Joining:
                    if (nowMs >= _joinDeadlineMs)
                    {
                        Fail(SlacFailureReasons.JoinTimeout, nowMs, true);
                    }
                    else if (nowMs >= _nextLinkPollMs)
                    {
                        SendLinkStatusReq(nowMs);
                        _nextLinkPollMs = nowMs + _settings.LinkStatusPollMs;
                    }

                    break;
                case Phase.Matched:
                    if (_settings.LinkStatusDetection && _settings.MatchedLinkPollMs > 0 && nowMs >= _nextLinkPollMs)
                    {
                        SendLinkStatusReq(nowMs);
                        _nextLinkPollMs = nowMs + _settings.MatchedLinkPollMs;
                    }

                    break;
            }
        }

        private void OnSessionTimer(SlacSession session, long nowMs)
        {
            switch (session.State)
            {
                case SlacState.WaitingForStartAttenChar:
                    FailSession(session, SlacFailureReasons.MatchSequenceTimeout, nowMs);
                    break;
                case SlacState.Sounding:
                    // Fewer sounds than asked for: average what arrived ("[V2G3-A09-43]" per [V:T1]; EVerest [V:E3]).
                    FinishSounding(session, nowMs);
                    break;
                case SlacState.WaitingForAttenCharRsp:
                    if (session.AttenCharResends < _settings.AttenCharRetries)
                    {
                        // [V2G3-A09-46] per [V:T1]; EVerest lacked this at first (pitfall #6).
                        session.AttenCharResends++;
                        SendAttenCharInd(session, nowMs);
                    }
                    else
                    {
                        FailSession(session, SlacFailureReasons.NoAttenCharRsp, nowMs);
                    }

                    break;
                case SlacState.WaitingForMatch:
                    FailSession(session, SlacFailureReasons.MatchSessionTimeout, nowMs);
                    break;
            }
        }

        private void CheckOutcome(long nowMs)
        {
            int inUse = 0;
            int failed = 0;
            SlacSession latest = null;
            for (int i = 0; i < _sessions.Length; i++)
            {
                SlacSession s = _sessions[i];
                if (!s.InUse)
                {
                    continue;
                }

                inUse++;
                if (s.State == SlacState.Failed)
                {
                    failed++;
                    if (latest == null || s.Sequence > latest.Sequence)
                    {
                        latest = s;
                    }
                }
            }

            if (inUse == 0)
            {
                if (nowMs >= _initDeadlineMs)
                {
                    Fail(SlacFailureReasons.SlacInitTimeout, nowMs, true);
                }

                return;
            }

            if (failed < inUse)
            {
                return;
            }

            // Every session failed. As EVerest's reset_instead_of_fail: once, clear them and wait for a new
            // PARM.REQ for TT_EVSE_SLAC_init again (pitfall #4); the second time, fail [V:E5].
            if (_settings.ResetInsteadOfFail && !_resetOnce)
            {
                _resetOnce = true;
                ClearSessions();
                _initDeadlineMs = nowMs + _settings.SlacInitTimeoutMs;
                Event(nowMs, "matching_reset");
                return;
            }

            Fail(latest.FailureReason, nowMs, false);
        }

        private void FailSession(SlacSession session, string reason, long nowMs)
        {
            session.State = SlacState.Failed;
            session.FailureReason = reason;
            if (_log != null)
            {
                AppendRunId(_log.AddFailure(nowMs, FailureLayer.Slac, reason), session.RunId, 0);
            }
        }

        private void Fail(string reason, long nowMs, bool log)
        {
            _failed = true;
            _failureReason = reason;
            ClearSessions();
            if (log && _log != null)
            {
                _log.AddFailure(nowMs, FailureLayer.Slac, reason);
            }
        }

        private void ClearFailure()
        {
            _failed = false;
            _failureReason = null;
        }

        private void ClearSessions()
        {
            for (int i = 0; i < _sessions.Length; i++)
            {
                _sessions[i].Clear();
            }
        }

        private SlacSession Find(int macOffset, int runIdOffset)
        {
            for (int i = 0; i < _sessions.Length; i++)
            {
                if (_sessions[i].Is(_rx, macOffset, runIdOffset))
                {
                    return _sessions[i];
                }
            }

            return null;
        }

        private SlacSession FreeSlot()
        {
            for (int i = 0; i < _sessions.Length; i++)
            {
                if (!_sessions[i].InUse)
                {
                    return _sessions[i];
                }
            }

            // All slots taken: reuse the oldest failed one; live sessions are never evicted.
            SlacSession oldest = null;
            for (int i = 0; i < _sessions.Length; i++)
            {
                SlacSession s = _sessions[i];
                if (s.State == SlacState.Failed && (oldest == null || s.Sequence < oldest.Sequence))
                {
                    oldest = s;
                }
            }

            return oldest;
        }

        private void SendLinkStatusReq(long nowMs)
        {
            // Not logged (see OnLinkStatusCnf): counted only if the port refuses it.
            int length = PlLinkStatusReq.Write(_tx, MmeHeader.LocalModemMac, _ownMac);
            if (!_port.TrySend(_tx, length))
            {
                SendsRefused++;
            }
        }

        // The source MAC of the received frame, as a destination: copied into a preallocated scratch field.
        private byte[] SourceOf()
        {
            MmeHeader.CopyOut(_rx, MmeHeader.OffsetSourceMac, _replyMac, MmeHeader.MacLength);
            return _replyMac;
        }

        private TraceEntry Send(byte[] frame, int length, long nowMs, int mmType)
        {
            if (!_port.TrySend(frame, length))
            {
                SendsRefused++;
            }

            return _log == null ? null : _log.Add(nowMs, MessageDirection.Sent, MmTypeNames.Of(mmType));
        }

        private TraceEntry Received(long nowMs, int mmType, int runIdOffset)
        {
            if (_log == null)
            {
                return null;
            }

            TraceEntry entry = _log.Add(nowMs, MessageDirection.Received, MmTypeNames.Of(mmType));
            if (runIdOffset >= 0)
            {
                AppendRunId(entry, _rx, runIdOffset);
            }

            return entry;
        }

        private void Ignore(TraceEntry entry)
        {
            FramesUnexpected++;
            if (entry != null)
            {
                if (entry.Details.Length > 0)
                {
                    entry.Details.Append(' ');
                }

                entry.Details.Append("ignored");
            }
        }

        private void Event(long nowMs, string what)
        {
            if (_log != null)
            {
                _log.Add(nowMs, MessageDirection.Event, what);
            }
        }

        private static void AppendRunId(TraceEntry entry, byte[] source, int offset)
        {
            if (entry == null)
            {
                return;
            }

            TextBuffer details = entry.Details;
            if (details.Length > 0)
            {
                details.Append(' ');
            }

            details.Append("run_id=");
            for (int i = 0; i < MmeHeader.RunIdLength; i++)
            {
                int b = source[offset + i];
                details.Append(HexDigit(b >> 4)).Append(HexDigit(b & 0x0F));
            }
        }

        private static char HexDigit(int nibble)
        {
            return (char)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
        }
    }
}
