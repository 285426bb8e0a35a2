using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Iso15118.Secc;
using V2G.Protocol.Session;
using V2G.Protocol.Trace;
using V2G.UnitTests.Fakes;

namespace V2G.UnitTests.Iso15118.Secc
{
    /// <summary>
    /// A SECC session on a fake clock and a fake controller (or any port), connected to a
    /// <see cref="TestEv"/> through a <see cref="MemoryDuplex"/>. Each step helper sends one request,
    /// polls the session tick by tick until the answer arrives, and returns its ResponseCode.
    /// </summary>
    public sealed class SeccBench
    {
        public const int TickMs = 20;

        public readonly FakeClock Clock;
        public readonly SeccSettings Settings = new SeccSettings();
        public readonly MessageLog Log = new MessageLog(64, 160);
        public readonly MemoryDuplex Link = new MemoryDuplex(16384);
        public readonly IEvSessionPort Port;
        public readonly FakeSessionPort Fake;
        public readonly SeccSession Session;
        public readonly TestEv Ev;

        /// <summary>Called after every poll of the session (e.g. the controller's tick on a rig).</summary>
        public TickHandler AfterPoll;

        public delegate void TickHandler();

        public SeccBench()
            : this(null)
        {
        }

        public SeccBench(IEvSessionPort port)
            : this(port, null)
        {
        }

        /// <summary>A bench driving <paramref name="port"/> on <paramref name="clock"/> (e.g. a controller rig's).</summary>
        public SeccBench(IEvSessionPort port, FakeClock clock)
        {
            Clock = clock ?? new FakeClock();
            if (clock == null)
            {
                Clock.NowMs = 1000;
            }

            Fake = port == null ? new FakeSessionPort() : null;
            Port = port ?? Fake;
            Session = new SeccSession(Settings, Port, Log, Clock, null);
            Ev = new TestEv(Link.EvEnd);
            Session.Attach(Link.ChargerEnd);
        }

        /// <summary>One control tick: time advances, the session polls.</summary>
        public void Tick()
        {
            Clock.NowMs += TickMs;
            Session.Poll();
            if (AfterPoll != null)
            {
                AfterPoll();
            }
        }

        /// <summary>Ticks until the EV has an answer (true) or <paramref name="maxTicks"/> passed (false).</summary>
        public bool Exchange(int maxTicks)
        {
            for (int i = 0; i < maxTicks; i++)
            {
                Tick();
                if (Ev.TryReceive())
                {
                    return true;
                }
            }

            return false;
        }

        public bool Exchange()
        {
            return Exchange(10);
        }

        /// <summary>The newest log entry that is a failure, or null.</summary>
        public TraceEntry LastFailureEntry()
        {
            for (int i = Log.Count - 1; i >= 0; i--)
            {
                TraceEntry e = Log.Get(i);
                if (e.Failure != null)
                {
                    return e;
                }
            }

            return null;
        }

        /// <summary>The newest log entry with <paramref name="message"/>, or null.</summary>
        public TraceEntry LastEntry(string message)
        {
            for (int i = Log.Count - 1; i >= 0; i--)
            {
                TraceEntry e = Log.Get(i);
                if (e.Message == message)
                {
                    return e;
                }
            }

            return null;
        }

        // ------------------------------------------------------------------ one request each; −1 if no answer

        public int Handshake()
        {
            Ev.SendAppHand();
            return Exchange() ? (int)Ev.AppHandIn.supportedAppProtocolRes.ResponseCode : -1;
        }

        public int SessionSetup()
        {
            Ev.SendCommon(Iso20CommonMessagesRoot.SessionSetupReq);
            if (!Exchange())
            {
                return -1;
            }

            Ev.AdoptSessionId();
            return (int)Ev.CommonIn.SessionSetupRes.ResponseCode;
        }

        public int Common(Iso20CommonMessagesRoot request)
        {
            Ev.SendCommon(request);
            if (!Exchange())
            {
                return -1;
            }

            return CommonCode();
        }

        public int Dc(Iso20DcRoot request)
        {
            Ev.SendDc(request);
            if (!Exchange())
            {
                return -1;
            }

            return DcCode();
        }

        /// <summary>ResponseCode of the last CommonMessages answer.</summary>
        public int CommonCode()
        {
            Iso20CommonMessagesDocument d = Ev.CommonIn;
            switch (d.Root)
            {
                case Iso20CommonMessagesRoot.SessionSetupRes: return (int)d.SessionSetupRes.ResponseCode;
                case Iso20CommonMessagesRoot.AuthorizationSetupRes: return (int)d.AuthorizationSetupRes.ResponseCode;
                case Iso20CommonMessagesRoot.AuthorizationRes: return (int)d.AuthorizationRes.ResponseCode;
                case Iso20CommonMessagesRoot.ServiceDiscoveryRes: return (int)d.ServiceDiscoveryRes.ResponseCode;
                case Iso20CommonMessagesRoot.ServiceDetailRes: return (int)d.ServiceDetailRes.ResponseCode;
                case Iso20CommonMessagesRoot.ServiceSelectionRes: return (int)d.ServiceSelectionRes.ResponseCode;
                case Iso20CommonMessagesRoot.ScheduleExchangeRes: return (int)d.ScheduleExchangeRes.ResponseCode;
                case Iso20CommonMessagesRoot.PowerDeliveryRes: return (int)d.PowerDeliveryRes.ResponseCode;
                case Iso20CommonMessagesRoot.SessionStopRes: return (int)d.SessionStopRes.ResponseCode;
                default: return -2;
            }
        }

