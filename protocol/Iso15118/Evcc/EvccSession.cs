using V2G.Hal.Comms;
using V2G.Hal.Timing;
using V2G.Protocol.Iso15118;
using V2G.Protocol.Iso15118.Exi;
using V2G.Protocol.Iso15118.Generated.AppHand;
using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Iso15118.Transport;
using V2G.Protocol.Session;
using V2G.Protocol.Trace;

namespace V2G.Protocol.Iso15118.Evcc
{
    /// <summary>
    /// The EV side of an ISO 15118-20 DC / DC_BPT session over a V2GTP byte stream: it sends the requests in
    /// the standard's order, waits for each answer within the EV's timeouts, and acts on its vehicle like a
    /// real one (declares its battery's limits, closes its contactor only onto a matched voltage after
    /// precharge, stops at its target or minimum SoC, on request or on the charger's Terminate, and opens its
    /// contactor before welding detection). Call <see cref="Poll"/> every tick from one thread.
    /// After the first charge loop message nothing it does per message allocates.
    /// In its <see cref="Log"/>, <see cref="MessageDirection.Sent"/> is a request the EV sent and
    /// <see cref="MessageDirection.Received"/> a response it received (its own side's view).
    /// </summary>
    public sealed class EvccSession
    {
        // Request kinds: index into the name tables and the choice of grammar.
        private const int None = -1;
        private const int KindAppProtocol = 0;
        private const int KindSessionSetup = 1;
        private const int KindAuthorizationSetup = 2;
        private const int KindAuthorization = 3;
        private const int KindServiceDiscovery = 4;
        private const int KindServiceDetail = 5;
        private const int KindServiceSelection = 6;
        private const int KindChargeParameterDiscovery = 7;
        private const int KindScheduleExchange = 8;
        private const int KindCableCheck = 9;
        private const int KindPreCharge = 10;
        private const int KindPowerDelivery = 11;
        private const int KindChargeLoop = 12;
        private const int KindWeldingDetection = 13;
        private const int KindSessionStop = 14;

        private static readonly string[] RequestNames =
        {
            "supportedAppProtocolReq", "SessionSetupReq", "AuthorizationSetupReq", "AuthorizationReq",
            "ServiceDiscoveryReq", "ServiceDetailReq", "ServiceSelectionReq", "DC_ChargeParameterDiscoveryReq",
            "ScheduleExchangeReq", "DC_CableCheckReq", "DC_PreChargeReq", "PowerDeliveryReq", "DC_ChargeLoopReq",
            "DC_WeldingDetectionReq", "SessionStopReq",
        };

        private static readonly string[] ResponseNames =
        {
            "supportedAppProtocolRes", "SessionSetupRes", "AuthorizationSetupRes", "AuthorizationRes",
            "ServiceDiscoveryRes", "ServiceDetailRes", "ServiceSelectionRes", "DC_ChargeParameterDiscoveryRes",
            "ScheduleExchangeRes", "DC_CableCheckRes", "DC_PreChargeRes", "PowerDeliveryRes", "DC_ChargeLoopRes",
            "DC_WeldingDetectionRes", "SessionStopRes",
        };

        /// <summary>ISO 15118-20 ControlMode parameter values in a ServiceDetail parameter set.</summary>
        private const int ControlModeScheduled = 1;
        private const int ControlModeDynamic = 2;

        private const long UnixEpochTicks = 621355968000000000L;

        private readonly EvccSettings _settings;
        private readonly IEvPlant _plant;
        private readonly IMonotonicClock _clock;
        private long _departureAtMs = -1;
        private readonly IWallClock _wallClock;
        private readonly EvccRequests _requests;
        private readonly MessageLog _log;
        private readonly ushort[] _acceptedPayloadTypes = V2gtpPayloadType.SessionTypes();
        private readonly byte[] _sessionId = new byte[8];
        private int _sessionIdLength;

        private IByteStream _stream;
        private V2gtpReader _reader;
        private V2gtpWriter _writer;

        private EvccState _state = EvccState.Idle;
        private long _attachedAtMs;
        private long _stateSinceMs;
        private long _nextSendMs;
        private int _awaiting = None;
        private long _sentAtMs;
        private int _responseTimeoutMs;
        private long _lastLoopSentMs;

        private bool _resuming;
        private bool _bidirectional;
        private bool _dynamic;
        private ushort _serviceId;
        private ushort _parameterSetId;
        private uint _scheduleTupleId;

        private bool _contactorCommanded;
        private bool _powerDeliveryStarted;
        private bool _preChargeFinishedSent;
        private bool _weldingFinishedSent;
        private bool _contactorOpenCommanded;
        private long _openCommandedAtMs;
        private bool _stopRequested;
        private bool _pauseRequested;
        private bool _chargerTerminate;
        private bool _chargerPause;
        private bool _stopIsPause;
        private string _stopReason = EvccEndReasons.None;

        /// <summary>
        /// An EVCC for <paramref name="plant"/>, timed by <paramref name="clock"/>. <paramref name="wallClock"/>
        /// gives the headers' TimeStamp; it may be null (or unset), then the monotonic seconds are sent.
        /// </summary>
        public EvccSession(EvccSettings settings, IEvPlant plant, IMonotonicClock clock, IWallClock wallClock)
        {
            if (settings == null)
            {
                throw new System.ArgumentNullException("settings");
            }

            if (plant == null)
            {
                throw new System.ArgumentNullException("plant");
            }

            if (clock == null)
            {
                throw new System.ArgumentNullException("clock");
            }

            _settings = settings;
            _plant = plant;
            _clock = clock;
            _wallClock = wallClock;
            _requests = new EvccRequests(settings, plant);
            _log = new MessageLog(settings.LogCapacity, settings.LogDetailCapacity);
            EndReason = EvccEndReasons.None;
        }

        /// <summary>The EVCC's own message log: requests sent, responses received with key fields, failures.</summary>
        public MessageLog Log => _log;

        /// <summary>Where the session stands.</summary>
        public EvccState State => _state;

        /// <summary>The state's stable name (<see cref="EvccStateNames"/>).</summary>
        public string StateName => EvccStateNames.Of(_state);

        /// <summary>True once the session has ended (normally or not); see <see cref="EndReason"/>.</summary>
        public bool IsFinished => _state == EvccState.Finished;

        /// <summary>True after SessionStop Pause was answered, until <see cref="Resume"/>.</summary>
        public bool IsPaused => _state == EvccState.Paused;

