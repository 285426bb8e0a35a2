#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Diagnostics;
using V2G.Firmware.Diagnostics.Commands;
using V2G.Protocol.Trace;

namespace V2G.UnitTests.Diagnostics.Commands
{
    /// <summary>trace, uplink, reboot and the table itself.</summary>
    [TestClass]
    public class TraceUplinkRebootCommandTests
    {
        [TestMethod]
        public void TraceListsTheSessionsMessagesWithEachFailuresLayer()
        {
            CommandRig rig = new CommandRig();
            rig.Trace.Add(1200, MessageDirection.Received, "SessionSetupReq").Details.Append("EVCCID=0201");
            TraceEntry res = rig.Trace.Add(1210, MessageDirection.Sent, "SessionSetupRes");
            res.ResponseTimeMs = 10;
            rig.Trace.AddFailure(1500, FailureLayer.Exi, "decode error");

            string output = rig.Type("trace");

            Assert.IsTrue(CommandRig.Has(output, "1.200 s  rx  SessionSetupReq  EVCCID=0201"), output);
            Assert.IsTrue(CommandRig.Has(output, "1.210 s  tx  SessionSetupRes    10"), output);
            Assert.IsTrue(CommandRig.Has(output, "event  failure    EXI  decode error"), output);
            Assert.IsTrue(CommandRig.Has(output, "failures: 1"), output);
        }

        [TestMethod]
        public void TraceNShowsTheLastNAndStreamsAFullLogInMachineMode()
        {
            CommandRig rig = new CommandRig().InMachineMode();
            for (int i = 0; i < 64; i++)
            {
                rig.Trace.Add(1000 + i, MessageDirection.Received, "BCL").Details.Append("V=").Append(400 + i).Append(" A=").Append(i);
            }

            string all = rig.Type("$1 trace");
            string last = rig.Type("$2 trace 2");

            Assert.AreEqual(64, CommandRig.CountOf(all, "\"message\":\"BCL\""), all);
            Assert.IsTrue(CommandRig.CountOf(all, "\"more\":true") >= 1, all);
            Assert.AreEqual(2, CommandRig.CountOf(last, "\"message\":\"BCL\""), last);
            Assert.IsTrue(CommandRig.Has(last, "\"details\":\"V=463 A=63\""), last);
        }

        [TestMethod]
        public void UplinkShowsConnectionQueueAndCommandCounters()
        {
            CommandRig rig = new CommandRig(true);
            rig.Run(500);

            string output = rig.Type("uplink");

            Assert.IsTrue(CommandRig.Has(output, "state: online\r\ncharger_id: sim-0001\r\ntopic_root: v2g/1/sim-0001/\r\nboot_id: 1\r\nconnects: 1\r\nreconnects: 0\r\n"), output);
            Assert.IsTrue(CommandRig.Has(output, "dropped:\r\n  telemetry  0\r\n  event  0\r\n  meter  0\r\n"), output);
            Assert.IsTrue(CommandRig.Has(output, "last_error: none"), output);
        }

        [TestMethod]
        public void UplinkWithoutOneSaysSo()
        {
            CommandRig rig = new CommandRig();

            Assert.IsTrue(CommandRig.Has(rig.Type("uplink"), "state: none\r\nno uplink on this board"));
        }

        [TestMethod]
        public void RebootNeedsATechnician()
        {
            CommandRig rig = new CommandRig();

            Assert.IsTrue(CommandRig.Has(rig.Type("reboot"), "error: login required (read-only session)"));
            Assert.AreEqual(0, rig.Host.Reboots);
        }

        [TestMethod]
        public void RebootIsRefusedWithAVehicleUnlessForced()
        {
            CommandRig rig = new CommandRig().LoggedIn();
            rig.ChargeUntilEnergyTransfer();

            string refused = rig.Type("reboot");
            Assert.IsTrue(CommandRig.Has(refused, "error: reboot refused: a vehicle is connected"), refused);
            Assert.AreEqual(0, rig.Host.Reboots);

            string forced = rig.Type("reboot --force");
            Assert.IsTrue(CommandRig.Has(forced, "rebooting: yes\r\nforced: yes"), forced);
            Assert.AreEqual(1, rig.Host.Reboots);
        }

        [TestMethod]
        public void RebootWhenIdleCallsTheHostAndIsAudited()
        {
            CommandRig rig = new CommandRig().LoggedIn();

            rig.Type("reboot");

            Assert.AreEqual(1, rig.Host.Reboots);
            Assert.IsTrue(CommandRig.Has(rig.Type("log"), "reboot board: idle -> requested"));
        }

        [TestMethod]
        public void AFaultWithNoVehicleDoesNotHoldARebootBack()
        {
            CommandRig rig = new CommandRig().LoggedIn();
            rig.Sim.EmergencyStop.IsActive = true;
            rig.Run(100);
            Assert.AreEqual(V2G.Firmware.Session.ChargerState.Fault, rig.Controller.State);

            string output = rig.Type("reboot");

            Assert.AreEqual(1, rig.Host.Reboots, output);
            Assert.IsTrue(CommandRig.Has(rig.Type("log"), "reboot board: fault -> requested"));
        }

        [TestMethod]
        public void TheTableHasEveryCommandOnceWithUsageAndHelp()
        {
            IShellCommand[] all = ShellCommands.All();
            string[] expected = { "version", "status", "session", "battery", "meter", "faults", "log", "trace", "uplink", "config", "droop", "maintenance", "contactor", "insulation", "reboot" };

            Assert.AreEqual(expected.Length, all.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], all[i].Name);
                Assert.IsNotNull(all[i].Usage, expected[i]);
                Assert.IsTrue(all[i].Help.Length > 10, expected[i]);
            }
        }

        [TestMethod]
        public void HelpListsEveryCommandOfTheTable()
        {
            CommandRig rig = new CommandRig();

            string output = rig.Type("help");

            IShellCommand[] all = ShellCommands.All();
            for (int i = 0; i < all.Length; i++)
            {
                Assert.IsTrue(CommandRig.Has(output, "  " + all[i].Name + " "), all[i].Name + ": " + output);
            }
        }

        [TestMethod]
        public void EveryCommandAnswersInMachineModeWithValidFraming()
        {
            CommandRig rig = new CommandRig(true).InMachineMode();
            string[] lines = { "version", "status", "session", "meter", "faults", "log", "trace", "uplink", "config get", "droop", "maintenance", "contactor", "insulation" };

            for (int i = 0; i < lines.Length; i++)
            {
                string output = rig.Type("$" + (i + 1).ToString() + " " + lines[i]);
                Assert.IsTrue(output.StartsWith("{\"seq\":" + (i + 1).ToString() + ",\"ok\":true"), lines[i] + ": " + output);
                Assert.IsTrue(output.EndsWith("\r\n") && output[output.Length - 5] == '*', lines[i] + ": " + output);
            }
        }
    }
}
