using System;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.Shell
{
    /// <summary>
    /// A technician at picocom (in tmux) on the simulator's shell pty: the issue's "done when" — read the status,
    /// list the faults, log in, change the droop preset and see it in force — and the line editing a terminal
    /// user relies on (backspace, history, tab completion).
    /// </summary>
    [TestClass]
    public sealed class PicocomTechnicianTests
    {
        private TempFolder _folder;

        [TestInitialize]
        public void CreateFolder() => _folder = new TempFolder();

        [TestCleanup]
        public void DeleteFolder() => _folder.Dispose();

        [TestMethod]
        public void ATechnicianReadsStatusAndFaultsLogsInAndChangesTheDroopPreset()
        {
            // Idle, with the emergency stop pressed (and released) early: a fault for the technician to find.
            string scenario = _folder.File("idle-estop.json");
            System.IO.File.WriteAllText(scenario, "{\"name\":\"idle-estop\",\"end_s\":3600,\"expect_fault\":\"emergency_stop\",\"events\":[{\"t_s\":0,\"action\":\"inject\",\"fault\":\"estop\"},{\"t_s\":0.1,\"action\":\"release\"}]}");
            using var sim = new ShellSimulator(_folder, "--scenario", scenario);
            using (TmuxTerminal picocom = TmuxTerminal.Picocom(sim.TechnicianPath))
            {
                picocom.WaitForPrompt("v2g>");

                picocom.TypeLine("status");
                picocom.WaitFor("faults 1");

                picocom.TypeLine("faults");
                picocom.WaitFor("raised_since_boot: 1");
                picocom.WaitFor("emergency_stop");

                picocom.TypeLine("config set droop.preset fast");
                picocom.WaitFor("error: login required (read-only session)");

                picocom.TypeLine("login 1234");
                picocom.WaitFor("v2g#");

                picocom.TypeLine("faults clear");
                picocom.WaitFor("remaining: 0");

                picocom.TypeLine("config set droop.preset fast");
                picocom.TypeLine("droop show");
                string screen = picocom.WaitFor("fast", times: 3);

                picocom.TypeLine("reboot");
                sim.WaitForExit(TimeSpan.FromSeconds(20));
                screen = picocom.WaitFor("rebooting: yes");
                Assert.IsFalse(screen.Contains("error: internal error", StringComparison.Ordinal), screen);
            }

            JsonElement summary = sim.Summary();
            Assert.AreEqual(0, sim.WaitForExit(TimeSpan.FromSeconds(5)).ExitCode, "the run ended as expected: the fault the scenario injected, nothing else");
            Assert.AreEqual("fast", summary.GetProperty("droop_preset").GetString(), "the preset set on the shell was in force to the end");
        }

        [TestMethod]
        public void BackspaceHistoryAndTabCompletionWorkInPicocom()
        {
            using var sim = new ShellSimulator(_folder);
            using TmuxTerminal picocom = TmuxTerminal.Picocom(sim.TechnicianPath);
            picocom.WaitForPrompt("v2g>");

            // A typo mended with backspace: "hepl" → "he" → "help".
            picocom.Type("hepl");
            picocom.Keys("BSpace", "BSpace");
            picocom.TypeLine("lp login");
            picocom.WaitFor("login [PIN|RESPONSE]");

            // Tab completes the unique command name "logo" → "logout".
            picocom.Type("logo");
            picocom.Keys("Tab");
            picocom.WaitFor("v2g> logout");
            picocom.Keys("C-u");

            // Up brings back the last line; Enter runs it again.
            picocom.Keys("Up");
            picocom.WaitFor("v2g> help login", times: 2);
            picocom.Keys("Enter");
            picocom.WaitFor("login [PIN|RESPONSE]", times: 2);
        }
    }
}