        /// <summary>
        /// True while the vehicle asks for energy on the control pilot (its S2 closed, state C): from its
        /// cable check until its contactor has opened after PowerDelivery Stop. The vehicle's pilot
        /// follows this; the charger energises the output only while it sees C or D.
        /// </summary>
        public bool RequestsEnergy
        {
            get
            {
                switch (_state)
                {
                    case EvccState.CableCheck:
                    case EvccState.PreCharge:
                    case EvccState.PowerDeliveryStart:
                    case EvccState.ChargeLoop:
                    case EvccState.PowerDeliveryStop:
                    case EvccState.OpeningContactor:
                        return true;
                    default:
                        return false;
                }
            }
        }

        /// <summary>Why the session ended or paused (<see cref="EvccEndReasons"/>), empty while it runs.</summary>
        public string EndReason { get; private set; }

        /// <summary>The layer of the failure that ended the session, <see cref="FailureLayer.None"/> if none.</summary>
        public FailureLayer FailureLayer { get; private set; }

        /// <summary>The failure's name (a response code, an error name, "response_timeout", ...), or null.</summary>
        public string Failure { get; private set; }

        /// <summary>The charger's last EVSEPresentVoltage (precharge, charge loop, welding detection), V.</summary>
        public double ChargerPresentVoltageV { get; private set; }

        /// <summary>The charger's last EVSEPresentCurrent from the charge loop, A (+ into the vehicle).</summary>
        public double ChargerPresentCurrentA { get; private set; }

        /// <summary>Number of DC_ChargeLoopRes received in this connection.</summary>
        public long ChargeLoopMessages { get; private set; }

        /// <summary>
        /// Scheduled mode: the power the EV asks for, W (+ charge, − discharge); sent as EVTargetCurrent =
        /// power / battery voltage inside the battery's limits. Ignored in Dynamic mode.
        /// </summary>
        public double RequestedPowerW { get; set; }

        /// <summary>True for DC_BPT (ServiceID 6), false for DC, once ServiceDiscovery has been answered.</summary>
        public bool IsBidirectional => _bidirectional;

        /// <summary>True for the Dynamic control mode, false for Scheduled, once ServiceDetail has been answered.</summary>
        public bool IsDynamicMode => _dynamic;

        /// <summary>The energy transfer service selected (2 DC, 6 DC_BPT), 0 before.</summary>
        public ushort SelectedServiceId => _serviceId;

        /// <summary>The parameter set selected, 0 before.</summary>
        public ushort SelectedParameterSetId => _parameterSetId;

        /// <summary>True if the last SessionSetup joined the old session (OK_OldSessionJoined after a pause).</summary>
        public bool JoinedOldSession { get; private set; }

        /// <summary>Bytes of the SessionID in use (8; all zero until SessionSetupRes assigns one).</summary>
        public int SessionIdLength => _sessionIdLength;

        /// <summary>A copy of the SessionID the charger assigned (allocates: for display and tests).</summary>
        public byte[] SessionId
        {
            get
            {
                byte[] copy = new byte[_sessionIdLength];
                System.Array.Copy(_sessionId, copy, _sessionIdLength);
                return copy;
            }
        }

        /// <summary>Starts a new session on a freshly connected stream (TCP or TLS after SDP): SessionID 0 (eight zero bytes).</summary>
        public void Attach(IByteStream stream)
        {
            // A new session is asked for with SessionID 0: eight zero bytes, as the reference vector sends it.
            _sessionIdLength = _sessionId.Length;
            for (int i = 0; i < _sessionId.Length; i++)
            {
                _sessionId[i] = 0;
            }

            _resuming = false;
            Start(stream);
        }

        /// <summary>
        /// Resumes a paused session on a new connection: SessionSetup with the old SessionID, expecting
        /// OK_OldSessionJoined, then on from DC_ChargeParameterDiscovery. If the charger starts a new session
        /// instead, the whole sequence runs again. Only after <see cref="IsPaused"/>.
        /// </summary>
        public void Resume(IByteStream stream)
        {
            if (_state != EvccState.Paused)
            {
                throw new System.InvalidOperationException("not paused");
            }

            _resuming = true;
            Start(stream);
        }

        /// <summary>The driver wants to stop: the loop ends with PowerDelivery Stop, welding detection, SessionStop Terminate.</summary>
        public void RequestStop()
        {
            _stopRequested = true;
        }

        /// <summary>The vehicle wants to pause: as a stop, but the session ends with SessionStop Pause.</summary>
        public void RequestPause()
        {
            _pauseRequested = true;
        }

        /// <summary>Advances the session: takes an answer if one waits, checks timeouts, sends the next request when due.</summary>
        public void Poll()
        {
            if (_state == EvccState.Idle || _state == EvccState.Finished || _state == EvccState.Paused)
            {
                return;
            }

            long now = _clock.NowMs;
            if (_awaiting != None)
            {
                if (!PollResponse(now))
                {
                    return;
                }
            }

            if (_state == EvccState.Finished || _state == EvccState.Paused)
            {
                return;
            }

            if (_state <= EvccState.SessionSetup && now - _attachedAtMs > _settings.CommunicationSetupTimeoutMs)
            {
                Fail(now, FailureLayer.Session, "communication_setup_timeout", EvccEndReasons.StepTimeout);
                return;
            }

            Step(now);
        }

        private void Start(IByteStream stream)
        {
            if (stream == null)
            {
                throw new System.ArgumentNullException("stream");
            }

            // A reader and writer per connection: allocated once per session, never per message.
            _stream = stream;
            _reader = new V2gtpReader(stream, _acceptedPayloadTypes, _settings.MaxPayloadBytes);
            _writer = new V2gtpWriter(stream, _settings.MaxPayloadBytes);

            long now = _clock.NowMs;
            _attachedAtMs = now;
            _awaiting = None;
            _contactorCommanded = false;
            _powerDeliveryStarted = false;
            _contactorOpenCommanded = false;
            _preChargeFinishedSent = false;
            _weldingFinishedSent = false;
            _stopRequested = false;
            _pauseRequested = false;
            _chargerTerminate = false;
            _chargerPause = false;
            _stopIsPause = false;
            _stopReason = EvccEndReasons.None;
            JoinedOldSession = false;
            EndReason = EvccEndReasons.None;
            FailureLayer = FailureLayer.None;
            Failure = null;
            ChargeLoopMessages = 0;
            if (!_resuming)
            {
                _bidirectional = _settings.UseBidirectional;
                _dynamic = _settings.UseDynamicMode;
                _serviceId = 0;
                _parameterSetId = 0;
                _scheduleTupleId = 0;
            }

            Enter(EvccState.SupportedAppProtocol, now);
        }

