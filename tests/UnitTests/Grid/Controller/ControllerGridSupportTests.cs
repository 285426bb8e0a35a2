#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Faults;
using V2G.Firmware.Grid;
using V2G.Firmware.Session;
using V2G.Firmware.Storage;
using V2G.Sim.Plant.Storage;
using V2G.UnitTests.Fakes;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Grid.Controller
{
    [TestClass]
    public class ControllerGridSupportTests
    {
        /// <summary>One control tick with the grid cycles a 20 ms period holds at the given frequency.</summary>
        private static void TickWithGrid(ControllerRig rig, double frequencyHz)
        {
            rig.Grid.PeriodUs = 1000000.0 / frequencyHz;
            rig.Grid.Pending = 1;
            rig.TicksWithVehicle(1);
        }

        private static ControllerRig DischargingWithFastDroop()
        {
            ControllerRig rig = new ControllerRig();
            rig.Settings.DroopPreset = DroopPresets.FastName;
            rig.Build();
            rig.ToEnergyTransfer();
            rig.Controller.SetDispatchPowerW(-10000);
            for (int i = 0; i < 100; i++)
            {
                TickWithGrid(rig, 50.0);
            }

            return rig;
        }

        [TestMethod]
        public void AnUnderFrequencyStepRaisesTheExportAroundTheSetpointWithoutWaitingForTheDispatchRamp()
        {
            ControllerRig rig = DischargingWithFastDroop();
            Expect.Near(-10000, rig.Controller.Transfer.TotalCommandW, 1, "before the step");

            // fast: 0.017 Hz deadband, 2 % droop, 30 kW rated: 49.8 Hz is 0.183 Hz beyond, 0.183 pu more export.
            double expectedW = -10000 - 0.183 / (50 * 0.02) * rig.Controller.Droop.Settings.RatedPowerW;
            int ticks = 0;
            while (ticks < 10 && rig.Controller.Transfer.TotalCommandW > expectedW + 50)
            {
                TickWithGrid(rig, 49.8);
                ticks++;
            }

            // The dispatch ramp (15 kW/s) would need 366 ms = 18 ticks for this change.
            Assert.IsTrue(ticks <= 6, "ticks until the droop's answer is commanded: " + ticks);
            for (int i = 0; i < 20; i++)
            {
                TickWithGrid(rig, 49.8);
            }

            Expect.Near(expectedW, rig.Controller.Transfer.TotalCommandW, 20, "the droop equation's power");
            Expect.Near(-10000, rig.Controller.Transfer.PowerCommandW, 1, "the dispatch part is unchanged");
        }

        [TestMethod]
        public void DroopSettingsAppliedBeforeARebootAreInForceAfterIt()
        {
            SimulatedFlash flash = new SimulatedFlash(1024, 2);
            ControllerRig before = new ControllerRig();
            before.Build();
            Assert.IsFalse(before.Controller.UseDroopStore(new DroopSettingsStore(new FlashRecordStore(flash, 4, 96), DroopSettingsStore.DefaultRecordId)), "blank flash: the preset stays");
            Assert.AreEqual(DroopPresets.En50549LfsmName, before.Controller.Droop.Settings.PresetName);
            DroopSettings china = DroopPresets.ChinaStorage(50);
            china.Enabled = true;
            Assert.IsNull(before.Controller.ApplyDroopSettings(china));

            // Reboot: a new controller, the record store mounted again on the same flash.
            ControllerRig after = new ControllerRig();
            after.Build();
            Assert.IsTrue(after.Controller.UseDroopStore(new DroopSettingsStore(new FlashRecordStore(flash, 4, 96), DroopSettingsStore.DefaultRecordId)));

            Assert.AreEqual(DroopPresets.ChinaStorageName, after.Controller.Droop.Settings.PresetName);
            Expect.Near(0.05, after.Controller.Droop.Settings.DeadbandUnderHz, 1e-6, "deadband after the reboot");
            Assert.IsTrue(after.Controller.Droop.Settings.Enabled);
        }

        [TestMethod]
        public void AGridFaultIsRaisedOnlyWhileTheOutputIsLive()
        {
            ControllerRig rig = new ControllerRig();
            rig.Build();
            for (int i = 0; i < 50; i++)
            {
                TickWithGrid(rig, 46.0);
            }

            Assert.IsFalse(rig.Controller.IsFaultActive(FaultCode.GridUnderFrequency), "idle: nothing to cease");
        }

        [TestMethod]
        public void AnUnderFrequencyBelowTheFastStageCeasesToEnergizeWithinItsClearingTime()
        {
            ControllerRig rig = DischargingWithFastDroop();
            int clearingMs = rig.Controller.Protection.Settings.UnderFrequency2ClearingMs;
            int ticks = 0;
            while (ticks < 100 && !rig.Controller.IsFaultActive(FaultCode.GridUnderFrequency))
            {
                TickWithGrid(rig, 46.0);
                ticks++;
            }

            // The estimator needs its guard's confirmation (3 cycles) before the trip's timer starts.
            long elapsedMs = ticks * (long)rig.Settings.TickPeriodMs;
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.GridUnderFrequency));
            Expect.AtMost(clearingMs + 3 * 20 + rig.Settings.TickPeriodMs, elapsedMs, "ms from the step to the trip");
            Assert.IsFalse(rig.Stage.IsEnabled, "the converter ceased to energize");
        }
    }
}
