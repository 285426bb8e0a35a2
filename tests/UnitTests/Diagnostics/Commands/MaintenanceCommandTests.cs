#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace V2G.UnitTests.Diagnostics.Commands
{
    /// <summary>maintenance, droop test, contactor test and insulation test on the simulator's plant.</summary>
    [TestClass]
    public class MaintenanceCommandTests
    {
        [TestMethod]
        public void MaintenanceOnNeedsATechnician()
        {
            CommandRig rig = new CommandRig();

            Assert.IsTrue(CommandRig.Has(rig.Type("maintenance on"), "error: login required (read-only session)"));
            Assert.IsFalse(rig.Controller.IsInMaintenance);
        }

        [TestMethod]
        public void MaintenanceOnAndOffAreInForceAtTheNextTickAndAudited()
        {
            CommandRig rig = new CommandRig().LoggedIn();

            string on = rig.Type("maintenance on");
            Assert.IsTrue(CommandRig.Has(on, "maintenance: yes\r\nwas: no\r\n"), on);
            rig.Run(40);
            Assert.IsTrue(rig.Controller.IsInMaintenance);
            Assert.IsTrue(CommandRig.Has(rig.Type("maintenance"), "maintenance: yes"));

            rig.Type("maintenance off");
            rig.Run(40);
            Assert.IsFalse(rig.Controller.IsInMaintenance);
            string log = rig.Type("log");
            Assert.IsTrue(CommandRig.Has(log, "maintenance mode: off -> on") && CommandRig.Has(log, "maintenance mode: on -> off"), log);
        }

        [TestMethod]
        public void MaintenanceIsRefusedWhileAVehicleIsConnected()
        {
            CommandRig rig = new CommandRig().LoggedIn();
            rig.ChargeUntilEnergyTransfer();

            string output = rig.Type("maintenance on");

            Assert.IsTrue(CommandRig.Has(output, "error: maintenance refused: a vehicle is connected"), output);
            Assert.IsFalse(rig.Controller.IsInMaintenance);
        }

        [TestMethod]
        public void DroopTestIsRefusedOutsideMaintenance()
        {
            CommandRig rig = new CommandRig().LoggedIn();

            string output = rig.Type("droop test -0.5 10");

            Assert.IsTrue(CommandRig.Has(output, "error: droop test refused: maintenance mode is off (maintenance on first)"), output);
        }

        [TestMethod]
        public void DroopTestInMaintenanceShowsTheDroopsResponseInDroopShow()
        {
            CommandRig rig = new CommandRig().LoggedIn();
            rig.Type("maintenance on");
            rig.Run(40);

            string test = rig.Type("droop test -0.5 10");
            rig.Run(3000);
            string show = rig.Type("droop show");

            Assert.IsTrue(CommandRig.Has(test, "test_offset_Hz: -0.500 Hz\r\nduration_s: 10.0 s\r\n"), test);
            Assert.IsTrue(CommandRig.Has(show, "test_offset_Hz: -0.500 Hz\r\n"), show);
            Assert.IsTrue(CommandRig.Has(show, "active: yes\r\n"), show);
            Assert.IsTrue(rig.Controller.Droop.ContributionW < -1000, "under-frequency: the droop discharges, " + show);
        }

        [TestMethod]
        public void DroopTestRefusesAnOffsetThatIsNotANumber()
        {
            CommandRig rig = new CommandRig().LoggedIn();

            Assert.IsTrue(CommandRig.Has(rig.Type("droop test fast"), "error: OFFSET_HZ must be a number (usage: droop [show] | test OFFSET_HZ [SECONDS])"));
        }

        [TestMethod]
        public void ContactorTestStreamsItsProgressAndPasses()
        {
            CommandRig rig = new CommandRig().LoggedIn();
            rig.Type("maintenance on");
            rig.Run(40);

            string output = rig.Type("contactor test");

            Assert.IsTrue(CommandRig.Has(output, "progress:\r\n"), output);
            Assert.IsTrue(CommandRig.Has(output, "status: passed\r\npassed: yes\r\n"), output);
            Assert.IsTrue(CommandRig.Has(output, "positive_close_ms: ") && !CommandRig.Has(output, "positive_close_ms: -1"), output);
        }

        [TestMethod]
        public void ContactorTestFailsWithAWeldedContactor()
        {
            CommandRig rig = new CommandRig().LoggedIn();
            rig.Type("maintenance on");
            rig.Run(40);
            rig.Type("contactor test");
            rig.Sim.Negative.IsWelded = true;

            string output = rig.Type("contactor test");

            Assert.IsTrue(CommandRig.Has(output, "status: failed\r\npassed: no\r\n"), output);
            Assert.IsTrue(CommandRig.Has(output, "negative_open_ms: -1"), output);
        }

        [TestMethod]
        public void ContactorTestIsRefusedOutsideMaintenance()
        {
            CommandRig rig = new CommandRig().LoggedIn();

            string output = rig.Type("contactor test");

            Assert.IsTrue(CommandRig.Has(output, "error: contactor test refused: ") && CommandRig.Has(output, "(maintenance on first)"), output);
        }

        [TestMethod]
        public void InsulationTestStreamsItsProgressAndPassesOnAHealthyPlant()
        {
            CommandRig rig = new CommandRig().LoggedIn();
            rig.Type("maintenance on");
            rig.Run(40);

            string output = rig.Type("insulation test 500", 30000);

            Assert.IsTrue(CommandRig.Has(output, "status: passed\r\npassed: yes\r\n"), output);
            Assert.IsTrue(CommandRig.Has(output, "test_V: 500.0 V\r\n"), output);
            Assert.IsTrue(CommandRig.Has(output, "limit_kohm: 50.0 kohm"), output);
        }

        [TestMethod]
        public void InsulationTestFailsBelowTheHundredOhmPerVoltRule()
        {
            CommandRig rig = new CommandRig().LoggedIn();
            rig.Sim.Insulation.PathResistanceOhm = 20000;
            rig.Type("maintenance on");
            rig.Run(40);

            string output = rig.Type("insulation test 500", 30000);

            Assert.IsTrue(CommandRig.Has(output, "status: failed\r\npassed: no\r\n"), output);
        }

        [TestMethod]
        public void InsulationTestIsRefusedWithAVehicleConnected()
        {
            CommandRig rig = new CommandRig().LoggedIn();
            rig.ChargeUntilEnergyTransfer();

            string output = rig.Type("insulation test");

            Assert.IsTrue(CommandRig.Has(output, "error: insulation test refused: a vehicle is connected"), output);
        }

        [TestMethod]
        public void InsulationTestInMachineModeEndsWithTheVerdict()
        {
            CommandRig rig = new CommandRig().LoggedIn();
            rig.Type("maintenance on");
            rig.Run(40);
            rig.InMachineMode();

            string output = rig.Type("$5 insulation test 400", 30000);

            Assert.IsTrue(CommandRig.Has(output, "\"more\":false,\"data\":{\"progress\":[") || CommandRig.Has(output, "\"more\":false"), output);
            Assert.IsTrue(CommandRig.Has(output, "\"status\":\"passed\",\"passed\":true"), output);

            // While the test runs with nothing new to say, no empty part goes out (only progress rows and the verdict).
            Assert.AreEqual(0, CommandRig.CountOf(output, "\"progress\":[]}"), output);
            Assert.IsTrue(CommandRig.CountOf(output, "*") < 12, "a handful of parts, not one per poll: " + output);
        }
    }
}