        // ----- sending -----

        private void Step(long now)
        {
            if (now < _nextSendMs && _state != EvccState.OpeningContactor && _state != EvccState.Aborting)
            {
                return;
            }

            if ((_stopRequested || _pauseRequested) && HandleStopOutsideLoop(now))
            {
                return;
            }

            switch (_state)
            {
                case EvccState.SupportedAppProtocol:
                    _requests.PrepareAppProtocol();
                    Send(KindAppProtocol, now);
                    break;

                case EvccState.SessionSetup:
                    _requests.PrepareSessionSetup();
                    Send(KindSessionSetup, now);
                    break;

                case EvccState.AuthorizationSetup:
                    _requests.PrepareAuthorizationSetup();
                    Send(KindAuthorizationSetup, now);
                    break;

                case EvccState.Authorization:
                    if (OngoingLimitPassed(now, _settings.OngoingLimitMs, "authorization_timeout"))
                    {
                        return;
                    }

                    _requests.PrepareAuthorization();
                    Send(KindAuthorization, now);
                    break;

                case EvccState.ServiceDiscovery:
                    _requests.PrepareServiceDiscovery();
                    Send(KindServiceDiscovery, now);
                    break;

                case EvccState.ServiceDetail:
                    _requests.PrepareServiceDetail(_serviceId);
                    Send(KindServiceDetail, now);
                    break;

                case EvccState.ServiceSelection:
                    _requests.PrepareServiceSelection(_serviceId, _parameterSetId);
                    Send(KindServiceSelection, now);
                    break;

                case EvccState.ChargeParameterDiscovery:
                    _requests.PrepareChargeParameterDiscovery(_bidirectional);
                    Send(KindChargeParameterDiscovery, now);
                    break;

                case EvccState.ScheduleExchange:
                    if (OngoingLimitPassed(now, _settings.OngoingLimitMs, "schedule_exchange_timeout"))
                    {
                        return;
                    }

                    _requests.DepartureTimeS = DepartureRemainingS(now);
                    _requests.PrepareScheduleExchange(_dynamic, _bidirectional);
                    Send(KindScheduleExchange, now);
                    break;

                case EvccState.CableCheck:
                    if (OngoingLimitPassed(now, _settings.CableCheckTotalMs, "cable_check_timeout"))
                    {
                        return;
                    }

                    _requests.PrepareCableCheck();
                    Send(KindCableCheck, now);
                    break;

                case EvccState.PreCharge:
                    StepPreCharge(now);
                    break;

                case EvccState.PowerDeliveryStart:
                    _requests.PreparePowerDeliveryStart(_dynamic, _bidirectional, _scheduleTupleId, ProfilePowerW(), TimeStampS(now));
                    Send(KindPowerDelivery, now);
                    break;

                case EvccState.ChargeLoop:
                    StepChargeLoop(now);
                    break;

                case EvccState.PowerDeliveryStop:
                    _requests.PreparePowerDeliveryStop();
                    Send(KindPowerDelivery, now);
                    break;

                case EvccState.OpeningContactor:
                    if (OpenContactorWhenCurrentLow(now))
                    {
                        // Welding detection belongs after power delivery; a stop right after precharge
                        // goes straight to SessionStop, which the charger accepts there.
                        Enter(_powerDeliveryStarted ? EvccState.WeldingDetection : EvccState.SessionStop, now);
                        Step(now);
                    }

                    break;

                case EvccState.WeldingDetection:
                    StepWeldingDetection(now);
                    break;

                case EvccState.SessionStop:
                    _requests.PrepareSessionStop(_stopIsPause);
                    Send(KindSessionStop, now);
                    break;

                case EvccState.Aborting:
                    if (OpenContactorWhenCurrentLow(now))
                    {
                        Finish(now);
                    }

                    break;
            }
        }

        private void StepPreCharge(long now)
        {
            bool closed = _contactorCommanded && _plant.IsContactorClosed;
            if (!closed && now - _stateSinceMs > _settings.PreChargeTotalMs)
            {
                Fail(now, FailureLayer.Session, "precharge_timeout", EvccEndReasons.StepTimeout);
                return;
            }

            // EVProcessing stays Ongoing until the EV's own contactor reads closed; then one Finished.
            _preChargeFinishedSent = closed;
            _requests.PreparePreCharge(closed);
            Send(KindPreCharge, now);
        }

        private void StepChargeLoop(long now)
        {
            string reason = LoopStopReason();
            if (reason != null)
            {
                _stopReason = reason;
                _stopIsPause = reason == EvccEndReasons.VehiclePause || reason == EvccEndReasons.ChargerPause;
                TraceEntry e = _log.Add(now, MessageDirection.Event, "stop");
                e.Details.Append("reason=").Append(reason).Append(" SoC=").Append(_plant.SocPercent, 1);
                Enter(EvccState.PowerDeliveryStop, now);
                _requests.PreparePowerDeliveryStop();
                Send(KindPowerDelivery, now);
                return;
            }

            _requests.DepartureTimeS = DepartureRemainingS(now);
            _requests.PrepareChargeLoop(_dynamic, _bidirectional, RequestedPowerW);
            _lastLoopSentMs = now;
            Send(KindChargeLoop, now);
        }

        private void StepWeldingDetection(long now)
        {
            // The EV checks its own contactor: with it open, the inlet follows the charger's falling voltage.
            bool done = _plant.InletVoltageV <= _settings.WeldingSafeVoltageV;
            if (!done && now - _stateSinceMs > _settings.WeldingDetectionTotalMs)
            {
                TraceEntry e = _log.Add(now, MessageDirection.Event, "welding_detection_unresolved");
                e.Details.Append("inlet=").Append(_plant.InletVoltageV, 1).Append(" V");
                done = true;
            }

            _weldingFinishedSent = done;
            _requests.PrepareWeldingDetection(done);
            Send(KindWeldingDetection, now);
        }

        /// <summary>The reason the loop must end now, or null.</summary>
        private string LoopStopReason()
        {
            if (_stopRequested)
            {
                return EvccEndReasons.VehicleStop;
            }

            if (_pauseRequested)
            {
                return EvccEndReasons.VehiclePause;
            }

            if (_chargerTerminate)
            {
                return EvccEndReasons.ChargerTerminate;
            }

            if (_chargerPause)
            {
                return EvccEndReasons.ChargerPause;
            }

            double threshold = _settings.DirectionThresholdA;
            double current = _plant.BatteryCurrentA;
            bool charging = current > threshold || ChargerPresentCurrentA > threshold || (!_dynamic && RequestedPowerW > 0);
            bool discharging = current < -threshold || ChargerPresentCurrentA < -threshold || (!_dynamic && RequestedPowerW < 0);
            double soc = _plant.SocPercent;
            if (charging && soc >= _settings.TargetSocPercent)
            {
                return EvccEndReasons.TargetSoc;
            }

            if (discharging && soc <= _settings.MinimumSocPercent)
            {
                return EvccEndReasons.MinimumSoc;
            }

            return null;
        }

