#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Iso15118.Secc;
using V2G.Protocol.Iso15118.Transport;
using V2G.Protocol.Session;
using V2G.Protocol.Trace;
using V2G.UnitTests.Fakes;
using V2G.UnitTests.TestSupport;
using AppHand = V2G.Protocol.Iso15118.Generated.AppHand;

namespace V2G.UnitTests.Iso15118.Secc
{
    /// <summary>The charger's ISO 15118-20 session, driven by a scripted vehicle over an in-memory connection.</summary>
    [TestClass]
    public class SeccSessionTests
    {
        [TestMethod]
        public void AWholeBidirectionalDynamicSessionRunsFromHandshakeToSessionStop()
        {
            SeccBench b = new SeccBench();
            Assert.IsTrue(b.ToChargeLoop(false), "every answer OK up to the charge loop");
            Assert.AreEqual(SeccState.ChargeLoop, b.Session.State);
            Assert.IsTrue(b.Session.BidirectionalSelected, "DC_BPT selected");
            Assert.AreEqual(SeccControlMode.Dynamic, b.Session.ControlMode);
            Assert.AreEqual(1, b.Fake.CommunicationStartedCalls, "communication started");
            Expect.Near(450, b.Fake.LastCableCheckVoltageV, 0.01, "cable check at the EV's maximum voltage");
            Expect.Near(398.5, b.Fake.LastPreChargeTargetV, 0.01, "precharge to EVTargetVoltage");
            Assert.AreEqual(1, b.Fake.StartCalls, "energy transfer started");

            b.Fake.Present.CurrentA = -25;
            b.Fake.Present.VoltageV = 398.5;
            b.Fake.Present.PowerW = -25 * 398.5;
            for (int i = 0; i < 5; i++)
            {
                Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_ChargeLoopReq), "loop " + i.ToString());
            }

            DC_ChargeLoopResType loop = b.Ev.DcIn.DC_ChargeLoopRes;
            Assert.IsTrue(loop.HasBPT_Dynamic_DC_CLResControlMode, "the answer uses the BPT Dynamic variant");
            Expect.Near(-25, SeccValues.Of(loop.EVSEPresentCurrent), 0.01, "EVSEPresentCurrent signed, − out of the EV");
            Expect.Near(398.5, SeccValues.Of(loop.EVSEPresentVoltage), 0.01, "EVSEPresentVoltage");
            Expect.Near(40, SeccValues.Of(loop.BPT_Dynamic_DC_CLResControlMode.EVSEMaximumDischargeCurrent), 0.01, "discharge limit sent positive");
            Assert.IsFalse(loop.HasEVSEStatus, "no notification while the charger has none");
            Expect.Near(78, b.Fake.LastStatus.SocPercent, 0.01, "SoC to the controller");
            Expect.Near(398.5, b.Fake.LastStatus.BatteryVoltageV, 0.01, "EV present voltage to the controller");
            Assert.IsFalse(b.Fake.LastStatus.HasCurrentRequest, "Dynamic mode carries no current request");
            Expect.Near(60, b.Fake.LastLimits.MaxDischargeCurrentA, 0.01, "the loop's discharge limit to the controller");

            Assert.IsTrue(b.StopFromChargeLoop(ChargingSessionType.Terminate), "stop, welding detection and SessionStop OK");
            Assert.IsTrue(b.Fake.StopCalls >= 1, "energy transfer stopped");
            Assert.IsTrue(b.Fake.WeldingCalls >= 1, "welding detection ran");
            Assert.AreEqual(1, b.Fake.EndSessionCalls, "the controller's session ended");
            Assert.AreEqual(SeccState.Stopped, b.Session.State);

            // The connection closes CloseAfterSessionStopMs after SessionStopRes.
            for (int i = 0; i < (b.Settings.CloseAfterSessionStopMs / SeccBench.TickMs) - 5; i++)
            {
                b.Tick();
            }

            Assert.IsTrue(b.Session.IsConnected, "still open shortly before the close delay");
            for (int i = 0; i < 10; i++)
            {
                b.Tick();
            }

