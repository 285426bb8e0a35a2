using System.IO;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.Grid
{
    /// <summary><c>v2g-sim --scenario freq-step --summary FILE</c> as a user runs it, and an unknown droop preset.</summary>
    [TestClass]
    public sealed class GridCommandLineTests
    {
        private static TempFolder _folder;

        [ClassInitialize]
        public static void MakeAFolder(TestContext context)
        {
            _folder = new TempFolder();
        }

        [ClassCleanup]
        public static void RemoveTheFolder()
        {
            _folder?.Dispose();
        }

        [TestMethod]
        public void FreqStepExitsWith0AndItsSummaryReportsTheFastPresetAndAT90Within100Ms()
        {
            string summaryPath = _folder.File("freq-step.json");

            SimProcessResult p = SimProgram.Run(_folder.Path, "--scenario", "freq-step", "--quiet", "--summary", summaryPath);

            Assert.AreEqual(0, p.ExitCode, p.ToString());
            using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(summaryPath));
            JsonElement root = summary.RootElement;
            Assert.AreEqual("fast", root.GetProperty("droop_preset").GetString());
            JsonElement events = root.GetProperty("events");
            Assert.AreEqual(2, events.GetArrayLength(), root.ToString());
            double t90 = events[0].GetProperty("droop_t90_ms").GetDouble();
            System.Console.WriteLine($"CLI freq-step: events[0].droop_t90_ms {t90}");
            Assert.IsGreaterThan(0.0, t90, root.ToString());
            Assert.IsLessThanOrEqualTo(100.0, t90, root.ToString());
        }

        [TestMethod]
        public void AnUnknownDroopPresetExitsWith2()
        {
            SimProcessResult p = SimProgram.Run(_folder.Path, "--scenario", "freq-step", "--quiet", "--droop-preset", "nonsense");

            Assert.AreEqual(2, p.ExitCode, p.ToString());
            StringAssert.Contains(p.StandardError, "nonsense", p.ToString());
        }
    }
}