        /// <summary>
        /// A stop or pause asked for before the charge loop: leave by the shortest path the standard allows
        /// (SessionStop is not accepted during PowerDelivery and the loop). Returns true if it changed the course.
        /// </summary>
        private bool HandleStopOutsideLoop(long now)
        {
            if (_state == EvccState.ChargeLoop || _state >= EvccState.PowerDeliveryStop)
            {
                return false;
            }

            _stopIsPause = !_stopRequested && _pauseRequested;
            _stopReason = _stopIsPause ? EvccEndReasons.VehiclePause : EvccEndReasons.VehicleStop;
            _stopRequested = false;
            _pauseRequested = false;
            TraceEntry e = _log.Add(now, MessageDirection.Event, "stop");
            e.Details.Append("reason=").Append(_stopReason).Append(" in=").Append(EvccStateNames.Of(_state));
            if (_state <= EvccState.SessionSetup)
            {
                // No session yet: nothing to stop but the connection.
                EndReason = _stopReason;
                Finish(now);
                return true;
            }

            Enter(_contactorCommanded ? EvccState.OpeningContactor : EvccState.SessionStop, now);
            Step(now);
            return true;
        }

        private bool OngoingLimitPassed(long now, int limitMs, string failure)
        {
            if (now - _stateSinceMs <= limitMs)
            {
                return false;
            }

            Fail(now, FailureLayer.Session, failure, EvccEndReasons.StepTimeout);
            return true;
        }

        /// <summary>Opens the EV contactor once |I| is about 0 (or the wait is over); true once it reads open.</summary>
        private bool OpenContactorWhenCurrentLow(long now)
        {
            if (!_contactorOpenCommanded)
            {
                double current = _plant.BatteryCurrentA;
                bool low = current <= _settings.ContactorOpenCurrentA && current >= -_settings.ContactorOpenCurrentA;
                if (!low && now - _stateSinceMs < _settings.ContactorOpenWaitMaxMs)
                {
                    return false;
                }

                _plant.OpenContactor();
                _contactorOpenCommanded = true;
                _openCommandedAtMs = now;
                TraceEntry e = _log.Add(now, MessageDirection.Event, "contactor_open");
                e.Details.Append("I=").Append(current, 1).Append(" A");
            }

            if (_plant.IsContactorClosed)
            {
                if (now - _openCommandedAtMs <= _settings.ContactorOpenWaitMaxMs)
                {
                    return false;
                }

                // A contactor that does not open (welded, or its feedback broken) must not hold the session:
                // welding detection (or the end) follows, and the log says so.
                _log.Add(now, MessageDirection.Event, "contactor_still_closed");
            }

            _contactorCommanded = false;
            return true;
        }

        private void Send(int kind, long now)
        {
            _requests.SetHeader(_sessionId, _sessionIdLength, TimeStampS(now));
            byte[] buffer = _writer.Buffer;
            int offset = _writer.PayloadOffset;
            int capacity = _writer.MaxPayloadLength;
            int length;
            ExiError error;
            ushort payloadType = PayloadTypeOf(kind);
            if (kind == KindAppProtocol)
            {
                error = _requests.App.Encode(buffer, offset, capacity, out length);
            }
            else if (payloadType == V2gtpPayloadType.Dc)
            {
                error = _requests.Dc.Encode(buffer, offset, capacity, out length);
            }
            else
            {
                error = _requests.Common.Encode(buffer, offset, capacity, out length);
            }

            if (error != ExiError.Ok)
            {
                TraceEntry f = Fail(now, FailureLayer.Exi, ExiErrorNames.Name(error), EvccEndReasons.CodecError);
                f.Details.Append("encoding ").Append(RequestNames[kind]);
                return;
            }

            V2gtpError sent = _writer.Send(payloadType, length);
            if (sent != V2gtpError.None)
            {
                Fail(now, FailureLayer.V2gtp, V2gtpErrorNames.Of(sent), EvccEndReasons.TransportError);
                return;
            }

            _awaiting = kind;
            _sentAtMs = now;
            _responseTimeoutMs = kind == KindServiceDetail ? _settings.ServiceDetailTimeoutMs : (kind == KindChargeLoop ? _settings.ChargeLoopTimeoutMs : _settings.ResponseTimeoutMs);
            TraceEntry entry = _log.Add(now, MessageDirection.Sent, RequestNames[kind]);
            DescribeRequest(kind, entry);
        }

        // ----- receiving -----

        /// <summary>True if an answer was taken (and the session may go on in this poll).</summary>
        private bool PollResponse(long now)
        {
            V2gtpReadStatus status = _reader.Poll();
            if (status == V2gtpReadStatus.Message)
            {
                int kind = _awaiting;
                _awaiting = None;
                HandleResponse(kind, now);
                return true;
            }

            if (status == V2gtpReadStatus.Error)
            {
                Fail(now, FailureLayer.V2gtp, V2gtpErrorNames.Of(_reader.Error), EvccEndReasons.TransportError);
                return false;
            }

            if (status == V2gtpReadStatus.Closed)
            {
                Fail(now, FailureLayer.V2gtp, "stream_closed", EvccEndReasons.TransportError);
                return false;
            }

            if (now - _sentAtMs >= _responseTimeoutMs)
            {
                // Named before Fail, which forgets what was awaited.
                string awaited = ResponseNames[_awaiting == None ? 0 : _awaiting];
                TraceEntry f = Fail(now, FailureLayer.Session, "response_timeout", EvccEndReasons.ResponseTimeout);
                f.Details.Append("waiting for ").Append(awaited).Append(" ").Append(_responseTimeoutMs).Append(" ms");
            }

            return false;
        }

