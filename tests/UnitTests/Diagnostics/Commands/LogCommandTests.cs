#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Diagnostics.Log;

namespace V2G.UnitTests.Diagnostics.Commands
{
    [TestClass]
    public class LogCommandTests
    {
        [TestMethod]
        public void LogShowNListsTheLastNEntriesOldestFirst()
        {
            CommandRig rig = new CommandRig();
            for (int i = 0; i < 10; i++)
            {
                rig.Log.Write(LogModule.Grid, LogLevel.Warn, "entry " + i.ToString(), 1000 + i);
            }

            string output = rig.Type("log show 3");

            Assert.IsTrue(CommandRig.Has(output, "warn  grid  entry 7"), output);
            Assert.IsTrue(output.IndexOf("entry 7") < output.IndexOf("entry 9"), output);
            Assert.IsFalse(CommandRig.Has(output, "entry 6"), output);
        }

        [TestMethod]
        public void LogLevelListsEveryModule()
        {
            CommandRig rig = new CommandRig();

            string output = rig.Type("log level");

            Assert.IsTrue(CommandRig.Has(output, "controller  info") && CommandRig.Has(output, "storage  info"), output);
        }

        [TestMethod]
        public void LogLevelChangeNeedsATechnicianAndIsAudited()
        {
            CommandRig rig = new CommandRig();
            Assert.IsTrue(CommandRig.Has(rig.Type("log level grid debug"), "error: login required"));
            Assert.AreEqual(LogLevel.Info, rig.Log.LevelOf(LogModule.Grid));

            rig.LoggedIn();
            string output = rig.Type("log level grid debug");

            Assert.IsTrue(CommandRig.Has(output, "module: grid\r\nlevel: debug\r\nwas: info"), output);
            Assert.AreEqual(LogLevel.Debug, rig.Log.LevelOf(LogModule.Grid));
            Assert.IsTrue(CommandRig.Has(rig.Type("log"), "log level grid: info -> debug"));
        }

        [TestMethod]
        public void LogLevelRefusesAnUnknownModuleOrLevelNamingTheChoices()
        {
            CommandRig rig = new CommandRig().LoggedIn();

            Assert.IsTrue(CommandRig.Has(rig.Type("log level gird info"), "error: unknown module 'gird' (modules: controller|safety|grid"));
            Assert.IsTrue(CommandRig.Has(rig.Type("log level grid loud"), "error: unknown level 'loud' (levels: error|warn|info|debug)"));
        }

        [TestMethod]
        public void LogDownloadStreamsEveryEntryInPartsInMachineMode()
        {
            CommandRig rig = new CommandRig().InMachineMode();
            for (int i = 0; i < 128; i++)
            {
                rig.Log.Write(LogModule.Controller, LogLevel.Info, "a fairly long diagnostic entry number " + i.ToString(), 2000 + i);
            }

            string output = rig.Type("$9 log download", 60000);

            Assert.AreEqual(128, CommandRig.CountOf(output, "\"text\":\"a fairly long diagnostic entry number "), output);
            Assert.IsTrue(CommandRig.Has(output, "\"wall_ms\":0,\"earlier_boot\":false"), output);
            Assert.IsTrue(CommandRig.CountOf(output, "\"more\":true") > 2, output);
            Assert.AreEqual(1, CommandRig.CountOf(output, "\"more\":false"), output);
        }

        [TestMethod]
        public void LogRefusesAnUnknownSubcommandWithItsUsage()
        {
            CommandRig rig = new CommandRig();

            Assert.IsTrue(CommandRig.Has(rig.Type("log tail"), "error: unknown argument 'tail' (usage: log [show [N]] | level"));
        }
    }
}
