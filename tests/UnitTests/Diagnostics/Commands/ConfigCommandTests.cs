#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace V2G.UnitTests.Diagnostics.Commands
{
    [TestClass]
    public class ConfigCommandTests
    {
        [TestMethod]
        public void ConfigGetListsEveryKeyWithItsValueAndUnit()
        {
            CommandRig rig = new CommandRig();

            string output = rig.Type("config get");

            Assert.IsTrue(CommandRig.Has(output, "max_charge_power_W  30000  W"), output);
            Assert.IsTrue(CommandRig.Has(output, "charger_id  sim-0001  after reboot"), output);
            Assert.IsTrue(CommandRig.Has(output, "uplink.idle_period_s  "), output);
        }

        [TestMethod]
        public void ConfigGetOneKeyShowsItsRangeAndHelp()
        {
            CommandRig rig = new CommandRig();

            string output = rig.Type("config get max_charge_power_W");

            Assert.IsTrue(CommandRig.Has(output, "key: max_charge_power_W\r\nvalue: 30000\r\nunit: W\r\nrange: 0..30000\r\nneeds_reboot: no\r\n"), output);
        }

        [TestMethod]
        public void ConfigGetAnUnknownKeyListsTheKeys()
        {
            CommandRig rig = new CommandRig();

            string output = rig.Type("config get max_power");

            Assert.IsTrue(CommandRig.Has(output, "error: unknown key 'max_power' (keys: charger_id, max_charge_power_W"), output);
        }

        [TestMethod]
        public void ConfigSetNeedsATechnician()
        {
            CommandRig rig = new CommandRig();

            string output = rig.Type("config set max_charge_power_W 22000");

            Assert.IsTrue(CommandRig.Has(output, "error: login required (read-only session)"), output);
            Assert.AreEqual("30000", rig.Config.Get("max_charge_power_W"));
        }

        [TestMethod]
        public void ConfigSetChangesTheValueAndAuditsOldAndNew()
        {
            CommandRig rig = new CommandRig().LoggedIn();

            string output = rig.Type("config set max_charge_power_W 22000");

            Assert.IsTrue(CommandRig.Has(output, "key: max_charge_power_W\r\nvalue: 22000\r\nwas: 30000\r\n"), output);
            Assert.IsTrue(CommandRig.Has(rig.Type("log"), "config max_charge_power_W: 30000 -> 22000"));
        }

        [TestMethod]
        public void ConfigSetOutOfRangeIsRefusedWithTheRange()
        {
            CommandRig rig = new CommandRig().LoggedIn();

            string output = rig.Type("config set max_charge_power_W 50000");

            Assert.IsTrue(CommandRig.Has(output, "error: max_charge_power_W must be 0..30000 W"), output);
            Assert.AreEqual("30000", rig.Config.Get("max_charge_power_W"));
        }

        [TestMethod]
        public void ConfigSetWithoutAValueSaysWhatIsMissing()
        {
            CommandRig rig = new CommandRig().LoggedIn();

            Assert.IsTrue(CommandRig.Has(rig.Type("config set max_charge_power_W"), "error: set needs a KEY and a VALUE (usage: config get [KEY] | set KEY VALUE)"));
        }

        [TestMethod]
        public void ADroopPresetSetThroughConfigIsInForceInDroopShow()
        {
            CommandRig rig = new CommandRig().LoggedIn();

            string set = rig.Type("config set droop.preset ieee1547-cat3");
            string show = rig.Type("droop show");

            Assert.IsTrue(CommandRig.Has(set, "value: ieee1547-cat3\r\n"), set);
            Assert.IsTrue(CommandRig.Has(show, "preset: ieee1547-cat3\r\n"), show);
            Assert.IsTrue(CommandRig.Has(show, "db_of_Hz: 0.017 Hz\r\n"), show);
            Assert.AreEqual("ieee1547-cat3", rig.Controller.Droop.Settings.PresetName);
        }

        [TestMethod]
        public void ConfigSetInMachineModeAnswersWithTheSameFields()
        {
            CommandRig rig = new CommandRig().LoggedIn().InMachineMode();

            string output = rig.Type("$4 config set uplink.telemetry_period_s 2");

            Assert.IsTrue(output.StartsWith("{\"seq\":4,\"ok\":true,\"cmd\":\"config\",\"data\":{\"key\":\"uplink.telemetry_period_s\",\"value\":\"2\",\"was\":\"1\""), output);
        }
    }
}
