#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Telemetry;

namespace V2G.UnitTests.Telemetry
{
    [TestClass]
    public class EncoderTests
    {
        // 2026-11-26T05:00:01.000Z
        private const long Ts = 1795669201000;

        private static TelemetrySample Discharging()
        {
            TelemetrySample s = new TelemetrySample();
            s.UnixMs = Ts;
            s.Seq = 17;
            s.State = "energy_transfer";
            s.PowerW = -7400;
            s.DcVoltageV = 401.2;
            s.DcCurrentA = -18.6;
            s.DcPowerW = -7462.32;
            s.FrequencyHz = 49.987;
            s.SocPercent = 55.2;
            s.HasSetpoint = true;
            s.SetpointW = -7400;
            s.SetpointId = "abc";
            s.DroopW = 0;
            s.LimitReason = "none";
            s.BatteryClipReason = "none";
            s.ActiveFaults = 0;
            return s;
        }

        [TestMethod]
        public void ATelemetrySampleIsTheContractsDocument()
        {
            JsonWriter w = new JsonWriter(512);
            TelemetrySample s = Discharging();

            Assert.IsTrue(TelemetryEncoder.Write(w, ref s, false));
            Assert.AreEqual(
                "{\"ts\":\"2026-11-26T05:00:01.000Z\",\"seq\":17,\"hist\":false,\"state\":\"energy_transfer\",\"power_W\":-7400.0,"
                + "\"dc_V\":401.20,\"dc_A\":-18.60,\"dc_power_W\":-7462.3,\"frequency_Hz\":49.987,\"soc_pct\":55.2,"
                + "\"setpoint_W\":-7400.0,\"setpoint_id\":\"abc\",\"droop_W\":0.0,\"limit_reason\":\"none\","
                + "\"battery_clip_reason\":\"none\",\"battery_clipped_dc_W\":0.0,\"faults\":0}",
                w.ToString());
        }

        [TestMethod]
        public void WithoutASetpointItsMembersAreNullAndReplaysAreFlaggedHistorical()
        {
            JsonWriter w = new JsonWriter(512);
            TelemetrySample s = Discharging();
            s.HasSetpoint = false;

            TelemetryEncoder.Write(w, ref s, true);
            string text = w.ToString();

            Assert.IsTrue(text.IndexOf("\"hist\":true,") > 0, text);
            Assert.IsTrue(text.IndexOf("\"setpoint_W\":null,\"setpoint_id\":null,") > 0, text);
        }

        [TestMethod]
        public void ATelemetrySampleFitsInTheOutageQueuesRecord()
        {
            JsonWriter w = new JsonWriter(512);
            TelemetrySample s = Discharging();
            s.Seq = long.MaxValue;
            s.State = "communication_setup";
            s.SetpointId = "0123456789012345678901234567890123456";
            s.PowerW = -1234567.8;
            s.LimitReason = "vehicle_max_discharge_current";
            s.BatteryClipReason = "degradation_cost";
            s.BatteryClippedDcW = -1234567.8;

            Assert.IsTrue(TelemetryEncoder.Write(w, ref s, true));
            // The outage queue's records hold at most 512 bytes of payload.
            Assert.IsTrue(w.Length <= 512, w.Length.ToString());
        }

        [TestMethod]
        public void ATooSmallBufferIsReportedNotSent()
        {
            JsonWriter w = new JsonWriter(100);
            TelemetrySample s = Discharging();

            Assert.IsFalse(TelemetryEncoder.Write(w, ref s, false));
            Assert.IsTrue(w.Overflowed);
        }

        private static readonly string[] ClipNames =
        {
            "soc_reserve", "soc_max", "departure_energy", "temperature", "dod_limit", "c_rate", "reversal_cap", "degradation_cost",
        };

        private static MeterRecord Meter()
        {
            MeterRecord m = new MeterRecord();
            m.UnixMs = Ts;
            m.Seq = 3;
            m.EnergyImportWh = 123456.78;
            m.EnergyExportWh = 2345.6;
            m.SessionChargedWh = 100;
            m.SessionDischargedWh = 0;
            m.Sessions = 12;
            m.SessionEfc = 0.01777;
            m.LifetimeEfc = 96.42131;
            m.CapacityLossPercent = 2.41271;
            m.DegradationCost = 0.131;
            m.CostPerKWhDischarged = 0.07079;
            m.Currency = "CNY";
            m.ClipReasonNames = ClipNames;
            m.ClipTicks = new long[MeterRecord.MaxClipReasons];
            m.ClipReasonCount = ClipNames.Length;
            return m;
        }

