using V2G.Hal.Comms;
using V2G.Protocol.Iso15118.Exi;
using V2G.Protocol.Iso15118.Generated.AppHand;
using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Iso15118.Secc;
using V2G.Protocol.Iso15118.Transport;

namespace V2G.UnitTests.Iso15118.Secc
{
    /// <summary>
    /// A scripted vehicle for SECC tests: fills the generated request documents (every request built
    /// once, with its nested objects, so a test only sets values), encodes and frames them onto its
    /// end of a <see cref="MemoryDuplex"/>, and decodes what the charger answers.
    /// </summary>
    public sealed class TestEv
    {
        public const int MaxPayload = 8192;

        public readonly AppHandDocument AppHandOut = new AppHandDocument();
        public readonly Iso20CommonMessagesDocument CommonOut = new Iso20CommonMessagesDocument();
        public readonly Iso20DcDocument DcOut = new Iso20DcDocument();
        public readonly AppHandDocument AppHandIn = new AppHandDocument();
        public readonly Iso20CommonMessagesDocument CommonIn = new Iso20CommonMessagesDocument();
        public readonly Iso20DcDocument DcIn = new Iso20DcDocument();

        /// <summary>The SessionID put in every request header (all zero until set from SessionSetupRes).</summary>
        public readonly byte[] SessionId = new byte[8];

        /// <summary>Payload type of the last response received.</summary>
        public ushort ReceivedPayloadType;

        /// <summary>Outcome of decoding the last response.</summary>
        public ExiError ReceiveError;

        private readonly IByteStream _stream;
        private readonly V2gtpReader _reader;
        private readonly byte[] _tx = new byte[V2gtpHeader.Length + MaxPayload];

        public TestEv(IByteStream stream)
        {
            _stream = stream;
            _reader = new V2gtpReader(stream, V2gtpPayloadType.SessionTypes(), MaxPayload);
            BuildRequests();
        }

        // ------------------------------------------------------------------ sending

        /// <summary>Encodes and sends the appHand request; false if encoding or writing failed.</summary>
        public bool SendAppHand()
        {
            AppHandOut.Root = AppHandRoot.supportedAppProtocolReq;
            int length;
            ExiError e = AppHandOut.Encode(_tx, V2gtpHeader.Length, MaxPayload, out length);
            return e == ExiError.Ok && Frame(V2gtpPayloadType.SupportedAppProtocol, length);
        }

        /// <summary>Encodes and sends a CommonMessages request (the header's SessionID is <see cref="SessionId"/>).</summary>
        public bool SendCommon(Iso20CommonMessagesRoot root)
        {
            CommonOut.Root = root;
            MessageHeaderType header = CommonHeader(root);
            if (header != null)
            {
                SetHeader(header);
            }

            int length;
            ExiError e = CommonOut.Encode(_tx, V2gtpHeader.Length, MaxPayload, out length);
            return e == ExiError.Ok && Frame(V2gtpPayloadType.CommonMessages, length);
        }

        /// <summary>Encodes and sends a DC request (the header's SessionID is <see cref="SessionId"/>).</summary>
        public bool SendDc(Iso20DcRoot root)
        {
            DcOut.Root = root;
            MessageHeaderType header = DcHeader(root);
            if (header != null)
            {
                SetHeader(header);
            }

            int length;
            ExiError e = DcOut.Encode(_tx, V2gtpHeader.Length, MaxPayload, out length);
            return e == ExiError.Ok && Frame(V2gtpPayloadType.Dc, length);
        }

        /// <summary>Sends raw bytes (a header of <paramref name="payloadType"/> in front of <paramref name="payload"/>).</summary>
        public bool SendRaw(ushort payloadType, byte[] payload)
        {
            for (int i = 0; i < payload.Length; i++)
            {
                _tx[V2gtpHeader.Length + i] = payload[i];
            }

            return Frame(payloadType, payload.Length);
        }

        /// <summary>Sends bytes as they are, no header added.</summary>
        public bool SendBytes(byte[] bytes)
        {
            return _stream.Write(bytes, 0, bytes.Length);
        }

        // ------------------------------------------------------------------ receiving

