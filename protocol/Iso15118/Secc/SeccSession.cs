using V2G.Hal.Comms;
using V2G.Hal.Metering;
using V2G.Hal.Timing;
using V2G.Protocol.Iso15118;
using V2G.Protocol.Iso15118.Exi;
using AppHand = V2G.Protocol.Iso15118.Generated.AppHand;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Iso15118.Secc.States;
using V2G.Protocol.Iso15118.Transport;
using V2G.Protocol.Session;
using V2G.Protocol.Trace;
using Cm = V2G.Protocol.Iso15118.Generated.CommonMessages;
using Dc = V2G.Protocol.Iso15118.Generated.Dc;

namespace V2G.Protocol.Iso15118.Secc
{
    /// <summary>
    /// The charger's side of an ISO 15118-20 DC / DC_BPT session over one TCP (or TLS) connection
    /// at a time, driven from the control thread: <see cref="Poll"/> once per control tick reads at
    /// most one whole V2GTP message, decodes it with the grammar of its payload type (0x8001 appHand,
    /// 0x8002 CommonMessages, 0x8004 DC), hands it to the handler of its state (States/, one file per
    /// request) and writes the answer, or holds the answer while the controller's step must finish
    /// first (<see cref="SeccSettings.PendingAnswerLimitMs"/>). A request the state does not accept
    /// is answered FAILED_SequenceError, a wrong SessionID FAILED_UnknownSession; after any FAILED
    /// answer the session is stopped and the connection closed. A V2GTP or EXI error, a peer that
    /// closes mid-session, or silence beyond the sequence timeout (60 s; 0.5 s after a
    /// DC_ChargeLoopRes) logs a failure with its layer, tells the controller
    /// (<see cref="IEvSessionPort.CommunicationLost"/>) and closes the connection.
    /// Every request and response goes to the <see cref="MessageLog"/> with its key fields and the
    /// response time. Everything is allocated in the constructor: a charge-loop round trip allocates nothing.
    /// </summary>
    public sealed class SeccSession
    {
        private static readonly ushort[] AcceptedPayloadTypes =
        {
            V2gtpPayloadType.SupportedAppProtocol, V2gtpPayloadType.CommonMessages, V2gtpPayloadType.Dc,
        };

        private readonly SeccSettings _settings;
        private readonly IEvSessionPort _port;
        private readonly MessageLog _log;
        private readonly IMonotonicClock _clock;
        private readonly SeccDocuments _docs;
        private readonly SeccContext _ctx;
        private readonly StreamSlot _slot = new StreamSlot();
        private readonly V2gtpReader _reader;
        private readonly V2gtpWriter _writer;

        private bool _connected;
        private bool _pending;
        private SeccRequest _pendingRequest;
        private SeccRequest _lastAnswered;
        private long _requestMs;
        private long _lastAnswerMs;
        private int _sequenceTimeoutMs;
        private long _closeAtMs = -1;
        private string _lastFailure;
        private FailureLayer _lastFailureLayer;

        /// <summary>
        /// A session of the charger with <paramref name="settings"/>, driving <paramref name="port"/>,
        /// logging to <paramref name="log"/>, timing with <paramref name="clock"/>. <paramref name="documents"/>
        /// are the preallocated EXI documents (null: built here). The V2GTP buffers hold
        /// <see cref="SeccSettings.MaxPayloadBytes"/> and are allocated here, once.
        /// </summary>
        public SeccSession(SeccSettings settings, IEvSessionPort port, MessageLog log, IMonotonicClock clock, SeccDocuments documents)
        {
            if (settings == null || port == null || log == null || clock == null)
            {
                throw new System.ArgumentNullException();
            }

            _settings = settings;
            _port = port;
            _log = log;
            _clock = clock;
            _docs = documents ?? new SeccDocuments();
            int detailCapacity = log.Capacity > 0 ? log.Get(0).Details.Capacity : 120;
            _ctx = new SeccContext(settings, port, detailCapacity);
            _ctx.State = SeccState.Disconnected;
            _reader = new V2gtpReader(_slot, AcceptedPayloadTypes, settings.MaxPayloadBytes);
            _writer = new V2gtpWriter(_slot, settings.MaxPayloadBytes);
            _sequenceTimeoutMs = settings.SequenceTimeoutMs;
        }

