using System.IO;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.CommandLine
{
    /// <summary>A scenario written as a JSON file and run with <c>--scenario FILE</c>: a 10 kW discharge that the charger stops.</summary>
    [TestClass]
    public sealed class ScenarioFileRunTests
    {
        private const string Scenario =
            """
            {
              "name": "discharge-10kW",
              "description": "discharge at -10 kW from 1 s, the charger stops at 120 s",
              "end_s": 200,
              "events": [
                { "t_s": 0, "action": "dispatch", "power_W": -10000 },
                { "t_s": 1, "action": "plug" },
                { "t_s": 120, "action": "stop" }
              ]
            }
            """;

        private static TempFolder _folder;
        private static SimProcessResult _process;

        private static string SummaryPath => _folder.File("summary.json");

        [ClassInitialize]
        public static void RunTheFile(TestContext context)
        {
            _folder = new TempFolder();
            string path = _folder.File("discharge.json");
            File.WriteAllText(path, Scenario);
            _process = SimProgram.Run(_folder.Path, "--scenario", path, "--quiet", "--summary", SummaryPath);
        }

        [ClassCleanup]
        public static void RemoveTheFiles()
        {
            _folder?.Dispose();
        }

        [TestMethod]
        public void TheRunExitsWith0()
        {
            Assert.AreEqual(0, _process.ExitCode, _process.ToString());
        }

        [TestMethod]
        public void TheRunEndsWithoutAFault()
        {
            using JsonDocument summary = ReadSummary();
            Assert.AreEqual("ok", summary.RootElement.GetProperty("result").GetString());
        }

        [TestMethod]
        public void EnergyIsDischargedFromTheVehicle()
        {
            using JsonDocument summary = ReadSummary();
            Assert.IsGreaterThan(0.0, summary.RootElement.GetProperty("energy_discharged_Wh").GetDouble());
        }

        private static JsonDocument ReadSummary()
        {
            Assert.IsTrue(File.Exists(SummaryPath), $"no summary written; {_process}");
            return JsonDocument.Parse(File.ReadAllText(SummaryPath));
        }
    }
}
