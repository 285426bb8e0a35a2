#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Iso15118.Evcc;
using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Iso20;

namespace V2G.UnitTests.Iso15118.Evcc
{
    [TestClass]
    public class EvccSequenceTests
    {
        private static readonly string[] OrderToTheLoop =
        {
            "supportedAppProtocolReq", "SessionSetupReq", "AuthorizationSetupReq", "AuthorizationReq",
            "ServiceDiscoveryReq", "ServiceDetailReq", "ServiceSelectionReq", "DC_ChargeParameterDiscoveryReq",
            "ScheduleExchangeReq", "DC_CableCheckReq", "DC_PreChargeReq", "PowerDeliveryReq", "DC_ChargeLoopReq",
        };

        /// <summary>The distinct request names in the order received (repeats of one request count once).</summary>
        private static string[] Collapsed(ScriptedCharger charger)
        {
            string[] names = new string[charger.ReceivedCount];
            int n = 0;
            for (int i = 0; i < charger.ReceivedCount; i++)
            {
                string name = charger.Received(i);
                if (n == 0 || names[n - 1] != name)
                {
                    names[n++] = name;
                }
            }

            string[] result = new string[n];
            System.Array.Copy(names, result, n);
            return result;
        }

        [TestMethod]
        public void TheRequestsUpToTheChargeLoopComeInTheStandardsOrder()
        {
            EvccRig rig = new EvccRig(new EvccSettings());
            rig.Charger.AuthorizationOngoing = 2;
            rig.Charger.ScheduleExchangeOngoing = 1;
            rig.Charger.CableCheckOngoing = 3;
            rig.Start();
            rig.RunToLoop(3, 2000);

            string[] seen = Collapsed(rig.Charger);
            Assert.IsTrue(seen.Length >= OrderToTheLoop.Length, "reached the loop; state " + rig.Session.StateName);
            for (int i = 0; i < OrderToTheLoop.Length; i++)
            {
                Assert.AreEqual(OrderToTheLoop[i], seen[i], "request " + i);
            }

            Assert.AreEqual(3, rig.Charger.CountOf("AuthorizationReq"), "repeated while Ongoing");
            Assert.AreEqual(2, rig.Charger.CountOf("ScheduleExchangeReq"), "repeated while Ongoing");
            Assert.AreEqual(4, rig.Charger.CountOf("DC_CableCheckReq"), "repeated while Ongoing");
            Assert.AreEqual("charge_loop", rig.Session.StateName);
            Assert.AreEqual(6, (int)rig.Session.SelectedServiceId, "DC_BPT");
            Assert.AreEqual(6, (int)rig.Charger.Common.ServiceDetailReq.ServiceID, "ServiceDetail for DC_BPT");
            Assert.AreEqual(8, rig.Session.SessionIdLength, "the charger's SessionID is kept");
            Assert.AreEqual((int)ScriptedCharger.SessionIdBytes[7], (int)rig.Session.SessionId[7]);
            Assert.IsTrue(rig.Plant.IsContactorClosed, "the EV contactor is closed in the loop");
            Assert.IsTrue(rig.Charger.Dc.DC_ChargeLoopReq.HasBPT_Dynamic_DC_CLReqControlMode, "BPT Dynamic loop variant");
            Assert.IsTrue(rig.Charger.Common.PowerDeliveryReq.EVPowerProfile.HasDynamic_EVPPTControlMode, "an empty Dynamic_EVPPTControlMode");
        }

        [TestMethod]
        public void TheLoopRunsAtTheLoopPeriod()
        {
            EvccRig rig = new EvccRig(new EvccSettings()).Start();
            rig.RunToLoop(1, 2000);
            long start = rig.Clock.NowMs;
            rig.RunToLoop(11, 2000);
            long elapsed = rig.Clock.NowMs - start;
            Assert.IsTrue(elapsed >= 1000 - EvccRig.TickMs && elapsed <= 1000 + 2 * EvccRig.TickMs, "10 loop periods took " + elapsed + " ms");
            Expect(50, rig.Session.ChargerPresentCurrentA, "present current taken from the loop answer");
        }