        // ------------------------------------------------------------------ observation and wiring

        /// <summary>Where the session is.</summary>
        public SeccState State => _ctx.State;

        /// <summary>True while a connection is attached and open.</summary>
        public bool IsConnected => _connected;

        /// <summary>True while an answer waits for the controller.</summary>
        public bool IsAnswerPending => _pending;

        /// <summary>A paused session is kept for OK_OldSessionJoined.</summary>
        public bool HasPausedSession => _ctx.HasSession && _ctx.IsPaused;

        /// <summary>DC_BPT was selected in this session.</summary>
        public bool BidirectionalSelected => _ctx.BidirectionalSelected;

        /// <summary>The control mode selected in this session.</summary>
        public SeccControlMode ControlMode => _ctx.ControlMode;

        /// <summary>The last failure (a FAILED answer's code, an error's name, "sequence_timeout"), or null.</summary>
        public string LastFailure => _lastFailure;

        /// <summary>The layer of <see cref="LastFailure"/>.</summary>
        public FailureLayer LastFailureLayer => _lastFailureLayer;

        /// <summary>The handlers' shared state (for diagnostics and tests).</summary>
        public SeccContext Context => _ctx;

        /// <summary>The preallocated documents (for diagnostics and tests).</summary>
        public SeccDocuments Documents => _docs;

        /// <summary>The energy meter reported in MeterInfo when the EV asks (optional).</summary>
        public IEnergyMeter Meter
        {
            get { return _ctx.Meter; }
            set { _ctx.Meter = value; }
        }

        /// <summary>Calendar time for header time stamps (optional; without it the request's own is echoed).</summary>
        public IWallClock WallClock
        {
            get { return _ctx.WallClock; }
            set { _ctx.WallClock = value; }
        }

        /// <summary>Copies the session's ID (8 bytes; zeros when there is none) to <paramref name="target"/>.</summary>
        public void CopySessionId(byte[] target, int offset)
        {
            for (int i = 0; i < SeccContext.SessionIdLength; i++)
            {
                target[offset + i] = _ctx.HasSession ? _ctx.SessionId[i] : (byte)0;
            }
        }

        // ------------------------------------------------------------------ control

        /// <summary>
        /// A new TCP/TLS connection from the vehicle: the session starts over at supportedAppProtocol
        /// (a paused session stays joinable). A connection still attached is closed first; if its
        /// session was running, that counts as a lost communication.
        /// </summary>
        public void Attach(IByteStream stream)
        {
            if (stream == null)
            {
                throw new System.ArgumentNullException("stream");
            }

            long now = _clock.NowMs;
            if (_connected)
            {
                if (IsRunning())
                {
                    Fail(now, FailureLayer.Session, "connection_replaced");
                }
                else
                {
                    CloseConnection(now);
                }
            }

            _slot.Stream = stream;
            _reader.Reset();
            _connected = true;
            _pending = false;
            _closeAtMs = -1;
            _lastAnswerMs = now;
            _sequenceTimeoutMs = _settings.SequenceTimeoutMs;
            _lastAnswered = SeccRequest.Unsupported;
            _ctx.State = SeccState.WaitSupportedAppProtocol;
            _log.Add(now, MessageDirection.Event, "connection_attached");
        }

        /// <summary>
        /// One step, every control tick on the control thread: finishes a pending answer, or reads and
        /// answers at most one request, or checks the sequence timeout and the close after SessionStop.
        /// </summary>
        public void Poll()
        {
            if (!_connected)
            {
                return;
            }

            long now = _clock.NowMs;
            if (_closeAtMs >= 0 && now >= _closeAtMs)
            {
                CloseConnection(now);
                return;
            }

            if (_pending)
            {
                if (!_slot.IsOpen)
                {
                    // The EV gave up while its answer waited for the controller.
                    Fail(now, FailureLayer.Session, "connection_closed_by_ev");
                    return;
                }

                Dispatch(_pendingRequest, now, true);
                return;
            }

            switch (_reader.Poll())
            {
                case V2gtpReadStatus.Message:
                    OnMessage(now);
                    return;
                case V2gtpReadStatus.Error:
                    Fail(now, FailureLayer.V2gtp, V2gtpErrorNames.Of(_reader.Error));
                    return;
                case V2gtpReadStatus.Closed:
                    if (IsRunning())
                    {
                        Fail(now, FailureLayer.Session, "connection_closed_by_ev");
                    }
                    else
                    {
                        CloseConnection(now);
                    }

                    return;
                default:
                    CheckSequenceTimeout(now);
                    return;
            }
        }

