using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.CommandLine
{
    /// <summary>The simulator's command line: help, and usage or scenario errors (exit code 2, reason on stderr).</summary>
    [TestClass]
    public sealed class SimulatorCommandLineTests
    {
        private const int UsageOrScenarioError = 2;

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
        public void HelpPrintsTheUsageAndExitsWith0()
        {
            SimProcessResult p = SimProgram.Run(_folder.Path, "--help");

            Assert.AreEqual(0, p.ExitCode, p.ToString());
            Assert.Contains("usage:", p.StandardOutput);
            Assert.Contains("--scenario", p.StandardOutput);
        }

        [TestMethod]
        public void AnUnknownOptionExitsWith2NamingTheOption()
        {
            SimProcessResult p = SimProgram.Run(_folder.Path, "--scenaro", "v2g");

            Assert.AreEqual(UsageOrScenarioError, p.ExitCode, p.ToString());
            Assert.Contains("unknown option '--scenaro'", p.StandardError);
        }

        [TestMethod]
        public void AnUnknownScenarioExitsWith2NamingTheScenarioAndTheBuiltIns()
        {
            SimProcessResult p = SimProgram.Run(_folder.Path, "--scenario", "vtog", "--quiet");

            Assert.AreEqual(UsageOrScenarioError, p.ExitCode, p.ToString());
            Assert.Contains("unknown scenario 'vtog'", p.StandardError);
            Assert.Contains("v2g", p.StandardError);
        }

        [TestMethod]
        public void AScenarioFileThatIsNotValidExitsWith2NamingTheKey()
        {
            string path = _folder.File("typo.json");
            File.WriteAllText(path, """{ "end_s": 100, "initial_soc": 50 }""");

            SimProcessResult p = SimProgram.Run(_folder.Path, "--scenario", path, "--quiet");

            Assert.AreEqual(UsageOrScenarioError, p.ExitCode, p.ToString());
            Assert.Contains("'initial_soc'", p.StandardError);
        }

        [TestMethod]
        public void AScenarioFileWithAnUnknownChargerSettingExitsWith2NamingTheSetting()
        {
            string path = _folder.File("setting.json");
            File.WriteAllText(path, """{ "end_s": 100, "settings": { "MaxChargeCurrentAmps": 50 }, "events": [ { "t_s": 1, "action": "plug" } ] }""");

            SimProcessResult p = SimProgram.Run(_folder.Path, "--scenario", path, "--quiet");

            Assert.AreEqual(UsageOrScenarioError, p.ExitCode, p.ToString());
            Assert.Contains("'MaxChargeCurrentAmps'", p.StandardError);
        }

        [TestMethod]
        public void AScenarioFileInjectingAnUnknownFaultExitsWith2NamingTheFault()
        {
            string path = _folder.File("fault.json");
            File.WriteAllText(path, """{ "end_s": 100, "events": [ { "t_s": 1, "action": "plug" }, { "t_s": 30, "action": "inject", "fault": "welded" } ] }""");

            SimProcessResult p = SimProgram.Run(_folder.Path, "--scenario", path, "--quiet");

            Assert.AreEqual(UsageOrScenarioError, p.ExitCode, p.ToString());
            Assert.Contains("'welded'", p.StandardError);
        }
    }
}
