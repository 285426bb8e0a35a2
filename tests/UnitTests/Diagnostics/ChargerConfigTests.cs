#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Diagnostics;
using V2G.Firmware.Grid;
using V2G.Firmware.Settings;
using V2G.Firmware.Storage;
using V2G.Firmware.Uplink;
using V2G.Sim.Plant.Board;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Diagnostics
{
    [TestClass]
    public class ChargerConfigTests
    {
        private static SimulatedCharger NewCharger()
        {
            return new SimulatedCharger(new ChargerSettings(), 60, 40, 50);
        }

        private static ChargerConfig ConfigOf(SimulatedCharger sim, UplinkSettings uplink)
        {
            return new ChargerConfig(sim.Controller, uplink, sim.Store, ChargerConfig.DefaultRecordId);
        }

        [TestMethod]
        public void EveryKeyOfTheIssueIsInTheTableAndReadable()
        {
            ChargerConfig config = ConfigOf(NewCharger(), new UplinkSettings());
            string[] keys =
            {
                "charger_id", "max_charge_power_W", "max_discharge_power_W", "max_charge_current_A", "max_discharge_current_A",
                "droop.preset", "droop.enabled", "droop.db_of_Hz", "droop.db_uf_Hz", "droop.k_of", "droop.k_uf", "droop.response_s",
                "uplink.heartbeat_timeout_s", "uplink.telemetry_period_s", "uplink.idle_period_s",
                "battery.reserve_soc_pct", "battery.max_soc_pct",
            };
            Assert.AreEqual(keys.Length, config.Count);
            for (int i = 0; i < keys.Length; i++)
            {
                Assert.AreEqual(keys[i], config.KeyAt(i).Name);
                Assert.IsNotNull(config.Get(keys[i]), keys[i]);
            }

            Assert.AreEqual("30000", config.Get("max_charge_power_W"));
            Assert.AreEqual("sim-0001", config.Get("charger_id"));
            Assert.AreEqual("en50549", config.Get("droop.preset"));
            Assert.AreEqual("0.2", config.Get("droop.db_of_Hz"));
            Assert.AreEqual("60", config.Get("uplink.heartbeat_timeout_s"));
            Assert.IsNull(config.Get("nonsense"));
        }

        [TestMethod]
        public void ARatingChangeIsInForceAtTheNextTick()
        {
            SimulatedCharger sim = NewCharger();
            ChargerConfig config = ConfigOf(sim, new UplinkSettings());
            Assert.IsNull(config.Set("max_charge_power_W", "22000"));
            Assert.IsNull(config.Set("max_discharge_power_W", "11000"));
            Assert.IsNull(config.Set("max_charge_current_A", "80.5"));
            Assert.IsNull(config.Set("max_discharge_current_A", "40"));
            Assert.AreEqual("22000", config.Get("max_charge_power_W"), "get shows the value set");
            sim.RunTick();
            Assert.AreEqual(22000.0, sim.Settings.MaxChargePowerW);
            Assert.AreEqual(11000.0, sim.Settings.MaxDischargePowerW, "two sets before a tick both count");
            Assert.AreEqual(80.5, sim.Settings.MaxChargeCurrentA);
            Assert.AreEqual(40.0, sim.Settings.MaxDischargeCurrentA);
            Assert.AreEqual(22000.0, sim.Controller.Limits.MaxChargePowerW);
        }

        [TestMethod]
        public void ARatingAboveTheChargersRatingIsRefusedWithTheRange()
        {
            SimulatedCharger sim = NewCharger();
            ChargerConfig config = ConfigOf(sim, new UplinkSettings());
            Assert.AreEqual("max_charge_power_W must be 0..30000 W (the charger's rating)", config.Set("max_charge_power_W", "40000"));
            Assert.AreEqual("max_discharge_power_W must be 0..30000 W (the charger's rating)", config.Set("max_discharge_power_W", "-1"));
            Assert.AreEqual("max_charge_current_A must be 0..100 A (the charger's rating)", config.Set("max_charge_current_A", "101"));
            Assert.AreEqual("max_discharge_current_A must be 0..100 A (the charger's rating)", config.Set("max_discharge_current_A", "1000"));
            Assert.AreEqual("30000", config.Get("max_charge_power_W"), "unchanged");
        }

        [TestMethod]
        public void ANumberThatIsNotOneIsRefused()
        {
            ChargerConfig config = ConfigOf(NewCharger(), new UplinkSettings());
            Assert.AreEqual("max_charge_power_W needs a number in W, not '22kW'", config.Set("max_charge_power_W", "22kW"));
            Assert.AreEqual("droop.k_of needs a number in pu, not '1,5'", config.Set("droop.k_of", "1,5"));
            Assert.AreEqual("max_charge_power_W needs a value", config.Set("max_charge_power_W", ""));
        }

        [TestMethod]
        public void AnUnknownKeyListsTheKeys()
        {
            ChargerConfig config = ConfigOf(NewCharger(), new UplinkSettings());
            string error = config.Set("max_power", "1");
            Assert.IsTrue(error.StartsWith("unknown key 'max_power' (keys: charger_id, max_charge_power_W,"), error);
        }

        [TestMethod]
        public void ADroopPresetIsInForceAtOnceAndStored()
        {
            SimulatedCharger sim = NewCharger();
            ChargerConfig config = ConfigOf(sim, new UplinkSettings());
            Assert.IsNull(config.Set("droop.preset", "fast"));
            Assert.AreEqual(DroopPresets.FastName, sim.Controller.Droop.Settings.PresetName);
            Assert.AreEqual("fast", config.Get("droop.preset"));
            DroopSettings stored = new DroopSettingsStore(sim.Store, DroopSettingsStore.DefaultRecordId).Load();
            Assert.AreEqual(DroopPresets.FastName, stored.PresetName);
        }

        [TestMethod]
        public void AnUnknownPresetIsRefusedWithTheChoices()
        {
            ChargerConfig config = ConfigOf(NewCharger(), new UplinkSettings());
            Assert.AreEqual("droop.preset must be one of ieee1547-cat2, ieee1547-cat3, en50549, china-storage, fast, not 'slow'", config.Set("droop.preset", "slow"));
        }

        [TestMethod]
        public void EachDroopParameterIsInForceAtOnceAndMakesTheSettingsCustom()
        {
            SimulatedCharger sim = NewCharger();
            ChargerConfig config = ConfigOf(sim, new UplinkSettings());
            Assert.IsNull(config.Set("droop.db_of_Hz", "0.05"));
            Assert.IsNull(config.Set("droop.db_uf_Hz", "0.06"));
            Assert.IsNull(config.Set("droop.k_of", "0.04"));
            Assert.IsNull(config.Set("droop.k_uf", "0.03"));
            Assert.IsNull(config.Set("droop.response_s", "2.5"));
            DroopSettings d = sim.Controller.Droop.Settings;
            Expect.Near(0.05, d.DeadbandOverHz, 1e-12, "dbOF");
            Expect.Near(0.06, d.DeadbandUnderHz, 1e-12, "dbUF");
            Expect.Near(0.04, d.DroopOver, 1e-12, "kOF");
            Expect.Near(0.03, d.DroopUnder, 1e-12, "kUF");
            Assert.AreEqual(2500, d.ResponseTimeMs);
            Assert.AreEqual("custom", d.PresetName);
            Assert.AreEqual("2.5", config.Get("droop.response_s"));

            Assert.IsNull(config.Set("droop.enabled", "off"));
            Assert.IsFalse(sim.Controller.Droop.Settings.Enabled);
            Assert.AreEqual("false", config.Get("droop.enabled"));
        }

        [TestMethod]
        public void DroopParametersOutOfRangeAreRefused()
        {
            ChargerConfig config = ConfigOf(NewCharger(), new UplinkSettings());
            Assert.AreEqual("droop.db_of_Hz must be 0..1 Hz", config.Set("droop.db_of_Hz", "2"));
            Assert.AreEqual("droop.db_uf_Hz must be 0..1 Hz", config.Set("droop.db_uf_Hz", "-0.1"));
            Assert.AreEqual("droop.k_of must be 0.01..0.2 pu", config.Set("droop.k_of", "0"));
            Assert.AreEqual("droop.k_uf must be 0.01..0.2 pu", config.Set("droop.k_uf", "0.5"));
            Assert.AreEqual("droop.response_s must be 0..60 s", config.Set("droop.response_s", "61"));
            Assert.AreEqual("droop.enabled must be true or false, not 'maybe'", config.Set("droop.enabled", "maybe"));
        }

        [TestMethod]
        public void UplinkPeriodsAreInForceAtOnceAndTheHeartbeatAfterAReboot()
        {
            UplinkSettings uplink = new UplinkSettings();
            ChargerConfig config = ConfigOf(NewCharger(), uplink);
            Assert.IsNull(config.Set("uplink.telemetry_period_s", "2"));
            Assert.IsNull(config.Set("uplink.idle_period_s", "30"));
            Assert.AreEqual(2000, uplink.TelemetryActivePeriodMs);
            Assert.AreEqual(30000, uplink.TelemetryIdlePeriodMs);
            Assert.IsNull(config.Set("uplink.heartbeat_timeout_s", "120"));
            Assert.AreEqual("stored; takes effect after a reboot", config.LastWarning);
            Assert.IsTrue(config.Find("uplink.heartbeat_timeout_s").NeedsReboot);
            Assert.AreEqual("120", config.Get("uplink.heartbeat_timeout_s"));
            Assert.AreEqual("uplink.telemetry_period_s must be 1..60 s", config.Set("uplink.telemetry_period_s", "0.5"));
            Assert.AreEqual("uplink.idle_period_s must be 1..3600 s", config.Set("uplink.idle_period_s", "4000"));
            Assert.AreEqual("uplink.heartbeat_timeout_s must be 5..3600 s", config.Set("uplink.heartbeat_timeout_s", "1"));
        }

        [TestMethod]
        public void TheChargerIdNeedsARebootAndFollowsTheTopicRule()
        {
            UplinkSettings uplink = new UplinkSettings();
            ChargerConfig config = ConfigOf(NewCharger(), uplink);
            Assert.IsNull(config.Set("charger_id", "depot-7"));
            Assert.AreEqual("stored; takes effect after a reboot", config.LastWarning);
            Assert.IsTrue(config.IsRebootPending);
            Assert.AreEqual("depot-7", config.Get("charger_id"));
            Assert.AreEqual("sim-0001", uplink.ChargerId, "the running uplink keeps its id");
            Assert.AreEqual("charger_id must be 1-32 characters of A-Z a-z 0-9 _ -", config.Set("charger_id", "a/b"));
            Assert.AreEqual("charger_id must be 1-32 characters of A-Z a-z 0-9 _ -", config.Set("charger_id", "012345678901234567890123456789012"));
        }

        [TestMethod]
        public void StoredValuesAreInForceAfterAReboot()
        {
            SimulatedCharger sim = NewCharger();
            ChargerConfig config = ConfigOf(sim, new UplinkSettings());
            Assert.IsNull(config.Set("charger_id", "depot-7"));
            Assert.IsNull(config.Set("max_discharge_power_W", "7400"));
            Assert.IsNull(config.Set("uplink.heartbeat_timeout_s", "90"));
            Assert.IsNull(config.Set("uplink.idle_period_s", "20"));

            // A reboot: a fresh controller and uplink settings over the same store.
            SimulatedCharger rebooted = NewCharger();
            FlashRecordStore store = new FlashRecordStore(sim.Flash, 16, 128);
            UplinkSettings uplink = new UplinkSettings();
            ChargerConfig after = new ChargerConfig(rebooted.Controller, uplink, store, ChargerConfig.DefaultRecordId);
            Assert.AreEqual("depot-7", uplink.ChargerId);
            Assert.AreEqual(90000, uplink.HeartbeatTimeoutMs);
            Assert.AreEqual(20000, uplink.TelemetryIdlePeriodMs);
            Assert.AreEqual("7400", after.Get("max_discharge_power_W"));
            rebooted.RunTick();
            Assert.AreEqual(7400.0, rebooted.Settings.MaxDischargePowerW);
            Assert.AreEqual(30000.0, rebooted.Settings.MaxChargePowerW, "the others as rated");
        }

        [TestMethod]
        public void TheOwnersSocWindowIsInForceAtTheNextTickAndAfterAReboot()
        {
            SimulatedCharger sim = NewCharger();
            ChargerConfig config = ConfigOf(sim, new UplinkSettings());
            Assert.AreEqual("30", config.Get("battery.reserve_soc_pct"));

            Assert.IsNull(config.Set("battery.reserve_soc_pct", "42.5"));
            Assert.IsNull(config.Set("battery.max_soc_pct", "90"));
            Assert.AreEqual(30.0, sim.Settings.BatteryGuard.ReserveSocPercent, "the control thread takes it at its tick");
            sim.RunTick();
            Assert.AreEqual(42.5, sim.Settings.BatteryGuard.ReserveSocPercent);
            Assert.AreEqual(90.0, sim.Settings.BatteryGuard.MaxSocPercent);

            SimulatedCharger rebooted = NewCharger();
            ChargerConfig after = new ChargerConfig(rebooted.Controller, new UplinkSettings(), new FlashRecordStore(sim.Flash, 16, 128), ChargerConfig.DefaultRecordId);
            Assert.AreEqual("42.5", after.Get("battery.reserve_soc_pct"));
            rebooted.RunTick();
            Assert.AreEqual(42.5, rebooted.Settings.BatteryGuard.ReserveSocPercent);
            Assert.AreEqual(90.0, rebooted.Settings.BatteryGuard.MaxSocPercent);
        }

        [TestMethod]
        public void AReserveAtOrAboveTheMaximumIsRefused()
        {
            SimulatedCharger sim = NewCharger();
            ChargerConfig config = ConfigOf(sim, new UplinkSettings());
            Assert.IsNull(config.Set("battery.max_soc_pct", "80"));

            Assert.AreEqual("battery.reserve_soc_pct (80 %) must be below battery.max_soc_pct (80 %)", config.Set("battery.reserve_soc_pct", "80"));
            Assert.AreEqual("battery.max_soc_pct must be 0..100 %", config.Set("battery.max_soc_pct", "101"));
            sim.RunTick();
            Assert.AreEqual(30.0, sim.Settings.BatteryGuard.ReserveSocPercent, "nothing refused was put in force");
        }

        [TestMethod]
        public void NumbersAreParsedAndShownInvariantly()
        {
            double v;
            Assert.IsTrue(ChargerConfig.TryParseNumber("-0.036", out v));
            Expect.Near(-0.036, v, 1e-15, "parsed");
            Assert.IsFalse(ChargerConfig.TryParseNumber("1e3", out v));
            Assert.IsFalse(ChargerConfig.TryParseNumber(".", out v));
            Assert.AreEqual("0.036", ChargerConfig.FormatNumber(0.036));
            Assert.AreEqual("30000", ChargerConfig.FormatNumber(30000));
        }
    }
}
