using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.Shell
{
    /// <summary>The simulator's --shell-pty options as a user meets them: the path printed first, wrong lines refused.</summary>
    [TestClass]
    public sealed class ShellPtyCommandLineTests
    {
        private TempFolder _folder;

        [TestInitialize]
        public void CreateFolder() => _folder = new TempFolder();

        [TestCleanup]
        public void DeleteFolder() => _folder.Dispose();

        [TestMethod]
        public void TheTechniciansEndIsPrintedBeforeTheRunStartsAndIsAPseudoTerminal()
        {
            using var sim = new ShellSimulator(_folder);

            Assert.AreEqual(Path.Combine(_folder.File("pty"), "ttyTech"), sim.TechnicianPath);
            string target = new FileInfo(sim.TechnicianPath).LinkTarget;
            Assert.IsNotNull(target, "a link made by socat");
            StringAssert.StartsWith(target, "/dev/pts/");
            string output = sim.WaitForOutput("\nscenario idle");
            int shell = output.IndexOf("\nshell: ", StringComparison.Ordinal);
            int scenario = output.IndexOf("\nscenario idle", StringComparison.Ordinal);
            Assert.IsTrue(shell >= 0 && scenario > shell, output);
            StringAssert.Contains(output, "real time, for the shell", "paced in real time, and said so");
        }

        [TestMethod]
        public void TheShellAnswersOnThePrintedPath()
        {
            using var sim = new ShellSimulator(_folder);
            using var line = new RawShellLine(sim.TechnicianPath);

            line.Send("help\r");

            line.ReadLineWith("help");
            line.ReadLineWith("login [PIN|RESPONSE]");
        }

        [TestMethod]
        [DataRow("12")]
        [DataRow("1234567890123")]
        [DataRow("12ab")]
        public void APinOfOtherThanFourToTwelveDigitsIsRefused(string pin)
        {
            SimProcessResult p = SimProgram.Run(_folder.Path, "--shell-pty", "--shell-pin", pin, "--quiet");

            Assert.AreEqual(2, p.ExitCode, p.ToString());
            StringAssert.Contains(p.StandardError, "--shell-pin needs 4 to 12 digits", p.ToString());
            Assert.AreEqual("", p.StandardOutput, "refused before anything runs");
        }

        [TestMethod]
        public void APinWithoutTheShellIsRefused()
        {
            SimProcessResult p = SimProgram.Run(_folder.Path, "--shell-pin", "4321", "--quiet");

            Assert.AreEqual(2, p.ExitCode, p.ToString());
            StringAssert.Contains(p.StandardError, "--shell-pin goes with --shell-pty", p.ToString());
        }

        [TestMethod]
        public void AFileInTheWayOfTheLinksIsRefused()
        {
            string dir = _folder.File("pty");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "ttyTech"), "not a pty");

            SimProcessResult p = SimProgram.Run(_folder.Path, "--scenario", "idle", "--shell-pty-dir", dir, "--quiet", "--no-uplink");

            Assert.AreEqual(2, p.ExitCode, p.ToString());
            StringAssert.Contains(p.StandardError, "is not a link to a pseudo-terminal", p.ToString());
        }
    }
}