        /// <summary>ResponseCode of the last DC answer.</summary>
        public int DcCode()
        {
            Iso20DcDocument d = Ev.DcIn;
            switch (d.Root)
            {
                case Iso20DcRoot.DC_ChargeParameterDiscoveryRes: return (int)d.DC_ChargeParameterDiscoveryRes.ResponseCode;
                case Iso20DcRoot.DC_CableCheckRes: return (int)d.DC_CableCheckRes.ResponseCode;
                case Iso20DcRoot.DC_PreChargeRes: return (int)d.DC_PreChargeRes.ResponseCode;
                case Iso20DcRoot.DC_ChargeLoopRes: return (int)d.DC_ChargeLoopRes.ResponseCode;
                case Iso20DcRoot.DC_WeldingDetectionRes: return (int)d.DC_WeldingDetectionRes.ResponseCode;
                default: return -2;
            }
        }

        // ------------------------------------------------------------------ sequences

        /// <summary>Selects the service (2 DC, 6 DC_BPT) and parameter set (1 Dynamic, 2 Scheduled) in ServiceSelection.</summary>
        public void Select(ushort serviceId, ushort parameterSetId)
        {
            Ev.CommonOut.ServiceSelectionReq.SelectedEnergyTransferService.ServiceID = serviceId;
            Ev.CommonOut.ServiceSelectionReq.SelectedEnergyTransferService.ParameterSetID = parameterSetId;
            Ev.CommonOut.ServiceDetailReq.ServiceID = serviceId;
        }

        /// <summary>Runs handshake to ServiceSelection; true if every answer was OK.</summary>
        public bool ToServiceSelection()
        {
            bool ok = Handshake() == (int)V2G.Protocol.Iso15118.Generated.AppHand.ResponseCodeType.OK_SuccessfulNegotiation;
            ok &= SessionSetup() == (int)ResponseCodeType.OK_NewSessionEstablished;
            ok &= Common(Iso20CommonMessagesRoot.AuthorizationSetupReq) == (int)ResponseCodeType.OK;
            ok &= Common(Iso20CommonMessagesRoot.AuthorizationReq) == (int)ResponseCodeType.OK;
            ok &= Common(Iso20CommonMessagesRoot.ServiceDiscoveryReq) == (int)ResponseCodeType.OK;
            ok &= Common(Iso20CommonMessagesRoot.ServiceDetailReq) == (int)ResponseCodeType.OK;
            ok &= Common(Iso20CommonMessagesRoot.ServiceSelectionReq) == (int)ResponseCodeType.OK;
            return ok;
        }

        /// <summary>Runs ChargeParameterDiscovery to PowerDelivery Start; true if every answer was OK.</summary>
        public bool FromParameterDiscoveryToChargeLoop(bool scheduled)
        {
            bool ok = Dc(Iso20DcRoot.DC_ChargeParameterDiscoveryReq) == (int)ResponseCodeType.OK;
            return ok && FromScheduleExchangeToChargeLoop(scheduled);
        }

        /// <summary>Runs ScheduleExchange to PowerDelivery Start; true if every answer was OK.</summary>
        public bool FromScheduleExchangeToChargeLoop(bool scheduled)
        {
            Ev.CommonOut.ScheduleExchangeReq.HasDynamic_SEReqControlMode = !scheduled;
            Ev.CommonOut.ScheduleExchangeReq.HasScheduled_SEReqControlMode = scheduled;
            bool ok = Common(Iso20CommonMessagesRoot.ScheduleExchangeReq) == (int)ResponseCodeType.OK;
            ok &= Dc(Iso20DcRoot.DC_CableCheckReq) == (int)ResponseCodeType.OK;
            ok &= Dc(Iso20DcRoot.DC_PreChargeReq) == (int)ResponseCodeType.OK;
            Ev.CommonOut.PowerDeliveryReq.ChargeProgress = ChargeProgressType.Start;
            ok &= Common(Iso20CommonMessagesRoot.PowerDeliveryReq) == (int)ResponseCodeType.OK;
            return ok;
        }

        /// <summary>Runs a DC_BPT session (Dynamic unless <paramref name="scheduled"/>) into the charge loop.</summary>
        public bool ToChargeLoop(bool scheduled)
        {
            Select(ServiceIds.DcBpt, scheduled ? ServiceIds.ScheduledParameterSetId : ServiceIds.DynamicParameterSetId);
            return ToServiceSelection() && FromParameterDiscoveryToChargeLoop(scheduled);
        }

        /// <summary>Chooses the charge loop request variant.</summary>
        public void LoopVariant(bool bpt, bool scheduled)
        {
            DC_ChargeLoopReqType loop = Ev.DcOut.DC_ChargeLoopReq;
            loop.HasBPT_Dynamic_DC_CLReqControlMode = bpt && !scheduled;
            loop.HasBPT_Scheduled_DC_CLReqControlMode = bpt && scheduled;
            loop.HasDynamic_DC_CLReqControlMode = !bpt && !scheduled;
            loop.HasScheduled_DC_CLReqControlMode = !bpt && scheduled;
        }

        /// <summary>PowerDelivery Stop, welding detection and SessionStop (<paramref name="how"/>); true if every answer was OK.</summary>
        public bool StopFromChargeLoop(ChargingSessionType how)
        {
            Ev.CommonOut.PowerDeliveryReq.ChargeProgress = ChargeProgressType.Stop;
            bool ok = Common(Iso20CommonMessagesRoot.PowerDeliveryReq) == (int)ResponseCodeType.OK;
            Ev.DcOut.DC_WeldingDetectionReq.EVProcessing = ProcessingType.Finished;
            ok &= Dc(Iso20DcRoot.DC_WeldingDetectionReq) == (int)ResponseCodeType.OK;
            Ev.CommonOut.SessionStopReq.ChargingSession = how;
            ok &= Common(Iso20CommonMessagesRoot.SessionStopReq) == (int)ResponseCodeType.OK;
            return ok;
        }
    }
}
