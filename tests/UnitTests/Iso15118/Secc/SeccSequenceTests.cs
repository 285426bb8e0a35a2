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
using AppHand = V2G.Protocol.Iso15118.Generated.AppHand;

namespace V2G.UnitTests.Iso15118.Secc
{
    /// <summary>The one sequence-error path, refusals of services and steps, and what the session does not take.</summary>
    [TestClass]
    public class SeccSequenceTests
    {
        private static readonly Iso20CommonMessagesRoot[] CommonRequests =
        {
            Iso20CommonMessagesRoot.SessionSetupReq,
            Iso20CommonMessagesRoot.AuthorizationReq,
            Iso20CommonMessagesRoot.ServiceDiscoveryReq,
            Iso20CommonMessagesRoot.ServiceDetailReq,
            Iso20CommonMessagesRoot.ServiceSelectionReq,
            Iso20CommonMessagesRoot.ScheduleExchangeReq,
            Iso20CommonMessagesRoot.PowerDeliveryReq,
        };

        private static readonly Iso20DcRoot[] DcRequests =
        {
            Iso20DcRoot.DC_ChargeParameterDiscoveryReq,
            Iso20DcRoot.DC_CableCheckReq,
            Iso20DcRoot.DC_PreChargeReq,
            Iso20DcRoot.DC_ChargeLoopReq,
            Iso20DcRoot.DC_WeldingDetectionReq,
        };

        private static SeccBench AfterSessionSetup()
        {
            SeccBench b = new SeccBench();
            b.Handshake();
            Assert.AreEqual((int)ResponseCodeType.OK_NewSessionEstablished, b.SessionSetup());
            return b;
        }

        [TestMethod]
        public void EveryCommonMessagesRequestOutOfSequenceIsAnsweredInItsOwnResponseType()
        {
            for (int i = 0; i < CommonRequests.Length; i++)
            {
                SeccBench b = AfterSessionSetup();
                Assert.AreEqual((int)ResponseCodeType.FAILED_SequenceError, b.Common(CommonRequests[i]), "request " + i.ToString());
                Assert.AreEqual((int)CommonRequests[i] + 1, (int)b.Ev.CommonIn.Root, "the request's own response, request " + i.ToString());
                Assert.IsFalse(b.Session.IsConnected);
            }
        }

        [TestMethod]
        public void EveryDcRequestOutOfSequenceIsAnsweredInItsOwnResponseType()
        {
            for (int i = 0; i < DcRequests.Length; i++)
            {
                SeccBench b = AfterSessionSetup();
                Assert.AreEqual((int)ResponseCodeType.FAILED_SequenceError, b.Dc(DcRequests[i]), "request " + i.ToString());
                Assert.AreEqual((int)DcRequests[i] + 1, (int)b.Ev.DcIn.Root, "the request's own response, request " + i.ToString());
                Assert.IsFalse(b.Session.IsConnected);
            }
        }

        [TestMethod]
        public void ASecondHandshakeIsRefused()
        {
            SeccBench b = AfterSessionSetup();
            Assert.AreEqual((int)AppHand.ResponseCodeType.Failed_NoNegotiation, b.Handshake());
            Assert.IsFalse(b.Session.IsConnected);
        }

        [TestMethod]
        public void ARequestBeforeSessionSetupIsASequenceErrorWithoutTouchingTheController()
        {
            SeccBench b = new SeccBench();
            b.Handshake();
            Assert.AreEqual((int)ResponseCodeType.FAILED_SequenceError, b.Common(Iso20CommonMessagesRoot.AuthorizationSetupReq));
            Assert.AreEqual(0, b.Fake.EndSessionCalls, "no session to end");
            Assert.AreEqual(0, b.Fake.StopCalls);
        }

        [TestMethod]
        public void WithoutBidirectionalTheChargerOffersDcOnlyAndRefusesTheBptService()
        {
            SeccBench b = AfterSessionSetup();
            b.Settings.OfferBidirectional = false;
            b.Common(Iso20CommonMessagesRoot.AuthorizationSetupReq);
            b.Common(Iso20CommonMessagesRoot.AuthorizationReq);
            Assert.AreEqual((int)ResponseCodeType.OK, b.Common(Iso20CommonMessagesRoot.ServiceDiscoveryReq));
            ServiceListType list = b.Ev.CommonIn.ServiceDiscoveryRes.EnergyTransferServiceList;
            Assert.AreEqual(1, list.ServiceCount);
            Assert.AreEqual((ushort)ServiceIds.Dc, list.Service[0].ServiceID);
            b.Ev.CommonOut.ServiceDetailReq.ServiceID = ServiceIds.DcBpt;
            Assert.AreEqual((int)ResponseCodeType.FAILED_ServiceIDInvalid, b.Common(Iso20CommonMessagesRoot.ServiceDetailReq));
        }