            Assert.IsFalse(b.Session.IsConnected, "closed after the delay");
            Assert.IsTrue(b.Link.IsClosed, "the stream was closed");
            Assert.AreEqual(0, b.Fake.CommunicationLostCalls, "a clean end is no lost communication");
        }

        [TestMethod]
        public void EveryRequestAndResponseIsLoggedWithKeyFieldsAndResponseTime()
        {
            SeccBench b = new SeccBench();
            Assert.IsTrue(b.ToChargeLoop(false));
            b.Fake.Present.CurrentA = 12.5;
            b.Dc(Iso20DcRoot.DC_ChargeLoopReq);

            TraceEntry req = b.LastEntry("DC_PreChargeReq");
            Assert.IsNotNull(req, "request logged");
            Assert.AreEqual(MessageDirection.Received, req.Direction);
            Assert.IsTrue(req.Details.ToString().IndexOf("EVTargetVoltage=398.5 V") >= 0, "key field: " + req.Details.ToString());

            TraceEntry res = b.LastEntry("DC_ChargeLoopRes");
            Assert.IsNotNull(res, "response logged");
            Assert.AreEqual(MessageDirection.Sent, res.Direction);
            Assert.IsTrue(res.ResponseTimeMs >= 0, "response time recorded");
            string details = res.Details.ToString();
            Assert.IsTrue(details.IndexOf("ResponseCode=OK") >= 0, details);
            Assert.IsTrue(details.IndexOf("EVSEPresentCurrent=12.5 A") >= 0, details);
        }

        [TestMethod]
        public void ARequestThatDoesNotFitTheStateIsAnsweredSequenceErrorAndTheSessionCloses()
        {
            SeccBench b = new SeccBench();
            Assert.AreEqual((int)AppHand.ResponseCodeType.OK_SuccessfulNegotiation, b.Handshake());
            Assert.AreEqual((int)ResponseCodeType.OK_NewSessionEstablished, b.SessionSetup());

            Assert.AreEqual((int)ResponseCodeType.FAILED_SequenceError, b.Dc(Iso20DcRoot.DC_CableCheckReq));
            Assert.IsFalse(b.Session.IsConnected, "session closed after FAILED");
            Assert.IsTrue(b.Link.IsClosed, "stream closed");
            Assert.AreEqual(1, b.Fake.EndSessionCalls, "the controller's session ended");
            Assert.AreEqual("FAILED_SequenceError", b.Session.LastFailure);
            TraceEntry failure = b.LastFailureEntry();
            Assert.IsNotNull(failure);
            Assert.AreEqual(FailureLayer.Session, failure.Layer);
        }

        [TestMethod]
        public void SessionStopInTheChargeLoopIsASequenceErrorAndStopsTheOutput()
        {
            SeccBench b = new SeccBench();
            Assert.IsTrue(b.ToChargeLoop(false));
            b.Ev.CommonOut.SessionStopReq.ChargingSession = ChargingSessionType.Terminate;
            Assert.AreEqual((int)ResponseCodeType.FAILED_SequenceError, b.Common(Iso20CommonMessagesRoot.SessionStopReq));
            Assert.IsTrue(b.Fake.StopCalls >= 1, "energy transfer stopped");
            Assert.AreEqual(1, b.Fake.EndSessionCalls);
            Assert.IsFalse(b.Session.IsConnected);
        }

        [TestMethod]
        public void AWrongSessionIdIsAnsweredUnknownSession()
        {
            SeccBench b = new SeccBench();
            b.Handshake();
            b.SessionSetup();
            b.Ev.SessionId[0] ^= 0xFF;
            Assert.AreEqual((int)ResponseCodeType.FAILED_UnknownSession, b.Common(Iso20CommonMessagesRoot.AuthorizationSetupReq));
            Assert.IsFalse(b.Session.IsConnected, "session closed after FAILED");
            Assert.AreEqual("FAILED_UnknownSession", b.Session.LastFailure);
        }

        [TestMethod]
        public void SessionSetupWithZeroIdGetsAFreshEightByteIdAndTheEvseId()
        {
            SeccBench b = new SeccBench();
            b.Handshake();
            Assert.AreEqual((int)ResponseCodeType.OK_NewSessionEstablished, b.SessionSetup());
            SessionSetupResType res = b.Ev.CommonIn.SessionSetupRes;
            Assert.AreEqual(8, res.Header.SessionID.Length);
            bool allZero = true;
            for (int i = 0; i < 8; i++)
            {
                allZero &= res.Header.SessionID.Bytes[i] == 0;
            }

            Assert.IsFalse(allZero, "a non-zero SessionID");
            Assert.IsTrue(res.EVSEID.Equals(b.Settings.EvseId), "EVSEID");
        }

        [TestMethod]
        public void SilenceInTheChargeLoopLongerThanHalfASecondIsCommunicationLost()
        {
            SeccBench b = new SeccBench();
            Assert.IsTrue(b.ToChargeLoop(false));
            Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_ChargeLoopReq));

            for (int i = 0; i < 20; i++)
            {
                b.Tick();
            }

            Assert.AreEqual(0, b.Fake.CommunicationLostCalls, "400 ms of silence is allowed");
            for (int i = 0; i < 10; i++)
            {
                b.Tick();
            }

            Assert.AreEqual(1, b.Fake.CommunicationLostCalls, "beyond 500 ms the vehicle is lost");
            Assert.IsFalse(b.Session.IsConnected, "connection closed");
            Assert.AreEqual("sequence_timeout", b.Session.LastFailure);
            Assert.AreEqual(FailureLayer.Session, b.Session.LastFailureLayer);
        }

        [TestMethod]
        public void BeforeTheChargeLoopTheSequenceTimeoutIsSixtySeconds()
        {
            SeccBench b = new SeccBench();
            b.Handshake();
            b.SessionSetup();
            b.Clock.NowMs += 59000;
            b.Tick();
            Assert.IsTrue(b.Session.IsConnected, "59 s of silence allowed");
            b.Clock.NowMs += 2000;
            b.Tick();
            Assert.IsFalse(b.Session.IsConnected);
            Assert.AreEqual(1, b.Fake.CommunicationLostCalls);
        }

        [TestMethod]
        public void APausedSessionIsJoinedWithItsOldIdAndContinuesAtParameterDiscovery()
        {
            SeccBench b = new SeccBench();
            Assert.IsTrue(b.ToChargeLoop(false));
            Assert.IsTrue(b.StopFromChargeLoop(ChargingSessionType.Pause), "pause answered OK");
            Assert.IsTrue(b.Session.HasPausedSession, "session kept");
            Assert.AreEqual(1, b.Fake.EndSessionCalls, "a pause ends the controller's session segment; the same plug-in resumes it");
            byte[] oldId = new byte[8];
            b.Session.CopySessionId(oldId, 0);

            // The EV closes the connection and comes back later on a new one.
            b.Link.EvEnd.Close();
            b.Tick();
            Assert.IsFalse(b.Session.IsConnected);
            Assert.AreEqual(0, b.Fake.CommunicationLostCalls, "closing after a pause is no failure");

            MemoryDuplex link2 = new MemoryDuplex(16384);
            TestEv ev2 = new TestEv(link2.EvEnd);
            b.Session.Attach(link2.ChargerEnd);
            ev2.SendAppHand();
            Assert.IsTrue(Exchange(b, ev2));
            for (int i = 0; i < 8; i++)
            {
                ev2.SessionId[i] = oldId[i];
            }

            ev2.SendCommon(Iso20CommonMessagesRoot.SessionSetupReq);
            Assert.IsTrue(Exchange(b, ev2));
            Assert.AreEqual(ResponseCodeType.OK_OldSessionJoined, ev2.CommonIn.SessionSetupRes.ResponseCode);
            Assert.AreEqual(SeccState.WaitChargeParameterDiscovery, b.Session.State);

            ev2.SendDc(Iso20DcRoot.DC_ChargeParameterDiscoveryReq);
            Assert.IsTrue(Exchange(b, ev2));
            Assert.AreEqual(ResponseCodeType.OK, ev2.DcIn.DC_ChargeParameterDiscoveryRes.ResponseCode);
            Assert.IsTrue(ev2.DcIn.DC_ChargeParameterDiscoveryRes.HasBPT_DC_CPDResEnergyTransferMode, "DC_BPT selection kept across the pause");
        }

        [TestMethod]
        public void NegativeDischargeLimitsFromTheVehicleAreTakenAsMagnitudes()
        {
            SeccBench b = new SeccBench();
            b.Select(ServiceIds.DcBpt, ServiceIds.DynamicParameterSetId);
            Assert.IsTrue(b.ToServiceSelection());
            BPT_DC_CPDReqEnergyTransferModeType m = b.Ev.DcOut.DC_ChargeParameterDiscoveryReq.BPT_DC_CPDReqEnergyTransferMode;
            SeccValues.Set(m.EVMaximumDischargeCurrent, -60);
            SeccValues.Set(m.EVMaximumDischargePower, -24000);
            Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_ChargeParameterDiscoveryReq));
            Expect.Near(60, b.Fake.LastLimits.MaxDischargeCurrentA, 0.01, "discharge current as a magnitude");
            Expect.Near(24000, b.Fake.LastLimits.MaxDischargePowerW, 0.01, "discharge power as a magnitude");
            Expect.Near(450, b.Fake.LastLimits.MaxVoltageV, 0.01, "max voltage");
            Expect.Near(80, b.Fake.LastLimits.MaxChargeCurrentA, 0.01, "max charge current");

            BPT_DC_CPDResEnergyTransferModeType res = b.Ev.DcIn.DC_ChargeParameterDiscoveryRes.BPT_DC_CPDResEnergyTransferMode;
            Assert.IsTrue(b.Ev.DcIn.DC_ChargeParameterDiscoveryRes.HasBPT_DC_CPDResEnergyTransferMode, "BPT answer");
            Expect.Near(40, SeccValues.Of(res.EVSEMaximumDischargeCurrent), 0.01, "charger's discharge current, positive");
            Expect.Near(20000, SeccValues.Of(res.EVSEMaximumDischargePower), 0.01, "charger's discharge power, positive");
            Expect.Near(500, SeccValues.Of(res.EVSEMaximumVoltage), 0.01, "charger's max voltage");
        }

        [TestMethod]
        public void DischargeLimitsAreSentNegativeWhenTheSettingsSaySo()
        {
            SeccBench b = new SeccBench();
            b.Settings.SendDischargeLimitsNegative = true;
            b.Select(ServiceIds.DcBpt, ServiceIds.DynamicParameterSetId);
            Assert.IsTrue(b.ToServiceSelection());
            Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_ChargeParameterDiscoveryReq));
            BPT_DC_CPDResEnergyTransferModeType res = b.Ev.DcIn.DC_ChargeParameterDiscoveryRes.BPT_DC_CPDResEnergyTransferMode;
            Expect.Near(-40, SeccValues.Of(res.EVSEMaximumDischargeCurrent), 0.01, "negative discharge current");
            Expect.Near(-20000, SeccValues.Of(res.EVSEMaximumDischargePower), 0.01, "negative discharge power");
        }

        [TestMethod]
        public void ADcOnlySessionGivesTheControllerZeroDischargeLimits()
        {
            SeccBench b = new SeccBench();
            b.Select(ServiceIds.Dc, ServiceIds.DynamicParameterSetId);
            Assert.IsTrue(b.ToServiceSelection());
            Assert.IsFalse(b.Session.BidirectionalSelected);

            // The vehicle sends the BPT variant anyway: its discharge limits do not count.
            Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_ChargeParameterDiscoveryReq));
            Assert.AreEqual(0.0, b.Fake.LastLimits.MaxDischargeCurrentA, "no discharge current");
            Assert.AreEqual(0.0, b.Fake.LastLimits.MaxDischargePowerW, "no discharge power");
            Assert.IsTrue(b.Ev.DcIn.DC_ChargeParameterDiscoveryRes.HasDC_CPDResEnergyTransferMode, "answered with the DC variant");
            Assert.IsFalse(b.Ev.DcIn.DC_ChargeParameterDiscoveryRes.HasBPT_DC_CPDResEnergyTransferMode);

            Assert.IsTrue(b.FromScheduleExchangeToChargeLoop(false));
            b.LoopVariant(true, false);
            Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_ChargeLoopReq));
            Assert.AreEqual(0.0, b.Fake.LastLimits.MaxDischargeCurrentA, "no discharge in the loop either");
            Assert.AreEqual(0.0, b.Fake.LastLimits.MaxDischargePowerW);
        }

        [TestMethod]
        public void ARefusedChargeParameterIsAnsweredWrongChargeParameter()
        {
            SeccBench b = new SeccBench();
            Assert.IsTrue(b.ToServiceSelection());
            b.Fake.AcceptLimits = false;
            Assert.AreEqual((int)ResponseCodeType.FAILED_WrongChargeParameter, b.Dc(Iso20DcRoot.DC_ChargeParameterDiscoveryReq));
            Assert.IsFalse(b.Session.IsConnected);
            Assert.AreEqual(FailureLayer.Controller, b.Session.LastFailureLayer);
        }

        [TestMethod]
        public void GarbageBytesAreAnExiFailureAndCloseTheSession()
        {
            SeccBench b = new SeccBench();
            b.Handshake();
            b.SessionSetup();
            b.Ev.SendRaw(V2gtpPayloadType.CommonMessages, new byte[] { 0x13, 0x37, 0xde, 0xad, 0xbe, 0xef, 0x00, 0xff });
            b.Tick();
            TraceEntry failure = b.LastFailureEntry();
            Assert.IsNotNull(failure, "failure logged");
            Assert.AreEqual(FailureLayer.Exi, failure.Layer, "layer EXI");
            Assert.AreEqual(FailureLayer.Exi, b.Session.LastFailureLayer);
            Assert.IsFalse(b.Session.IsConnected, "session closed");
            Assert.IsTrue(b.Link.IsClosed, "stream closed");
            Assert.AreEqual(1, b.Fake.CommunicationLostCalls, "the controller is told");
        }

        [TestMethod]
        public void ABadV2gtpHeaderIsAV2gtpFailure()
        {
            SeccBench b = new SeccBench();
            b.Ev.SendBytes(new byte[] { 0x02, 0xFD, 0x80, 0x01, 0, 0, 0, 4, 1, 2, 3, 4 });
            b.Tick();
            Assert.AreEqual(FailureLayer.V2gtp, b.Session.LastFailureLayer);
            Assert.IsFalse(b.Session.IsConnected);
        }

        [TestMethod]
        public void WithoutTheIso20DcNamespaceTheHandshakeFailsAndTheConnectionCloses()
        {
            SeccBench b = new SeccBench();
            b.Ev.AppHandOut.supportedAppProtocolReq.AppProtocolCount = 1;
            Assert.AreEqual((int)AppHand.ResponseCodeType.Failed_NoNegotiation, b.Handshake());
            Assert.IsFalse(b.Ev.AppHandIn.supportedAppProtocolRes.HasSchemaID);
            Assert.IsFalse(b.Session.IsConnected);
            Assert.AreEqual(0, b.Fake.EndSessionCalls, "no session to end");
        }

        [TestMethod]
        public void TheIso20DcProtocolWithTheLowestPriorityIsChosen()
        {
            SeccBench b = new SeccBench();
            AppHand.SupportedAppProtocolReqType req = b.Ev.AppHandOut.supportedAppProtocolReq;
            req.AppProtocol[2].ProtocolNamespace.Set(ServiceIds.Iso20DcNamespace);
            req.AppProtocol[2].VersionNumberMajor = 1;
            req.AppProtocol[2].SchemaID = 7;
            req.AppProtocol[2].Priority = 3;
            req.AppProtocol[1].Priority = 4;
            req.AppProtocolCount = 3;
            Assert.AreEqual((int)AppHand.ResponseCodeType.OK_SuccessfulNegotiation, b.Handshake());
            Assert.AreEqual((byte)7, b.Ev.AppHandIn.supportedAppProtocolRes.SchemaID);
        }

        [TestMethod]
        public void TheBptServiceDetailCarriesBptChannelAndGeneratorMode()
        {
            SeccBench b = new SeccBench();
            b.Handshake();
            b.SessionSetup();
            b.Common(Iso20CommonMessagesRoot.AuthorizationSetupReq);
            b.Common(Iso20CommonMessagesRoot.AuthorizationReq);
            Assert.AreEqual((int)ResponseCodeType.OK, b.Common(Iso20CommonMessagesRoot.ServiceDiscoveryReq));
            Assert.AreEqual(2, b.Ev.CommonIn.ServiceDiscoveryRes.EnergyTransferServiceList.ServiceCount, "DC and DC_BPT offered");
            b.Ev.CommonOut.ServiceDetailReq.ServiceID = ServiceIds.DcBpt;
            Assert.AreEqual((int)ResponseCodeType.OK, b.Common(Iso20CommonMessagesRoot.ServiceDetailReq));
            ServiceDetailResType res = b.Ev.CommonIn.ServiceDetailRes;
            Assert.AreEqual(2, res.ServiceParameterList.ParameterSetCount, "Dynamic and Scheduled sets");
            ParameterSetType set = res.ServiceParameterList.ParameterSet[0];
            Assert.AreEqual(6, set.ParameterCount);
            Assert.IsTrue(set.Parameter[1].Name.Equals("ControlMode"));
            Assert.AreEqual(2, set.Parameter[1].intValue, "set 1 is Dynamic");
            Assert.IsTrue(set.Parameter[4].Name.Equals("BPTChannel"));
            Assert.IsTrue(set.Parameter[5].Name.Equals("GeneratorMode"));

            b.Ev.CommonOut.ServiceDetailReq.ServiceID = ServiceIds.Dc;
            Assert.AreEqual((int)ResponseCodeType.OK, b.Common(Iso20CommonMessagesRoot.ServiceDetailReq));
            Assert.AreEqual(4, b.Ev.CommonIn.ServiceDetailRes.ServiceParameterList.ParameterSet[0].ParameterCount, "the DC set has no BPT parameters");
        }

        [TestMethod]
        public void AuthorizationOngoingIsAnsweredOngoingUntilTheControllerFinishes()
        {
            SeccBench b = new SeccBench();
            b.Fake.AuthorizeOngoingCalls = 2;
            b.Handshake();
            b.SessionSetup();
            b.Common(Iso20CommonMessagesRoot.AuthorizationSetupReq);
            Assert.AreEqual((int)ResponseCodeType.OK, b.Common(Iso20CommonMessagesRoot.AuthorizationReq));
            Assert.AreEqual(ProcessingType.Ongoing, b.Ev.CommonIn.AuthorizationRes.EVSEProcessing);
            b.Common(Iso20CommonMessagesRoot.AuthorizationReq);
            Assert.AreEqual(ProcessingType.Ongoing, b.Ev.CommonIn.AuthorizationRes.EVSEProcessing);
            b.Common(Iso20CommonMessagesRoot.AuthorizationReq);
            Assert.AreEqual(ProcessingType.Finished, b.Ev.CommonIn.AuthorizationRes.EVSEProcessing);
            Assert.AreEqual(SeccState.WaitServiceDiscovery, b.Session.State);
        }

        [TestMethod]
        public void AuthorizationOngoingBeyondItsLimitFails()
        {
            SeccBench b = new SeccBench();
            b.Fake.AuthorizeOngoingCalls = 1000;
            b.Settings.AuthorizationOngoingLimitMs = 1000;
            b.Handshake();
            b.SessionSetup();
            b.Common(Iso20CommonMessagesRoot.AuthorizationSetupReq);
            Assert.AreEqual((int)ResponseCodeType.OK, b.Common(Iso20CommonMessagesRoot.AuthorizationReq));
            b.Clock.NowMs += 1500;
            Assert.AreEqual((int)ResponseCodeType.FAILED, b.Common(Iso20CommonMessagesRoot.AuthorizationReq));
            Assert.IsFalse(b.Session.IsConnected);
        }

        [TestMethod]
        public void CableCheckOngoingIsReportedAsEvseProcessingOngoing()
        {
            SeccBench b = new SeccBench();
            b.Fake.CableCheckOngoingCalls = 2;
            b.Select(ServiceIds.DcBpt, ServiceIds.DynamicParameterSetId);
            Assert.IsTrue(b.ToServiceSelection());
            b.Dc(Iso20DcRoot.DC_ChargeParameterDiscoveryReq);
            b.Common(Iso20CommonMessagesRoot.ScheduleExchangeReq);
            Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_CableCheckReq));
            Assert.AreEqual(ProcessingType.Ongoing, b.Ev.DcIn.DC_CableCheckRes.EVSEProcessing);
            b.Dc(Iso20DcRoot.DC_CableCheckReq);
            b.Dc(Iso20DcRoot.DC_CableCheckReq);
            Assert.AreEqual(ProcessingType.Finished, b.Ev.DcIn.DC_CableCheckRes.EVSEProcessing);
            Assert.AreEqual(SeccState.WaitPreCharge, b.Session.State);
        }

        [TestMethod]
        public void AFailedCableCheckIsAnsweredFailed()
        {
            SeccBench b = new SeccBench();
            b.Fake.CableCheckAnswer = StepStatus.Failed;
            b.Select(ServiceIds.DcBpt, ServiceIds.DynamicParameterSetId);
            Assert.IsTrue(b.ToServiceSelection());
            b.Dc(Iso20DcRoot.DC_ChargeParameterDiscoveryReq);
            b.Common(Iso20CommonMessagesRoot.ScheduleExchangeReq);
            Assert.AreEqual((int)ResponseCodeType.FAILED, b.Dc(Iso20DcRoot.DC_CableCheckReq));
            Assert.IsFalse(b.Session.IsConnected);
            Assert.IsTrue(b.Fake.StopCalls >= 1, "the output is stopped");
        }

        [TestMethod]
        public void PowerDeliveryStopIsAnsweredOnceTheOutputIsDown()
        {
            SeccBench b = new SeccBench();
            Assert.IsTrue(b.ToChargeLoop(false));
            b.Fake.StopOngoingCalls = 5;
            b.Ev.CommonOut.PowerDeliveryReq.ChargeProgress = ChargeProgressType.Stop;
            b.Ev.SendCommon(Iso20CommonMessagesRoot.PowerDeliveryReq);
            b.Tick();
            Assert.IsTrue(b.Session.IsAnswerPending, "the answer waits for the controller");
            Assert.IsFalse(b.Ev.TryReceive());
            Assert.IsTrue(b.Exchange(20), "answered");
            Assert.AreEqual(6, b.Fake.StopCalls, "answered when StopEnergyTransfer said Finished");
            Assert.AreEqual((int)ResponseCodeType.OK, b.CommonCode());
            Assert.AreEqual(SeccState.WaitWeldingDetection, b.Session.State);
        }

        [TestMethod]
        public void PowerDeliveryStopIsAnsweredAtTheWaitLimitEvenIfTheOutputIsStillStopping()
        {
            SeccBench b = new SeccBench();
            Assert.IsTrue(b.ToChargeLoop(false));
            b.Fake.StopOngoingCalls = 100000;
            b.Ev.CommonOut.PowerDeliveryReq.ChargeProgress = ChargeProgressType.Stop;
            b.Ev.SendCommon(Iso20CommonMessagesRoot.PowerDeliveryReq);
            int ticks = 0;
            while (!b.Ev.TryReceive() && ticks < 200)
            {
                b.Tick();
                ticks++;
            }

            Expect.AtMost(b.Settings.PendingAnswerLimitMs / SeccBench.TickMs + 2, ticks, "answered within the wait limit");
            Expect.AtLeast(b.Settings.PendingAnswerLimitMs / SeccBench.TickMs - 2, ticks, "held until the wait limit");
            Assert.AreEqual((int)ResponseCodeType.OK, b.CommonCode());
        }

        [TestMethod]
        public void TheChargeLoopAnswerCarriesTerminateWhenTheControllerSaysSo()
        {
            SeccBench b = new SeccBench();
            Assert.IsTrue(b.ToChargeLoop(false));
            b.Fake.Present.Notification = ChargerNotification.Terminate;
            Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_ChargeLoopReq));
            DC_ChargeLoopResType res = b.Ev.DcIn.DC_ChargeLoopRes;
            Assert.IsTrue(res.HasEVSEStatus);
            Assert.AreEqual(EvseNotificationType.Terminate, res.EVSEStatus.EVSENotification);
            Assert.AreEqual((ushort)0, res.EVSEStatus.NotificationMaxDelay);
        }

        [TestMethod]
        public void APauseNotificationInDynamicModeCarriesTheNotificationDelay()
        {
            SeccBench b = new SeccBench();
            Assert.IsTrue(b.ToChargeLoop(false));
            b.Fake.Present.Notification = ChargerNotification.Pause;
            b.Dc(Iso20DcRoot.DC_ChargeLoopReq);
            DC_ChargeLoopResType res = b.Ev.DcIn.DC_ChargeLoopRes;
            Assert.AreEqual(EvseNotificationType.Pause, res.EVSEStatus.EVSENotification);
            Assert.AreEqual((ushort)60, res.EVSEStatus.NotificationMaxDelay);
        }

        [TestMethod]
        public void TheScheduledBptLoopPassesTheSignedTargetCurrentAndMeterInfo()
        {
            SeccBench b = new SeccBench();
            FakeMeter meter = new FakeMeter();
            meter.ImportWh = 18430;
            meter.ExportWh = 2510;
            b.Session.Meter = meter;
            Assert.IsTrue(b.ToChargeLoop(true));
            Assert.AreEqual(SeccControlMode.Scheduled, b.Session.ControlMode);
            ScheduleExchangeResType schedule = b.Ev.CommonIn.ScheduleExchangeRes;
            Assert.IsTrue(schedule.HasScheduled_SEResControlMode, "scheduled answer");
            ScheduleTupleType tuple = schedule.Scheduled_SEResControlMode.ScheduleTuple[0];
            Expect.Near(22000, SeccValues.Of(tuple.ChargingSchedule.PowerSchedule.PowerScheduleEntries.PowerScheduleEntry[0].Power), 0.5, "charging schedule at the charger's limit");
            Assert.IsTrue(tuple.HasDischargingSchedule);
            Expect.Near(-20000, SeccValues.Of(tuple.DischargingSchedule.PowerSchedule.PowerScheduleEntries.PowerScheduleEntry[0].Power), 0.5, "discharging schedule negative");
            Assert.AreEqual(28800u, tuple.ChargingSchedule.PowerSchedule.PowerScheduleEntries.PowerScheduleEntry[0].Duration, "until departure");

            b.LoopVariant(true, true);
            b.Ev.DcOut.DC_ChargeLoopReq.MeterInfoRequested = true;
            b.Ev.DcOut.DC_ChargeLoopReq.BPT_Scheduled_DC_CLReqControlMode.HasEVMaximumDischargeCurrent = true;
            b.Ev.DcOut.DC_ChargeLoopReq.BPT_Scheduled_DC_CLReqControlMode.HasEVMaximumDischargePower = true;
            b.Ev.DcOut.DC_ChargeLoopReq.BPT_Scheduled_DC_CLReqControlMode.HasEVMinimumDischargePower = true;
            Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_ChargeLoopReq));
            Assert.IsTrue(b.Fake.LastStatus.HasCurrentRequest);
            Expect.Near(-25, b.Fake.LastStatus.RequestedCurrentA, 0.01, "negative target current = discharge");
            Expect.Near(30, b.Fake.LastLimits.MaxDischargeCurrentA, 0.01, "optional discharge limit to the controller");
            DC_ChargeLoopResType res = b.Ev.DcIn.DC_ChargeLoopRes;
            Assert.IsTrue(res.HasBPT_Scheduled_DC_CLResControlMode, "BPT Scheduled answer");
            Assert.IsTrue(res.HasMeterInfo, "MeterInfo as requested");
            Assert.AreEqual(18430UL, res.MeterInfo.ChargedEnergyReadingWh);
            Assert.AreEqual(2510UL, res.MeterInfo.BPT_DischargedEnergyReadingWh);
        }

        [TestMethod]
        public void ThePlainDcScheduledLoopIsAnsweredInItsOwnVariant()
        {
            SeccBench b = new SeccBench();
            b.Select(ServiceIds.Dc, ServiceIds.ScheduledParameterSetId);
            Assert.IsTrue(b.ToServiceSelection());
            b.Ev.DcOut.DC_ChargeParameterDiscoveryReq.HasBPT_DC_CPDReqEnergyTransferMode = false;
            b.Ev.DcOut.DC_ChargeParameterDiscoveryReq.HasDC_CPDReqEnergyTransferMode = true;
            Assert.IsTrue(b.FromParameterDiscoveryToChargeLoop(true));
            Assert.IsFalse(b.Ev.CommonIn.ScheduleExchangeRes.Scheduled_SEResControlMode.ScheduleTuple[0].HasDischargingSchedule, "no discharging schedule without DC_BPT");
            b.LoopVariant(false, true);
            Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_ChargeLoopReq));
            Assert.IsTrue(b.Ev.DcIn.DC_ChargeLoopRes.HasScheduled_DC_CLResControlMode);
            Expect.Near(30, b.Fake.LastStatus.RequestedCurrentA, 0.01, "target current");

            b.LoopVariant(false, false);
            Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_ChargeLoopReq));
            Assert.IsTrue(b.Ev.DcIn.DC_ChargeLoopRes.HasDynamic_DC_CLResControlMode);
        }

        [TestMethod]
        public void ServiceRenegotiationGoesBackToServiceDiscoveryOrFailsPerSettings()
        {
            SeccBench b = new SeccBench();
            Assert.IsTrue(b.ToChargeLoop(false));
            Assert.IsTrue(b.StopFromChargeLoop(ChargingSessionType.ServiceRenegotiation));
            Assert.AreEqual(SeccState.WaitServiceDiscovery, b.Session.State);
            Assert.IsTrue(b.Session.IsConnected, "the connection stays");
            Assert.AreEqual((int)ResponseCodeType.OK, b.Common(Iso20CommonMessagesRoot.ServiceDiscoveryReq));

            SeccBench n = new SeccBench();
            n.Settings.SupportServiceRenegotiation = false;
            Assert.IsTrue(n.ToChargeLoop(false));
            n.Ev.CommonOut.PowerDeliveryReq.ChargeProgress = ChargeProgressType.Stop;
            n.Common(Iso20CommonMessagesRoot.PowerDeliveryReq);
            n.Ev.CommonOut.SessionStopReq.ChargingSession = ChargingSessionType.ServiceRenegotiation;
            Assert.AreEqual((int)ResponseCodeType.FAILED_NoServiceRenegotiationSupported, n.Common(Iso20CommonMessagesRoot.SessionStopReq));
            Assert.IsFalse(n.Session.IsConnected);
        }

        [TestMethod]
        public void TheEvClosingTheConnectionMidSessionIsCommunicationLost()
        {
            SeccBench b = new SeccBench();
            Assert.IsTrue(b.ToChargeLoop(false));
            b.Link.EvEnd.Close();
            b.Tick();
            Assert.AreEqual(1, b.Fake.CommunicationLostCalls);
            Assert.IsFalse(b.Session.IsConnected);
        }

        private static bool Exchange(SeccBench b, TestEv ev)
        {
            for (int i = 0; i < 10; i++)
            {
                b.Tick();
                if (ev.TryReceive())
                {
                    return true;
                }
            }

            return false;
        }
    }
}