        /// <summary>
        /// The board ends the connection (pilot lost, vehicle unplugged, shutting down): closed without
        /// telling the controller, which learns of it from the board itself.
        /// </summary>
        public void Close()
        {
            if (_connected)
            {
                CloseConnection(_clock.NowMs);
            }
        }

        /// <summary>Forgets a paused session (the vehicle was unplugged): it can no longer be joined.</summary>
        public void ForgetPausedSession()
        {
            if (_ctx.IsPaused)
            {
                _ctx.ResetSession();
            }
        }

        // ------------------------------------------------------------------ receiving

        private void OnMessage(long now)
        {
            _requestMs = now;
            byte[] buffer = _reader.Buffer;
            int offset = _reader.PayloadOffset;
            int length = _reader.PayloadLength;
            ExiError error;
            SeccRequest request;
            switch (_reader.PayloadType)
            {
                case V2gtpPayloadType.SupportedAppProtocol:
                    error = _docs.AppHandIn.Decode(buffer, offset, length);
                    request = _docs.AppHandIn.Root == AppHand.AppHandRoot.supportedAppProtocolReq ? SeccRequest.SupportedAppProtocol : SeccRequest.Unsupported;
                    break;
                case V2gtpPayloadType.CommonMessages:
                    error = _docs.CommonIn.Decode(buffer, offset, length);
                    request = FromCommon(_docs.CommonIn.Root);
                    break;
                default:
                    error = _docs.DcIn.Decode(buffer, offset, length);
                    request = FromDc(_docs.DcIn.Root);
                    break;
            }

            if (error != ExiError.Ok)
            {
                Fail(now, FailureLayer.Exi, ExiErrorNames.Name(error));
                return;
            }

            if (request == SeccRequest.Unsupported)
            {
                Fail(now, FailureLayer.Session, "unsupported_message");
                return;
            }

            Dispatch(request, now, false);
        }

        private void Dispatch(SeccRequest request, long now, bool repeat)
        {
            TraceEntry requestEntry = null;
            if (!repeat)
            {
                requestEntry = _log.Add(now, MessageDirection.Received, SeccRequestNames.Request(request));
                _ctx.PendingSinceMs = now;
            }

            _ctx.BeginRequest(now, repeat, requestEntry == null ? null : requestEntry.Details);
            ExiBytes sessionId;
            ulong timeStamp;
            bool hasHeader = ReadHeader(request, out sessionId, out timeStamp);
            _ctx.RequestTimeStamp = timeStamp;

            int code;
            if (!Accepts(_ctx.State, request))
            {
                code = SequenceError.Answer(request, _docs, _ctx, ResponseCodeType.FAILED_SequenceError);
            }
            else if (hasHeader && request != SeccRequest.SessionSetup && !_ctx.IsSessionId(sessionId.Bytes, sessionId.Length))
            {
                code = SequenceError.Answer(request, _docs, _ctx, ResponseCodeType.FAILED_UnknownSession);
            }
            else
            {
                code = Handle(request);
            }

            if (_ctx.AnswerPending)
            {
                _pending = true;
                _pendingRequest = request;
                return;
            }

            _pending = false;
            Answer(request, code, now);
        }

