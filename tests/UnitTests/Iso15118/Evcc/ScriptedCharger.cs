using V2G.Hal.Comms;
using V2G.Protocol.Iso15118.Exi;
using V2G.Protocol.Iso15118.Generated.AppHand;
using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Iso15118.Transport;
using AppResponseCode = V2G.Protocol.Iso15118.Generated.AppHand.ResponseCodeType;
using ResponseCodeType = V2G.Protocol.Iso15118.Generated.Iso20.ResponseCodeType;

namespace V2G.UnitTests.Iso15118.Evcc
{
    /// <summary>
    /// A charger for the EVCC's tests: it decodes each request with the generated codec, records its name
    /// and answers with a hand-built response, following a script (how many Ongoing answers, when to send
    /// Terminate, when to fail or fall silent). It also plays the physics the EV sees: its output voltage at
    /// the inlet during precharge and welding detection, and the current through the closed EV contactor.
    /// </summary>
    public sealed class ScriptedCharger
    {
        public static readonly byte[] SessionIdBytes = { 0x4a, 0x7c, 0x19, 0xe2, 0x5d, 0x3b, 0x8f, 0x06 };

        private readonly FakeEvPlant _plant;
        private readonly string[] _received = new string[20000];
        private int _receivedCount;
        private IByteStream _stream;
        private V2gtpReader _reader;
        private V2gtpWriter _writer;
        private int _authorizations;
        private int _scheduleExchanges;
        private int _cableChecks;
        private bool _silent;
        private bool _stopped;
        private double _outputV;

        public readonly AppHandDocument App = new AppHandDocument();
        public readonly Iso20CommonMessagesDocument Common = new Iso20CommonMessagesDocument();
        public readonly Iso20DcDocument Dc = new Iso20DcDocument();
        private readonly MessageHeaderType _header = new MessageHeaderType();

        public ScriptedCharger(FakeEvPlant plant)
        {
            _plant = plant;
            _header.SessionID.Set(SessionIdBytes, 0, SessionIdBytes.Length);
        }

        /// <summary>EIM Authorization answers Ongoing this many times first.</summary>
        public int AuthorizationOngoing = 1;

        /// <summary>ScheduleExchange answers Ongoing this many times first.</summary>
        public int ScheduleExchangeOngoing;

        /// <summary>DC_CableCheck answers Ongoing this many times first.</summary>
        public int CableCheckOngoing = 1;

        /// <summary>Each DC_PreChargeReq moves the output this far toward the EV's target, V.</summary>
        public double PreChargeStepV = 100;

        /// <summary>Precharge settles this far from the EV's target, V (a charger that never matches).</summary>
        public double PreChargeOffsetV;

        /// <summary>Current through the closed EV contactor in the loop, A (+ into the vehicle).</summary>
        public double LoopCurrentA = 50;

        /// <summary>Send EVSENotification Terminate from this loop answer on (1 = the first); 0 = never.</summary>
        public int TerminateAtLoop;

        /// <summary>Answer FAILED_SequenceError to the request of this name (its first occurrence), or null.</summary>
        public string FailAt;

        /// <summary>Answer FAILED_SequenceError to this loop request (1 = the first); 0 = never.</summary>
        public int FailAtLoop;

        /// <summary>Stop answering from the request of this name on, or null.</summary>
        public string SilentFrom;

        /// <summary>Stop answering from this loop request on (1 = the first); 0 = never.</summary>
        public int SilentFromLoop;

        /// <summary>Only offer DC (ServiceID 2).</summary>
        public bool OfferDcOnly;

        /// <summary>Answer a SessionSetup that carries our SessionID with OK_OldSessionJoined.</summary>
        public bool JoinOldSession = true;

        /// <summary>DC_ChargeLoopReq received.</summary>
        public int LoopRequests { get; private set; }

        /// <summary>Whether the EV contactor was open at every DC_WeldingDetectionReq.</summary>
        public bool ContactorOpenDuringWelding { get; private set; } = true;

        /// <summary>The output voltage of the charger, V.</summary>
        public double OutputVoltageV => _outputV;