        private void HandleResponse(int kind, long now)
        {
            ushort expectedType = PayloadTypeOf(kind);
            if (_reader.PayloadType != expectedType)
            {
                TraceEntry f = Fail(now, FailureLayer.V2gtp, "unexpected_payload_type", EvccEndReasons.ProtocolError);
                f.Details.Append("expected ").Append(ResponseNames[kind]);
                return;
            }

            byte[] buffer = _reader.Buffer;
            int offset = _reader.PayloadOffset;
            int length = _reader.PayloadLength;
            ExiError error;
            bool rightMessage;
            if (kind == KindAppProtocol)
            {
                error = _requests.App.Decode(buffer, offset, length);
                rightMessage = _requests.App.Root == AppHandRoot.supportedAppProtocolRes;
            }
            else if (expectedType == V2gtpPayloadType.Dc)
            {
                error = _requests.Dc.Decode(buffer, offset, length);
                rightMessage = _requests.Dc.Root == DcResponseRoot(kind);
            }
            else
            {
                error = _requests.Common.Decode(buffer, offset, length);
                rightMessage = _requests.Common.Root == CommonResponseRoot(kind);
            }

            if (error != ExiError.Ok)
            {
                TraceEntry f = Fail(now, FailureLayer.Exi, ExiErrorNames.Name(error), EvccEndReasons.CodecError);
                f.Details.Append("decoding ").Append(ResponseNames[kind]);
                return;
            }

            if (!rightMessage)
            {
                TraceEntry f = Fail(now, FailureLayer.Session, "unexpected_message", EvccEndReasons.ProtocolError);
                f.Details.Append("expected ").Append(ResponseNames[kind]);
                return;
            }

            TraceEntry entry = _log.Add(now, MessageDirection.Received, ResponseNames[kind]);
            entry.ResponseTimeMs = now - _sentAtMs;
            if (kind == KindAppProtocol)
            {
                HandleAppProtocol(entry, now);
                return;
            }

            MessageHeaderType header;
            int code = ResponseCodeAndHeader(kind, out header);
            entry.Details.Append(ResponseCodeNames.Of(code));
            if (code >= ResponseCodeNames.FirstFailed)
            {
                entry.Failure = ResponseCodeNames.Of(code);
                TraceEntry f = Fail(now, FailureLayer.Session, ResponseCodeNames.Of(code), EvccEndReasons.ChargerFailed);
                f.Details.Append("in ").Append(ResponseNames[kind]);
                return;
            }

            if (kind != KindSessionSetup && !SameSessionId(header))
            {
                Fail(now, FailureLayer.Session, "session_id_mismatch", EvccEndReasons.ProtocolError);
                return;
            }

            switch (kind)
            {
                case KindSessionSetup:
                    HandleSessionSetup(header, code, entry, now);
                    break;

                case KindAuthorizationSetup:
                    HandleAuthorizationSetup(now);
                    break;

                case KindAuthorization:
                    ProcessingType p = _requests.Common.AuthorizationRes.EVSEProcessing;
                    entry.Details.Append(" ").Append(ProcessingName(p));
                    Repeat(p != ProcessingType.Finished, EvccState.ServiceDiscovery, now);
                    break;

                case KindServiceDiscovery:
                    HandleServiceDiscovery(entry, now);
                    break;

                case KindServiceDetail:
                    HandleServiceDetail(entry, now);
                    break;

                case KindServiceSelection:
                    GoTo(EvccState.ChargeParameterDiscovery, now);
                    break;

                case KindChargeParameterDiscovery:
                    DescribeChargerLimits(entry);
                    GoTo(EvccState.ScheduleExchange, now);
                    break;

                case KindScheduleExchange:
                    HandleScheduleExchange(entry, now);
                    break;

                case KindCableCheck:
                    ProcessingType c = _requests.Dc.DC_CableCheckRes.EVSEProcessing;
                    entry.Details.Append(" ").Append(ProcessingName(c));
                    Repeat(c != ProcessingType.Finished, EvccState.PreCharge, now);
                    break;

                case KindPreCharge:
                    HandlePreCharge(entry, now);
                    break;

                case KindPowerDelivery:
                    HandlePowerDelivery(entry, now);
                    break;

                case KindChargeLoop:
                    HandleChargeLoop(entry, now);
                    break;

                case KindWeldingDetection:
                    ChargerPresentVoltageV = EvccRequests.Value(_requests.Dc.DC_WeldingDetectionRes.EVSEPresentVoltage);
                    entry.Details.Append(" EVSEPresentVoltage=").Append(ChargerPresentVoltageV, 1).Append(" V");
                    if (_weldingFinishedSent)
                    {
                        GoTo(EvccState.SessionStop, now);
                    }
                    else
                    {
                        _nextSendMs = now + _settings.OngoingRepeatMs;
                    }

                    break;

                case KindSessionStop:
                    EndReason = _stopReason;
                    if (_stopIsPause)
                    {
                        CloseStream();
                        Enter(EvccState.Paused, now);
                    }
                    else
                    {
                        Finish(now);
                    }

                    break;
            }
        }

        private void HandleAppProtocol(TraceEntry entry, long now)
        {
            SupportedAppProtocolResType res = _requests.App.supportedAppProtocolRes;
            entry.Details.Append(res.ResponseCode == Generated.AppHand.ResponseCodeType.Failed_NoNegotiation ? "Failed_NoNegotiation" : "OK");
            if (res.HasSchemaID)
            {
                entry.Details.Append(" SchemaID=").Append((long)res.SchemaID);
            }

            if (res.ResponseCode == Generated.AppHand.ResponseCodeType.Failed_NoNegotiation)
            {
                Fail(now, FailureLayer.Session, "Failed_NoNegotiation", EvccEndReasons.NoProtocol);
                return;
            }

            if (!res.HasSchemaID || res.SchemaID != EvccRequests.Iso20DcSchemaId)
            {
                // Only -20 DC is implemented here: another protocol chosen is as good as none.
                Fail(now, FailureLayer.Session, "unsupported_schema", EvccEndReasons.NoProtocol);
                return;
            }

            GoTo(EvccState.SessionSetup, now);
        }

        private void HandleSessionSetup(MessageHeaderType header, int code, TraceEntry entry, long now)
        {
            entry.Details.Append(" EVSEID=");
            ExiString evseId = _requests.Common.SessionSetupRes.EVSEID;
            for (int i = 0; i < evseId.Length; i++)
            {
                entry.Details.Append(evseId.Chars[i]);
            }

            if (header == null || header.SessionID.Length == 0 || header.SessionID.Length > _sessionId.Length)
            {
                Fail(now, FailureLayer.Session, "no_session_id", EvccEndReasons.ProtocolError);
                return;
            }

            bool joined = _resuming && code == (int)Generated.Iso20.ResponseCodeType.OK_OldSessionJoined && SameSessionId(header);
            _sessionIdLength = header.SessionID.Length;
            System.Array.Copy(header.SessionID.Bytes, _sessionId, _sessionIdLength);
            JoinedOldSession = joined;
            if (joined)
            {
                GoTo(EvccState.ChargeParameterDiscovery, now);
                return;
            }

            if (_resuming)
            {
                // The charger did not know us any more: run the whole sequence as a new session.
                _log.Add(now, MessageDirection.Event, "resume_as_new_session");
                _resuming = false;
                _bidirectional = _settings.UseBidirectional;
                _dynamic = _settings.UseDynamicMode;
            }

            GoTo(EvccState.AuthorizationSetup, now);
        }