        private int Handle(SeccRequest request)
        {
            Cm.Iso20CommonMessagesDocument cmIn = _docs.CommonIn;
            Cm.Iso20CommonMessagesDocument cmOut = _docs.CommonOut;
            Dc.Iso20DcDocument dcIn = _docs.DcIn;
            Dc.Iso20DcDocument dcOut = _docs.DcOut;
            switch (request)
            {
                case SeccRequest.SupportedAppProtocol:
                    return (int)SupportedAppProtocolState.Handle(_docs.AppHandIn.supportedAppProtocolReq, _docs.AppHandOut.supportedAppProtocolRes, _ctx);
                case SeccRequest.SessionSetup:
                    return (int)SessionSetupState.Handle(cmIn.SessionSetupReq, cmOut.SessionSetupRes, _ctx);
                case SeccRequest.AuthorizationSetup:
                    return (int)AuthorizationSetupState.Handle(cmIn.AuthorizationSetupReq, cmOut.AuthorizationSetupRes, _ctx);
                case SeccRequest.Authorization:
                    return (int)AuthorizationState.Handle(cmIn.AuthorizationReq, cmOut.AuthorizationRes, _ctx);
                case SeccRequest.ServiceDiscovery:
                    return (int)ServiceDiscoveryState.Handle(cmIn.ServiceDiscoveryReq, cmOut.ServiceDiscoveryRes, _ctx);
                case SeccRequest.ServiceDetail:
                    return (int)ServiceDetailState.Handle(cmIn.ServiceDetailReq, cmOut.ServiceDetailRes, _ctx);
                case SeccRequest.ServiceSelection:
                    return (int)ServiceSelectionState.Handle(cmIn.ServiceSelectionReq, cmOut.ServiceSelectionRes, _ctx);
                case SeccRequest.DcChargeParameterDiscovery:
                    return (int)DcChargeParameterDiscoveryState.Handle(dcIn.DC_ChargeParameterDiscoveryReq, dcOut.DC_ChargeParameterDiscoveryRes, _ctx);
                case SeccRequest.ScheduleExchange:
                    return (int)ScheduleExchangeState.Handle(cmIn.ScheduleExchangeReq, cmOut.ScheduleExchangeRes, _ctx);
                case SeccRequest.DcCableCheck:
                    return (int)DcCableCheckState.Handle(dcIn.DC_CableCheckReq, dcOut.DC_CableCheckRes, _ctx);
                case SeccRequest.DcPreCharge:
                    return (int)DcPreChargeState.Handle(dcIn.DC_PreChargeReq, dcOut.DC_PreChargeRes, _ctx);
                case SeccRequest.PowerDelivery:
                    return (int)PowerDeliveryState.Handle(cmIn.PowerDeliveryReq, cmOut.PowerDeliveryRes, _ctx);
                case SeccRequest.DcChargeLoop:
                    return (int)DcChargeLoopState.Handle(dcIn.DC_ChargeLoopReq, dcOut.DC_ChargeLoopRes, _ctx);
                case SeccRequest.DcWeldingDetection:
                    return (int)DcWeldingDetectionState.Handle(dcIn.DC_WeldingDetectionReq, dcOut.DC_WeldingDetectionRes, _ctx);
                case SeccRequest.SessionStop:
                    return (int)SessionStopState.Handle(cmIn.SessionStopReq, cmOut.SessionStopRes, _ctx);
                default:
                    return SequenceError.Answer(request, _docs, _ctx, ResponseCodeType.FAILED_SequenceError);
            }
        }

        /// <summary>Which requests each state takes; everything else goes to the one sequence-error path.</summary>
        private static bool Accepts(SeccState state, SeccRequest request)
        {
            switch (request)
            {
                case SeccRequest.SupportedAppProtocol:
                    return state == SeccState.WaitSupportedAppProtocol;
                case SeccRequest.SessionSetup:
                    return state == SeccState.WaitSessionSetup;
                case SeccRequest.AuthorizationSetup:
                    return state == SeccState.WaitAuthorizationSetup;
                case SeccRequest.Authorization:
                    return state == SeccState.WaitAuthorization;
                case SeccRequest.ServiceDiscovery:
                    return state == SeccState.WaitServiceDiscovery;
                case SeccRequest.ServiceDetail:
                case SeccRequest.ServiceSelection:
                    return state == SeccState.WaitServiceSelection;
                case SeccRequest.DcChargeParameterDiscovery:
                    return state == SeccState.WaitChargeParameterDiscovery;
                case SeccRequest.ScheduleExchange:
                    return state == SeccState.WaitScheduleExchange;
                case SeccRequest.DcCableCheck:
                    return state == SeccState.WaitCableCheck;
                case SeccRequest.DcPreCharge:
                    return state == SeccState.WaitPreCharge;
                case SeccRequest.PowerDelivery:
                    return state == SeccState.WaitPreCharge || state == SeccState.ChargeLoop;
                case SeccRequest.DcChargeLoop:
                    return state == SeccState.ChargeLoop;
                case SeccRequest.DcWeldingDetection:
                    return state == SeccState.WaitWeldingDetection;
                case SeccRequest.SessionStop:
                    // Not in the charge loop: the EV must send PowerDelivery Stop first (libiso15118).
                    return state >= SeccState.WaitAuthorizationSetup && state <= SeccState.WaitPreCharge
                        || state == SeccState.WaitWeldingDetection;
                default:
                    return false;
            }
        }

