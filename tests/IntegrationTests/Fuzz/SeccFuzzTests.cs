using System;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace V2G.IntegrationTests.Fuzz
{
    /// <summary>
    /// 100,000 seeded inputs made from the ISO 15118-20 vectors and from live sessions' own messages (mutated,
    /// truncated, oversized, out of order, repeated, fragmented) sent through V2GTP into the charger's SECC
    /// session, with the controller on the plant models, about 1 % of sessions over the real V2G TCP server
    /// (docs/fuzzing.md). The seed is fixed so CI is deterministic in what it tries; every failure message
    /// names it, and the tool prints the case number and the input of each failure.
    /// </summary>
    [TestClass]
    public class SeccFuzzTests
    {
        /// <summary>The CI seed: change it only with the numbers in docs/fuzzing.md.</summary>
        public const int Seed = 15118;

        public const int Cases = 100000;

        private static readonly Lazy<FuzzRun> Ci = new(() => FuzzProgram.Run(
            "--cases", Cases.ToString(), "--seed", Seed.ToString(), "--tcp-share", "1", "--fresh-every", "1000", "--progress-every", "1000000"));

        private static string Failures(FuzzRun r)
        {
            return $"seed {Seed}: " + string.Join("\n", r.Report.GetProperty("failures").EnumerateArray().Select(f => f.ToString())) + "\n" + r.Output;
        }

        private static string[] FailuresOfKind(FuzzRun r, params string[] kinds)
        {
            return r.Report.GetProperty("failures").EnumerateArray()
                .Where(f => kinds.Contains(f.GetProperty("kind").GetString()))
                .Select(f => f.ToString()).ToArray();
        }

        [TestMethod]
        public void AllHundredThousandCasesRunAndEveryOracleHolds()
        {
            FuzzRun r = Ci.Value;

            Assert.AreEqual(0, r.ExitCode, Failures(r));
            Assert.AreEqual((long)Cases, r.Number("cases"), Failures(r));
            Assert.IsFalse(r.Report.GetProperty("hung").GetBoolean(), Failures(r));
        }

        [TestMethod]
        public void NoInputMakesTheSeccOrTheControllerThrowOrHang()
        {
            FuzzRun r = Ci.Value;

            string[] found = FailuresOfKind(r, "exception", "hang", "fuzzer_error");
            Assert.IsEmpty(found, $"seed {Seed}: " + string.Join("\n", found));
        }

        [TestMethod]
        public void EveryBrokenSessionLeavesTheOutputSafeWithinTheControllersDeadline()
        {
            FuzzRun r = Ci.Value;

            string[] found = FailuresOfKind(r, "unsafe_state", "not_idle");
            Assert.IsEmpty(found, $"seed {Seed}: " + string.Join("\n", found));
            Assert.IsGreaterThan(90000L, r.Number("safeStateChecks"), "almost every case breaks its session, and each break is checked");
            Assert.IsLessThanOrEqualTo(r.Number("safeStateDeadlineMs"), r.Number("longestTimeToSafeMs"));
            Assert.IsGreaterThan(1000L, r.Number("casesWithPowerFlowing"), $"seed {Seed}: the safe-state path must be exercised with energy flowing");
            Assert.IsGreaterThanOrEqualTo(30.0, r.Report.GetProperty("largestCurrentWhenFuzzedA").GetDouble(), "charge-loop sessions are fuzzed at full power");
        }

        [TestMethod]
        public void EveryFailureTheSeccLogsNamesItsLayer()
        {
            FuzzRun r = Ci.Value;

            string[] found = FailuresOfKind(r, "failure_without_layer");
            Assert.IsEmpty(found, $"seed {Seed}: " + string.Join("\n", found));
            Assert.IsFalse(r.Report.GetProperty("failureNames").EnumerateObject().Any(p => p.Name.StartsWith("none:")), Failures(r));
        }

        [TestMethod]
        public void TheChargerStillCompletesAFreshValidSessionEveryThousandCases()
        {
            FuzzRun r = Ci.Value;

            string[] found = FailuresOfKind(r, "fresh_session_failed");
            Assert.IsEmpty(found, $"seed {Seed}: " + string.Join("\n", found));
            Assert.IsGreaterThanOrEqualTo((long)(Cases / 1000), r.Number("freshSessions"));
        }

        [TestMethod]
        public void TheInputsReachEveryLayerOfTheSecc()
        {
            FuzzRun r = Ci.Value;

            foreach (string outcome in new[] { "answered_failed", "closed_on_v2gtp_error", "closed_on_exi_error", "closed_by_session_layer", "ignored_or_ok" })
            {
                Assert.IsGreaterThan(0L, r.Outcome(outcome), $"seed {Seed}: no case ended {outcome}");
            }
        }

        [TestMethod]
        public void SomeSessionsGoThroughTheRealV2gTcpServer()
        {
            FuzzRun r = Ci.Value;

            Assert.IsGreaterThan(0L, r.Number("tcpCases"), $"seed {Seed}");
            Assert.AreEqual(0L, r.Number("tcpStalls"), $"seed {Seed}: every byte sent over TCP arrived");
        }
    }
}