        [TestMethod]
        public void AMeterRecordCarriesTheRegistersTheBatteryFiguresAndTheClipCounts()
        {
            JsonWriter w = new JsonWriter(512);
            MeterRecord m = Meter();
            m.ClipTicks[0] = 1500;
            m.ClipTicks[6] = 3;

            Assert.IsTrue(MeterEncoder.Write(w, ref m, true));
            Assert.AreEqual(
                "{\"ts\":\"2026-11-26T05:00:01.000Z\",\"seq\":3,\"hist\":true,\"energy_Wh_import\":123456.8,\"energy_Wh_export\":2345.6,"
                + "\"session_Wh_charged\":100.0,\"session_Wh_discharged\":0.0,\"sessions\":12,"
                + "\"battery\":{\"session_efc\":0.0178,\"lifetime_efc\":96.4213,\"capacity_loss_pct\":2.4127,\"degradation_cost\":0.13,"
                + "\"cost_per_kWh_discharged\":0.0708,\"currency\":\"CNY\"},"
                + "\"clip_counts\":{\"soc_reserve\":1500,\"reversal_cap\":3}}",
                w.ToString());
        }

        [TestMethod]
        public void UnknownCostsAreNullWithoutACurrencyAndNoClipsAreAnEmptyObject()
        {
            JsonWriter w = new JsonWriter(512);
            MeterRecord m = Meter();
            m.DegradationCost = double.NaN;
            m.CostPerKWhDischarged = double.NaN;
            m.Currency = null;

            Assert.IsTrue(MeterEncoder.Write(w, ref m, false));
            string text = w.ToString();
            Assert.IsTrue(text.IndexOf("\"degradation_cost\":null,\"cost_per_kWh_discharged\":null,\"currency\":\"\"},\"clip_counts\":{}}") > 0, text);
        }

        [TestMethod]
        public void AMeterRecordWithoutClipCountersStillEncodes()
        {
            JsonWriter w = new JsonWriter(512);
            MeterRecord m = Meter();
            m.ClipTicks = null;

            Assert.IsTrue(MeterEncoder.Write(w, ref m, false));
            Assert.IsTrue(w.ToString().IndexOf("\"clip_counts\":{}}") > 0, w.ToString());
        }

        [TestMethod]
        public void AMeterRecordFitsInTheOutageQueuesRecordWhateverClipped()
        {
            // Every reason clipped for years at 50 ticks/s, registers of a long life, costs in the thousands.
            JsonWriter w = new JsonWriter(1024);
            MeterRecord m = Meter();
            m.Seq = 99999999999;
            m.EnergyImportWh = 999999999999.9;
            m.EnergyExportWh = 999999999999.9;
            m.SessionChargedWh = 9999999.9;
            m.SessionDischargedWh = 9999999.9;
            m.Sessions = 9999999;
            m.SessionEfc = 99.9999;
            m.LifetimeEfc = 99999.9999;
            m.CapacityLossPercent = 100;
            m.DegradationCost = 999999.99;
            m.CostPerKWhDischarged = 9999.9999;
            for (int i = 0; i < ClipNames.Length; i++)
            {
                m.ClipTicks[i] = 9999999999;
            }

            Assert.IsTrue(MeterEncoder.Write(w, ref m, true));
            // The outage queue's records hold at most 768 bytes of payload (OutageQueue.MaxPayloadBytes, in firmware).
            Assert.IsTrue(w.Length <= 768, w.Length.ToString());
        }

        [TestMethod]
        public void AnEventOmitsWhatItDoesNotHave()
        {
            JsonWriter w = new JsonWriter(256);
            UplinkEvent e = new UplinkEvent();
            e.UnixMs = Ts;
            e.Seq = 1;
            e.Kind = UplinkEventKinds.State;
            e.State = "precharge";

            EventEncoder.Write(w, ref e, false);
            Assert.AreEqual("{\"ts\":\"2026-11-26T05:00:01.000Z\",\"seq\":1,\"hist\":false,\"kind\":\"state\",\"state\":\"precharge\"}", w.ToString());

            e.Kind = UplinkEventKinds.FaultRaised;
            e.State = null;
            e.Fault = "isolation";
            e.HasValue = true;
            e.Value = 95.5;
            EventEncoder.Write(w, ref e, true);
            Assert.AreEqual("{\"ts\":\"2026-11-26T05:00:01.000Z\",\"seq\":1,\"hist\":true,\"kind\":\"fault_raised\",\"fault\":\"isolation\",\"value\":95.500}", w.ToString());
        }

