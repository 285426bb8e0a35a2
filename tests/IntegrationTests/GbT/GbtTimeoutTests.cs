using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Sim.Scenarios;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.GbT
{
    /// <summary>
    /// The BMS stops talking while the charger delivers energy: only BCL (bcl_stop), or everything
    /// (vehicle_silent). The charger must stop on its 1 s BCL timeout, say so with CEM, bring the current
    /// down, and re-handshake from CRM(00h) at most three times [digest §6, §7, S2].
    /// </summary>
    [TestClass]
    public sealed class GbtTimeoutTests
    {
        /// <summary>The charger's BCL timeout while charging [digest §6, S2].</summary>
        private const long BclTimeoutMs = 1000;

        /// <summary>After the charger stops, its output current must be ≤ 5 A within 100 ms [digest §6, S2 (or GB/T 18487.1 B.3.7)].</summary>
        private const long CurrentOffMs = 100;

        private const double OffCurrentA = 5;

        /// <summary>Both stacks poll at every plant step: a deadline is seen at most one step late, ms.</summary>
        private const long PollMs = 2;

        /// <summary>Re-handshakes after a timeout, at most [digest §6, S2 App. A.9].</summary>
        private const int MaxReconnects = 3;

        /// <summary>BCL stops at 60 s while charging at 20 kW; the vehicle stops the resumed session at 120 s.</summary>
        private static readonly Lazy<GbtRun> BclStopped = new(() =>
        {
            var s = new Scenario { Name = "gbt-bcl-stop", InitialSocPercent = 50, EndSeconds = 200 };
            s.At(0, "dispatch", powerW: 20000).At(1, "plug").At(60, "inject", fault: "bcl_stop").At(120, "vehicle_stop");
            return new GbtRun(s, sampleIntervalMs: 20);
        });

        /// <summary>The BMS falls silent at 60 s while charging at 20 kW.</summary>
        private static readonly Lazy<GbtRun> Silent = new(() =>
        {
            var s = new Scenario { Name = "gbt-silent", InitialSocPercent = 50, EndSeconds = 200 };
            s.At(0, "dispatch", powerW: 20000).At(1, "plug").At(60, "inject", fault: "vehicle_silent");
            return new GbtRun(s, sampleIntervalMs: 20);
        });

        // ---------------------------------------------------------------- BCL stops

        [TestMethod]
        public void WhenBclStopsTheChargerLogsABclTimeoutOnTheCanLayer1SAfterTheLastBcl()
        {
            GbtRun run = BclStopped.Value;
            long injected = run.InjectedAtMs;
            Assert.IsLessThan(injected, run.MarkAtMs("energy_transfer"), "charging when BCL stopped");

            string failure = run.SessionFailure(" CAN: bcl_timeout");
            Assert.IsNotNull(failure, run.DescribeFaults());
            long timedOut = GbtRun.FailureTimeMs(failure);
            long lastBcl = run.LastFrameBeforeMs(GbtCanIds.Bcl, timedOut);
            Assert.IsInRange(injected - 50, injected, lastBcl, "BCL every 50 ms until the injection");
            Assert.IsInRange(lastBcl + BclTimeoutMs, lastBcl + BclTimeoutMs + PollMs, timedOut);
            Assert.AreEqual(failure, run.Result.SessionFailures[0], "the first failure of the run");

            // The runner samples the GB/T stage once per control tick: the mark is the end of the tick the timeout fell in.
            Assert.IsInRange(timedOut, timedOut + run.TickPeriodMs, run.MarkAtMs("gbt_timed_out", injected));
        }

        [TestMethod]
        public void AfterTheBclTimeoutTheChargerSendsCemWithTheBclTimeoutBit()
        {
            GbtRun run = BclStopped.Value;
            long timedOut = GbtRun.FailureTimeMs(run.SessionFailure(" CAN: bcl_timeout"));

            GbtFrame cem = run.FramesWithId(GbtCanIds.Cem).FirstOrDefault();
            Assert.AreEqual(4, cem.Frame.Length, $"no CEM (4 bytes) on the wire: {cem}");
            Assert.IsInRange(timedOut, timedOut + PollMs, cem.TimeMs);

            // CEM b3.3 (byte 3, bits 3-4) = 01: BCL timeout; every other field normal (00) [digest §4, §6].
            Assert.AreEqual(0b01, (cem.Byte(2) >> 2) & 0b11, $"BCL timeout bit: {cem}");
            Assert.AreEqual(0b00, cem.Byte(2) & 0b11, $"BCS normal: {cem}");
            Assert.AreEqual(0b00, cem.Byte(0) & 0b11, $"CRM/BRM normal: {cem}");
        }

        [TestMethod]
        public void AfterTheBclTimeoutTheOutputIsBelow5AWithin1SAnd100MsOfTheLastBcl()
        {
            GbtRun run = BclStopped.Value;
            long timedOut = GbtRun.FailureTimeMs(run.SessionFailure(" CAN: bcl_timeout"));
            long lastBcl = run.LastFrameBeforeMs(GbtCanIds.Bcl, timedOut);
            long restart = run.MarkAtMs("gbt_pre_charge", timedOut);

            AssertOutputOffFrom(run, lastBcl + BclTimeoutMs + CurrentOffMs, restart);
            Assert.IsTrue(run.Result.EndedSafe);
        }

        [TestMethod]
        public void AfterTheBclTimeoutTheBmsWaitsForTheChargersCrmAndTheSessionResumesOnce()
        {
            GbtRun run = BclStopped.Value;
            long timedOut = GbtRun.FailureTimeMs(run.SessionFailure(" CAN: bcl_timeout"));
            GbtFrame firstCem = run.FramesWithId(GbtCanIds.Cem).First();
            GbtFrame newCrm = run.Frames.First(f => f.Id == GbtCanIds.Crm && f.TimeMs > timedOut);
            Assert.AreEqual(0x00, newCrm.Byte(0), "the re-handshake starts with CRM(00h)");

            // On the CEM the BMS stops sending (BCS, BSM, and BCL that had stopped already) and waits for
            // the charger's CRM [digest §7]; it answers that with BRM (TP.CM RTS first).
            Assert.IsFalse(run.Frames.Any(f => f.SourceAddress == 0xF4 && f.TimeMs > firstCem.TimeMs + PollMs && f.TimeMs < newCrm.TimeMs),
                "the BMS sent between CEM and the new CRM");
            GbtFrame answer = run.Frames.First(f => f.SourceAddress == 0xF4 && f.TimeMs >= newCrm.TimeMs);
            Assert.AreEqual(GbtCanIds.TpCmFromBms, answer.Id, $"BRM's RTS first: {answer}");

            // The re-handshake clears the injection in the BMS simulator, so the session charges again
            // until the vehicle stops at 120 s, and the run ends there, in the safe state.
            RunResult r = run.Result;
            Assert.AreEqual(1, r.Gbt.Reconnects);
            run.MarkAtMs("gbt_recognition", timedOut);
            long resumed = run.MarkAtMs("energy_transfer", timedOut);
            Assert.IsTrue(run.FramesWithId(GbtCanIds.Bcl).Any(f => f.TimeMs > resumed), "BCL again after the re-handshake");
            Assert.IsGreaterThan(run.EventAtMs("vehicle_stop"), run.MarkAtMs("session_end", resumed));
            Assert.AreEqual("unplugged", r.Gbt.Stage);
            Assert.AreEqual(1, r.SessionFailures.Count, string.Join("; ", r.SessionFailures));
            Assert.IsEmpty(r.Faults, "a BCL timeout stops the session, it is no fault of the charger: " + run.DescribeFaults());
            Assert.IsTrue(r.EndedSafe);
        }

        [TestMethod]
        public void TheResumedSessionEndsWithTheBmsStatisticsAfterTheVehiclesStop()
        {
            GbtRun run = BclStopped.Value;
            long stopMs = run.EventAtMs("vehicle_stop");

            // The BMS stops at its (injected) target with BST, the charger answers CST, then BSD and CSD [digest §6].
            GbtFrame bst = run.FramesWithId(GbtCanIds.Bst).First();
            Assert.IsGreaterThanOrEqualTo(stopMs, bst.TimeMs, "BST only after the vehicle's stop");
            int bstIndex = IndexOf(run, GbtCanIds.Bst);
            Assert.IsGreaterThan(bstIndex, IndexOf(run, GbtCanIds.Cst), "CST answers BST (in the same 2 ms step)");
            long bsd = run.FramesWithId(GbtCanIds.Bsd).First().TimeMs;
            Assert.IsGreaterThan(bst.TimeMs, bsd);
            Assert.IsGreaterThanOrEqualTo(bsd, run.FramesWithId(GbtCanIds.Csd).First().TimeMs);
        }

        [TestMethod]
        public void AfterARecoveredBclTimeoutTheRunsEndReasonIsTheBmssDone()
        {
            Assert.AreEqual("done", BclStopped.Value.Result.VehicleEndReason);
        }

        // ---------------------------------------------------------------- the BMS falls silent

        [TestMethod]
        public void ASilentBmsSendsNothingMoreAndTheChargerTimesOutOnBclWithCem()
        {
            GbtRun run = Silent.Value;
            long injected = run.InjectedAtMs;
            Assert.IsLessThan(injected, run.MarkAtMs("energy_transfer"), "charging when the BMS fell silent");
            Assert.IsFalse(run.Frames.Any(f => f.SourceAddress == 0xF4 && f.TimeMs > injected), "a frame from the silent BMS");

            string failure = run.Result.SessionFailures.FirstOrDefault();
            Assert.IsNotNull(failure, "no session failure");
            StringAssert.Contains(failure, " CAN: bcl_timeout", "BCL's 1 s is the first deadline to pass");
            long timedOut = GbtRun.FailureTimeMs(failure);
            long lastBcl = run.LastFrameBeforeMs(GbtCanIds.Bcl, timedOut);
            Assert.IsInRange(lastBcl + BclTimeoutMs, lastBcl + BclTimeoutMs + PollMs, timedOut);
            GbtFrame cem = run.FramesWithId(GbtCanIds.Cem).First();
            Assert.IsInRange(timedOut, timedOut + PollMs, cem.TimeMs);
            Assert.AreEqual(0b01, (cem.Byte(2) >> 2) & 0b11, $"BCL timeout bit: {cem}");
        }

        [TestMethod]
        public void ASilentBmsGetsThreeReHandshakesThenTheChargerEndsTheSession()
        {
            GbtRun run = Silent.Value;
            RunResult r = run.Result;

            Assert.AreEqual(MaxReconnects, r.Gbt.Reconnects);
            string[] failures = r.SessionFailures.Select(f => f.Substring(f.IndexOf(' ', f.IndexOf(' ') + 1) + 1)).ToArray();
            CollectionAssert.AreEqual(
                new[] { "CAN: bcl_timeout", "CAN: brm_timeout", "CAN: brm_timeout", "CAN: brm_timeout", "CAN: reconnects_exhausted" },
                failures,
                string.Join("; ", r.SessionFailures));
            Assert.AreEqual(MaxReconnects + 1, r.States.Count(s => s == "gbt_timed_out"), run.DescribeStates());

            // On the wire: each re-handshake is CEM (the timeout) followed by CRM(00h) again.
            uint[] charger = run.Frames.Where(f => f.TimeMs > run.InjectedAtMs && (f.Id == GbtCanIds.Cem || f.Id == GbtCanIds.Crm)).Select(f => f.Id).ToArray();
            int restarts = Enumerable.Range(1, Math.Max(0, charger.Length - 1)).Count(i => charger[i - 1] == GbtCanIds.Cem && charger[i] == GbtCanIds.Crm);
            Assert.AreEqual(MaxReconnects, restarts, "CEM → CRM(00h) on the wire");
            Assert.AreEqual(GbtCanIds.Cem, charger[^1], "the last word is a CEM");
            run.MarkAtMs("gbt_ended", run.InjectedAtMs);
            Assert.AreEqual("reconnects_exhausted", r.VehicleEndReason);
            Assert.AreEqual("unplugged", r.Gbt.Stage);
        }

        [TestMethod]
        public void ASilentBmsLeavesTheOutputBelow5AFrom1SAnd100MsAfterItsLastBclAndTheChargerSafe()
        {
            GbtRun run = Silent.Value;
            long timedOut = GbtRun.FailureTimeMs(run.Result.SessionFailures[0]);
            long lastBcl = run.LastFrameBeforeMs(GbtCanIds.Bcl, timedOut);

            // No pre-charge again: the BMS never answers a CRM, so the output stays off to the end.
            Assert.IsFalse(run.Result.StateMarks.Any(m => m.State == "precharge" && m.TimeS * 1000 > timedOut), run.DescribeStates());
            AssertOutputOffFrom(run, lastBcl + BclTimeoutMs + CurrentOffMs, long.MaxValue);
            Assert.IsTrue(run.Result.EndedSafe);
            Assert.IsEmpty(run.Result.LimitViolations.Where(v => v.TimeS * 1000 < run.InjectedAtMs), "limits before the injection");
        }

        private static int IndexOf(GbtRun run, uint id)
        {
            for (int i = 0; i < run.Frames.Count; i++)
            {
                if (run.Frames[i].Id == id)
                {
                    return i;
                }
            }

            Assert.Fail($"no {GbtCanIds.Names[id]} on the wire");
            return -1;
        }

        /// <summary>
        /// Every sample of the series (one per 20 ms tick, taken after the tick) from <paramref name="fromMs"/>
        /// until <paramref name="untilMs"/> shows at most 5 A, and there is at least one. The bound is the BMS's last
        /// BCL + the 1 s timeout (the session sees it at the next 2 ms poll and hands the stop to the controller)
        /// + the 100 ms GB/T allows for the current to fall below 5 A; a tick-end sample at or after it is late
        /// enough that any current above 5 A there means the output was not stopped in time.
        /// </summary>
        private static void AssertOutputOffFrom(GbtRun run, long fromMs, long untilMs)
        {
            Sample[] after = run.Result.Samples.Where(s => s.TimeS * 1000 >= fromMs - 0.5 && s.TimeS * 1000 < untilMs).ToArray();
            Assert.IsNotEmpty(after, $"no sample from {fromMs} ms");
            Assert.IsLessThanOrEqualTo(fromMs + run.TickPeriodMs, (long)Math.Round(after[0].TimeS * 1000), "a sample every tick");
            foreach (Sample s in after)
            {
                Assert.IsLessThanOrEqualTo(OffCurrentA, Math.Abs(s.CurrentA), $"{s.CurrentA:0.0} A at {s.TimeS:0.000} s (state {s.State}); output off due by {fromMs} ms");
            }

            // And it was flowing before the BMS stopped: the check is not vacuous.
            Sample before = run.Result.Samples.Last(s => s.TimeS * 1000 < fromMs - BclTimeoutMs - CurrentOffMs);
            Assert.IsGreaterThan(20.0, Math.Abs(before.CurrentA), $"charging at {before.TimeS:0.000} s");
        }
    }
}
