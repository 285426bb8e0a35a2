#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Iso15118.Evcc;
using V2G.Protocol.Trace;

namespace V2G.UnitTests.Iso15118.Evcc
{
    [TestClass]
    public class EvccFailureTests
    {
        [TestMethod]
        public void AFailedSequenceErrorBeforePowerStopsTheSession()
        {
            EvccRig rig = new EvccRig(new EvccSettings());
            rig.Charger.FailAt = "ServiceDiscoveryReq";
            rig.Start();
            rig.RunToEnd(2000);

            Assert.IsTrue(rig.Session.IsFinished);
            Assert.AreEqual(EvccEndReasons.ChargerFailed, rig.Session.EndReason);
            Assert.AreEqual("FAILED_SequenceError", rig.Session.Failure);
            Assert.AreEqual("ServiceDiscoveryReq", rig.Charger.Received(rig.Charger.ReceivedCount - 1), "nothing sent after the FAILED answer");
            Assert.IsTrue(rig.LastFailure().Layer == FailureLayer.Session, "session layer");
            Assert.AreEqual(0, rig.Plant.CloseCommands);
            Assert.IsFalse(rig.Pipe.IsOpen, "the EV closed the connection");
        }

        [TestMethod]
        public void AFailedSequenceErrorInTheLoopOpensTheContactorOnceTheCurrentIsZeroAndEnds()
        {
            EvccRig rig = new EvccRig(new EvccSettings());
            rig.Charger.FailAtLoop = 4;
            rig.Start();
            rig.RunToEnd(2000);

            Assert.IsTrue(rig.Session.IsFinished);
            Assert.AreEqual(EvccEndReasons.ChargerFailed, rig.Session.EndReason);
            Assert.AreEqual("FAILED_SequenceError", rig.LastFailure().Failure);
            Assert.AreEqual(4, rig.Charger.LoopRequests);
            Assert.AreEqual("DC_ChargeLoopReq", rig.Charger.Received(rig.Charger.ReceivedCount - 1), "no further request");
            Assert.IsFalse(rig.Plant.IsContactorClosed, "contactor opened");
            V2G.UnitTests.TestSupport.Expect.Near(0, rig.Plant.CurrentAtOpenA, 0.01, "opened without current");
        }

        [TestMethod]
        public void ASilentChargerInTheLoopIsAResponseTimeoutAfterHalfASecondAndTheContactorOpens()
        {
            EvccRig rig = new EvccRig(new EvccSettings());
            rig.Charger.SilentFromLoop = 3;
            rig.Start();
            rig.RunToLoop(3, 2000);
            long sentAt = rig.Clock.NowMs;
            rig.RunToEnd(2000);

            Assert.IsTrue(rig.Session.IsFinished);
            Assert.AreEqual(EvccEndReasons.ResponseTimeout, rig.Session.EndReason);
            TraceEntry failure = rig.LastFailure();
            Assert.IsNotNull(failure, "failure logged");
            Assert.AreEqual("response_timeout", failure.Failure);
            Assert.IsTrue(failure.Layer == FailureLayer.Session, "session layer");
            long after = failure.TimeMs - sentAt;
            Assert.IsTrue(after >= 500 - EvccRig.TickMs && after <= 500 + 2 * EvccRig.TickMs, "0.5 s DC_ChargeLoop timeout, was " + after + " ms");

            // The silent charger still pushes its current: the EV waits at most ContactorOpenWaitMaxMs, then protects itself.
            Assert.IsFalse(rig.Plant.IsContactorClosed, "contactor opened");
            Assert.AreEqual(1, rig.Plant.OpenCommands);
        }

        [TestMethod]
        public void ASilentChargerAtTheStartIsAResponseTimeoutAfterTwoSeconds()
        {
            EvccRig rig = new EvccRig(new EvccSettings());
            rig.Charger.SilentFrom = "supportedAppProtocolReq";
            rig.Start();
            long start = rig.Clock.NowMs;
            rig.RunToEnd(2000);

            Assert.AreEqual(EvccEndReasons.ResponseTimeout, rig.Session.EndReason);
            long took = rig.LastFailure().TimeMs - start;
            Assert.IsTrue(took >= 2000 && took <= 2000 + 2 * EvccRig.TickMs, "2 s per-message timeout, was " + took + " ms");
            Assert.AreEqual(0, rig.Plant.OpenCommands, "no contactor to open before precharge");
        }

        [TestMethod]
        public void ARequestStopBeforePowerEndsWithSessionStopTerminate()
        {
            EvccRig rig = new EvccRig(new EvccSettings());
            rig.Charger.CableCheckOngoing = 1000;
            rig.Start();
            for (int i = 0; i < 2000 && rig.Charger.CountOf("DC_CableCheckReq") < 3; i++)
            {
                rig.Tick();
            }

            rig.Session.RequestStop();
            rig.RunToEnd(2000);
            Assert.IsTrue(rig.Session.IsFinished);
            Assert.AreEqual(EvccEndReasons.VehicleStop, rig.Session.EndReason);
            Assert.AreEqual("SessionStopReq", rig.Charger.Received(rig.Charger.ReceivedCount - 1));
            Assert.IsNull(rig.LastFailure());
        }

        [TestMethod]
        public void ARequestStopAfterPreChargeOpensTheContactorAndGoesStraightToSessionStop()
        {
            EvccRig rig = new EvccRig(new EvccSettings()).Start();
            for (int i = 0; i < 2000 && rig.Plant.CloseCommands == 0; i++)
            {
                rig.Tick();
            }

            rig.Session.RequestStop();
            rig.RunToEnd(2000);
            Assert.IsTrue(rig.Session.IsFinished);
            Assert.AreEqual(EvccEndReasons.VehicleStop, rig.Session.EndReason);
            Assert.IsFalse(rig.Plant.IsContactorClosed, "opened");
            Assert.AreEqual(0, rig.Charger.CountOf("PowerDeliveryReq"), "no power delivery");
            Assert.AreEqual(0, rig.Charger.CountOf("DC_WeldingDetectionReq"), "welding detection only after power delivery");
            Assert.AreEqual("SessionStopReq", rig.Charger.Received(rig.Charger.ReceivedCount - 1));
        }
    }
}