        private void HandleAuthorizationSetup(long now)
        {
            AuthorizationSetupResType res = _requests.Common.AuthorizationSetupRes;
            for (int i = 0; i < res.AuthorizationServicesCount; i++)
            {
                if (res.AuthorizationServices[i] == AuthorizationType.EIM)
                {
                    GoTo(EvccState.Authorization, now);
                    return;
                }
            }

            Fail(now, FailureLayer.Session, "eim_not_offered", EvccEndReasons.ProtocolError);
        }

        private void HandleServiceDiscovery(TraceEntry entry, long now)
        {
            ServiceListType list = _requests.Common.ServiceDiscoveryRes.EnergyTransferServiceList;
            bool hasDc = false;
            bool hasBpt = false;
            int count = list == null ? 0 : list.ServiceCount;
            entry.Details.Append(" services=");
            for (int i = 0; i < count; i++)
            {
                ushort id = list.Service[i].ServiceID;
                entry.Details.Append((long)id).Append(i + 1 < count ? "," : "");
                hasDc |= id == EvccRequests.ServiceIdDc;
                hasBpt |= id == EvccRequests.ServiceIdDcBpt;
            }

            if (_bidirectional && !hasBpt && hasDc)
            {
                // The vehicle can still charge: fall back to plain DC.
                _log.Add(now, MessageDirection.Event, "bpt_not_offered");
                _bidirectional = false;
            }

            if (_bidirectional ? !hasBpt : !hasDc)
            {
                Fail(now, FailureLayer.Session, "service_not_offered", EvccEndReasons.ProtocolError);
                return;
            }

            _serviceId = _bidirectional ? EvccRequests.ServiceIdDcBpt : EvccRequests.ServiceIdDc;
            GoTo(EvccState.ServiceDetail, now);
        }

        private void HandleServiceDetail(TraceEntry entry, long now)
        {
            ServiceParameterListType list = _requests.Common.ServiceDetailRes.ServiceParameterList;
            int sets = list == null ? 0 : list.ParameterSetCount;
            int wanted = _dynamic ? ControlModeDynamic : ControlModeScheduled;
            int chosen = -1;
            int chosenMode = 0;
            for (int i = 0; i < sets; i++)
            {
                int mode = ControlModeOf(list.ParameterSet[i]);
                if (chosen < 0 || (mode == wanted && chosenMode != wanted))
                {
                    chosen = i;
                    chosenMode = mode;
                }
            }

            if (chosen < 0)
            {
                Fail(now, FailureLayer.Session, "no_parameter_set", EvccEndReasons.ProtocolError);
                return;
            }

            if (chosenMode != wanted && (chosenMode == ControlModeDynamic || chosenMode == ControlModeScheduled))
            {
                // The charger offers only the other control mode: take it rather than end the session.
                _log.Add(now, MessageDirection.Event, "control_mode_not_offered");
                _dynamic = chosenMode == ControlModeDynamic;
            }

            _parameterSetId = list.ParameterSet[chosen].ParameterSetID;
            entry.Details.Append(" sets=").Append((long)sets).Append(" chosen=").Append((long)_parameterSetId).Append(_dynamic ? " Dynamic" : " Scheduled");
            GoTo(EvccState.ServiceSelection, now);
        }

        private void HandleScheduleExchange(TraceEntry entry, long now)
        {
            ScheduleExchangeResType res = _requests.Common.ScheduleExchangeRes;
            entry.Details.Append(" ").Append(ProcessingName(res.EVSEProcessing));
            if (res.EVSEProcessing != ProcessingType.Finished)
            {
                Repeat(true, EvccState.CableCheck, now);
                return;
            }

            if (!_dynamic)
            {
                if (!res.HasScheduled_SEResControlMode || res.Scheduled_SEResControlMode.ScheduleTupleCount < 1)
                {
                    Fail(now, FailureLayer.Session, "no_schedule", EvccEndReasons.ProtocolError);
                    return;
                }

                _scheduleTupleId = res.Scheduled_SEResControlMode.ScheduleTuple[0].ScheduleTupleID;
                entry.Details.Append(" ScheduleTupleID=").Append((long)_scheduleTupleId);
            }

            GoTo(EvccState.CableCheck, now);
        }

        private void HandlePreCharge(TraceEntry entry, long now)
        {
            ChargerPresentVoltageV = EvccRequests.Value(_requests.Dc.DC_PreChargeRes.EVSEPresentVoltage);
            entry.Details.Append(" EVSEPresentVoltage=").Append(ChargerPresentVoltageV, 1).Append(" V");
            if (_preChargeFinishedSent)
            {
                GoTo(EvccState.PowerDeliveryStart, now);
                return;
            }

            if (!_contactorCommanded)
            {
                // Close only onto a matched voltage: the charger's word and the EV's own inlet measurement.
                double batteryV = _plant.BatteryVoltageV;
                double tolerance = _settings.PreChargeToleranceV;
                double byCharger = ChargerPresentVoltageV - batteryV;
                double byInlet = _plant.InletVoltageV - batteryV;
                if (byCharger <= tolerance && byCharger >= -tolerance && byInlet <= tolerance && byInlet >= -tolerance)
                {
                    _plant.CloseContactor();
                    _contactorCommanded = true;
                    TraceEntry e = _log.Add(now, MessageDirection.Event, "contactor_close");
                    e.Details.Append("battery=").Append(batteryV, 1).Append(" V inlet=").Append(_plant.InletVoltageV, 1).Append(" V");
                }
            }

            _nextSendMs = now + _settings.OngoingRepeatMs;
        }

        private void HandlePowerDelivery(TraceEntry entry, long now)
        {
            PowerDeliveryResType res = _requests.Common.PowerDeliveryRes;
            if (res.HasEVSEStatus)
            {
                NoteNotification((int)res.EVSEStatus.EVSENotification, entry);
            }

            if (_state == EvccState.PowerDeliveryStart)
            {
                _powerDeliveryStarted = true;
                GoTo(EvccState.ChargeLoop, now);
            }
            else
            {
                GoTo(EvccState.OpeningContactor, now);
            }
        }

