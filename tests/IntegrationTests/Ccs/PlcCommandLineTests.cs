using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.Ccs
{
    /// <summary><c>v2g-sim --plc-attenuation-db 50 --quiet --summary FILE</c> as a user runs it.</summary>
    [TestClass]
    public sealed class PlcCommandLineTests
    {
        [TestMethod]
        public void WithThePlcAttenuationAt50DbTheSummaryReportsThreeMatchingAttempts()
        {
            using var folder = new TempFolder();
            string summaryPath = folder.File("summary.json");

            SimProcessResult process = SimProgram.Run(folder.Path, "--scenario", "charge", "--plc-attenuation-db", "50", "--quiet", "--summary", summaryPath);

            // No fault and the output safe: the run "ended as its scenario expects" by the documented exit
            // code contract, although no session took place (SLAC never matched).
            Assert.AreEqual(0, process.ExitCode, process.ToString());
            using JsonDocument summary = JsonDocument.Parse(System.IO.File.ReadAllText(summaryPath));
            JsonElement ccs = summary.RootElement.GetProperty("ccs");
            Assert.AreEqual(3, ccs.GetProperty("matching_attempts").GetInt32(), process.ToString());
            Assert.AreEqual(-1.0, ccs.GetProperty("matched_attenuation_dB").GetDouble());
            Assert.AreEqual("slac_failed", summary.RootElement.GetProperty("vehicle_end_reason").GetString());
        }
    }
}
