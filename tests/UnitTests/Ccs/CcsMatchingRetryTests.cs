#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Ccs;
using V2G.Firmware.Pilot;
using V2G.Firmware.Session;
using V2G.Protocol.Slac;
using V2G.Protocol.Trace;
using V2G.Sim.Plant.Plc;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Ccs
{
    /// <summary>
    /// A failed match runs the pilot's error sequence (F for T_step_EF = 4 s, then 750 ms X1) and 5 %
    /// again, up to C_conn_max_match = 3 attempts; then the pilot stays in X1 until unplug [digest 1.7, 2.8].
    /// </summary>
    [TestClass]
    public class CcsMatchingRetryTests
    {
        private const int StepEfMs = 4000;
        private const int X1AfterStepEfMs = 750;
        private const int SlacInitTimeoutMs = 40000;

        /// <summary>A vehicle whose pilot is plugged in but whose SLAC never speaks.</summary>
        private static CcsRig SilentVehicle()
        {
            CcsRig rig = new CcsRig();
            rig.StepVehicle = false;
            rig.Ticks(5);
            rig.Vehicle.Pilot.Plug();
            Assert.IsTrue(rig.RunUntilPhase(CcsPhase.Matching, 200), "matching");
            return rig;
        }

        [TestMethod]
        public void WithoutSlacParmReqTheInitTimeoutStartsTheErrorSequenceAndAfterThreeAttemptsMatchingFails()
        {
            CcsRig rig = SilentVehicle();
            long bcdMs = rig.NowMs;

            for (int attempt = 1; attempt <= 3; attempt++)
            {
                Assert.IsTrue(rig.RunUntilDuty(500, 2000), "5 % in attempt " + attempt);
                Assert.AreEqual(CcsPhase.Matching, rig.Ccs.Phase);
                Assert.AreEqual(attempt, rig.Ccs.MatchingAttempts);

                Assert.IsTrue(rig.RunUntilPhase(attempt < 3 ? CcsPhase.ErrorSequence : CcsPhase.MatchingFailed, SlacInitTimeoutMs + 1000), "attempt " + attempt + " ended");
                long failedMs = rig.NowMs;
                Expect.Near(SlacInitTimeoutMs, failedMs - bcdMs, CcsRig.TickMs, "TT_EVSE_SLAC_init of attempt " + attempt + ", ms");
                Assert.AreEqual(attempt, rig.CountFailures(FailureLayer.Slac, SlacFailureReasons.SlacInitTimeout));
                if (attempt == 3)
                {
                    break;
                }

                // F (duty 0) at once, for T_step_EF.
                Assert.AreEqual(ControlPilot.SteadyLowDuty, rig.Ccs.DutyCycleHundredthsPercent, "F after attempt " + attempt);
                Assert.IsTrue(rig.RunUntilDuty(ControlPilot.SteadyHighDuty, StepEfMs + 1000), "X1 after F");
                Expect.Near(StepEfMs, rig.NowMs - failedMs, CcsRig.TickMs, "T_step_EF, ms");
                long x1Ms = rig.NowMs;

                // Then X1 for at least 750 ms and 5 % again, with the phase back to Matching.
                Assert.IsTrue(rig.RunUntilDuty(500, 3000), "5 % after the error sequence");
                Expect.AtLeast(X1AfterStepEfMs, rig.NowMs - x1Ms, "X1 after T_step_EF, ms");
                Assert.AreEqual(CcsPhase.Matching, rig.Ccs.Phase);
                bcdMs = LastTimeOf(rig, "ccs", CcsPhaseNames.Of(CcsPhase.Matching));
            }

            Assert.AreEqual(CcsPhase.MatchingFailed, rig.Ccs.Phase);
            Assert.AreEqual(3, rig.Ccs.MatchingAttempts);
            Assert.AreEqual(ControlPilot.SteadyHighDuty, rig.Ccs.DutyCycleHundredthsPercent, "X1 after the last attempt");
            Assert.AreEqual(1, rig.CountFailures(FailureLayer.Slac, "matching_attempts_exhausted"));
            Assert.AreEqual(ChargerState.EvConnected, rig.Controller.State, "no communication, no session");

            // It stays so while the vehicle stays.
            for (int i = 0; i < 500; i++)
            {
                rig.Tick();
                Assert.AreEqual(ControlPilot.SteadyHighDuty, rig.Ccs.DutyCycleHundredthsPercent);
            }

            Assert.AreEqual(CcsPhase.MatchingFailed, rig.Ccs.Phase);
        }

        /// <summary>
        /// EV READY needs a pause of 500–1000 ms in X1 after T_step_EF; EVerest holds 750 ms and then
        /// switches 5 % on at once (SLAC was reset before the error sequence) [digest 1.6, 1.7].
        /// </summary>
        [TestMethod]
        public void AfterTheErrorSequenceFivePercentFollowsTheX1PauseOf750MsWithinTheEvReadyWindow()
        {
            CcsRig rig = SilentVehicle();
            Assert.IsTrue(rig.RunUntilPhase(CcsPhase.ErrorSequence, SlacInitTimeoutMs + 1000), "first attempt failed");
            Assert.IsTrue(rig.RunUntilDuty(ControlPilot.SteadyHighDuty, StepEfMs + 1000), "X1 after F");
            long x1Ms = rig.NowMs;

            Assert.IsTrue(rig.RunUntilDuty(500, 3000), "5 % after the error sequence");
            long x1HeldMs = rig.NowMs - x1Ms;
            Expect.AtLeast(500, x1HeldMs, "X1 pause, ms");
            Expect.AtMost(1000, x1HeldMs, "X1 pause, ms");
            Expect.Near(X1AfterStepEfMs, x1HeldMs, CcsRig.TickMs, "X1 pause, ms");
        }

        [TestMethod]
        public void AttenuationAboveTheVehiclesThresholdNeverMatchesAndEndsInMatchingFailedAfterTheErrorSequences()
        {
            PlcLinkSettings link = new PlcLinkSettings();
            link.AttenuationMeanDb = 50;
            link.AttenuationSpreadDb = 1;
            CcsRig rig = new CcsRig(link, null, null);
            rig.Vehicle.Plug();

            bool everLinkReady = false;
            long end = rig.NowMs + 600000;
            while (rig.Ccs.Phase != CcsPhase.MatchingFailed && rig.NowMs < end)
            {
                rig.Tick();
                everLinkReady = everLinkReady || rig.Ccs.IsLinkReady;
            }

            Assert.AreEqual(CcsPhase.MatchingFailed, rig.Ccs.Phase, "matching failed; SLAC " + SlacStateNames.Of(rig.Ccs.SlacState));
            Assert.IsFalse(everLinkReady, "never matched");
            Assert.IsFalse(rig.Vehicle.IsMatched);
            Assert.AreEqual(3, rig.Ccs.MatchingAttempts);
            Assert.AreEqual(2, CountHistory(rig, "ccs", CcsPhaseNames.Of(CcsPhase.ErrorSequence)), "two error sequences between three attempts");
            Assert.AreEqual(ControlPilot.SteadyHighDuty, rig.Ccs.DutyCycleHundredthsPercent);
            Assert.AreEqual(ChargerState.EvConnected, rig.Controller.State);
            Expect.AtLeast(3, rig.CountFailures(FailureLayer.Slac, null), "SLAC failures logged");
            Assert.AreEqual(1, rig.CountFailures(FailureLayer.Slac, "matching_attempts_exhausted"));
            Expect.AtLeast(1, CountVehicleFailures(rig, SlacPevFailureReasons.AttenuationTooHigh), "the vehicle refused the attenuation");
        }

        private static long LastTimeOf(CcsRig rig, string layer, string name)
        {
            LinkHistory h = rig.Ccs.History;
            for (long n = h.Total - 1; n >= 0 && h.Holds(n); n--)
            {
                if (h.LayerAt(n) == layer && h.NameAt(n) == name)
                {
                    return h.TimeAt(n);
                }
            }

            return -1;
        }

        private static int CountHistory(CcsRig rig, string layer, string name)
        {
            int count = 0;
            LinkHistory h = rig.Ccs.History;
            for (long n = 0; n < h.Total; n++)
            {
                if (h.Holds(n) && h.LayerAt(n) == layer && h.NameAt(n) == name)
                {
                    count++;
                }
            }

            return count;
        }

        private static int CountVehicleFailures(CcsRig rig, string failure)
        {
            int n = 0;
            for (int i = 0; i < rig.VehicleLog.Count; i++)
            {
                TraceEntry e = rig.VehicleLog.Get(i);
                if (e.Layer == FailureLayer.Slac && e.Failure == failure)
                {
                    n++;
                }
            }

            return n;
        }
    }
}
