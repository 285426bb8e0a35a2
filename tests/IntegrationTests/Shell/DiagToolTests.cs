using System.IO;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;
using V2G.Sim.Diagnostics;

namespace V2G.IntegrationTests.Shell
{
    /// <summary>
    /// The host tool (v2g-diag) in the shell's machine mode on the simulator's pty: one-shot commands print the
    /// reply's data, the log streams to a file, and every kind of bad input gets a clear error and its exit code.
    /// One simulator for the class: every test leaves the shell logged out, in human mode.
    /// </summary>
    [TestClass]
    public sealed class DiagToolTests
    {
        private static TempFolder _folder;
        private static ShellSimulator _sim;

        [ClassInitialize]
        public static void StartSimulator(TestContext context)
        {
            _folder = new TempFolder();
            _sim = new ShellSimulator(_folder);
        }

        [ClassCleanup]
        public static void StopSimulator()
        {
            _sim?.Dispose();
            _folder?.Dispose();
        }

        private static SimProcessResult Diag(params string[] args)
        {
            var all = new string[args.Length + 2];
            all[0] = "--port";
            all[1] = _sim.TechnicianPath;
            args.CopyTo(all, 2);
            return DiagProgram.Run(all);
        }

        /// <summary>A login writes an entry to the diagnostic log (an idle charger writes few of its own).</summary>
        private static void LogIn()
        {
            SimProcessResult p = Diag("--pin", "1234", "version");
            Assert.AreEqual(0, p.ExitCode, p.ToString());
        }

        [TestMethod]
        public void StatusAsJsonPrintsTheStatusData()
        {
            SimProcessResult p = Diag("status", "--json");

            Assert.AreEqual(0, p.ExitCode, p.ToString());
            using JsonDocument doc = JsonDocument.Parse(p.StandardOutput);
            Assert.AreEqual(JsonValueKind.Object, doc.RootElement.ValueKind, p.StandardOutput);
            StringAssert.Contains(p.StandardOutput, "idle", "the charger idles: no vehicle");
        }

        [TestMethod]
        public void TheRawRepliesCarryTheRequestsSequenceIdAndAValidChecksum()
        {
            SimProcessResult p = Diag("--raw", "status", "--json");

            Assert.AreEqual(0, p.ExitCode, p.ToString());
            string line = p.StandardOutput.Split('\n')[1].TrimEnd('\r');
            StringAssert.StartsWith(line, "{\"seq\":2,\"ok\":true,\"cmd\":\"status\"", p.StandardOutput);
            int star = line.LastIndexOf('*');
            Assert.AreEqual(V2G.Diag.MachineFrame.Checksum(line.Substring(0, star)).ToString("X2"), line.Substring(star + 1));
        }

        [TestMethod]
        public void TheLogDownloadsAsJsonLines()
        {
            string file = _folder.File("log.jsonl");
            LogIn();

            SimProcessResult p = Diag("log", "download", "--out", file);

            Assert.AreEqual(0, p.ExitCode, p.ToString());
            string[] lines = File.ReadAllLines(file);
            Assert.IsNotEmpty(lines, "at least the controller's first state is logged");
            foreach (string l in lines)
            {
                using JsonDocument doc = JsonDocument.Parse(l);
                Assert.AreEqual(JsonValueKind.Object, doc.RootElement.ValueKind, l);
            }

            StringAssert.Contains(p.StandardError, $"{lines.Length} log entries written to {file} (jsonl)");
        }

        [TestMethod]
        public void TheLogDownloadsAsCsvWithAHeader()
        {
            string file = _folder.File("log.csv");
            LogIn();

            SimProcessResult p = Diag("log", "download", "--out", file);

            Assert.AreEqual(0, p.ExitCode, p.ToString());
            string[] lines = File.ReadAllLines(file);
            Assert.IsGreaterThanOrEqualTo(2, lines.Length, string.Join("\n", lines));
            StringAssert.Contains(lines[0], "text", "the header names the fields");
        }

        [TestMethod]
        public void AnUnknownCommandIsAnErrorWithExitCode1()
        {
            SimProcessResult p = Diag("frobnicate");

            Assert.AreEqual(1, p.ExitCode, p.ToString());
            StringAssert.Contains(p.StandardError, "frobnicate: unknown command 'frobnicate' (try help)", p.ToString());
        }