        private static SeccRequest FromCommon(Cm.Iso20CommonMessagesRoot root)
        {
            switch (root)
            {
                case Cm.Iso20CommonMessagesRoot.SessionSetupReq: return SeccRequest.SessionSetup;
                case Cm.Iso20CommonMessagesRoot.AuthorizationSetupReq: return SeccRequest.AuthorizationSetup;
                case Cm.Iso20CommonMessagesRoot.AuthorizationReq: return SeccRequest.Authorization;
                case Cm.Iso20CommonMessagesRoot.ServiceDiscoveryReq: return SeccRequest.ServiceDiscovery;
                case Cm.Iso20CommonMessagesRoot.ServiceDetailReq: return SeccRequest.ServiceDetail;
                case Cm.Iso20CommonMessagesRoot.ServiceSelectionReq: return SeccRequest.ServiceSelection;
                case Cm.Iso20CommonMessagesRoot.ScheduleExchangeReq: return SeccRequest.ScheduleExchange;
                case Cm.Iso20CommonMessagesRoot.PowerDeliveryReq: return SeccRequest.PowerDelivery;
                case Cm.Iso20CommonMessagesRoot.SessionStopReq: return SeccRequest.SessionStop;
                default: return SeccRequest.Unsupported;
            }
        }

        private static SeccRequest FromDc(Dc.Iso20DcRoot root)
        {
            switch (root)
            {
                case Dc.Iso20DcRoot.DC_ChargeParameterDiscoveryReq: return SeccRequest.DcChargeParameterDiscovery;
                case Dc.Iso20DcRoot.DC_CableCheckReq: return SeccRequest.DcCableCheck;
                case Dc.Iso20DcRoot.DC_PreChargeReq: return SeccRequest.DcPreCharge;
                case Dc.Iso20DcRoot.DC_ChargeLoopReq: return SeccRequest.DcChargeLoop;
                case Dc.Iso20DcRoot.DC_WeldingDetectionReq: return SeccRequest.DcWeldingDetection;
                default: return SeccRequest.Unsupported;
            }
        }

        /// <summary>The request's SessionID and TimeStamp; false for supportedAppProtocol, which has no header.</summary>
        private bool ReadHeader(SeccRequest request, out ExiBytes sessionId, out ulong timeStamp)
        {
            MessageHeaderType cm = null;
            MessageHeaderType dc = null;
            Cm.Iso20CommonMessagesDocument cmIn = _docs.CommonIn;
            Dc.Iso20DcDocument dcIn = _docs.DcIn;
            switch (request)
            {
                case SeccRequest.SessionSetup: cm = cmIn.SessionSetupReq.Header; break;
                case SeccRequest.AuthorizationSetup: cm = cmIn.AuthorizationSetupReq.Header; break;
                case SeccRequest.Authorization: cm = cmIn.AuthorizationReq.Header; break;
                case SeccRequest.ServiceDiscovery: cm = cmIn.ServiceDiscoveryReq.Header; break;
                case SeccRequest.ServiceDetail: cm = cmIn.ServiceDetailReq.Header; break;
                case SeccRequest.ServiceSelection: cm = cmIn.ServiceSelectionReq.Header; break;
                case SeccRequest.ScheduleExchange: cm = cmIn.ScheduleExchangeReq.Header; break;
                case SeccRequest.PowerDelivery: cm = cmIn.PowerDeliveryReq.Header; break;
                case SeccRequest.SessionStop: cm = cmIn.SessionStopReq.Header; break;
                case SeccRequest.DcChargeParameterDiscovery: dc = dcIn.DC_ChargeParameterDiscoveryReq.Header; break;
                case SeccRequest.DcCableCheck: dc = dcIn.DC_CableCheckReq.Header; break;
                case SeccRequest.DcPreCharge: dc = dcIn.DC_PreChargeReq.Header; break;
                case SeccRequest.DcChargeLoop: dc = dcIn.DC_ChargeLoopReq.Header; break;
                case SeccRequest.DcWeldingDetection: dc = dcIn.DC_WeldingDetectionReq.Header; break;
            }

            if (cm != null)
            {
                sessionId = cm.SessionID;
                timeStamp = cm.TimeStamp;
                return true;
            }

            if (dc != null)
            {
                sessionId = dc.SessionID;
                timeStamp = dc.TimeStamp;
                return true;
            }

            sessionId = null;
            timeStamp = 0;
            return false;
        }