        [TestMethod]
        public void ATerminateInTheLoopLeadsToPowerDeliveryStopWeldingDetectionAndSessionStop()
        {
            EvccRig rig = new EvccRig(new EvccSettings());
            rig.Charger.TerminateAtLoop = 5;
            rig.Start();
            rig.RunToEnd(3000);

            Assert.IsTrue(rig.Session.IsFinished, "finished; state " + rig.Session.StateName);
            Assert.AreEqual(EvccEndReasons.ChargerTerminate, rig.Session.EndReason, rig.LogText());
            Assert.AreEqual(5, rig.Charger.LoopRequests, "no loop request after the Terminate");

            string[] seen = Collapsed(rig.Charger);
            int n = seen.Length;
            Assert.AreEqual("DC_ChargeLoopReq", seen[n - 4]);
            Assert.AreEqual("PowerDeliveryReq", seen[n - 3]);
            Assert.AreEqual("DC_WeldingDetectionReq", seen[n - 2]);
            Assert.AreEqual("SessionStopReq", seen[n - 1]);
            Assert.AreEqual((int)ChargeProgressType.Stop, (int)rig.Charger.Common.PowerDeliveryReq.ChargeProgress);
            Assert.AreEqual((int)ChargingSessionType.Terminate, (int)rig.Charger.Common.SessionStopReq.ChargingSession);
            Assert.AreEqual((int)ProcessingType.Finished, (int)rig.Charger.Dc.DC_WeldingDetectionReq.EVProcessing, "the last welding detection request says Finished");
            Assert.IsTrue(rig.Charger.ContactorOpenDuringWelding, "the EV contactor was open before welding detection");
            Assert.IsFalse(rig.Plant.IsContactorClosed);
            Assert.AreEqual(1, rig.Plant.OpenCommands);
            Expect(0, rig.Plant.CurrentAtOpenA, "opened without current");
            Assert.IsNull(rig.LastFailure(), "no failure logged");
        }

        [TestMethod]
        public void TheVehicleStopsAtItsTargetSocWhileCharging()
        {
            EvccRig rig = new EvccRig(new EvccSettings()).Start();
            rig.RunToLoop(3, 2000);
            rig.Plant.SocPercent = 80;
            rig.RunToEnd(2000);
            Assert.AreEqual(EvccEndReasons.TargetSoc, rig.Session.EndReason);
            Assert.AreEqual("SessionStopReq", rig.Charger.Received(rig.Charger.ReceivedCount - 1));
        }

        [TestMethod]
        public void TheVehicleStopsAtItsMinimumSocWhileDischarging()
        {
            EvccRig rig = new EvccRig(new EvccSettings());
            rig.Charger.LoopCurrentA = -20;
            rig.Start();
            rig.RunToLoop(3, 2000);
            rig.Plant.SocPercent = 30;
            rig.RunToEnd(2000);
            Assert.AreEqual(EvccEndReasons.MinimumSoc, rig.Session.EndReason);
        }

        [TestMethod]
        public void APauseEndsWithSessionStopPauseAndAResumeJoinsTheOldSession()
        {
            EvccRig rig = new EvccRig(new EvccSettings()).Start();
            rig.RunToLoop(3, 2000);
            rig.Session.RequestPause();
            rig.RunToEnd(2000);

            Assert.IsTrue(rig.Session.IsPaused, "paused; state " + rig.Session.StateName);
            Assert.AreEqual(EvccEndReasons.VehiclePause, rig.Session.EndReason);
            Assert.AreEqual((int)ChargingSessionType.Pause, (int)rig.Charger.Common.SessionStopReq.ChargingSession);
            Assert.IsFalse(rig.Plant.IsContactorClosed);

            int before = rig.Charger.ReceivedCount;
            BytePipe second = new BytePipe(65536);
            rig.Charger.Attach(second.ChargerEnd);
            rig.Session.Resume(second.EvEnd);
            rig.RunToLoop(rig.Charger.LoopRequests + 2, 2000);

            Assert.IsTrue(rig.Session.JoinedOldSession, "OK_OldSessionJoined");
            Assert.AreEqual("supportedAppProtocolReq", rig.Charger.Received(before));
            Assert.AreEqual("SessionSetupReq", rig.Charger.Received(before + 1));
            Assert.AreEqual("DC_ChargeParameterDiscoveryReq", rig.Charger.Received(before + 2), "continues at parameter discovery");
            Assert.AreEqual("charge_loop", rig.Session.StateName);
        }

        private static void Expect(double expected, double actual, string what)
        {
            V2G.UnitTests.TestSupport.Expect.Near(expected, actual, 0.01, what);
        }
    }
}
