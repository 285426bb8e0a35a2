#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Diagnostics;

namespace V2G.UnitTests.Diagnostics
{
    /// <summary>The shell as a whole: commands, help, machine framing, errors, crashes, streaming and its bounds.</summary>
    [TestClass]
    public class DiagnosticShellTests
    {
        [TestMethod]
        public void ACommandRunsAndThePromptFollows()
        {
            ShellRig rig = ShellRig.Standard().Started();
            string output = rig.Type("status\r");
            Assert.AreEqual("status\r\ntext: hello\r\npower: 7400.0 W\r\ncount: 3\r\non: yes\r\na free line\r\nv2g> ", output);
            Assert.AreEqual(1L, rig.Shell.CommandsRun);
            Assert.AreEqual(1L, rig.Shell.LinesRead);
        }

        [TestMethod]
        public void AnUnknownCommandSaysSo()
        {
            ShellRig rig = ShellRig.Standard().Started();
            string output = rig.Type("stat\r");
            Assert.AreEqual("stat\r\nerror: unknown command 'stat' (try help)\r\nv2g> ", output);
            Assert.AreEqual(1L, rig.Shell.Errors);
        }

        [TestMethod]
        public void AnEmptyLineJustPromptsAgain()
        {
            ShellRig rig = ShellRig.Standard().Started();
            Assert.AreEqual("\r\nv2g> ", rig.Type("\r"));
            Assert.AreEqual(0L, rig.Shell.CommandsRun);
        }

        [TestMethod]
        public void TooManyArgumentsAreAClearError()
        {
            ShellRig rig = ShellRig.Standard().Started();
            string output = rig.Type("status 1 2 3 4 5 6 7 8 9 10 11 12\r");
            Assert.IsTrue(output.IndexOf("error: too many arguments (max 12)") >= 0, output);
        }

        [TestMethod]
        public void HelpListsEveryCommandWithUsageAndRole()
        {
            ShellRig rig = ShellRig.Standard().Started();
            string output = rig.Type("help\r");
            string[] names = { "help", "login", "logout", "mode", "status", "list", "crash", "set", "reboot" };
            for (int i = 0; i < names.Length; i++)
            {
                Assert.IsTrue(output.IndexOf("\r\n  " + names[i] + " ") >= 0, names[i] + " missing in " + output);
            }

            Assert.IsTrue(output.IndexOf("technician") >= 0);
            Assert.IsTrue(output.IndexOf("a scripted test command") >= 0);
            Assert.IsTrue(output.EndsWith("v2g> "));
        }

        [TestMethod]
        public void HelpForOneCommandAndCommandDashDashHelpAgree()
        {
            ShellRig rig = ShellRig.Standard().Started();
            string viaHelp = rig.Type("help list\r");
            string viaFlag = rig.Type("list --help\r");
            string expected = "command: list\r\nusage: list [--json]\r\nrole: read-only\r\nhelp: a scripted test command\r\narguments: all alarms brief\r\nv2g> ";
            Assert.AreEqual("help list\r\n" + expected, viaHelp);
            Assert.AreEqual("list --help\r\n" + expected, viaFlag);
            Assert.AreEqual(0, ((ScriptedCommand)rig.Shell.Find("list")).Runs);
        }

        [TestMethod]
        public void ACommandThatThrowsIsReportedAndTheShellGoesOn()
        {
            ShellRig rig = ShellRig.Standard().Started();
            string output = rig.Type("crash\r");
            Assert.AreEqual("crash\r\nerror: internal error in 'crash'\r\nv2g> ", output);
            Assert.IsTrue(rig.Log.Get(rig.Log.Count - 1).Text.IndexOf("internal error in 'crash': boom") >= 0);
            Assert.IsTrue(rig.Type("status\r").IndexOf("text: hello") >= 0);
        }

        [TestMethod]
        public void ACommandThatThrowsWhileStreamingIsStoppedToo()
        {
            ScriptedCommand late = new ScriptedCommand("late", ShellRole.ReadOnly, null);
            late.Items = 200;
            late.Throws = true;
            late.ThrowInContinue = true;
            ShellRig rig = new ShellRig(new IShellCommand[] { late }).Started();
            string output = rig.Type("late\r");
            Assert.IsTrue(output.EndsWith("error: internal error in 'late'\r\nv2g> "), output);
            Assert.IsFalse(rig.Shell.IsStreaming);
        }