        // ------------------------------------------------------------------ answering

        private void Answer(SeccRequest request, int code, long now)
        {
            byte[] buffer = _writer.Buffer;
            int offset = _writer.PayloadOffset;
            int capacity = _writer.MaxPayloadLength;
            int length;
            ExiError error;
            ushort payloadType;
            if (request == SeccRequest.SupportedAppProtocol)
            {
                payloadType = V2gtpPayloadType.SupportedAppProtocol;
                _docs.AppHandOut.Root = AppHand.AppHandRoot.supportedAppProtocolRes;
                error = _docs.AppHandOut.Encode(buffer, offset, capacity, out length);
            }
            else if (IsDc(request))
            {
                payloadType = V2gtpPayloadType.Dc;
                _docs.DcOut.Root = DcRoot(request);
                error = _docs.DcOut.Encode(buffer, offset, capacity, out length);
            }
            else
            {
                payloadType = V2gtpPayloadType.CommonMessages;
                _docs.CommonOut.Root = CommonRoot(request);
                error = _docs.CommonOut.Encode(buffer, offset, capacity, out length);
            }

            if (error != ExiError.Ok)
            {
                TraceEntry failure = Fail(now, FailureLayer.Exi, ExiErrorNames.Name(error));
                failure.Details.Append("encoding ").Append(SeccRequestNames.Response(request));
                return;
            }

            V2gtpError sent = _writer.Send(payloadType, length);
            bool appHand = request == SeccRequest.SupportedAppProtocol;
            string codeName = appHand ? ResponseCodeNames.OfAppHand(code) : ResponseCodeNames.Of(code);
            TraceEntry entry = _log.Add(now, MessageDirection.Sent, SeccRequestNames.Response(request));
            entry.ResponseTimeMs = now - _requestMs;
            entry.Details.Append("ResponseCode=").Append(codeName);
            for (int i = 0; i < _ctx.ResponseDetails.Length; i++)
            {
                if (i == 0)
                {
                    entry.Details.Append(' ');
                }

                entry.Details.Append(_ctx.ResponseDetails[i]);
            }

            if (sent != V2gtpError.None)
            {
                Fail(now, FailureLayer.V2gtp, V2gtpErrorNames.Of(sent));
                return;
            }

            bool failed = appHand ? code == (int)AppHand.ResponseCodeType.Failed_NoNegotiation : ResponseCodeNames.IsFailed(code);
            if (failed)
            {
                entry.Failure = codeName;
                entry.Layer = _ctx.FailureLayer;
                _lastFailure = codeName;
                _lastFailureLayer = _ctx.FailureLayer;
                StopSession();
                CloseConnection(now);
                return;
            }

            _lastAnswered = request;
            _lastAnswerMs = now;
            _sequenceTimeoutMs = request == SeccRequest.DcChargeLoop ? _settings.ChargeLoopSequenceTimeoutMs : _settings.SequenceTimeoutMs;
            if (_ctx.CloseAfterMs >= 0)
            {
                _closeAtMs = now + _ctx.CloseAfterMs;
            }
        }

        private static bool IsDc(SeccRequest request)
        {
            return request == SeccRequest.DcChargeParameterDiscovery || request == SeccRequest.DcCableCheck
                || request == SeccRequest.DcPreCharge || request == SeccRequest.DcChargeLoop
                || request == SeccRequest.DcWeldingDetection;
        }

        private static Dc.Iso20DcRoot DcRoot(SeccRequest request)
        {
            switch (request)
            {
                case SeccRequest.DcChargeParameterDiscovery: return Dc.Iso20DcRoot.DC_ChargeParameterDiscoveryRes;
                case SeccRequest.DcCableCheck: return Dc.Iso20DcRoot.DC_CableCheckRes;
                case SeccRequest.DcPreCharge: return Dc.Iso20DcRoot.DC_PreChargeRes;
                case SeccRequest.DcChargeLoop: return Dc.Iso20DcRoot.DC_ChargeLoopRes;
                default: return Dc.Iso20DcRoot.DC_WeldingDetectionRes;
            }
        }