        /// <summary>True once a whole response arrived; it is decoded into the *In document of its payload type.</summary>
        public bool TryReceive()
        {
            if (_reader.Poll() != V2gtpReadStatus.Message)
            {
                return false;
            }

            ReceivedPayloadType = _reader.PayloadType;
            byte[] b = _reader.Buffer;
            int off = _reader.PayloadOffset;
            int len = _reader.PayloadLength;
            if (ReceivedPayloadType == V2gtpPayloadType.SupportedAppProtocol)
            {
                ReceiveError = AppHandIn.Decode(b, off, len);
            }
            else if (ReceivedPayloadType == V2gtpPayloadType.CommonMessages)
            {
                ReceiveError = CommonIn.Decode(b, off, len);
            }
            else
            {
                ReceiveError = DcIn.Decode(b, off, len);
            }

            return true;
        }

        /// <summary>Takes the SessionID of the last SessionSetupRes for the following requests.</summary>
        public void AdoptSessionId()
        {
            for (int i = 0; i < 8; i++)
            {
                SessionId[i] = CommonIn.SessionSetupRes.Header.SessionID.Bytes[i];
            }
        }

        /// <summary>A value of the DC and CommonMessages grammars.</summary>
        public static RationalNumberType R(double x)
        {
            RationalNumberType r = new RationalNumberType();
            SeccValues.Set(r, x);
            return r;
        }

        // ------------------------------------------------------------------ internals

        private bool Frame(ushort payloadType, int length)
        {
            V2gtpHeader.Write(_tx, 0, payloadType, (uint)length);
            return _stream.Write(_tx, 0, V2gtpHeader.Length + length);
        }

        private void SetHeader(MessageHeaderType header)
        {
            header.SessionID.Set(SessionId, 0, 8);
            header.TimeStamp = 1735732800;
            header.HasSignature = false;
        }

        private MessageHeaderType CommonHeader(Iso20CommonMessagesRoot root)
        {
            switch (root)
            {
                case Iso20CommonMessagesRoot.SessionSetupReq: return CommonOut.SessionSetupReq.Header;
                case Iso20CommonMessagesRoot.AuthorizationSetupReq: return CommonOut.AuthorizationSetupReq.Header;
                case Iso20CommonMessagesRoot.AuthorizationReq: return CommonOut.AuthorizationReq.Header;
                case Iso20CommonMessagesRoot.ServiceDiscoveryReq: return CommonOut.ServiceDiscoveryReq.Header;
                case Iso20CommonMessagesRoot.ServiceDetailReq: return CommonOut.ServiceDetailReq.Header;
                case Iso20CommonMessagesRoot.ServiceSelectionReq: return CommonOut.ServiceSelectionReq.Header;
                case Iso20CommonMessagesRoot.ScheduleExchangeReq: return CommonOut.ScheduleExchangeReq.Header;
                case Iso20CommonMessagesRoot.PowerDeliveryReq: return CommonOut.PowerDeliveryReq.Header;
                case Iso20CommonMessagesRoot.SessionStopReq: return CommonOut.SessionStopReq.Header;
                default: return null;
            }
        }

        private MessageHeaderType DcHeader(Iso20DcRoot root)
        {
            switch (root)
            {
                case Iso20DcRoot.DC_ChargeParameterDiscoveryReq: return DcOut.DC_ChargeParameterDiscoveryReq.Header;
                case Iso20DcRoot.DC_CableCheckReq: return DcOut.DC_CableCheckReq.Header;
                case Iso20DcRoot.DC_PreChargeReq: return DcOut.DC_PreChargeReq.Header;
                case Iso20DcRoot.DC_ChargeLoopReq: return DcOut.DC_ChargeLoopReq.Header;
                case Iso20DcRoot.DC_WeldingDetectionReq: return DcOut.DC_WeldingDetectionReq.Header;
                default: return null;
            }
        }