        [TestMethod]
        public void ALongListStreamsOverPollsWithinTheByteBudget()
        {
            ShellRig rig = ShellRig.Standard().Started();
            rig.Port.Send("list\r");
            rig.Shell.Poll(rig.NowMs);
            Assert.IsTrue(rig.Shell.IsStreaming);
            rig.Pump(1000);
            string output = rig.Port.TakeOutput();
            Assert.IsTrue(output.IndexOf("  0  400.0 V  item number 0 with some padding text\r\n") >= 0);
            Assert.IsTrue(output.IndexOf("  99  499.0 V  item number 99 with some padding text\r\n") >= 0);
            Assert.IsTrue(output.EndsWith("v2g> "));
            Assert.IsTrue(rig.Port.LargestWrite <= DiagnosticShell.MaxBytesPerPoll);
            Assert.AreEqual(0L, rig.Shell.BytesDropped);
            Assert.IsTrue(((ScriptedCommand)rig.Shell.Find("list")).Continues > 2);
        }

        [TestMethod]
        public void CtrlCStopsAStreamingCommand()
        {
            ShellRig rig = ShellRig.Standard().Started();
            rig.Port.Send("list\r");
            rig.Shell.Poll(rig.NowMs);
            rig.Port.SendByte(0x03);
            rig.Pump(1000);
            string output = rig.Port.TakeOutput();
            Assert.IsFalse(rig.Shell.IsStreaming);
            Assert.IsTrue(output.EndsWith("^C\r\nv2g> "), output);
            Assert.IsTrue(output.IndexOf("item number 99 ") < 0);
        }

        [TestMethod]
        public void InputTypedWhileStreamingRunsAfterwards()
        {
            ShellRig rig = ShellRig.Standard().Started();
            rig.Port.Send("list\rstatus\r");
            rig.Pump(1000);
            string output = rig.Port.TakeOutput();
            Assert.IsTrue(output.IndexOf("item number 99 ") < output.IndexOf("text: hello"));
        }

        [TestMethod]
        public void JsonFlagInHumanModePrintsTheJsonObject()
        {
            ShellRig rig = ShellRig.Standard().Started();
            string output = rig.Type("status --json\r");
            Assert.AreEqual("status --json\r\n{\"ok\":true,\"cmd\":\"status\",\"data\":{\"text\":\"hello\",\"power\":7400.0,\"count\":3,\"on\":true,\"text\":[\"a free line\"]}}\r\nv2g> ", output);
        }

        [TestMethod]
        public void ModeMachineDropsEchoAndPromptAndAnswersWithChecksummedJson()
        {
            ShellRig rig = ShellRig.Standard().Started();
            string switched = rig.Type("mode machine\r");
            Assert.AreEqual("mode machine\r\nmode: machine\r\n", switched);
            string output = rig.Type("$5 status\r");
            string json = "{\"seq\":5,\"ok\":true,\"cmd\":\"status\",\"data\":{\"text\":\"hello\",\"power\":7400.0,\"count\":3,\"on\":true,\"text\":[\"a free line\"]}}";
            Assert.AreEqual(json + "*" + ShellReplyTests.Checksum(json) + "\r\n", output);
        }

        [TestMethod]
        public void AGoodChecksumIsAccepted()
        {
            ShellRig rig = ShellRig.Standard().InMachineMode();
            string request = "$6 mode";
            string output = rig.Type(request + "*" + ShellReplyTests.Checksum(request) + "\r\n");
            string json = "{\"seq\":6,\"ok\":true,\"cmd\":\"mode\",\"data\":{\"mode\":\"machine\"}}";
            Assert.AreEqual(json + "*" + ShellReplyTests.Checksum(json) + "\r\n", output);
        }

        [TestMethod]
        public void ABadChecksumIsRefusedWithTheSeq()
        {
            ShellRig rig = ShellRig.Standard().InMachineMode();
            string output = rig.Type("$6 status*00\r");
            string expected = "*" + ShellReplyTests.Checksum("$6 status");
            Assert.IsTrue(output.StartsWith("{\"seq\":6,\"ok\":false,\"error\":\"bad checksum: got *00, computed " + expected + "\"}*"), output);
            Assert.AreEqual(0, ((ScriptedCommand)rig.Shell.Find("status")).Runs);
        }

        [TestMethod]
        public void AMalformedChecksumIsRefused()
        {
            ShellRig rig = ShellRig.Standard().InMachineMode();
            string output = rig.Type("$6 status*G1\r");
            Assert.IsTrue(output.StartsWith("{\"seq\":6,\"ok\":false,\"error\":\"malformed checksum"), output);
        }

        [TestMethod]
        public void AMissingDollarIsRefusedWithANullSeq()
        {
            ShellRig rig = ShellRig.Standard().InMachineMode();
            string output = rig.Type("status\r");
            string json = "{\"seq\":null,\"ok\":false,\"error\":\"expected $SEQ COMMAND [ARGS][*HH]\"}";
            Assert.AreEqual(json + "*" + ShellReplyTests.Checksum(json) + "\r\n", output);
        }