        private static Cm.Iso20CommonMessagesRoot CommonRoot(SeccRequest request)
        {
            switch (request)
            {
                case SeccRequest.SessionSetup: return Cm.Iso20CommonMessagesRoot.SessionSetupRes;
                case SeccRequest.AuthorizationSetup: return Cm.Iso20CommonMessagesRoot.AuthorizationSetupRes;
                case SeccRequest.Authorization: return Cm.Iso20CommonMessagesRoot.AuthorizationRes;
                case SeccRequest.ServiceDiscovery: return Cm.Iso20CommonMessagesRoot.ServiceDiscoveryRes;
                case SeccRequest.ServiceDetail: return Cm.Iso20CommonMessagesRoot.ServiceDetailRes;
                case SeccRequest.ServiceSelection: return Cm.Iso20CommonMessagesRoot.ServiceSelectionRes;
                case SeccRequest.ScheduleExchange: return Cm.Iso20CommonMessagesRoot.ScheduleExchangeRes;
                case SeccRequest.PowerDelivery: return Cm.Iso20CommonMessagesRoot.PowerDeliveryRes;
                default: return Cm.Iso20CommonMessagesRoot.SessionStopRes;
            }
        }

        // ------------------------------------------------------------------ ending

        /// <summary>A session is running: set up and neither stopped nor paused.</summary>
        private bool IsRunning()
        {
            return _ctx.State != SeccState.Stopped && _ctx.State != SeccState.Disconnected && _closeAtMs < 0;
        }

        private void CheckSequenceTimeout(long now)
        {
            if (_closeAtMs >= 0 || now - _lastAnswerMs <= _sequenceTimeoutMs)
            {
                return;
            }

            TraceEntry entry = Fail(now, FailureLayer.Session, "sequence_timeout");
            entry.Details.Append("after ").Append(SeccRequestNames.Response(_lastAnswered)).Append(", waited ").Append(now - _lastAnswerMs).Append(" ms");
        }

        /// <summary>Logs a failure, tells the controller the vehicle is lost and closes the connection.</summary>
        private TraceEntry Fail(long now, FailureLayer layer, string failure)
        {
            TraceEntry entry = _log.AddFailure(now, layer, failure);
            entry.Details.Append("state=").Append(SeccStateNames.Of(_ctx.State));
            entry.Details.Append(' ');
            _lastFailure = failure;
            _lastFailureLayer = layer;
            _port.CommunicationLost();
            if (!_ctx.IsPaused)
            {
                _ctx.ResetSession();
            }

            CloseConnection(now);
            return entry;
        }

        /// <summary>After a FAILED answer: the output is stopped and the controller's session ended.</summary>
        private void StopSession()
        {
            if (_ctx.HasSession)
            {
                SeccState s = _ctx.State;
                if (_ctx.EnergyTransferStarted || s == SeccState.WaitCableCheck || s == SeccState.WaitPreCharge
                    || s == SeccState.ChargeLoop || s == SeccState.WaitWeldingDetection)
                {
                    _port.StopEnergyTransfer();
                }

                _port.EndSession();
            }

            _ctx.ResetSession();
        }

        private void CloseConnection(long now)
        {
            _slot.Close();
            _slot.Stream = null;
            _connected = false;
            _pending = false;
            _closeAtMs = -1;
            if (!_ctx.IsPaused)
            {
                _ctx.ResetSession();
            }

            _ctx.State = SeccState.Disconnected;
            _log.Add(now, MessageDirection.Event, "connection_closed");
        }

        /// <summary>
        /// The one stream object the reader and writer are built on, pointed at each new connection in
        /// turn, so a connection allocates no new buffers.
        /// </summary>
        private sealed class StreamSlot : IByteStream
        {
            public IByteStream Stream;

            public bool IsOpen => Stream != null && Stream.IsOpen;

            public int Read(byte[] buffer, int offset, int count)
            {
                return Stream == null ? 0 : Stream.Read(buffer, offset, count);
            }

            public bool Write(byte[] buffer, int offset, int count)
            {
                return Stream != null && Stream.Write(buffer, offset, count);
            }

            public void Close()
            {
                if (Stream != null)
                {
                    Stream.Close();
                }
            }
        }
    }
}
