#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Diagnostics;
using V2G.Firmware.Session;

namespace V2G.UnitTests.Diagnostics.Commands
{
    /// <summary>`battery` (read-only) and the battery guard in `status`, on the simulator board.</summary>
    [TestClass]
    public class BatteryCommandTests
    {
        /// <summary>A rig charging, then dispatched to discharge at <paramref name="dispatchW"/> DC for <paramref name="ms"/>.</summary>
        private static CommandRig Discharging(CommandRig rig, double dispatchW, long ms)
        {
            rig.ChargeUntilEnergyTransfer();
            rig.Controller.SetDispatchPowerW(dispatchW);
            rig.Run(ms);
            return rig;
        }

        [TestMethod]
        public void BatteryIsReadOnlyAndListedInHelp()
        {
            CommandRig rig = new CommandRig();

            string help = rig.Type("help");
            string output = rig.Type("battery");

            Assert.IsTrue(CommandRig.Has(help, "battery"), help);
            Assert.IsFalse(CommandRig.Has(output, "error:"), "no login needed: " + output);
        }

        [TestMethod]
        public void BatteryShowsTheWindowTheLimitsAndTheModelWithoutAVehicle()
        {
            CommandRig rig = new CommandRig();

            string output = rig.Type("battery");

            Assert.IsTrue(CommandRig.Has(output, "enabled: yes\r\nmodel: "), output);
            Assert.IsTrue(CommandRig.Has(output, "reserve_pct: 30.0 %\r\nmax_pct: 100.0 %\r\nvehicle_min_pct: -\r\nvehicle_target_pct: -\r\nreserve_in_force_pct: 30.0 %\r\nsoc_pct: -\r\ndeparture_in_s: -\r\n"), output);
            Assert.IsTrue(CommandRig.Has(output, "max_discharge_c_rate: 1.00 /h"), output);
            Assert.IsTrue(CommandRig.Has(output, "clip_reason: none\r\nclipped_dc_W: 0 W\r\n"), output);
            Assert.IsTrue(CommandRig.Has(output, "replacement_cost: -\r\ncurrency: -\r\n"), output);
            Assert.IsTrue(CommandRig.Has(output, "clip_counts:\r\n  (none)"), output);
            Assert.IsFalse(CommandRig.Has(output, "NaN"), "nothing unknown shown as NaN: " + output);
        }

        [TestMethod]
        public void BatteryRefusesAnArgument()
        {
            CommandRig rig = new CommandRig();

            string output = rig.Type("battery reset");

            Assert.IsTrue(CommandRig.Has(output, "error: unknown argument 'reset' (usage: battery [--json])"), output);
        }

        [TestMethod]
        public void BatteryShowsTheClipAndItsCountWhenTheReserveHoldsADischarge()
        {
            CommandRig rig = new CommandRig();
            rig.Controller.Guard.Settings.ReserveSocPercent = 45;
            Discharging(rig, -7000, 3000);

            string output = rig.Type("battery");

            Assert.IsTrue(CommandRig.Has(output, "clip_reason: soc_reserve\r\nclipped_dc_W: 7000 W\r\n"), output);
            Assert.IsTrue(CommandRig.Has(output, "soc_pct: 40."), output);
            Assert.IsTrue(CommandRig.Has(output, "clip_counts:\r\n"), output);
            Assert.IsTrue(CommandRig.Has(output, "clip_counts:\r\n  soc_reserve  1"), output);
        }

        [TestMethod]
        public void BatteryJsonCarriesTheFiguresAndTheClipCountsAsAList()
        {
            CommandRig rig = new CommandRig();
            rig.Controller.Guard.Settings.ReserveSocPercent = 45;
            rig.Controller.Guard.Settings.Degradation.ReplacementCost = 35193.6;
            Discharging(rig, -7000, 3000);

            string output = rig.Type("battery --json");

            Assert.IsTrue(CommandRig.Has(output, "{\"ok\":true,\"cmd\":\"battery\",\"data\":{\"enabled\":true,"), output);
            Assert.IsTrue(CommandRig.Has(output, "\"departure_in_s\":null,"), output);
            Assert.IsTrue(CommandRig.Has(output, "\"replacement_cost\":35193.60,\"currency\":\"\",\"session_Wh_charged\":"), output);
            Assert.IsTrue(CommandRig.Has(output, "\"lifetime_efc\":"), output);
            Assert.IsTrue(CommandRig.Has(output, "\"clip_counts\":[{\"reason\":\"soc_reserve\",\"ticks\":"), output);
            Assert.IsTrue(CommandRig.Has(output, "}]}}"), output);
        }

        [TestMethod]
        public void BatteryInMachineModeFitsOneLine()
        {
            CommandRig rig = new CommandRig(true).InMachineMode();
            rig.Controller.Guard.Settings.ReserveSocPercent = 45;
            rig.Controller.Guard.Settings.Degradation.ReplacementCost = 35193.6;
            Discharging(rig, -7000, 3000);

            string output = rig.Type("$3 battery");

            Assert.IsTrue(output.StartsWith("{\"seq\":3,\"ok\":true,\"cmd\":\"battery\",\"data\":{"), output);
            Assert.IsFalse(CommandRig.Has(output, "\"part\""), "one line, not streamed: " + output);
            Assert.IsTrue(CommandRig.Has(output, "\"currency\":\"CNY\""), output);
            Assert.IsTrue(output.Length < ShellReply.MachineBufferBytes, output.Length.ToString());
        }

        [TestMethod]
        public void StatusShowsTheClipReasonAndTheReserveWhileTheGuardHoldsADischarge()
        {
            CommandRig rig = new CommandRig();
            rig.Controller.Guard.Settings.ReserveSocPercent = 45;
            Discharging(rig, -7000, 3000);

            string human = rig.Type("status");
            string json = rig.Type("status --json");

            Assert.IsTrue(CommandRig.Has(human, "% (reserve 45 %)  f "), human);
            Assert.IsTrue(CommandRig.Has(human, "  clip soc_reserve 7000 W  wear "), human);
            Assert.IsTrue(CommandRig.Has(json, "\"soc_reserve_pct\":45.0,\"battery_clip_reason\":\"soc_reserve\",\"battery_clipped_dc_W\":7000,"), json);
            Assert.AreEqual(ChargerState.EnergyTransfer, rig.Controller.State);
        }

        [TestMethod]
        public void StatusShowsTheSessionsWearCostWhenTheReplacementCostIsKnown()
        {
            CommandRig rig = new CommandRig(true);
            rig.Controller.Guard.Settings.Degradation.ReplacementCost = 35193.6;

            string human = rig.Type("status");

            Assert.IsTrue(CommandRig.Has(human, "  wear 0.000 EFC 0.00 CNY  faults "), human);
        }
    }
}