        [TestMethod]
        public void ASelectionOfAParameterSetNotOfferedIsInvalid()
        {
            SeccBench b = new SeccBench();
            b.Settings.OfferScheduledMode = false;
            b.Select(ServiceIds.DcBpt, ServiceIds.ScheduledParameterSetId);
            Assert.IsFalse(b.ToServiceSelection());
            Assert.AreEqual((int)ResponseCodeType.FAILED_ServiceSelectionInvalid, b.CommonCode());
            Assert.IsFalse(b.Session.IsConnected);
        }

        [TestMethod]
        public void ARefusedStartIsPowerDeliveryNotApplied()
        {
            SeccBench b = new SeccBench();
            b.Fake.StartAnswer = StepStatus.Failed;
            Assert.IsFalse(b.ToChargeLoop(false));
            Assert.AreEqual((int)ResponseCodeType.FAILED_PowerDeliveryNotApplied, b.CommonCode());
            Assert.AreEqual(FailureLayer.Controller, b.Session.LastFailureLayer);
            Assert.IsTrue(b.Fake.StopCalls >= 1, "output stopped");
            Assert.AreEqual(1, b.Fake.EndSessionCalls);
        }

        [TestMethod]
        public void WeldingDetectionWaitsForThePowerDownBeforeTheCheck()
        {
            SeccBench b = new SeccBench();
            b.Settings.PendingAnswerLimitMs = 100;
            Assert.IsTrue(b.ToChargeLoop(false));
            b.Fake.StopOngoingCalls = 20;
            b.Ev.CommonOut.PowerDeliveryReq.ChargeProgress = ChargeProgressType.Stop;
            Assert.AreEqual((int)ResponseCodeType.OK, b.Common(Iso20CommonMessagesRoot.PowerDeliveryReq));
            Assert.AreEqual(SeccState.WaitWeldingDetection, b.Session.State);
            Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_WeldingDetectionReq));
            Assert.AreEqual(0, b.Fake.WeldingCalls, "no welding check while the output is still powering down");
            for (int i = 0; i < 20; i++)
            {
                b.Dc(Iso20DcRoot.DC_WeldingDetectionReq);
            }

            Assert.IsTrue(b.Fake.WeldingCalls > 0, "checked once the output was down");
        }

        [TestMethod]
        public void AnAcPayloadTypeIsAV2gtpFailure()
        {
            SeccBench b = AfterSessionSetup();
            b.Ev.SendRaw(V2gtpPayloadType.Ac, new byte[] { 0x80, 0x00 });
            b.Tick();
            Assert.AreEqual(FailureLayer.V2gtp, b.Session.LastFailureLayer);
            Assert.AreEqual("unknown_payload_type", b.Session.LastFailure);
            Assert.AreEqual(1, b.Fake.CommunicationLostCalls);
        }

        [TestMethod]
        public void AMessageTheChargerDoesNotAnswerClosesTheSession()
        {
            SeccBench b = AfterSessionSetup();

            // A response where a request belongs: valid EXI, nothing to answer.
            b.Ev.CommonOut.SessionStopRes = new SessionStopResType();
            b.Ev.CommonOut.SessionStopRes.Header = new MessageHeaderType();
            b.Ev.CommonOut.SessionStopRes.ResponseCode = ResponseCodeType.OK;
            Assert.IsTrue(b.Ev.SendCommon(Iso20CommonMessagesRoot.SessionStopRes));
            b.Tick();
            Assert.AreEqual("unsupported_message", b.Session.LastFailure);
            Assert.AreEqual(FailureLayer.Session, b.Session.LastFailureLayer);
            Assert.IsFalse(b.Session.IsConnected);
        }

        [TestMethod]
        public void AnEvThatLeavesWhileItsAnswerWaitsIsCommunicationLost()
        {
            SeccBench b = new SeccBench();
            Assert.IsTrue(b.ToChargeLoop(false));
            b.Fake.StopOngoingCalls = 1000;
            b.Ev.CommonOut.PowerDeliveryReq.ChargeProgress = ChargeProgressType.Stop;
            b.Ev.SendCommon(Iso20CommonMessagesRoot.PowerDeliveryReq);
            b.Tick();
            Assert.IsTrue(b.Session.IsAnswerPending);
            b.Link.EvEnd.Close();
            b.Tick();
            Assert.IsFalse(b.Session.IsConnected);
            Assert.AreEqual(1, b.Fake.CommunicationLostCalls);
        }

        [TestMethod]
        public void ANewConnectionStartsOverAtTheHandshake()
        {
            SeccBench b = AfterSessionSetup();
            MemoryDuplex link2 = new MemoryDuplex(16384);
            b.Session.Attach(link2.ChargerEnd);
            Assert.IsTrue(b.Link.IsClosed, "the old connection was closed");
            Assert.AreEqual(1, b.Fake.CommunicationLostCalls, "a running session lost its connection");
            Assert.AreEqual(SeccState.WaitSupportedAppProtocol, b.Session.State);
        }
    }
}