        [TestMethod]
        public void TheBirthHasATimeAndTheWillHasNone()
        {
            JsonWriter w = new JsonWriter(256);

            StatusEncoder.Write(w, true, "0.7.0", 42, Ts);
            Assert.AreEqual("{\"state\":\"online\",\"fw\":\"0.7.0\",\"boot_id\":42,\"ts\":\"2026-11-26T05:00:01.000Z\"}", w.ToString());

            StatusEncoder.WriteWill(w, "0.7.0", 42);
            Assert.AreEqual("{\"state\":\"offline\",\"fw\":\"0.7.0\",\"boot_id\":42}", w.ToString());
        }

        [TestMethod]
        public void CapabilitiesStateTheSignConvention()
        {
            JsonWriter w = new JsonWriter(512);
            ChargerCapabilities c = new ChargerCapabilities();
            c.MaxChargePowerW = 30000;
            c.MaxDischargePowerW = 30000;
            c.MaxChargeCurrentA = 80;
            c.MaxDischargeCurrentA = 80;
            c.MinVoltageV = 150;
            c.MaxVoltageV = 920;

            Assert.IsTrue(CapabilitiesEncoder.Write(w, c));
            Assert.AreEqual(
                "{\"max_charge_power_W\":30000.0,\"max_discharge_power_W\":30000.0,\"max_charge_current_A\":80.00,"
                + "\"max_discharge_current_A\":80.00,\"min_voltage_V\":150.00,\"max_voltage_V\":920.00,\"bidirectional\":true,"
                + "\"protocols\":[\"iso15118-20\",\"gbt27930\"],\"droop\":true,"
                + "\"sign_convention\":\"+import/-export, AC at the grid connection point\"}",
                w.ToString());
        }

        [TestMethod]
        public void LimitsNameTheirSources()
        {
            JsonWriter w = new JsonWriter(256);

            LimitsEncoder.Write(w, Ts, 11000, 0, LimitSources.Vehicle, LimitSources.HeartbeatLoss);
            Assert.AreEqual(
                "{\"ts\":\"2026-11-26T05:00:01.000Z\",\"max_import_W\":11000.0,\"max_export_W\":0.0,"
                + "\"source_import\":\"vehicle\",\"source_export\":\"heartbeat_loss\"}",
                w.ToString());
        }

        [TestMethod]
        public void DroopSettingsCarryTheResultOnlyAfterASet()
        {
            JsonWriter w = new JsonWriter(512);

            DroopConfigEncoder.Write(w, Ts, true, "ieee1547-cat2", 60, 0.036, 0.036, 0.05, 0.05, 5, 30000, null, null);
            Assert.AreEqual(
                "{\"ts\":\"2026-11-26T05:00:01.000Z\",\"enabled\":true,\"preset\":\"ieee1547-cat2\",\"nominal_Hz\":60.000,"
                + "\"db_of_Hz\":0.036,\"db_uf_Hz\":0.036,\"k_of\":0.0500,\"k_uf\":0.0500,\"response_s\":5.000,\"rated_W\":30000.0}",
                w.ToString());

            DroopConfigEncoder.Write(w, Ts, false, "custom", 50, 0.2, 0.2, 0.04, 0.04, 1, 30000, DroopConfigEncoder.Rejected, "k_of out of range");
            Assert.IsTrue(w.ToString().IndexOf(",\"result\":\"rejected\",\"reason\":\"k_of out of range\"}") > 0, w.ToString());
        }

        [TestMethod]
        public void ASetpointReplyEchoesTheId()
        {
            JsonWriter w = new JsonWriter(256);

            SetpointReplyEncoder.Write(w, "abc", SetpointResults.Clamped, true, -7000, "max_export_W 7000", Ts);
            Assert.AreEqual(
                "{\"id\":\"abc\",\"result\":\"clamped\",\"applied_W\":-7000.0,\"reason\":\"max_export_W 7000\",\"ts\":\"2026-11-26T05:00:01.000Z\"}",
                w.ToString());

            SetpointReplyEncoder.Write(w, null, SetpointResults.Rejected, false, 0, "missing 'id'", Ts);
            Assert.AreEqual("{\"id\":null,\"result\":\"rejected\",\"reason\":\"missing 'id'\",\"ts\":\"2026-11-26T05:00:01.000Z\"}", w.ToString());
        }
    }
}
