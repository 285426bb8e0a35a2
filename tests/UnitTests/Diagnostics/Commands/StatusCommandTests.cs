#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace V2G.UnitTests.Diagnostics.Commands
{
    /// <summary>status, version, session and meter on the simulator board.</summary>
    [TestClass]
    public class StatusCommandTests
    {
        [TestMethod]
        public void StatusIsOneHumanLineWithStateMeasurementsFaultsAndUplink()
        {
            CommandRig rig = new CommandRig();

            string output = rig.Type("status");

            string[] lines = output.Split('\n');
            Assert.IsTrue(CommandRig.Has(lines[1], "idle  P 0 W  ") && CommandRig.Has(lines[1], " V  ") && CommandRig.Has(lines[1], " A  SoC - % (reserve 30 %)  f "), output);
            Assert.IsTrue(CommandRig.Has(lines[1], " Hz  clip none  wear 0.000 EFC  faults 0  uplink none"), output);
        }

        [TestMethod]
        public void StatusJsonInHumanModePrintsTheSameFieldsAsOneJsonObject()
        {
            CommandRig rig = new CommandRig(true);
            rig.Run(500);

            string output = rig.Type("status --json");

            Assert.IsTrue(CommandRig.Has(output, "{\"ok\":true,\"cmd\":\"status\",\"data\":{\"state\":\"idle\",\"maintenance\":false,\"power_W\":0,"), output);
            Assert.IsTrue(CommandRig.Has(output, "\"soc_pct\":null,\"frequency_Hz\":50.0") && CommandRig.Has(output, "\"faults\":0,\"uplink\":\"online\"}}"), output);
            Assert.IsTrue(CommandRig.Has(output, ",\"soc_reserve_pct\":30.0,\"battery_clip_reason\":\"none\",\"battery_clipped_dc_W\":0,\"session_efc\":0.0000,\"degradation_cost\":null,\"currency\":\"\","), output);
        }

        [TestMethod]
        public void StatusInMachineModeCarriesTheSeqAndAChecksum()
        {
            CommandRig rig = new CommandRig().InMachineMode();

            string output = rig.Type("$7 status");

            Assert.IsTrue(output.StartsWith("{\"seq\":7,\"ok\":true,\"cmd\":\"status\",\"data\":{\"state\":\"idle\""), output);
            int star = output.IndexOf('*');
            int sum = 0;
            for (int i = 0; i < star; i++)
            {
                sum ^= output[i];
            }

            Assert.AreEqual(sum.ToString("X2"), output.Substring(star + 1, 2), output);
        }

        [TestMethod]
        public void StatusWhileChargingShowsPowerAndSoc()
        {
            CommandRig rig = new CommandRig();
            rig.ChargeUntilEnergyTransfer();
            rig.Run(3000);

            string output = rig.Type("status --json");

            Assert.IsTrue(CommandRig.Has(output, "\"state\":\"energy_transfer\""), output);
            Assert.IsFalse(CommandRig.Has(output, "\"power_W\":0,"), "power flows: " + output);
            Assert.IsTrue(CommandRig.Has(output, "\"soc_pct\":40."), output);
        }

        [TestMethod]
        public void VersionShowsFirmwareBoardBootIdAndUptime()
        {
            CommandRig rig = new CommandRig(true);
            rig.Host.UptimeMs = 12345;

            string output = rig.Type("version");

            Assert.IsTrue(CommandRig.Has(output, "firmware: 0.8.0-test\r\nboard: test-board\r\ncharger_id: sim-0001\r\nboot_id: 1\r\nuptime_s: 12.3 s\r\n"), output);
        }

        [TestMethod]
        public void SessionShowsProtocolStageLimitsInForceAndEnergySoFar()
        {
            CommandRig rig = new CommandRig();
            rig.ChargeUntilEnergyTransfer();
            rig.Run(5000);

            string output = rig.Type("session");

            Assert.IsTrue(CommandRig.Has(output, "active: yes\r\nprotocol: simulated\r\nstage: energy_transfer\r\nvehicle_present: yes\r\n"), output);
            Assert.IsTrue(CommandRig.Has(output, "max_charge_W: "), output);
            Assert.IsTrue(CommandRig.Has(output, "limited_by: "), output);
            Assert.IsFalse(CommandRig.Has(output, "\r\ncharged_Wh: 0.0 Wh"), "energy counted: " + output);
            Assert.IsFalse(CommandRig.Has(output, "NaN"), "nothing unknown shown as NaN: " + output);
        }

        [TestMethod]
        public void SessionWithoutAVehicleSaysSo()
        {
            CommandRig rig = new CommandRig();

            string output = rig.Type("session");

            Assert.IsTrue(CommandRig.Has(output, "active: no\r\nprotocol: none\r\nstage: idle\r\n"), output);
            Assert.IsTrue(CommandRig.Has(output, "no vehicle session"), output);
        }

        [TestMethod]
        public void MeterShowsTheUplinksAcRegistersAndTheSessionsDcEnergy()
        {
            CommandRig rig = new CommandRig(true);
            rig.ChargeUntilEnergyTransfer();
            rig.Run(5000);

            string output = rig.Type("meter --json");

            Assert.IsTrue(CommandRig.Has(output, "\"ac_source\":\"dc_converted\",\"energy_Wh_import\":"), output);
            Assert.IsFalse(CommandRig.Has(output, "\"energy_Wh_import\":0.0,"), "import counted: " + output);
            Assert.IsTrue(CommandRig.Has(output, "\"sessions\":1,"), output);
            Assert.IsTrue(CommandRig.Has(output, "\"session_Wh_charged\":"), output);
        }

        [TestMethod]
        public void MeterWithoutAnUplinkHasNoAcRegisters()
        {
            CommandRig rig = new CommandRig();

            string output = rig.Type("meter");

            Assert.IsTrue(CommandRig.Has(output, "ac_source: none\r\ndc_power_W: 0 W\r\n"), output);
        }
    }
}
