#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Slac;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Plc;

namespace V2G.UnitTests.Plc
{
    /// <summary>The vehicle side of SLAC on its own: what it sends when no charger answers, and its attempts.</summary>
    [TestClass]
    public class SlacPevTests
    {
        private static readonly byte[] Received = new byte[1600];

        private static SimClock _clock;

        private static VirtualPlcLink NewLink()
        {
            _clock = new SimClock();
            return new VirtualPlcLink(_clock, SlacRig.ChargerMac, SlacRig.VehicleMac, null, null);
        }

        private static void RunFor(SlacPev pev, long durationMs)
        {
            long end = _clock.NowMs + durationMs;
            while (_clock.NowMs < end)
            {
                _clock.Advance(1);
                pev.Poll(_clock.NowMs);
            }
        }

        [TestMethod]
        public void TheDefaultRunIdIsTheVehiclesMacFollowedByTwoZeroBytes()
        {
            VirtualPlcLink link = NewLink();
            SlacPev pev = new SlacPev(new SlacPevSettings(), link.Vehicle, null);

            pev.Start(0);
            RunFor(pev, 200);

            int length = link.Charger.Receive(Received);
            int mmv;
            int mmType;
            Assert.IsTrue(MmeHeader.TryRead(Received, length, out mmv, out mmType));
            Assert.AreEqual(MmType.CmSlacParmReq, mmType);
            Assert.IsTrue(MmeHeader.BytesEqual(Received, 0, MmeHeader.BroadcastMac, 0, 6), "broadcast");
            Assert.IsTrue(MmeHeader.BytesEqual(Received, SlacParmReq.OffsetRunId, SlacRig.VehicleMac, 0, 6));
            Assert.AreEqual((byte)0, Received[SlacParmReq.OffsetRunId + 6]);
            Assert.AreEqual((byte)0, Received[SlacParmReq.OffsetRunId + 7]);
        }

        [TestMethod]
        public void ATeslaRunIdIsSentAsConfigured()
        {
            VirtualPlcLink link = NewLink();
            SlacPevSettings settings = new SlacPevSettings();
            settings.RunId = new byte[] { 0x54, 0x45, 0x53, 0x4C, 0x41, 0x20, 0x45, 0x56 };
            SlacPev pev = new SlacPev(settings, link.Vehicle, null);

            pev.Start(0);
            RunFor(pev, 200);

            Assert.IsTrue(link.Charger.Receive(Received) > 0);
            Assert.IsTrue(MmeHeader.BytesEqual(Received, SlacParmReq.OffsetRunId, settings.RunId, 0, 8), "\"TESLA EV\" [S:I-SE25]");
        }

        [TestMethod]
        public void WithoutAnAnswerTheVehicleRepeatsItsParmRequestTwiceThenFails()
        {
            VirtualPlcLink link = NewLink();
            SlacPev pev = new SlacPev(new SlacPevSettings(), link.Vehicle, null);

            pev.Start(0);
            RunFor(pev, 200 + 3 * 200 - 1);
            Assert.AreEqual(SlacPevState.WaitingForParmCnf, pev.State);
            RunFor(pev, 1);

            Assert.AreEqual(3L, pev.ParmReqsSent);
            Assert.AreEqual(SlacPevState.Failed, pev.State);
            Assert.AreEqual(SlacPevFailureReasons.NoParmCnf, pev.FailureReason);
            Assert.AreEqual("failed", SlacPevStateNames.Of(pev.State));
        }

        [TestMethod]
        public void AStopEndsTheAttemptAndEachStartBeginsANewOneUpToThree()
        {
            VirtualPlcLink link = NewLink();
            SlacPev pev = new SlacPev(new SlacPevSettings(), link.Vehicle, null);

            for (int attempt = 1; attempt <= 3; attempt++)
            {
                pev.Start(_clock.NowMs);
                Assert.AreEqual(attempt, pev.Attempts);
                RunFor(pev, 300);
                pev.Stop(_clock.NowMs);
                Assert.AreEqual(SlacPevState.Idle, pev.State);
            }

            pev.Start(_clock.NowMs);
            Assert.AreEqual(SlacPevState.Failed, pev.State);
            Assert.AreEqual(SlacPevFailureReasons.MaxAttempts, pev.FailureReason);

            pev.Unplug(_clock.NowMs);
            pev.Start(_clock.NowMs);
            Assert.AreEqual(1, pev.Attempts, "a new plug-in starts counting again");
        }
    }
}