        private void HandleChargeLoop(TraceEntry entry, long now)
        {
            DC_ChargeLoopResType res = _requests.Dc.DC_ChargeLoopRes;
            ChargerPresentVoltageV = EvccRequests.Value(res.EVSEPresentVoltage);
            ChargerPresentCurrentA = EvccRequests.Value(res.EVSEPresentCurrent);
            ChargeLoopMessages++;
            entry.Details.Append(" V=").Append(ChargerPresentVoltageV, 1).Append(" I=").Append(ChargerPresentCurrentA, 1);
            if (res.HasEVSEStatus)
            {
                NoteNotification((int)res.EVSEStatus.EVSENotification, entry);
            }

            _nextSendMs = _lastLoopSentMs + _settings.LoopPeriodMs;
        }

        private void NoteNotification(int notification, TraceEntry entry)
        {
            if (notification == (int)EvseNotificationType.Terminate)
            {
                _chargerTerminate = true;
                entry.Details.Append(" Terminate");
            }
            else if (notification == (int)EvseNotificationType.Pause)
            {
                _chargerPause = true;
                entry.Details.Append(" Pause");
            }
        }

        // ----- state changes -----

        /// <summary>Repeats the request after the Ongoing pause, or moves on to <paramref name="next"/>.</summary>
        private void Repeat(bool ongoing, EvccState next, long now)
        {
            if (ongoing)
            {
                _nextSendMs = now + _settings.OngoingRepeatMs;
            }
            else
            {
                GoTo(next, now);
            }
        }

        private void GoTo(EvccState next, long now)
        {
            Enter(next, now);
            _nextSendMs = now;
        }

        private void Enter(EvccState next, long now)
        {
            _state = next;
            _stateSinceMs = now;
            _nextSendMs = now;
        }

        /// <summary>Logs a failure, ends the exchange and makes the vehicle safe (its contactor opens once the current is about 0).</summary>
        private TraceEntry Fail(long now, FailureLayer layer, string failure, string endReason)
        {
            TraceEntry entry = _log.AddFailure(now, layer, failure);
            entry.Details.Append("state=").Append(EvccStateNames.Of(_state)).Append(' ');
            FailureLayer = layer;
            Failure = failure;
            EndReason = endReason;
            _awaiting = None;
            CloseStream();
            if (_contactorCommanded || _plant.IsContactorClosed)
            {
                _contactorOpenCommanded = false;
                Enter(EvccState.Aborting, now);
                Step(now);
            }
            else
            {
                Finish(now);
            }

            return entry;
        }

        private void Finish(long now)
        {
            CloseStream();
            _awaiting = None;
            if (EndReason == EvccEndReasons.None)
            {
                EndReason = _stopReason;
            }

            Enter(EvccState.Finished, now);
        }

        private void CloseStream()
        {
            if (_stream != null && _stream.IsOpen)
            {
                _stream.Close();
            }
        }

        // ----- helpers -----

