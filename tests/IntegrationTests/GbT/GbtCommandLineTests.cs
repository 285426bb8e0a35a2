using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.GbT
{
    /// <summary><c>v2g-sim --protocol gbt27930</c> as a user runs it: the exit code, the summary's "gbt" object, the refusals.</summary>
    [TestClass]
    public sealed class GbtCommandLineTests
    {
        private const int UsageOrScenarioError = 2;

        private static TempFolder _folder;
        private static SimProcessResult _charge;

        private static string SummaryPath => _folder.File("summary.json");

        [ClassInitialize]
        public static void RunTheSimulator(TestContext context)
        {
            _folder = new TempFolder();
            _charge = SimProgram.Run(_folder.Path, "--protocol", "gbt27930", "--scenario", "charge", "--quiet", "--summary", SummaryPath);
        }

        [ClassCleanup]
        public static void RemoveTheFiles()
        {
            _folder?.Dispose();
        }

        [TestMethod]
        public void AGbtChargeExitsWith0AndSaysWhichProtocolItRan()
        {
            Assert.AreEqual(0, _charge.ExitCode, _charge.ToString());
            Assert.Contains("GB/T 27930-2015 on a virtual CAN bus", _charge.StandardOutput);
            Assert.Contains("GB/T 27930        gbt2015, stage unplugged", _charge.StandardOutput);
        }

        [TestMethod]
        public void TheSummaryHasTheGbtObject()
        {
            using JsonDocument summary = ReadSummary();
            JsonElement root = summary.RootElement;
            Assert.AreEqual("gbt27930", root.GetProperty("protocol").GetString());
            Assert.AreEqual("ok", root.GetProperty("result").GetString());

            JsonElement gbt = root.GetProperty("gbt");
            Assert.AreEqual("gbt2015", gbt.GetProperty("profile").GetString());
            Assert.AreEqual("unplugged", gbt.GetProperty("stage").GetString());
            Assert.AreEqual("off", gbt.GetProperty("bms_state").GetString(), "the BMS switched off with the auxiliary supply at the unplug");
            Assert.IsFalse(gbt.GetProperty("discharge_agreed").GetBoolean());
            Assert.AreEqual(0, gbt.GetProperty("reconnects").GetInt32());
            Assert.IsGreaterThan(10000L, gbt.GetProperty("frames_carried").GetInt64());
            Assert.AreEqual(0L, gbt.GetProperty("frames_dropped").GetInt64());
            Assert.AreEqual("done", root.GetProperty("vehicle_end_reason").GetString());
            Assert.AreEqual(0, root.GetProperty("session_failures").GetArrayLength());
        }

        [TestMethod]
        public void TheSummarysStatesInterleaveTheGbtStagesWithTheControllers()
        {
            using JsonDocument summary = ReadSummary();
            string[] states = summary.RootElement.GetProperty("states").EnumerateArray().Select(e => e.GetString()).ToArray();

            string[] milestones = { "idle", "gbt_handshake", "gbt_recognition", "gbt_parameters", "gbt_pre_charge", "precharge", "gbt_charging", "energy_transfer", "gbt_statistics", "session_end", "gbt_unplugged", "idle" };
            int at = 0;
            foreach (string milestone in milestones)
            {
                int found = System.Array.IndexOf(states, milestone, at);
                Assert.IsGreaterThanOrEqualTo(0, found, $"'{milestone}' after #{at}: {string.Join(" > ", states)}");
                at = found + 1;
            }
        }

        [TestMethod]
        public void TlsWithGbtIsRefusedWithExitCode2()
        {
            SimProcessResult p = SimProgram.Run(_folder.Path, "--protocol", "gbt27930", "--tls", "--quiet");

            Assert.AreEqual(UsageOrScenarioError, p.ExitCode, p.ToString());
            Assert.Contains("--tls needs ISO 15118-20", p.StandardError);
        }

        [TestMethod]
        public void AnUnknownGbtProfileIsRefusedWithExitCode2()
        {
            SimProcessResult p = SimProgram.Run(_folder.Path, "--protocol", "gbt27930", "--gbt-profile", "2019", "--quiet");

            Assert.AreEqual(UsageOrScenarioError, p.ExitCode, p.ToString());
            Assert.Contains("--gbt-profile must be 2015 or 2023a", p.StandardError);
        }

        private static JsonDocument ReadSummary()
        {
            Assert.IsTrue(File.Exists(SummaryPath), $"no summary written; {_charge}");
            return JsonDocument.Parse(File.ReadAllText(SummaryPath));
        }
    }
}
