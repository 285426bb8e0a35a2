using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Firmware.Battery;
using V2G.Sim.Scenarios;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.Battery
{
    /// <summary>The scenario file's battery keys: read, range-checked, and given to the battery guard's settings.</summary>
    [TestClass]
    public sealed class ScenarioBatteryKeysTests
    {
        private const string Source = "bench/guard.json";

        private static Scenario Parse(string json) => ScenarioFile.Parse(json, Source);

        [TestMethod]
        public void TheBatteryKeysAreRead()
        {
            Scenario s = Parse("""
                { "departure_s": 5400, "reserve_soc_percent": 40, "max_soc_percent": 90,
                  "battery_replacement_cost": 35193.6, "ageing_model": "lfp_250ah_prismatic", "events": [] }
                """);
            Assert.AreEqual(5400.0, s.DepartureS);
            Assert.AreEqual(40.0, s.ReserveSocPercent);
            Assert.AreEqual(90.0, s.MaxSocPercent);
            Assert.AreEqual(35193.6, s.BatteryReplacementCost);
            Assert.AreEqual("lfp_250ah_prismatic", s.AgeingModel);
        }

        [TestMethod]
        public void WithoutTheKeysTheChargersDefaultsAndNoDepartureHold()
        {
            Scenario s = Parse("{ \"events\": [] }");
            Assert.IsTrue(double.IsNaN(s.DepartureS));
            BatteryGuardSettings guard = new ScenarioRunner(s).Charger.Settings.BatteryGuard;
            Assert.AreEqual(30.0, guard.ReserveSocPercent);
            Assert.AreEqual(100.0, guard.MaxSocPercent);
            Assert.AreEqual(0.0, guard.Degradation.ReplacementCost);
        }

        [TestMethod]
        public void TheKeysReachTheBatteryGuardsSettings()
        {
            Scenario s = Parse("""
                { "reserve_soc_percent": 40, "max_soc_percent": 90, "battery_replacement_cost": 35193.6, "ageing_model": "nmc_sanyo_2ah", "events": [] }
                """);
            BatteryGuardSettings guard = new ScenarioRunner(s).Charger.Settings.BatteryGuard;
            Assert.AreEqual(40.0, guard.ReserveSocPercent);
            Assert.AreEqual(90.0, guard.MaxSocPercent);
            Assert.AreEqual(35193.6, guard.Degradation.ReplacementCost);
            Assert.AreEqual(AgeingModelKind.NmcSanyo2Ah, guard.Degradation.Model);
        }

        [TestMethod]
        public void AnUnknownAgeingModelIsRefusedWithTheKnownNames()
        {
            ScenarioException e = Assert.ThrowsExactly<ScenarioException>(() => Parse("{ \"ageing_model\": \"lto\" }"));
            Assert.Contains("'ageing_model'", e.Message);
            Assert.Contains("nmc_kokam_75ah", e.Message);
        }

        [TestMethod]
        public void AReserveOutside0To100IsRefused()
        {
            ScenarioException e = Assert.ThrowsExactly<ScenarioException>(() => Parse("{ \"reserve_soc_percent\": 120 }"));
            Assert.Contains("'reserve_soc_percent'", e.Message);
        }

        [TestMethod]
        public void AReserveAtOrAboveTheMaximumIsRefusedBeforeTheRun()
        {
            Scenario s = Parse("{ \"reserve_soc_percent\": 80, \"max_soc_percent\": 80, \"events\": [] }");
            ScenarioException e = Assert.ThrowsExactly<ScenarioException>(() => new ScenarioRunner(s));
            Assert.Contains("reserve", e.Message);
        }
    }
}