        [TestMethod]
        public void AWriteWithoutLoginIsRefused()
        {
            SimProcessResult p = Diag("config", "set", "droop.preset", "fast");

            Assert.AreEqual(1, p.ExitCode, p.ToString());
            StringAssert.Contains(p.StandardError, "login required (read-only session)", p.ToString());
        }

        [TestMethod]
        public void AnOutOfRangeConfigValueIsRefusedWithItsRange()
        {
            SimProcessResult p = Diag("--pin", "1234", "config", "set", "max_charge_power_W", "99999");

            Assert.AreEqual(1, p.ExitCode, p.ToString());
            StringAssert.Contains(p.StandardError, "max_charge_power_W must be 0..30000 W", p.ToString());
        }

        [TestMethod]
        public void AnUnknownConfigKeyIsRefusedWithTheKnownKeys()
        {
            SimProcessResult p = Diag("config", "get", "no_such_key");

            Assert.AreEqual(1, p.ExitCode, p.ToString());
            StringAssert.Contains(p.StandardError, "droop.preset", "the known keys listed: " + p);
        }

        [TestMethod]
        public void MissingArgumentsAreRefused()
        {
            SimProcessResult p = Diag("--pin", "1234", "config", "set", "droop.preset");

            Assert.AreEqual(1, p.ExitCode, p.ToString());
            StringAssert.Contains(p.StandardError, "config: ", p.ToString());
        }

        [TestMethod]
        public void TooManyArgumentsAreRefused()
        {
            SimProcessResult p = Diag("status", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");

            Assert.AreEqual(1, p.ExitCode, p.ToString());
            StringAssert.Contains(p.StandardError, "too many arguments (max 12)", p.ToString());
        }

        [TestMethod]
        public void ABadChecksumIsRefusedNamingBothChecksums()
        {
            using var line = new RawShellLine(_sim.TechnicianPath);
            line.Send("\u0015mode machine\r");
            line.ReadLineWith("mode machine");

            line.Send("$7 status*00\r");

            string reply = line.ReadLineWith("{\"seq\":7");
            StringAssert.StartsWith(reply, "{\"seq\":7,\"ok\":false");
            StringAssert.Contains(reply, "bad checksum: got *00, computed *");
            line.Send("$8 mode human\r");
            line.ReadLineWith("{\"seq\":8");
        }

        [TestMethod]
        [DataRow("status", "expected $SEQ COMMAND [ARGS][*HH]")]
        [DataRow("$x1 status", "sequence number must be 1 to 9 digits after $")]
        [DataRow("$9 status*4", "malformed checksum")]
        public void AMalformedRequestIsRefusedWithoutASequenceIdItCouldNotRead(string request, string error)
        {
            using var line = new RawShellLine(_sim.TechnicianPath);
            line.Send("\u0015mode machine\r");
            line.ReadLineWith("mode machine");

            line.Send(request + "\r");

            string reply = line.ReadLineWith("{\"seq\":");
            StringAssert.Contains(reply, "\"ok\":false");
            StringAssert.Contains(reply, error);
            line.Send("$8 mode human\r");
            line.ReadLineWith("{\"seq\":8");
        }

        [TestMethod]
        public void WithoutAPortTheToolSaysSoWithExitCode2()
        {
            SimProcessResult p = DiagProgram.Run("status");

            Assert.AreEqual(2, p.ExitCode, p.ToString());
            StringAssert.Contains(p.StandardError, "--port PATH is required");
        }

        [TestMethod]
        public void AMissingPortIsExitCode2()
        {
            SimProcessResult p = DiagProgram.Run("--port", _folder.File("no-such-tty"), "status");

            Assert.AreEqual(2, p.ExitCode, p.ToString());
            StringAssert.Contains(p.StandardError, "no such port");
        }

        [TestMethod]
        public void ASilentPortIsATimeoutWithExitCode3()
        {
            using SocatPtyPair pair = SocatPtyPair.Start(_folder.File("silent"));

            SimProcessResult p = DiagProgram.Run("--port", pair.TechnicianPath, "--timeout-ms", "300", "status");

            Assert.AreEqual(3, p.ExitCode, p.ToString());
            StringAssert.Contains(p.StandardError, "no reply to 'mode'", p.ToString());
        }
    }
}