        public int ReceivedCount => _receivedCount;

        public string Received(int i)
        {
            return _received[i];
        }

        /// <summary>Index of the first request of this name, or −1.</summary>
        public int IndexOf(string name)
        {
            for (int i = 0; i < _receivedCount; i++)
            {
                if (_received[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Number of requests of this name.</summary>
        public int CountOf(string name)
        {
            int n = 0;
            for (int i = 0; i < _receivedCount; i++)
            {
                if (_received[i] == name)
                {
                    n++;
                }
            }

            return n;
        }

        private readonly string[] _capturedNames = new string[32];
        private readonly string[] _capturedHex = new string[32];
        private int _capturedCount;

        /// <summary>The EXI body of the first request of this name, as lower-case hex, or null.</summary>
        public string FirstPayloadHex(string name)
        {
            for (int i = 0; i < _capturedCount; i++)
            {
                if (_capturedNames[i] == name)
                {
                    return _capturedHex[i];
                }
            }

            return null;
        }

        private void Capture(string name)
        {
            if (FirstPayloadHex(name) != null || _capturedCount == _capturedNames.Length)
            {
                return;
            }

            const string Digits = "0123456789abcdef";
            char[] hex = new char[_reader.PayloadLength * 2];
            for (int i = 0; i < _reader.PayloadLength; i++)
            {
                byte b = _reader.Buffer[_reader.PayloadOffset + i];
                hex[2 * i] = Digits[b >> 4];
                hex[2 * i + 1] = Digits[b & 0x0f];
            }

            _capturedNames[_capturedCount] = name;
            _capturedHex[_capturedCount] = new string(hex);
            _capturedCount++;
        }

        /// <summary>A new connection (the EV keeps its own end).</summary>
        public void Attach(IByteStream stream)
        {
            _stream = stream;
            _reader = new V2gtpReader(stream, V2gtpPayloadType.SessionTypes(), 8192);
            _writer = new V2gtpWriter(stream, 8192);
            _silent = false;
            _stopped = false;
        }

        public void Poll()
        {
            if (_reader == null)
            {
                return;
            }

            while (_reader.Poll() == V2gtpReadStatus.Message)
            {
                Answer();
            }
        }

        private void Answer()
        {
            string name = Decode();
            _received[_receivedCount++] = name;
            Capture(name);
            if (name == "DC_ChargeLoopReq")
            {
                LoopRequests++;
            }

            if (_silent || (SilentFrom != null && name == SilentFrom) || (SilentFromLoop > 0 && LoopRequests >= SilentFromLoop))
            {
                _silent = true;
                return;
            }

            if (_stopped)
            {
                return;
            }

            bool fail = (FailAt != null && name == FailAt) || (name == "DC_ChargeLoopReq" && FailAtLoop > 0 && LoopRequests == FailAtLoop);
            if (fail)
            {
                FailAt = null;

                // After a FAILED answer the charger stops: its current goes to 0.
                _stopped = true;
                _plant.BatteryCurrentA = 0;
            }

            ResponseCodeType code = fail ? ResponseCodeType.FAILED_SequenceError : ResponseCodeType.OK;
            switch (name)
            {
                case "supportedAppProtocolReq":
                    SupportedAppProtocolResType app = new SupportedAppProtocolResType();
                    app.ResponseCode = AppResponseCode.OK_SuccessfulNegotiation;
                    app.SchemaID = App.supportedAppProtocolReq.AppProtocol[0].SchemaID;
                    app.HasSchemaID = true;
                    App.supportedAppProtocolRes = app;
                    App.Root = AppHandRoot.supportedAppProtocolRes;
                    Send(V2gtpPayloadType.SupportedAppProtocol);
                    return;

                case "SessionSetupReq":
                    SessionSetupResType setup = new SessionSetupResType();
                    setup.Header = _header;
                    bool old = JoinOldSession && Same(Common.SessionSetupReq.Header.SessionID, SessionIdBytes);
                    setup.ResponseCode = fail ? code : (old ? ResponseCodeType.OK_OldSessionJoined : ResponseCodeType.OK_NewSessionEstablished);
                    setup.EVSEID.Set("DE*V2G*E0001*1");
                    Common.SessionSetupRes = setup;
                    Common.Root = Iso20CommonMessagesRoot.SessionSetupRes;
                    break;

                case "AuthorizationSetupReq":
                    AuthorizationSetupResType authSetup = new AuthorizationSetupResType();
                    authSetup.Header = _header;
                    authSetup.ResponseCode = code;
                    authSetup.AuthorizationServices[0] = AuthorizationType.EIM;
                    authSetup.AuthorizationServicesCount = 1;
                    authSetup.EIM_ASResAuthorizationMode = new EIM_ASResAuthorizationModeType();
                    authSetup.HasEIM_ASResAuthorizationMode = true;
                    Common.AuthorizationSetupRes = authSetup;
                    Common.Root = Iso20CommonMessagesRoot.AuthorizationSetupRes;
                    break;

                case "AuthorizationReq":
                    AuthorizationResType auth = new AuthorizationResType();
                    auth.Header = _header;
                    auth.ResponseCode = code;
                    auth.EVSEProcessing = _authorizations++ < AuthorizationOngoing ? ProcessingType.Ongoing : ProcessingType.Finished;
                    Common.AuthorizationRes = auth;
                    Common.Root = Iso20CommonMessagesRoot.AuthorizationRes;
                    break;

                case "ServiceDiscoveryReq":
                    ServiceDiscoveryResType discovery = new ServiceDiscoveryResType();
                    discovery.Header = _header;
                    discovery.ResponseCode = code;
                    discovery.EnergyTransferServiceList = new ServiceListType();
                    discovery.EnergyTransferServiceList.Service[0] = NewService(2);
                    discovery.EnergyTransferServiceList.ServiceCount = 1;
                    if (!OfferDcOnly)
                    {
                        discovery.EnergyTransferServiceList.Service[1] = NewService(6);
                        discovery.EnergyTransferServiceList.ServiceCount = 2;
                    }

                    Common.ServiceDiscoveryRes = discovery;
                    Common.Root = Iso20CommonMessagesRoot.ServiceDiscoveryRes;
                    break;

                case "ServiceDetailReq":
                    ushort serviceId = Common.ServiceDetailReq.ServiceID;
                    ServiceDetailResType detail = new ServiceDetailResType();
                    detail.Header = _header;
                    detail.ResponseCode = code;
                    detail.ServiceID = serviceId;
                    detail.ServiceParameterList = new ServiceParameterListType();
                    detail.ServiceParameterList.ParameterSet[0] = NewParameterSet(1, 2, serviceId == 6);
                    detail.ServiceParameterList.ParameterSet[1] = NewParameterSet(2, 1, serviceId == 6);
                    detail.ServiceParameterList.ParameterSetCount = 2;
                    Common.ServiceDetailRes = detail;
                    Common.Root = Iso20CommonMessagesRoot.ServiceDetailRes;
                    break;

                case "ServiceSelectionReq":
                    ServiceSelectionResType selection = new ServiceSelectionResType();
                    selection.Header = _header;
                    selection.ResponseCode = code;
                    Common.ServiceSelectionRes = selection;
                    Common.Root = Iso20CommonMessagesRoot.ServiceSelectionRes;
                    break;

                case "ScheduleExchangeReq":
                    ScheduleExchangeResType schedule = new ScheduleExchangeResType();
                    schedule.Header = _header;
                    schedule.ResponseCode = code;
                    bool ongoing = _scheduleExchanges++ < ScheduleExchangeOngoing;
                    schedule.EVSEProcessing = ongoing ? ProcessingType.Ongoing : ProcessingType.Finished;
                    // The control mode is a required choice, even in an Ongoing answer.
                    if (Common.ScheduleExchangeReq.HasScheduled_SEReqControlMode)
                    {
                        schedule.Scheduled_SEResControlMode = NewSchedule();
                        schedule.HasScheduled_SEResControlMode = true;
                    }
                    else
                    {
                        schedule.Dynamic_SEResControlMode = new Dynamic_SEResControlModeType();
                        schedule.HasDynamic_SEResControlMode = true;
                    }

                    Common.ScheduleExchangeRes = schedule;
                    Common.Root = Iso20CommonMessagesRoot.ScheduleExchangeRes;
                    break;

                case "PowerDeliveryReq":
                    if (Common.PowerDeliveryReq.ChargeProgress == ChargeProgressType.Stop)
                    {
                        // The converter ramps down: no current flows any more.
                        _plant.BatteryCurrentA = 0;
                    }

                    PowerDeliveryResType delivery = new PowerDeliveryResType();
                    delivery.Header = _header;
                    delivery.ResponseCode = code;
                    Common.PowerDeliveryRes = delivery;
                    Common.Root = Iso20CommonMessagesRoot.PowerDeliveryRes;
                    break;

                case "SessionStopReq":
                    SessionStopResType stop = new SessionStopResType();
                    stop.Header = _header;
                    stop.ResponseCode = code;
                    Common.SessionStopRes = stop;
                    Common.Root = Iso20CommonMessagesRoot.SessionStopRes;
                    break;

                default:
                    AnswerDc(name, code);
                    return;
            }

            Send(V2gtpPayloadType.CommonMessages);
        }

        private void AnswerDc(string name, ResponseCodeType code)
        {
            switch (name)
            {
                case "DC_ChargeParameterDiscoveryReq":
                    DC_ChargeParameterDiscoveryResType cpd = new DC_ChargeParameterDiscoveryResType();
                    cpd.Header = _header;
                    cpd.ResponseCode = code;
                    if (Dc.DC_ChargeParameterDiscoveryReq.HasBPT_DC_CPDReqEnergyTransferMode)
                    {
                        BPT_DC_CPDResEnergyTransferModeType m = new BPT_DC_CPDResEnergyTransferModeType();
                        m.EVSEMaximumChargePower = R(1, 5000);
                        m.EVSEMinimumChargePower = R(0, 0);
                        m.EVSEMaximumChargeCurrent = R(0, 125);
                        m.EVSEMinimumChargeCurrent = R(0, 0);
                        m.EVSEMaximumVoltage = R(0, 920);
                        m.EVSEMinimumVoltage = R(0, 150);
                        m.EVSEMaximumDischargePower = R(1, 5000);
                        m.EVSEMinimumDischargePower = R(0, 0);
                        m.EVSEMaximumDischargeCurrent = R(0, 125);
                        m.EVSEMinimumDischargeCurrent = R(0, 0);
                        cpd.BPT_DC_CPDResEnergyTransferMode = m;
                        cpd.HasBPT_DC_CPDResEnergyTransferMode = true;
                    }
                    else
                    {
                        DC_CPDResEnergyTransferModeType m = new DC_CPDResEnergyTransferModeType();
                        m.EVSEMaximumChargePower = R(1, 5000);
                        m.EVSEMinimumChargePower = R(0, 0);
                        m.EVSEMaximumChargeCurrent = R(0, 125);
                        m.EVSEMinimumChargeCurrent = R(0, 0);
                        m.EVSEMaximumVoltage = R(0, 920);
                        m.EVSEMinimumVoltage = R(0, 150);
                        cpd.DC_CPDResEnergyTransferMode = m;
                        cpd.HasDC_CPDResEnergyTransferMode = true;
                    }

                    Dc.DC_ChargeParameterDiscoveryRes = cpd;
                    Dc.Root = Iso20DcRoot.DC_ChargeParameterDiscoveryRes;
                    break;

                case "DC_CableCheckReq":
                    DC_CableCheckResType cable = new DC_CableCheckResType();
                    cable.Header = _header;
                    cable.ResponseCode = code;
                    cable.EVSEProcessing = _cableChecks++ < CableCheckOngoing ? ProcessingType.Ongoing : ProcessingType.Finished;
                    Dc.DC_CableCheckRes = cable;
                    Dc.Root = Iso20DcRoot.DC_CableCheckRes;
                    break;

                case "DC_PreChargeReq":
                    DC_PreChargeReqType pre = Dc.DC_PreChargeReq;
                    double target = Value(pre.EVTargetVoltage) + PreChargeOffsetV;
                    double step = target - _outputV;
                    if (step > PreChargeStepV)
                    {
                        step = PreChargeStepV;
                    }
                    else if (step < -PreChargeStepV)
                    {
                        step = -PreChargeStepV;
                    }

                    _outputV += step;
                    Inlet();
                    DC_PreChargeResType preRes = new DC_PreChargeResType();
                    preRes.Header = _header;
                    preRes.ResponseCode = code;
                    preRes.EVSEPresentVoltage = R(-1, (short)(_outputV * 10));
                    Dc.DC_PreChargeRes = preRes;
                    Dc.Root = Iso20DcRoot.DC_PreChargeRes;
                    break;

                case "DC_ChargeLoopReq":
                    AnswerChargeLoop(code);
                    break;

                case "DC_WeldingDetectionReq":
                    if (_plant.IsContactorClosed)
                    {
                        ContactorOpenDuringWelding = false;
                    }

                    _outputV = _outputV > 200 ? _outputV - 200 : 0;
                    Inlet();
                    DC_WeldingDetectionResType weld = new DC_WeldingDetectionResType();
                    weld.Header = _header;
                    weld.ResponseCode = code;
                    weld.EVSEPresentVoltage = R(-1, (short)(_outputV * 10));
                    Dc.DC_WeldingDetectionRes = weld;
                    Dc.Root = Iso20DcRoot.DC_WeldingDetectionRes;
                    break;

                default:
                    return;
            }

            Send(V2gtpPayloadType.Dc);
        }

        // Allocation-free after the first loop answer (the EVCC's allocation test measures only the EVCC, but keep it lean).
        private DC_ChargeLoopResType _loopRes;

        private void AnswerChargeLoop(ResponseCodeType code)
        {
            DC_ChargeLoopReqType req = Dc.DC_ChargeLoopReq;
            if (_loopRes == null)
            {
                _loopRes = new DC_ChargeLoopResType();
                _loopRes.Header = _header;
                _loopRes.EVSEPresentCurrent = new RationalNumberType();
                _loopRes.EVSEPresentVoltage = new RationalNumberType();
                _loopRes.EVSEStatus = new EVSEStatusType();
                BPT_Dynamic_DC_CLResControlModeType bd = new BPT_Dynamic_DC_CLResControlModeType();
                bd.EVSEMaximumChargePower = R(1, 5000);
                bd.EVSEMinimumChargePower = R(0, 0);
                bd.EVSEMaximumChargeCurrent = R(0, 125);
                bd.EVSEMaximumVoltage = R(0, 920);
                bd.EVSEMaximumDischargePower = R(1, 5000);
                bd.EVSEMinimumDischargePower = R(0, 0);
                bd.EVSEMaximumDischargeCurrent = R(0, 125);
                bd.EVSEMinimumVoltage = R(0, 150);
                _loopRes.BPT_Dynamic_DC_CLResControlMode = bd;
                _loopRes.BPT_Scheduled_DC_CLResControlMode = new BPT_Scheduled_DC_CLResControlModeType();
                Dynamic_DC_CLResControlModeType dd = new Dynamic_DC_CLResControlModeType();
                dd.EVSEMaximumChargePower = R(1, 5000);
                dd.EVSEMinimumChargePower = R(0, 0);
                dd.EVSEMaximumChargeCurrent = R(0, 125);
                dd.EVSEMaximumVoltage = R(0, 920);
                _loopRes.Dynamic_DC_CLResControlMode = dd;
                _loopRes.Scheduled_DC_CLResControlMode = new Scheduled_DC_CLResControlModeType();
            }

            double current = req.HasBPT_Scheduled_DC_CLReqControlMode ? Value(req.BPT_Scheduled_DC_CLReqControlMode.EVTargetCurrent)
                : (req.HasScheduled_DC_CLReqControlMode ? Value(req.Scheduled_DC_CLReqControlMode.EVTargetCurrent) : LoopCurrentA);
            if (_stopped || !_plant.IsContactorClosed)
            {
                current = 0;
            }

            _plant.BatteryCurrentA = current;
            DC_ChargeLoopResType res = _loopRes;
            res.ResponseCode = code;
            Set(res.EVSEPresentCurrent, current);
            Set(res.EVSEPresentVoltage, _plant.BatteryVoltageV);
            bool terminate = TerminateAtLoop > 0 && LoopRequests >= TerminateAtLoop;
            res.HasEVSEStatus = terminate;
            res.EVSEStatus.EVSENotification = EvseNotificationType.Terminate;
            res.EVSEStatus.NotificationMaxDelay = 0;
            res.HasBPT_Dynamic_DC_CLResControlMode = req.HasBPT_Dynamic_DC_CLReqControlMode;
            res.HasBPT_Scheduled_DC_CLResControlMode = req.HasBPT_Scheduled_DC_CLReqControlMode;
            res.HasDynamic_DC_CLResControlMode = req.HasDynamic_DC_CLReqControlMode;
            res.HasScheduled_DC_CLResControlMode = req.HasScheduled_DC_CLReqControlMode;
            Dc.DC_ChargeLoopRes = res;
            Dc.Root = Iso20DcRoot.DC_ChargeLoopRes;
        }

        private void Inlet()
        {
            // With the EV contactor closed the inlet is the battery; open, it is the charger's output.
            _plant.InletVoltageV = _plant.IsContactorClosed ? _plant.BatteryVoltageV : _outputV;
        }

        private string Decode()
        {
            byte[] buffer = _reader.Buffer;
            int offset = _reader.PayloadOffset;
            int length = _reader.PayloadLength;
            switch (_reader.PayloadType)
            {
                case V2gtpPayloadType.SupportedAppProtocol:
                    return App.Decode(buffer, offset, length) == ExiError.Ok && App.Root == AppHandRoot.supportedAppProtocolReq ? "supportedAppProtocolReq" : "undecodable";

                case V2gtpPayloadType.CommonMessages:
                    if (Common.Decode(buffer, offset, length) != ExiError.Ok)
                    {
                        return "undecodable";
                    }

                    switch (Common.Root)
                    {
                        case Iso20CommonMessagesRoot.SessionSetupReq: return "SessionSetupReq";
                        case Iso20CommonMessagesRoot.AuthorizationSetupReq: return "AuthorizationSetupReq";
                        case Iso20CommonMessagesRoot.AuthorizationReq: return "AuthorizationReq";
                        case Iso20CommonMessagesRoot.ServiceDiscoveryReq: return "ServiceDiscoveryReq";
                        case Iso20CommonMessagesRoot.ServiceDetailReq: return "ServiceDetailReq";
                        case Iso20CommonMessagesRoot.ServiceSelectionReq: return "ServiceSelectionReq";
                        case Iso20CommonMessagesRoot.ScheduleExchangeReq: return "ScheduleExchangeReq";
                        case Iso20CommonMessagesRoot.PowerDeliveryReq: return "PowerDeliveryReq";
                        case Iso20CommonMessagesRoot.SessionStopReq: return "SessionStopReq";
                        default: return "unexpected";
                    }

                case V2gtpPayloadType.Dc:
                    if (Dc.Decode(buffer, offset, length) != ExiError.Ok)
                    {
                        return "undecodable";
                    }

                    switch (Dc.Root)
                    {
                        case Iso20DcRoot.DC_ChargeParameterDiscoveryReq: return "DC_ChargeParameterDiscoveryReq";
                        case Iso20DcRoot.DC_CableCheckReq: return "DC_CableCheckReq";
                        case Iso20DcRoot.DC_PreChargeReq: return "DC_PreChargeReq";
                        case Iso20DcRoot.DC_ChargeLoopReq: return "DC_ChargeLoopReq";
                        case Iso20DcRoot.DC_WeldingDetectionReq: return "DC_WeldingDetectionReq";
                        default: return "unexpected";
                    }

                default:
                    return "unexpected";
            }
        }

        private void Send(ushort payloadType)
        {
            int length;
            ExiError e;
            if (payloadType == V2gtpPayloadType.SupportedAppProtocol)
            {
                e = App.Encode(_writer.Buffer, _writer.PayloadOffset, _writer.MaxPayloadLength, out length);
            }
            else if (payloadType == V2gtpPayloadType.Dc)
            {
                e = Dc.Encode(_writer.Buffer, _writer.PayloadOffset, _writer.MaxPayloadLength, out length);
            }
            else
            {
                e = Common.Encode(_writer.Buffer, _writer.PayloadOffset, _writer.MaxPayloadLength, out length);
            }

            if (e != ExiError.Ok)
            {
                throw new System.Exception("the scripted charger could not encode its answer: " + ExiErrorNames.Name(e));
            }

            _writer.Send(payloadType, length);
        }

        private static ServiceType NewService(ushort id)
        {
            ServiceType s = new ServiceType();
            s.ServiceID = id;
            s.FreeService = true;
            return s;
        }

        private static ParameterSetType NewParameterSet(ushort id, int controlMode, bool bpt)
        {
            ParameterSetType set = new ParameterSetType();
            set.ParameterSetID = id;
            int n = 0;
            set.Parameter[n++] = IntParameter("Connector", 2);
            set.Parameter[n++] = IntParameter("ControlMode", controlMode);
            set.Parameter[n++] = IntParameter("MobilityNeedsMode", 1);
            set.Parameter[n++] = IntParameter("Pricing", 0);
            if (bpt)
            {
                set.Parameter[n++] = IntParameter("BPTChannel", 1);
                set.Parameter[n++] = IntParameter("GeneratorMode", 1);
            }

            set.ParameterCount = n;
            return set;
        }

        private static ParameterType IntParameter(string name, int value)
        {
            ParameterType p = new ParameterType();
            p.Name.Set(name);
            p.intValue = value;
            p.HasintValue = true;
            return p;
        }

        private static Scheduled_SEResControlModeType NewSchedule()
        {
            Scheduled_SEResControlModeType mode = new Scheduled_SEResControlModeType();
            ScheduleTupleType tuple = new ScheduleTupleType();
            tuple.ScheduleTupleID = 7;
            tuple.ChargingSchedule = new ChargingScheduleType();
            tuple.ChargingSchedule.PowerSchedule = new PowerScheduleType();
            tuple.ChargingSchedule.PowerSchedule.TimeAnchor = 1735732809;
            tuple.ChargingSchedule.PowerSchedule.PowerScheduleEntries = new PowerScheduleEntryListType();
            PowerScheduleEntryType entry = new PowerScheduleEntryType();
            entry.Duration = 86400;
            entry.Power = R(1, 2200);
            tuple.ChargingSchedule.PowerSchedule.PowerScheduleEntries.PowerScheduleEntry[0] = entry;
            tuple.ChargingSchedule.PowerSchedule.PowerScheduleEntries.PowerScheduleEntryCount = 1;
            mode.ScheduleTuple[0] = tuple;
            mode.ScheduleTupleCount = 1;
            return mode;
        }

        private static bool Same(ExiBytes bytes, byte[] expected)
        {
            if (bytes.Length != expected.Length)
            {
                return false;
            }

            for (int i = 0; i < expected.Length; i++)
            {
                if (bytes.Bytes[i] != expected[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static RationalNumberType R(sbyte exponent, short value)
        {
            RationalNumberType r = new RationalNumberType();
            r.Exponent = exponent;
            r.Value = value;
            return r;
        }

        private static void Set(RationalNumberType r, double x)
        {
            sbyte e;
            short v;
            V2G.Protocol.Iso15118.PhysicalValue.FromDouble(x, -1, out e, out v);
            r.Exponent = e;
            r.Value = v;
        }

        public static double Value(RationalNumberType r)
        {
            return V2G.Protocol.Iso15118.PhysicalValue.ToDouble(r.Exponent, r.Value);
        }
    }
}