        private void BuildRequests()
        {
            SupportedAppProtocolReqType hand = new SupportedAppProtocolReqType();
            for (int i = 0; i < 3; i++)
            {
                hand.AppProtocol[i] = new AppProtocolType();
            }

            hand.AppProtocol[0].ProtocolNamespace.Set("urn:iso:15118:2:2013:MsgDef");
            hand.AppProtocol[0].VersionNumberMajor = 2;
            hand.AppProtocol[0].SchemaID = 2;
            hand.AppProtocol[0].Priority = 2;
            hand.AppProtocol[1].ProtocolNamespace.Set(ServiceIds.Iso20DcNamespace);
            hand.AppProtocol[1].VersionNumberMajor = 1;
            hand.AppProtocol[1].SchemaID = 1;
            hand.AppProtocol[1].Priority = 1;
            hand.AppProtocolCount = 2;
            AppHandOut.supportedAppProtocolReq = hand;

            Iso20CommonMessagesDocument c = CommonOut;
            c.SessionSetupReq = new SessionSetupReqType();
            c.SessionSetupReq.Header = new MessageHeaderType();
            c.SessionSetupReq.EVCCID.Set("WMIV2GTESTCAR0001");
            c.AuthorizationSetupReq = new AuthorizationSetupReqType();
            c.AuthorizationSetupReq.Header = new MessageHeaderType();
            c.AuthorizationReq = new AuthorizationReqType();
            c.AuthorizationReq.Header = new MessageHeaderType();
            c.AuthorizationReq.SelectedAuthorizationService = AuthorizationType.EIM;
            c.AuthorizationReq.EIM_AReqAuthorizationMode = new EIM_AReqAuthorizationModeType();
            c.AuthorizationReq.HasEIM_AReqAuthorizationMode = true;
            c.ServiceDiscoveryReq = new ServiceDiscoveryReqType();
            c.ServiceDiscoveryReq.Header = new MessageHeaderType();
            c.ServiceDiscoveryReq.SupportedServiceIDs = new ServiceIDListType();
            c.ServiceDiscoveryReq.SupportedServiceIDs.ServiceID[0] = ServiceIds.Dc;
            c.ServiceDiscoveryReq.SupportedServiceIDs.ServiceID[1] = ServiceIds.DcBpt;
            c.ServiceDiscoveryReq.SupportedServiceIDs.ServiceIDCount = 2;
            c.ServiceDiscoveryReq.HasSupportedServiceIDs = true;
            c.ServiceDetailReq = new ServiceDetailReqType();
            c.ServiceDetailReq.Header = new MessageHeaderType();
            c.ServiceDetailReq.ServiceID = ServiceIds.DcBpt;
            c.ServiceSelectionReq = new ServiceSelectionReqType();
            c.ServiceSelectionReq.Header = new MessageHeaderType();
            c.ServiceSelectionReq.SelectedEnergyTransferService = new SelectedServiceType();
            c.ServiceSelectionReq.SelectedEnergyTransferService.ServiceID = ServiceIds.DcBpt;
            c.ServiceSelectionReq.SelectedEnergyTransferService.ParameterSetID = ServiceIds.DynamicParameterSetId;
            c.ScheduleExchangeReq = new ScheduleExchangeReqType();
            c.ScheduleExchangeReq.Header = new MessageHeaderType();
            c.ScheduleExchangeReq.MaximumSupportingPoints = 1024;
            c.ScheduleExchangeReq.Dynamic_SEReqControlMode = new Dynamic_SEReqControlModeType();
            c.ScheduleExchangeReq.Dynamic_SEReqControlMode.DepartureTime = 28800;
            c.ScheduleExchangeReq.Dynamic_SEReqControlMode.EVTargetEnergyRequest = R(15400);
            c.ScheduleExchangeReq.Dynamic_SEReqControlMode.EVMaximumEnergyRequest = R(23100);
            c.ScheduleExchangeReq.Dynamic_SEReqControlMode.EVMinimumEnergyRequest = R(-23100);
            c.ScheduleExchangeReq.HasDynamic_SEReqControlMode = true;
            c.ScheduleExchangeReq.Scheduled_SEReqControlMode = new Scheduled_SEReqControlModeType();
            c.ScheduleExchangeReq.Scheduled_SEReqControlMode.DepartureTime = 28800;
            c.ScheduleExchangeReq.Scheduled_SEReqControlMode.HasDepartureTime = true;
            c.PowerDeliveryReq = new PowerDeliveryReqType();
            c.PowerDeliveryReq.Header = new MessageHeaderType();
            c.PowerDeliveryReq.EVProcessing = ProcessingType.Finished;
            c.SessionStopReq = new SessionStopReqType();
            c.SessionStopReq.Header = new MessageHeaderType();

            Iso20DcDocument d = DcOut;
            DC_ChargeParameterDiscoveryReqType cpd = new DC_ChargeParameterDiscoveryReqType();
            cpd.Header = new MessageHeaderType();
            BPT_DC_CPDReqEnergyTransferModeType bpt = new BPT_DC_CPDReqEnergyTransferModeType();
            bpt.EVMaximumChargePower = R(32000);
            bpt.EVMinimumChargePower = R(0);
            bpt.EVMaximumChargeCurrent = R(80);
            bpt.EVMinimumChargeCurrent = R(0);
            bpt.EVMaximumVoltage = R(450);
            bpt.EVMinimumVoltage = R(300);
            bpt.EVMaximumDischargePower = R(24000);
            bpt.EVMinimumDischargePower = R(0);
            bpt.EVMaximumDischargeCurrent = R(60);
            bpt.EVMinimumDischargeCurrent = R(0);
            cpd.BPT_DC_CPDReqEnergyTransferMode = bpt;
            cpd.HasBPT_DC_CPDReqEnergyTransferMode = true;
            DC_CPDReqEnergyTransferModeType dc = new DC_CPDReqEnergyTransferModeType();
            dc.EVMaximumChargePower = R(32000);
            dc.EVMinimumChargePower = R(0);
            dc.EVMaximumChargeCurrent = R(80);
            dc.EVMinimumChargeCurrent = R(0);
            dc.EVMaximumVoltage = R(450);
            dc.EVMinimumVoltage = R(300);
            cpd.DC_CPDReqEnergyTransferMode = dc;
            d.DC_ChargeParameterDiscoveryReq = cpd;

            d.DC_CableCheckReq = new DC_CableCheckReqType();
            d.DC_CableCheckReq.Header = new MessageHeaderType();

            d.DC_PreChargeReq = new DC_PreChargeReqType();
            d.DC_PreChargeReq.Header = new MessageHeaderType();
            d.DC_PreChargeReq.EVProcessing = ProcessingType.Ongoing;
            d.DC_PreChargeReq.EVPresentVoltage = R(398.5);
            d.DC_PreChargeReq.EVTargetVoltage = R(398.5);

            DC_ChargeLoopReqType loop = new DC_ChargeLoopReqType();
            loop.Header = new MessageHeaderType();
            loop.DisplayParameters = new DisplayParametersType();
            loop.DisplayParameters.PresentSOC = 78;
            loop.DisplayParameters.HasPresentSOC = true;
            loop.HasDisplayParameters = true;
            loop.EVPresentVoltage = R(398.5);
            BPT_Dynamic_DC_CLReqControlModeType bd = new BPT_Dynamic_DC_CLReqControlModeType();
            bd.EVTargetEnergyRequest = R(1540);
            bd.EVMaximumEnergyRequest = R(9240);
            bd.EVMinimumEnergyRequest = R(-36960);
            bd.EVMaximumChargePower = R(32000);
            bd.EVMinimumChargePower = R(0);
            bd.EVMaximumChargeCurrent = R(80);
            bd.EVMaximumVoltage = R(450);
            bd.EVMinimumVoltage = R(300);
            bd.EVMaximumDischargePower = R(24000);
            bd.EVMinimumDischargePower = R(0);
            bd.EVMaximumDischargeCurrent = R(60);
            loop.BPT_Dynamic_DC_CLReqControlMode = bd;
            BPT_Scheduled_DC_CLReqControlModeType bs = new BPT_Scheduled_DC_CLReqControlModeType();
            bs.EVTargetCurrent = R(-25);
            bs.EVTargetVoltage = R(410);
            bs.EVMaximumDischargePower = R(11000);
            bs.EVMinimumDischargePower = R(0);
            bs.EVMaximumDischargeCurrent = R(30);
            loop.BPT_Scheduled_DC_CLReqControlMode = bs;
            Dynamic_DC_CLReqControlModeType dd = new Dynamic_DC_CLReqControlModeType();
            dd.EVTargetEnergyRequest = R(1540);
            dd.EVMaximumEnergyRequest = R(9240);
            dd.EVMinimumEnergyRequest = R(0);
            dd.EVMaximumChargePower = R(32000);
            dd.EVMinimumChargePower = R(0);
            dd.EVMaximumChargeCurrent = R(80);
            dd.EVMaximumVoltage = R(450);
            dd.EVMinimumVoltage = R(300);
            loop.Dynamic_DC_CLReqControlMode = dd;
            Scheduled_DC_CLReqControlModeType sd = new Scheduled_DC_CLReqControlModeType();
            sd.EVTargetCurrent = R(30);
            sd.EVTargetVoltage = R(410);
            loop.Scheduled_DC_CLReqControlMode = sd;
            loop.HasBPT_Dynamic_DC_CLReqControlMode = true;
            d.DC_ChargeLoopReq = loop;

            d.DC_WeldingDetectionReq = new DC_WeldingDetectionReqType();
            d.DC_WeldingDetectionReq.Header = new MessageHeaderType();
            d.DC_WeldingDetectionReq.EVProcessing = ProcessingType.Ongoing;
        }
    }
}