        [TestMethod]
        public void ANonNumericSeqIsRefused()
        {
            ShellRig rig = ShellRig.Standard().InMachineMode();
            string output = rig.Type("$ab status\r");
            Assert.IsTrue(output.StartsWith("{\"seq\":null,\"ok\":false,\"error\":\"sequence number must be 1 to 9 digits after $\"}*"), output);
        }

        [TestMethod]
        public void AMissingCommandIsRefused()
        {
            ShellRig rig = ShellRig.Standard().InMachineMode();
            string output = rig.Type("$9\r");
            Assert.IsTrue(output.StartsWith("{\"seq\":9,\"ok\":false,\"error\":\"missing command\"}*"), output);
        }

        [TestMethod]
        public void MachineErrorsCarryTheCommand()
        {
            ShellRig rig = ShellRig.Standard().InMachineMode();
            string output = rig.Type("$3 reboot\r$4 nope\r");
            string first = "{\"seq\":3,\"ok\":false,\"cmd\":\"reboot\",\"error\":\"login required (read-only session)\"}";
            string second = "{\"seq\":4,\"ok\":false,\"cmd\":\"nope\",\"error\":\"unknown command 'nope' (try help)\"}";
            Assert.AreEqual(first + "*" + ShellReplyTests.Checksum(first) + "\r\n" + second + "*" + ShellReplyTests.Checksum(second) + "\r\n", output);
        }

        [TestMethod]
        public void AStreamedListInMachineModeComesInChecksummedParts()
        {
            ShellRig rig = ShellRig.Standard().InMachineMode();
            string output = rig.Type("$8 list\r");
            string[] lines = output.Split('\n');
            int parts = 0;
            int items = 0;
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].TrimEnd('\r');
                if (line.Length == 0)
                {
                    continue;
                }

                int star = line.LastIndexOf('*');
                string json = line.Substring(0, star);
                Assert.AreEqual(ShellReplyTests.Checksum(json), line.Substring(star + 1), "checksum of part " + parts.ToString());
                Assert.IsTrue(json.StartsWith("{\"seq\":8,\"ok\":true,\"cmd\":\"list\",\"part\":" + parts.ToString() + ",\"more\":"), json);
                Assert.IsTrue(json.Length <= ShellReply.MachineBufferBytes + 100);
                bool last = i == lines.Length - 2;
                Assert.IsTrue(json.IndexOf(last ? "\"more\":false" : "\"more\":true") > 0, json);
                int at = 0;
                while ((at = json.IndexOf("\"index\":", at) + 1) > 0)
                {
                    items++;
                }

                parts++;
            }

            Assert.IsTrue(parts > 2, parts.ToString());
            Assert.AreEqual(100, items);
        }

        [TestMethod]
        public void ModeHumanFromMachineBringsThePromptBack()
        {
            ShellRig rig = ShellRig.Standard().InMachineMode();
            string output = rig.Type("$2 mode human\r");
            Assert.IsTrue(output.EndsWith("}*" + ShellReplyTests.Checksum(output.Substring(0, output.LastIndexOf('*'))) + "\r\nv2g> "), output);
            Assert.AreEqual(ShellMode.Human, rig.Shell.Mode);
        }

        [TestMethod]
        public void ABadModeIsExplained()
        {
            ShellRig rig = ShellRig.Standard().Started();
            Assert.IsTrue(rig.Type("mode robot\r").IndexOf("error: usage: mode human|machine") >= 0);
        }

        [TestMethod]
        public void AtMostOneCommandRunsPerPoll()
        {
            ShellRig rig = ShellRig.Standard().Started();
            rig.Port.Send("status\rstatus\rstatus\r");
            rig.Shell.Poll(rig.NowMs);
            Assert.AreEqual(1, ((ScriptedCommand)rig.Shell.Find("status")).Runs);
            rig.Pump(100);
            Assert.AreEqual(3, ((ScriptedCommand)rig.Shell.Find("status")).Runs);
        }

        [TestMethod]
        public void NoPollWritesMoreThanTheBudget()
        {
            ShellRig rig = ShellRig.Standard().Started();
            rig.Type("help\rlist\rhelp\r");
            Assert.IsTrue(rig.Port.LargestWrite <= DiagnosticShell.MaxBytesPerPoll, rig.Port.LargestWrite.ToString());
        }

        [TestMethod]
        public void TabCompletionWorksThroughTheShellWithBuiltIns()
        {
            ShellRig rig = ShellRig.Standard().Started();
            string output = rig.Type("mode ma\t");
            Assert.AreEqual("mode machine ", output);
        }
    }
}
