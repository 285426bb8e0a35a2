using System.IO;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.Uplink
{
    /// <summary>
    /// The simulator's uplink options as a user meets them (the program as a process): wrong lines refused
    /// with exit 2 and the reason before anything runs, and what the summary's "uplink" object says about
    /// the in-process broker and about a network outage.
    /// </summary>
    [TestClass]
    public sealed class SimulatorUplinkCommandLineTests
    {
        private TempFolder _folder;

        [TestInitialize]
        public void CreateFolder() => _folder = new TempFolder();

        [TestCleanup]
        public void DeleteFolder() => _folder.Dispose();

        [TestMethod]
        [DataRow("localhost")]
        [DataRow("127.0.0.1:")]
        [DataRow(":1883")]
        [DataRow("127.0.0.1:0")]
        [DataRow("127.0.0.1:65536")]
        [DataRow("127.0.0.1:mqtt")]
        public void ABrokerAddressWithoutAValidPortIsRefused(string broker)
        {
            SimProcessResult p = SimProgram.Run(_folder.Path, "--broker", broker, "--quiet");

            Assert.AreEqual(2, p.ExitCode, p.ToString());
            StringAssert.Contains(p.StandardError, $"--broker needs HOST:PORT, e.g. 127.0.0.1:1883, not '{broker}'", p.ToString());
            StringAssert.Contains(p.StandardError, "try --help");
            Assert.AreEqual("", p.StandardOutput, "refused before anything runs");
        }

        [TestMethod]
        public void ABrokerOptionWithoutItsValueIsRefused()
        {
            SimProcessResult p = SimProgram.Run(_folder.Path, "--broker", "--quiet");

            Assert.AreEqual(2, p.ExitCode, p.ToString());
            StringAssert.Contains(p.StandardError, "--broker needs a value", p.ToString());
        }

        [TestMethod]
        [DataRow("--mqtt-user", "charger")]
        [DataRow("--mqtt-password", "secret")]
        public void AUserNameAndAPasswordGoTogether(string option, string value)
        {
            SimProcessResult p = SimProgram.Run(_folder.Path, "--broker", "127.0.0.1:1883", option, value, "--quiet");

            Assert.AreEqual(2, p.ExitCode, p.ToString());
            StringAssert.Contains(p.StandardError, "v2g-sim: --mqtt-user and --mqtt-password go together", p.ToString());
        }

        [TestMethod]
        [DataRow("--no-uplink", "--broker", "127.0.0.1:1883")]
        [DataRow("--broker", "127.0.0.1:1883", "--no-uplink")]
        public void NoUplinkAndABrokerExcludeEachOther(string first, string second, string third)
        {
            SimProcessResult p = SimProgram.Run(_folder.Path, first, second, third, "--quiet");

            Assert.AreEqual(2, p.ExitCode, p.ToString());
            StringAssert.Contains(p.StandardError, "v2g-sim: --no-uplink and --broker exclude each other", p.ToString());
        }

        [TestMethod]
        public void AChargerIdThatCannotBeATopicLevelIsRefused()
        {
            SimProcessResult p = SimProgram.Run(_folder.Path, "--scenario", ShortScenario(), "--charger-id", "bay/1", "--quiet");

            Assert.AreEqual(2, p.ExitCode, p.ToString());
            // The reason as the user should read it, without .NET's "(Parameter 'chargerId')" appended.
            Assert.AreEqual("v2g-sim: --charger-id 'bay/1': charger id may hold only A-Z, a-z, 0-9, '_' and '-'", p.StandardError.Split('\n')[0].TrimEnd('\r'), p.ToString());
        }

        [TestMethod]
        [DataRow("--charger-id", "bay-1")]
        [DataRow("--mqtt-tls", null)]
        [DataRow("--heartbeat-timeout-s", "10")]
        public void AnUplinkOptionWithNoUplinkIsRefused(string option, string value)
        {
            string[] args = value == null ? new[] { "--no-uplink", option } : new[] { "--no-uplink", option, value };
            SimProcessResult p = SimProgram.Run(_folder.Path, args);

            Assert.AreEqual(2, p.ExitCode, p.ToString());
            Assert.AreEqual($"v2g-sim: --no-uplink and {option} exclude each other", p.StandardError.Split('\n')[0].TrimEnd('\r'), p.ToString());
        }

        [TestMethod]
        public void WithoutTheUplinkTheSummaryHasNoUplinkObject()
        {
            string summaryPath = _folder.File("summary.json");
            SimProcessResult p = SimProgram.Run(_folder.Path, "--scenario", ShortScenario(), "--no-uplink", "--quiet", "--summary", summaryPath);

            Assert.AreEqual(0, p.ExitCode, p.ToString());
            using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(summaryPath));
            Assert.IsFalse(summary.RootElement.TryGetProperty("uplink", out _), File.ReadAllText(summaryPath));
            Assert.IsFalse(p.StandardOutput.Contains("mqtt://"), p.StandardOutput);
        }

        [TestMethod]
        public void ByDefaultTheSimulatorPublishesToItsOwnInProcessBroker()
        {
            string summaryPath = _folder.File("summary.json");
            SimProcessResult p = SimProgram.Run(_folder.Path, "--scenario", ShortScenario(), "--quiet", "--summary", summaryPath);

            Assert.AreEqual(0, p.ExitCode, p.ToString());
            StringAssert.Contains(p.StandardOutput, "(in-process broker), topics v2g/1/sim-0001/#");
            using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(summaryPath));
            JsonElement uplink = summary.RootElement.GetProperty("uplink");
            Assert.IsTrue(uplink.GetProperty("in_process_broker").GetBoolean(), uplink.ToString());
            StringAssert.StartsWith(uplink.GetProperty("broker").GetString(), "127.0.0.1:");
            Assert.AreEqual("sim-0001", uplink.GetProperty("charger_id").GetString());
            Assert.IsTrue(uplink.GetProperty("published").GetInt64() > 0, uplink.ToString());
            Assert.IsTrue(uplink.GetProperty("telemetry_samples").GetInt64() > 0, uplink.ToString());
            Assert.AreEqual(1, uplink.GetProperty("connects").GetInt64(), uplink.ToString());
            Assert.AreEqual(0, uplink.GetProperty("publish_failures").GetInt64(), uplink.ToString());
            Assert.AreEqual(0, uplink.GetProperty("queued").GetInt64(), uplink.ToString());
        }

        [TestMethod]
        public void TheBrokerOutageScenarioReplaysEveryRecordKeptDuringTheCut()
        {
            string summaryPath = _folder.File("summary.json");
            SimProcessResult p = SimProgram.Run(_folder.Path, "--scenario", "broker-outage", "--quiet", "--summary", summaryPath);

            Assert.AreEqual(0, p.ExitCode, p.ToString());
            using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(summaryPath));
            JsonElement uplink = summary.RootElement.GetProperty("uplink");
            string all = uplink.ToString();
            long queued = uplink.GetProperty("queued").GetInt64();
            // 300 s of cut while discharging: a telemetry sample a second at least, plus events and meter records.
            Assert.IsTrue(queued > 250, all);
            Assert.AreEqual(queued, uplink.GetProperty("replayed").GetInt64(), all);
            Assert.AreEqual(0, uplink.GetProperty("pending").GetInt32(), all);
            JsonElement dropped = uplink.GetProperty("dropped");
            Assert.AreEqual(0, dropped.GetProperty("telemetry").GetInt64(), all);
            Assert.AreEqual(0, dropped.GetProperty("event").GetInt64(), all);
            Assert.AreEqual(0, dropped.GetProperty("meter").GetInt64(), all);
            Assert.IsTrue(uplink.GetProperty("reconnects").GetInt64() >= 1, all);
            Assert.AreEqual(1, uplink.GetProperty("network_cuts").GetInt32(), all);
            Assert.IsTrue(uplink.GetProperty("in_process_broker").GetBoolean(), all);
        }

        /// <summary>Plugged at 1 s, stopped by the vehicle at 20 s: a short session, unpaced.</summary>
        private string ShortScenario()
        {
            string path = _folder.File("short.json");
            File.WriteAllText(path,
                "{\"name\":\"short\",\"description\":\"a short session\",\"end_s\":30,\"events\":[{\"t_s\":1,\"action\":\"plug\"},{\"t_s\":20,\"action\":\"vehicle_stop\"}]}");
            return path;
        }
    }
}
