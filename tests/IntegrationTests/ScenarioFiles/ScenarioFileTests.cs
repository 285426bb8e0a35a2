using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Sim.Scenarios;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.ScenarioFiles
{
    /// <summary>
    /// Reading scenario files: a malformed file is refused with the key or place named, so that a
    /// typo cannot silently run something else.
    /// </summary>
    [TestClass]
    public sealed class ScenarioFileTests
    {
        private const string Source = "bench/bad.json";

        [TestMethod]
        public void AWellFormedFileIsReadWithItsEventsInTimeOrder()
        {
            Scenario s = ScenarioFile.Parse(
                """
                {
                  "name": "discharge", "end_s": 200, "initial_soc_percent": 60,
                  "settings": { "MaxDischargeCurrentA": 50 },
                  "events": [
                    { "t_s": 120, "action": "stop" },
                    { "t_s": 0, "action": "dispatch", "power_W": -10000 },
                    { "t_s": 1, "action": "plug" }
                  ]
                }
                """,
                Source);

            Assert.AreEqual("discharge", s.Name);
            Assert.AreEqual(200.0, s.EndSeconds);
            Assert.AreEqual(60.0, s.InitialSocPercent);
            Assert.AreEqual(50.0, s.Settings["MaxDischargeCurrentA"]);
            Assert.AreSequenceEqual(new[] { "dispatch", "plug", "stop" }, s.Events.ConvertAll(e => e.Action));
            Assert.AreEqual(-10000.0, s.Events[0].PowerW);
        }

        [TestMethod]
        public void TextThatIsNotJsonIsRefusedNamingTheFile()
        {
            ScenarioException e = Refused("{ \"name\": ");
            Assert.Contains(Source, e.Message);
            Assert.Contains("not valid JSON", e.Message);
        }

        [TestMethod]
        public void ATopLevelThatIsNotAnObjectIsRefused()
        {
            ScenarioException e = Refused("[ { \"t_s\": 1, \"action\": \"plug\" } ]");
            Assert.Contains(Source, e.Message);
            Assert.Contains("top level must be an object", e.Message);
        }

        [TestMethod]
        public void AnUnknownKeyIsRefusedByName()
        {
            ScenarioException e = Refused("{ \"end_s\": 100, \"initial_soc\": 50 }");
            Assert.Contains("'initial_soc'", e.Message);
        }

        [TestMethod]
        public void AnUnknownEventKeyIsRefusedWithTheEventAndTheKey()
        {
            ScenarioException e = Refused("{ \"events\": [ { \"t_s\": 0, \"action\": \"dispatch\", \"powerW\": 1000 } ] }");
            Assert.Contains("'events'[0]", e.Message);
            Assert.Contains("'powerW'", e.Message);
        }

        [TestMethod]
        public void AnUnknownActionIsRefusedWithTheEventAndTheAction()
        {
            ScenarioException e = Refused("{ \"events\": [ { \"t_s\": 1, \"action\": \"plug\" }, { \"t_s\": 2, \"action\": \"unplgu\" } ] }");
            Assert.Contains("'events'[1]", e.Message);
            Assert.Contains("'unplgu'", e.Message);
        }

        [TestMethod]
        public void ADispatchWithoutPowerIsRefusedWithTheEventAndTheMissingKey()
        {
            ScenarioException e = Refused("{ \"events\": [ { \"t_s\": 0, \"action\": \"dispatch\" } ] }");
            Assert.Contains("'events'[0]", e.Message);
            Assert.Contains("'power_W'", e.Message);
        }

        [TestMethod]
        public void AnInjectWithoutFaultIsRefusedWithTheEventAndTheMissingKey()
        {
            ScenarioException e = Refused("{ \"events\": [ { \"t_s\": 60, \"action\": \"inject\" } ] }");
            Assert.Contains("'events'[0]", e.Message);
            Assert.Contains("'fault'", e.Message);
        }

        [TestMethod]
        public void ANumberOutOfRangeIsRefusedWithTheKeyAndTheRange()
        {
            ScenarioException e = Refused("{ \"initial_soc_percent\": 140 }");
            Assert.Contains("'initial_soc_percent'", e.Message);
            Assert.Contains("outside 0..100", e.Message);
        }

        [TestMethod]
        public void AValueOfTheWrongTypeIsRefusedWithTheKeyAndTheTypeWanted()
        {
            ScenarioException e = Refused("{ \"end_s\": \"200\" }");
            Assert.Contains("'end_s'", e.Message);
            Assert.Contains("must be a number", e.Message);
        }

        [TestMethod]
        public void AnUnknownChargerSettingIsRefusedByNameWhenTheRunIsSetUp()
        {
            // Setting names are those of ChargerSettings' fields, known only where they are applied.
            Scenario s = ScenarioFile.Parse("{ \"settings\": { \"MaxChargeCurrentAmps\": 50 } }", Source);

            ScenarioException e = Assert.ThrowsExactly<ScenarioException>(() => new ScenarioRunner(s));
            Assert.Contains("'MaxChargeCurrentAmps'", e.Message);
        }

        [TestMethod]
        public void AnInjectionOfAnUnknownFaultIsRefusedByNameWhenTheRunIsSetUp()
        {
            // Before the run, not when the injection comes due (maybe hours into a paced run).
            Scenario s = ScenarioFile.Parse("{ \"events\": [ { \"t_s\": 3000, \"action\": \"inject\", \"fault\": \"welded\" } ] }", Source);

            ScenarioException e = Assert.ThrowsExactly<ScenarioException>(() => new ScenarioRunner(s));
            Assert.Contains("'welded'", e.Message);
        }

        private static ScenarioException Refused(string json) =>
            Assert.ThrowsExactly<ScenarioException>(() => ScenarioFile.Parse(json, Source));
    }
}
