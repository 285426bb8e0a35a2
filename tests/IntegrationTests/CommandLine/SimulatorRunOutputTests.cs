using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;
using V2G.Sim.Output;

namespace V2G.IntegrationTests.CommandLine
{
    /// <summary>
    /// <c>v2g-sim --scenario estop --quiet --summary --csv --plot</c> as a user runs it: what the
    /// process returns and the three files it writes.
    /// </summary>
    [TestClass]
    public sealed class SimulatorRunOutputTests
    {
        private static readonly byte[] PngSignature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

        private static TempFolder _folder;
        private static SimProcessResult _process;
        private static string SummaryPath => _folder.File("summary.json");
        private static string CsvPath => _folder.File("series.csv");
        private static string PlotPath => _folder.File("plot.png");

        [ClassInitialize]
        public static void RunTheSimulator(TestContext context)
        {
            _folder = new TempFolder();
            _process = SimProgram.Run(_folder.Path, "--scenario", "estop", "--quiet", "--summary", SummaryPath, "--csv", CsvPath, "--plot", PlotPath);
        }

        [ClassCleanup]
        public static void RemoveTheFiles()
        {
            _folder?.Dispose();
        }

        [TestMethod]
        public void TheRunExitsWith0BecauseTheExpectedFaultEndedSafe()
        {
            Assert.AreEqual(0, _process.ExitCode, _process.ToString());
        }

        [TestMethod]
        public void TheSummaryReportsTheResultFault()
        {
            using JsonDocument summary = ReadSummary();
            Assert.AreEqual("fault", summary.RootElement.GetProperty("result").GetString());
        }

        [TestMethod]
        public void TheSummaryListsTheStatesVisitedFromIdle()
        {
            using JsonDocument summary = ReadSummary();
            JsonElement states = summary.RootElement.GetProperty("states");
            Assert.AreEqual(JsonValueKind.Array, states.ValueKind);
            Assert.AreEqual("idle", states.EnumerateArray().First().GetString());
        }

        [TestMethod]
        public void TheSummaryReportsTheEnergyBothWays()
        {
            using JsonDocument summary = ReadSummary();
            AssertNumber(summary.RootElement, "energy_charged_Wh");
            AssertNumber(summary.RootElement, "energy_discharged_Wh");
        }

        [TestMethod]
        public void TheSummaryGivesEveryFaultItsCodeTimeAndSafeStateTime()
        {
            using JsonDocument summary = ReadSummary();
            JsonElement faults = summary.RootElement.GetProperty("faults");
            Assert.AreEqual(JsonValueKind.Array, faults.ValueKind);
            Assert.IsGreaterThan(0, faults.GetArrayLength(), "no faults in the summary of a fault run");
            foreach (JsonElement fault in faults.EnumerateArray())
            {
                AssertNumber(fault, "code");
                AssertNumber(fault, "t_ms");
                AssertNumber(fault, "safe_state_ms");
            }
        }

        [TestMethod]
        public void TheSummaryReportsTheSimulatedTimeAndTicks()
        {
            using JsonDocument summary = ReadSummary();
            AssertNumber(summary.RootElement, "sim_seconds");
            AssertNumber(summary.RootElement, "ticks");
        }

        [TestMethod]
        public void TheCsvStartsWithTheHeader()
        {
            Assert.AreEqual(CsvWriter.Header, File.ReadLines(CsvPath).First());
        }

        [TestMethod]
        public void TheCsvHasOneRowPerSimulatedSecond()
        {
            double simSeconds;
            using (JsonDocument summary = ReadSummary())
            {
                simSeconds = summary.RootElement.GetProperty("sim_seconds").GetDouble();
            }

            int rows = File.ReadLines(CsvPath).Skip(1).Count(line => line.Length > 0);
            Assert.IsInRange(simSeconds - 2, simSeconds + 2, rows);
        }

        [TestMethod]
        public void ThePlotIsWrittenAsAPng()
        {
            byte[] start = new byte[PngSignature.Length];
            using (FileStream png = File.OpenRead(PlotPath))
            {
                png.ReadExactly(start);
            }

            Assert.AreSequenceEqual(PngSignature, start);
        }

        [TestMethod]
        public void ThePlotIsMoreThan10KB()
        {
            // An empty or failed drawing is a few kB at most; four panels of lines are far more.
            Assert.IsGreaterThan(10 * 1024L, new FileInfo(PlotPath).Length);
        }

        private static JsonDocument ReadSummary()
        {
            Assert.IsTrue(File.Exists(SummaryPath), $"no summary written; {_process}");
            return JsonDocument.Parse(File.ReadAllText(SummaryPath));
        }

        private static void AssertNumber(JsonElement e, string key)
        {
            Assert.IsTrue(e.TryGetProperty(key, out JsonElement value), $"no '{key}' in {e}");
            Assert.AreEqual(JsonValueKind.Number, value.ValueKind, $"'{key}' is not a number");
        }
    }
}