        private bool SameSessionId(MessageHeaderType header)
        {
            if (header == null || header.SessionID.Length != _sessionIdLength)
            {
                return false;
            }

            for (int i = 0; i < _sessionIdLength; i++)
            {
                if (header.SessionID.Bytes[i] != _sessionId[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The power of the EV's profile in PowerDelivery Start, W: its request in Scheduled mode, its charge limit in Dynamic.</summary>
        private double ProfilePowerW()
        {
            return _dynamic ? _plant.MaxChargePowerW : RequestedPowerW;
        }

        private ulong TimeStampS(long now)
        {
            if (_wallClock != null && _wallClock.IsSet)
            {
                long ticks = _wallClock.UtcNow.Ticks - UnixEpochTicks;
                return ticks > 0 ? (ulong)(ticks / System.TimeSpan.TicksPerSecond) : 0;
            }

            return now > 0 ? (ulong)(now / 1000) : 0;
        }

        private static ushort PayloadTypeOf(int kind)
        {
            switch (kind)
            {
                case KindAppProtocol:
                    return V2gtpPayloadType.SupportedAppProtocol;
                case KindChargeParameterDiscovery:
                case KindCableCheck:
                case KindPreCharge:
                case KindChargeLoop:
                case KindWeldingDetection:
                    return V2gtpPayloadType.Dc;
                default:
                    return V2gtpPayloadType.CommonMessages;
            }
        }

        private static Iso20CommonMessagesRoot CommonResponseRoot(int kind)
        {
            switch (kind)
            {
                case KindSessionSetup: return Iso20CommonMessagesRoot.SessionSetupRes;
                case KindAuthorizationSetup: return Iso20CommonMessagesRoot.AuthorizationSetupRes;
                case KindAuthorization: return Iso20CommonMessagesRoot.AuthorizationRes;
                case KindServiceDiscovery: return Iso20CommonMessagesRoot.ServiceDiscoveryRes;
                case KindServiceDetail: return Iso20CommonMessagesRoot.ServiceDetailRes;
                case KindServiceSelection: return Iso20CommonMessagesRoot.ServiceSelectionRes;
                case KindScheduleExchange: return Iso20CommonMessagesRoot.ScheduleExchangeRes;
                case KindPowerDelivery: return Iso20CommonMessagesRoot.PowerDeliveryRes;
                case KindSessionStop: return Iso20CommonMessagesRoot.SessionStopRes;
                default: return Iso20CommonMessagesRoot.None;
            }
        }

        private static Iso20DcRoot DcResponseRoot(int kind)
        {
            switch (kind)
            {
                case KindChargeParameterDiscovery: return Iso20DcRoot.DC_ChargeParameterDiscoveryRes;
                case KindCableCheck: return Iso20DcRoot.DC_CableCheckRes;
                case KindPreCharge: return Iso20DcRoot.DC_PreChargeRes;
                case KindChargeLoop: return Iso20DcRoot.DC_ChargeLoopRes;
                case KindWeldingDetection: return Iso20DcRoot.DC_WeldingDetectionRes;
                default: return Iso20DcRoot.None;
            }
        }

        /// <summary>The decoded response's code and header (the message was checked to be the right one).</summary>
        private int ResponseCodeAndHeader(int kind, out MessageHeaderType header)
        {
            Iso20CommonMessagesDocument c = _requests.Common;
            Iso20DcDocument d = _requests.Dc;
            switch (kind)
            {
                case KindSessionSetup: header = c.SessionSetupRes.Header; return (int)c.SessionSetupRes.ResponseCode;
                case KindAuthorizationSetup: header = c.AuthorizationSetupRes.Header; return (int)c.AuthorizationSetupRes.ResponseCode;
                case KindAuthorization: header = c.AuthorizationRes.Header; return (int)c.AuthorizationRes.ResponseCode;
                case KindServiceDiscovery: header = c.ServiceDiscoveryRes.Header; return (int)c.ServiceDiscoveryRes.ResponseCode;
                case KindServiceDetail: header = c.ServiceDetailRes.Header; return (int)c.ServiceDetailRes.ResponseCode;
                case KindServiceSelection: header = c.ServiceSelectionRes.Header; return (int)c.ServiceSelectionRes.ResponseCode;
                case KindScheduleExchange: header = c.ScheduleExchangeRes.Header; return (int)c.ScheduleExchangeRes.ResponseCode;
                case KindPowerDelivery: header = c.PowerDeliveryRes.Header; return (int)c.PowerDeliveryRes.ResponseCode;
                case KindSessionStop: header = c.SessionStopRes.Header; return (int)c.SessionStopRes.ResponseCode;
                case KindChargeParameterDiscovery: header = d.DC_ChargeParameterDiscoveryRes.Header; return (int)d.DC_ChargeParameterDiscoveryRes.ResponseCode;
                case KindCableCheck: header = d.DC_CableCheckRes.Header; return (int)d.DC_CableCheckRes.ResponseCode;
                case KindPreCharge: header = d.DC_PreChargeRes.Header; return (int)d.DC_PreChargeRes.ResponseCode;
                case KindChargeLoop: header = d.DC_ChargeLoopRes.Header; return (int)d.DC_ChargeLoopRes.ResponseCode;
                case KindWeldingDetection: header = d.DC_WeldingDetectionRes.Header; return (int)d.DC_WeldingDetectionRes.ResponseCode;
                default: header = null; return (int)Generated.Iso20.ResponseCodeType.FAILED;
            }
        }

        private static int ControlModeOf(ParameterSetType set)
        {
            for (int i = 0; i < set.ParameterCount; i++)
            {
                ParameterType p = set.Parameter[i];
                if (p.HasintValue && p.Name.Equals("ControlMode"))
                {
                    return p.intValue;
                }
            }

            return 0;
        }

        private static string ProcessingName(ProcessingType p)
        {
            switch (p)
            {
                case ProcessingType.Finished: return "Finished";
                case ProcessingType.Ongoing: return "Ongoing";
                default: return "Ongoing_WaitingForCustomerInteraction";
            }
        }

        private void DescribeRequest(int kind, TraceEntry entry)
        {
            switch (kind)
            {
                case KindServiceDetail:
                    entry.Details.Append("ServiceID=").Append((long)_serviceId);
                    break;

                case KindServiceSelection:
                    entry.Details.Append("ServiceID=").Append((long)_serviceId).Append(" ParameterSetID=").Append((long)_parameterSetId);
                    break;

                case KindChargeParameterDiscovery:
                    entry.Details.Append(_bidirectional ? "BPT" : "DC")
                        .Append(" Vmax=").Append(_plant.MaxVoltageV, 1).Append(" Imax=").Append(_plant.MaxChargeCurrentA, 1)
                        .Append(" Pmax=").Append(_plant.MaxChargePowerW, 0);
                    if (_bidirectional)
                    {
                        entry.Details.Append(" Idis=").Append(_settings.SendDischargeLimitsNegative ? "-" : "").Append(_plant.MaxDischargeCurrentA, 1);
                    }

                    break;

                case KindScheduleExchange:
                    entry.Details.Append(_dynamic ? "Dynamic" : "Scheduled");
                    break;

                case KindPreCharge:
                    entry.Details.Append(_preChargeFinishedSent ? "Finished" : "Ongoing").Append(" EVTargetVoltage=").Append(_plant.BatteryVoltageV, 1).Append(" V");
                    break;

                case KindPowerDelivery:
                    entry.Details.Append(_state == EvccState.PowerDeliveryStart ? "Start" : "Stop");
                    break;

                case KindChargeLoop:
                    entry.Details.Append("SoC=").Append(_plant.SocPercent, 1).Append(" V=").Append(_plant.BatteryVoltageV, 1);
                    if (!_dynamic)
                    {
                        entry.Details.Append(" EVTargetCurrent=").Append(_requests.LastTargetCurrentA, 1);
                    }

                    break;

                case KindWeldingDetection:
                    entry.Details.Append(_weldingFinishedSent ? "Finished" : "Ongoing");
                    break;

                case KindSessionStop:
                    entry.Details.Append(_stopIsPause ? "Pause" : "Terminate");
                    break;
            }
        }

        private void DescribeChargerLimits(TraceEntry entry)
        {
            DC_ChargeParameterDiscoveryResType res = _requests.Dc.DC_ChargeParameterDiscoveryRes;
            if (res.HasBPT_DC_CPDResEnergyTransferMode)
            {
                BPT_DC_CPDResEnergyTransferModeType m = res.BPT_DC_CPDResEnergyTransferMode;
                entry.Details.Append(" EVSE Vmax=").Append(EvccRequests.Value(m.EVSEMaximumVoltage), 1)
                    .Append(" Imax=").Append(EvccRequests.Value(m.EVSEMaximumChargeCurrent), 1)
                    .Append(" Idis=").Append(EvccRequests.Value(m.EVSEMaximumDischargeCurrent), 1);
            }
            else if (res.HasDC_CPDResEnergyTransferMode)
            {
                DC_CPDResEnergyTransferModeType m = res.DC_CPDResEnergyTransferMode;
                entry.Details.Append(" EVSE Vmax=").Append(EvccRequests.Value(m.EVSEMaximumVoltage), 1)
                    .Append(" Imax=").Append(EvccRequests.Value(m.EVSEMaximumChargeCurrent), 1);
            }
        }

        /// <summary>
        /// The departure, s from <paramref name="now"/>: <see cref="EvccSettings.DepartureTimeS"/> from the first
        /// ScheduleExchange of this vehicle, counting down (0 once passed), so the charger sees the trip come nearer.
        /// </summary>
        private uint DepartureRemainingS(long now)
        {
            if (_departureAtMs < 0)
            {
                _departureAtMs = now + (long)_settings.DepartureTimeS * 1000;
            }

            long leftMs = _departureAtMs - now;
            return leftMs > 0 ? (uint)(leftMs / 1000) : 0;
        }
    }
}
