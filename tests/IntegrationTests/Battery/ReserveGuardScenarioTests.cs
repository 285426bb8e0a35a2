using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;
using V2G.Sim;
using V2G.Sim.Output;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.Battery
{
    /// <summary>
    /// The reserve-guard scenario: −20 kW asked of a 24 kWh pack at 40 % with the owner's reserve at 35 %:
    /// the discharge stops at the reserve and the guard clips the rest of the dispatch (soc_reserve).
    /// </summary>
    [TestClass]
    public sealed class ReserveGuardScenarioTests
    {
        private static ScenarioRun Run => BuiltInRuns.Of("reserve-guard");

        private static RunResult Result => Run.Result;

        private static long Clips(string reason) => Result.ClipCounts.Single(p => p.Key == reason).Value;

        [TestMethod]
        public void TheSocNeverFallsBelowTheReserve()
        {
            Assert.AreEqual(35.0, Result.SocReservePercent);
            Assert.IsGreaterThanOrEqualTo(34.9, Result.SocMinPercent);
        }

        [TestMethod]
        public void TheDischargeRunsDownToTheReserve()
        {
            // Reaching the reserve is what the dispatch asked; the guard stops it there, not much before.
            Assert.IsLessThanOrEqualTo(35.5, Result.SocMinPercent);
        }

        [TestMethod]
        public void TheEnergyDischargedIsTheWindowAboveTheReserve()
        {
            // 40 % − 35 % of 24 kWh = 1.2 kWh of charge; the connector sees it less the pack's own losses.
            Assert.IsGreaterThan(1100.0, Result.EnergyDischargedWh);
            Assert.IsLessThan(1250.0, Result.EnergyDischargedWh);
        }

        [TestMethod]
        public void TheGuardClipsTheRestOfTheDispatchForTheReserve()
        {
            Assert.IsGreaterThan(0L, Clips("soc_reserve"));
            Assert.IsGreaterThan(0.0, Result.ClippedEnergyWh.Single(p => p.Key == "soc_reserve").Value);
        }

        [TestMethod]
        public void NoOtherReasonClipsTheDischarge()
        {
            foreach (var pair in Result.ClipCounts.Where(p => p.Key != "soc_reserve"))
            {
                Assert.AreEqual(0L, pair.Value, pair.Key);
            }
        }

        [TestMethod]
        public void TheRunEndsWithoutAFaultAndWithinEveryLimit()
        {
            Assert.AreEqual("ok", Result.Result);
            Assert.IsEmpty(Result.LimitViolations, Run.DescribeViolations());
            Assert.IsTrue(Program.EndedAsExpected(Run.Scenario, Result));
        }

        [TestMethod]
        public void TheWearIsCountedAndPricedFromThePacksReplacementCost()
        {
            // 5 % of the pack out: a twentieth of a cycle, give or take the rainflow's dead band.
            Assert.IsGreaterThan(0.02, Result.EquivalentFullCycles);
            Assert.IsLessThan(0.03, Result.EquivalentFullCycles);
            Assert.IsGreaterThan(0.0, Result.CapacityLossPercent);
            Assert.IsGreaterThan(0.0, Result.DegradationCost);
            Assert.AreEqual("nmc_kokam_75ah", Result.AgeingModel);
        }

        [TestMethod]
        public void TheSummaryJsonCarriesTheBatteryGuardsFigures()
        {
            using var stream = new MemoryStream();
            SummaryWriter.Write(Result, stream);
            using JsonDocument doc = JsonDocument.Parse(stream.ToArray());
            JsonElement root = doc.RootElement;
            Assert.AreEqual(35.0, root.GetProperty("soc_reserve_pct").GetDouble());
            Assert.IsGreaterThanOrEqualTo(34.9, root.GetProperty("soc_min_pct").GetDouble());
            Assert.AreEqual(JsonValueKind.Null, root.GetProperty("departure_target_met").ValueKind, "no departure in this scenario");
            JsonElement clips = root.GetProperty("clip_counts");
            Assert.AreEqual(Clips("soc_reserve"), clips.GetProperty("soc_reserve").GetInt64());
            string[] reasons = clips.EnumerateObject().Select(p => p.Name).ToArray();
            Assert.AreSequenceEqual(new[] { "soc_reserve", "soc_max", "departure_energy", "temperature", "dod_limit", "c_rate", "reversal_cap", "degradation_cost" }, reasons);
            Assert.IsGreaterThan(0.0, root.GetProperty("degradation_cost").GetDouble());
            Assert.IsGreaterThan(0.0, root.GetProperty("capacity_loss_pct").GetDouble());
            Assert.IsGreaterThan(0.0, root.GetProperty("efc").GetDouble());
        }

        [TestMethod]
        public void ThePrintedSummaryNamesTheReserveAndTheClips()
        {
            string line = Program.DescribeBattery(Result);
            StringAssert.Contains(line, "reserve 35 %");
            StringAssert.Contains(line, "soc_reserve");
            StringAssert.Contains(line, "degradation cost");
        }
    }
}
