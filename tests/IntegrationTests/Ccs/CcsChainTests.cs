using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Sim.Plant.Plc;
using V2G.Sim.Scenarios;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.Ccs
{
    /// <summary>
    /// The whole CCS chain below ISO 15118-20 from plug-in to unplug, on the simulator board: the pilot
    /// finds the vehicle (A → B), SLAC matches the two modems over the virtual PLC link, SDP and the
    /// session run only once the link is up, the vehicle asks for energy with pilot C, and leaves.
    /// </summary>
    [TestClass]
    public sealed class CcsChainTests
    {
        /// <summary>Charge at 20 kW from plug-in at 1 s until the vehicle stops at 60 s.</summary>
        private static readonly Lazy<CcsRun> Happy = new(() =>
        {
            var s = new Scenario { Name = "ccs-chain", InitialSocPercent = 50, EndSeconds = 200 };
            s.At(0, "dispatch", powerW: 20000).At(1, "plug").At(60, "vehicle_stop");
            return new CcsRun(s);
        });

        /// <summary>The chain's milestones, in the order they must appear (other states may come between them).</summary>
        private static readonly string[] Milestones =
        {
            "pilot_a", "pilot_b", "ccs_matching", "ev_connected", "slac_matching", "slac_waiting_for_start_atten_char",
            "slac_sounding", "slac_waiting_for_atten_char_rsp", "slac_waiting_for_match", "slac_joining", "slac_matched",
            "ccs_link_ready", "communication_setup", "authorization", "parameter_exchange", "pilot_c", "cable_check",
            "precharge", "energy_transfer", "stopping", "welding_detection", "pilot_b", "session_end", "pilot_a", "ccs_unplugged",
        };

        [TestMethod]
        public void TheChainRunsFromPlugInThroughSlacAndTheSessionToUnplugInOrder()
        {
            CcsRun run = Happy.Value;
            RunResult r = run.Result;

            Assert.AreEqual("ok", r.Result, run.DescribeFaults());
            Assert.IsEmpty(r.SessionFailures, string.Join("; ", r.SessionFailures));
            Assert.IsEmpty(r.LimitViolations);
            int at = 0;
            foreach (string milestone in Milestones)
            {
                int found = r.States.IndexOf(milestone, at);
                Assert.IsGreaterThanOrEqualTo(0, found, $"'{milestone}' after #{at}: {run.DescribeStates()}");
                at = found + 1;
            }

            Assert.IsGreaterThan(0.0, r.EnergyChargedWh);
            Assert.AreEqual("vehicle_stop", r.VehicleEndReason);
            Assert.IsTrue(r.EndedSafe);
        }

        [TestMethod]
        public void ThePilotIsInCWhenTheCableCheckStartsAndBackInBBeforeTheSessionEnds()
        {
            CcsRun run = Happy.Value;

            Assert.AreEqual("pilot_c", LastPilotMarkBefore(run, "cable_check"), run.DescribeStates());
            long welding = run.MarkAtMs("welding_detection");
            long backInB = run.MarkAtMs("pilot_b", welding);
            Assert.IsLessThanOrEqualTo(run.MarkAtMs("session_end", welding), backInB, "the vehicle opened S2 after its welding detection, before the session ended");
            Assert.AreEqual("pilot_b", LastPilotMarkBefore(run, "session_end"), run.DescribeStates());
        }

        [TestMethod]
        public void SdpBeginsOnlyAfterTheLinkIsReady()
        {
            CcsRun run = Happy.Value;
            long linkReady = run.MarkAtMs("ccs_link_ready");

            // SDP, the TCP connect and the "connected" entry happen in one step of the lockstep, with
            // simulated time standing still: the entry's time is when SDP began.
            long connected = run.TracedAtMs(" connected ");
            Assert.IsGreaterThanOrEqualTo(0L, connected, "no 'connected' entry in the trace");
            Assert.IsGreaterThan(linkReady, connected, "SDP ran before the link was ready");
            Assert.IsGreaterThanOrEqualTo(connected, run.TracedAtMs("EV> supportedAppProtocolReq"));
            Assert.IsGreaterThanOrEqualTo(linkReady, run.MarkAtMs("communication_setup"));

            // The link is up only after the EV modem joined the network: PlcLinkSettings.JoinDelayMs (5 s) after the match.
            long joining = run.MarkAtMs("slac_joining");
            Assert.IsGreaterThanOrEqualTo(joining + new PlcLinkSettings().JoinDelayMs, linkReady, run.DescribeStates());
        }

        [TestMethod]
        public void TheSummaryReportsOneMatchingAttemptAtAnAttenuationAroundTheLinksMean()
        {
            CcsRun run = Happy.Value;
            CcsSummary ccs = run.Result.Ccs;
            PlcLinkSettings medium = run.Link.PlcLink;

            // Every group's attenuation is drawn within mean ± spread (23 ± 3 dB by default) and rounded to
            // a whole dB, so the mean over groups and sounds cannot leave [20, 26] dB.
            Assert.AreEqual(23.0, medium.AttenuationMeanDb, "the default medium changed: revisit the band");
            Assert.IsInRange(medium.AttenuationMeanDb - medium.AttenuationSpreadDb, medium.AttenuationMeanDb + medium.AttenuationSpreadDb, ccs.MatchedAttenuationDb);
            Assert.AreEqual(1, ccs.MatchingAttempts);
            Assert.AreEqual(0L, ccs.PlcFramesLost, "a perfect medium");
            Assert.AreEqual(0, ccs.SlacFramesDropped);
            Assert.AreEqual("unplugged", ccs.Phase);
            Assert.AreEqual("A", ccs.PilotState);
            Assert.AreEqual(100.0, ccs.DutyCyclePercent, "X1 again after the vehicle left");
            Assert.AreEqual("unmatched", ccs.SlacState, "a fresh key for the next vehicle");
        }

        private static string LastPilotMarkBefore(CcsRun run, string state)
        {
            List<string> states = run.Result.States;
            int index = states.IndexOf(state);
            Assert.IsGreaterThanOrEqualTo(0, index, $"never entered '{state}': {run.DescribeStates()}");
            return states.Take(index).LastOrDefault(s => s.StartsWith("pilot_", StringComparison.Ordinal));
        }
    }
}
