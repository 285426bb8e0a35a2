using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.GbT
{
    /// <summary>
    /// A GB/T 27930-2015 charge from plug-in to unplug on the simulator board: the charger's session drives
    /// the controller through handshake, recognition, parameters, pre-charge and charging, the BMS stops
    /// at its target SoC with BST, both sides send their statistics, and the vehicle leaves.
    /// </summary>
    [TestClass]
    public sealed class GbtChargeSessionTests
    {
        /// <summary>
        /// The GB/T stages ("gbt_*", sampled every control tick) and the controller's states, in the order
        /// they must appear (other states may come between them).
        /// </summary>
        private static readonly string[] Milestones =
        {
            "idle", "gbt_handshake", "ev_connected", "cable_check", "gbt_recognition", "gbt_parameters", "parameter_exchange",
            "gbt_pre_charge", "precharge", "gbt_charging", "energy_transfer", "gbt_stopping", "stopping", "gbt_statistics",
            "session_end", "gbt_unplugged", "idle",
        };

        /// <summary>The messages of the session in the charger's log, in order ("EV>" from the BMS, "&lt;EV" from the charger) [digest §6].</summary>
        private static readonly string[] MessageOrder =
        {
            "<EV CHM", "EV> BHM", "<EV CRM not recognised", "EV> BRM", "<EV CRM recognised", "EV> BCP", "<EV CML", "EV> BRO not ready",
            "EV> BRO ready", "<EV CRO not ready", "<EV CRO ready", "EV> BCL", "EV> BCS", "<EV CCS", "EV> BSM", "EV> BST SOC target",
            "<EV CST", "EV> BSD", "<EV CSD",
        };

        [TestMethod]
        public void TheSessionRunsFromHandshakeThroughChargingAndStatisticsToSessionEndInOrder()
        {
            GbtRun run = GbtRuns.Charge2015.Value;
            RunResult r = run.Result;

            Assert.AreEqual("gbt27930", r.Protocol);
            int at = 0;
            foreach (string milestone in Milestones)
            {
                int found = r.States.IndexOf(milestone, at);
                Assert.IsGreaterThanOrEqualTo(0, found, $"'{milestone}' after #{at}: {run.DescribeStates()}");
                at = found + 1;
            }

            int stopping = r.States.IndexOf("stopping");
            int welding = r.States.IndexOf("welding_detection");
            Assert.IsInRange(stopping + 1, r.States.IndexOf("session_end") - 1, welding, $"the welding check between stopping and the session's end: {run.DescribeStates()}");
            Assert.IsFalse(r.States.Contains("gbt_timed_out"), run.DescribeStates());
        }

        [TestMethod]
        public void TheChargersLogHasEveryMessageOfTheSessionInOrder()
        {
            GbtRun run = GbtRuns.Charge2015.Value;

            int at = 0;
            foreach (string message in MessageOrder)
            {
                int found = Array.FindIndex(run.TraceLines, at, l => l.Contains(" " + message, StringComparison.Ordinal));
                Assert.IsGreaterThanOrEqualTo(0, found, $"'{message}' after line {at}");
                at = found + 1;
            }

            Assert.IsFalse(run.TraceLines.Any(l => l.Contains("FAILED", StringComparison.Ordinal)), "a failure in the log of a clean charge");
            Assert.IsFalse(run.TraceLines.Any(l => l.Contains("entries lost", StringComparison.Ordinal)), "the trace kept up with the log");
        }

        [TestMethod]
        public void TheVehicleIsChargedToItsTargetWithinEveryLimitAndTheChargerEndsSafe()
        {
            GbtRun run = GbtRuns.Charge2015.Value;
            RunResult r = run.Result;

            Assert.AreEqual("ok", r.Result, run.DescribeFaults());
            Assert.IsEmpty(r.SessionFailures, string.Join("; ", r.SessionFailures));
            Assert.IsEmpty(r.LimitViolations, string.Join("; ", r.LimitViolations));

            // 40 % → 55 % of a 60 kWh pack is 9 kWh into the battery; the DC energy is that plus its losses.
            Assert.IsInRange(9000.0, 10000.0, r.EnergyChargedWh);
            Assert.AreEqual(0.0, r.EnergyDischargedWh, 0.01, "a charge-only session");
            Assert.IsInRange(55.0, 55.5, r.FinalSocPercent);
            Assert.IsTrue(r.EndedSafe);
            Assert.AreEqual("idle", r.FinalState);
        }

        [TestMethod]
        public void TheBmsEndsTheSessionDoneAfterItsStatisticsAndTheSummarySaysSo()
        {
            GbtRun run = GbtRuns.Charge2015.Value;
            GbtSummary gbt = run.Result.Gbt;

            // The session's end is recorded when the BMS reaches "done" (BSD sent, CSD received); the link
            // unplugs a second later, which switches the auxiliary supply off and the BMS with it: at the end
            // of the run the summary's bms_state is therefore "off", and "done" is in vehicle_end_reason.
            Assert.AreEqual("done", run.Result.VehicleEndReason);
            Assert.AreEqual("off", gbt.BmsState);
            Assert.AreEqual("unplugged", gbt.Stage);
            Assert.AreEqual("gbt2015", gbt.Profile);
            Assert.IsFalse(gbt.DischargeAgreed);
            Assert.AreEqual(0, gbt.Reconnects);
            Assert.AreEqual(0L, gbt.FramesDropped);
            Assert.AreEqual((long)run.Frames.Count, gbt.FramesCarried);

            // The BMS started the stop (BST, reason SOC target), the charger answered with CST, then BSD and CSD.
            long bst = run.FramesWithId(GbtCanIds.Bst).First().TimeMs;
            long cst = run.FramesWithId(GbtCanIds.Cst).First().TimeMs;
            Assert.IsLessThanOrEqualTo(cst, bst, "BST first");
            Assert.IsLessThan(run.FramesWithId(GbtCanIds.Bsd).First().TimeMs, cst);
            Assert.IsLessThanOrEqualTo(run.FramesWithId(GbtCanIds.Csd).First().TimeMs, run.FramesWithId(GbtCanIds.Bsd).First().TimeMs);
        }
    }
}
