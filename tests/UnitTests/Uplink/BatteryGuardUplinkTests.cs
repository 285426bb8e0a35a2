#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Battery;
using V2G.Firmware.Session;
using V2G.Firmware.Uplink;
using V2G.UnitTests.Fakes;

namespace V2G.UnitTests.Uplink
{
    /// <summary>
    /// The battery guard seen from the aggregator: a setpoint's purpose and price spread reach the controller
    /// (and leave with the setpoint), telemetry says why and by how much the guard clips, and the meter records
    /// carry the wear figures and the clip counts.
    /// </summary>
    [TestClass]
    public class BatteryGuardUplinkTests
    {
        private static UplinkRig Online()
        {
            UplinkSettings settings = new UplinkSettings();
            // No heartbeats here: the aggregator's silence must not revert the setpoint during the run.
            settings.HeartbeatTimeoutMs = 3600000;
            UplinkRig rig = new UplinkRig(settings, null);
            rig.Run(200);
            Assert.IsTrue(rig.Service.IsOnline);
            return rig;
        }

        private static void Send(UplinkRig rig, string payload)
        {
            rig.Client.Inject(rig.Topic("cmd/setpoint"), payload);
            rig.Run(200);
        }

        /// <summary>Plugs the vehicle in and sends a discharge setpoint of <paramref name="purposeMembers"/>, then runs <paramref name="ms"/>.</summary>
        private static void DischargeOnSetpoint(UplinkRig rig, string purposeMembers, long ms)
        {
            rig.Sim.Vehicle.PlugIn(rig.Sim.Clock.NowMs);
            Send(rig, "{\"id\":\"d1\",\"power_W\":-7400,\"valid_until\":\"" + UplinkRig.Until0600 + "\"" + purposeMembers + "}");
            rig.Run(ms);
            Assert.AreEqual(ChargerState.EnergyTransfer, rig.Controller.State);
        }

        private static FakePublish LastTelemetry(UplinkRig rig)
        {
            FakePublish sample = rig.Client.LastOn(rig.Topic("telemetry"));
            Assert.IsNotNull(sample, "telemetry published");
            return sample;
        }

        [TestMethod]
        public void ASetpointsPurposeAndPriceSpreadArePassedToTheController()
        {
            UplinkRig rig = Online();

            Send(rig, "{\"id\":\"a1\",\"power_W\":-5000,\"valid_until\":\"" + UplinkRig.Until0600 + "\",\"purpose\":\"arbitrage\",\"price_spread_per_kWh\":0.2}");

            Assert.IsTrue(rig.Controller.HasDispatch);
            Assert.AreEqual(BatteryPowerPurpose.Arbitrage, rig.Controller.DispatchPurpose);
            Assert.IsTrue(rig.Controller.DispatchHasPriceSpread);
            Assert.AreEqual(0.2, rig.Controller.DispatchPriceSpreadPerKWh);
            Assert.AreEqual(BatteryPowerPurpose.Arbitrage, rig.Service.Dispatch.SetpointPurpose);
        }

        [TestMethod]
        public void ASetpointWithoutPurposeIsPlainDispatchWithoutASpread()
        {
            UplinkRig rig = Online();
            Send(rig, "{\"id\":\"f1\",\"power_W\":-5000,\"valid_until\":\"" + UplinkRig.Until0600 + "\",\"purpose\":\"frequency\"}");
            Assert.AreEqual(BatteryPowerPurpose.Frequency, rig.Controller.DispatchPurpose);

            Send(rig, "{\"id\":\"p1\",\"power_W\":-5000,\"valid_until\":\"" + UplinkRig.Until0600 + "\"}");

            Assert.AreEqual(BatteryPowerPurpose.Dispatch, rig.Controller.DispatchPurpose);
            Assert.IsFalse(rig.Controller.DispatchHasPriceSpread);
        }

        [TestMethod]
        public void WhenTheSetpointExpiresThePurposeIsPlainDispatchAgain()
        {
            UplinkRig rig = Online();
            Send(rig, "{\"id\":\"a2\",\"power_W\":-5000,\"valid_until\":\"2026-11-26T05:00:05Z\",\"purpose\":\"arbitrage\",\"price_spread_per_kWh\":0.3}");
            Assert.AreEqual(BatteryPowerPurpose.Arbitrage, rig.Controller.DispatchPurpose);

            rig.Run(6000);

            Assert.IsFalse(rig.Controller.HasDispatch);
            Assert.AreEqual(BatteryPowerPurpose.Dispatch, rig.Controller.DispatchPurpose);
            Assert.IsFalse(rig.Controller.DispatchHasPriceSpread);
        }

        [TestMethod]
        public void ARejectedSetpointLeavesThePurposeInForce()
        {
            UplinkRig rig = Online();
            Send(rig, "{\"id\":\"hi\",\"power_W\":-5000,\"valid_until\":\"" + UplinkRig.Until0600 + "\",\"priority\":500,\"purpose\":\"frequency\"}");

            Send(rig, "{\"id\":\"lo\",\"power_W\":-5000,\"valid_until\":\"" + UplinkRig.Until0600 + "\",\"priority\":10,\"purpose\":\"arbitrage\",\"price_spread_per_kWh\":0.01}");

            Assert.IsTrue(rig.LastReply.Has("\"result\":\"rejected\""), rig.LastReply.Payload);
            Assert.AreEqual(BatteryPowerPurpose.Frequency, rig.Controller.DispatchPurpose);
        }

        [TestMethod]
        public void TelemetryShowsTheClipReasonAndTheDcPowerHeldBackWhenTheGuardClips()
        {
            UplinkRig rig = Online();
            // The vehicle is at 40 %: a reserve of 45 % allows no discharge at all.
            rig.Controller.Guard.Settings.ReserveSocPercent = 45;

            DischargeOnSetpoint(rig, string.Empty, 20000);

            FakePublish sample = LastTelemetry(rig);
            Assert.IsTrue(sample.Has("\"battery_clip_reason\":\"soc_reserve\""), sample.Payload);
            // -7400 W AC is 7789.5 W DC out of the vehicle, all of it held back.
            Assert.IsTrue(sample.Has("\"battery_clipped_dc_W\":7789.5,"), sample.Payload);
            Assert.IsTrue(rig.Controller.VehicleStatus.SocPercent >= 40 - 0.01, "no energy left the vehicle");
        }

        [TestMethod]
        public void TelemetryShowsNoClipWhileTheDischargeIsInsideTheWindow()
        {
            UplinkRig rig = Online();

            DischargeOnSetpoint(rig, string.Empty, 20000);

            FakePublish sample = LastTelemetry(rig);
            Assert.IsTrue(sample.Has("\"battery_clip_reason\":\"none\",\"battery_clipped_dc_W\":0.0,"), sample.Payload);
            Assert.IsTrue(rig.Controller.LastMeasurements.PowerW < -7000, "discharging");
        }

        [TestMethod]
        public void AnArbitrageDischargeBelowTheMarginalCostIsRefusedAndTelemetrySaysWhy()
        {
            UplinkRig rig = Online();
            BatteryGuardSettings guard = rig.Controller.Guard.Settings;
            guard.RefuseUnprofitableArbitrage = true;
            guard.Degradation.ReplacementCost = 35193.6;

            DischargeOnSetpoint(rig, ",\"purpose\":\"arbitrage\",\"price_spread_per_kWh\":0.001", 20000);

            FakePublish sample = LastTelemetry(rig);
            Assert.IsTrue(sample.Has("\"battery_clip_reason\":\"degradation_cost\""), sample.Payload);
            Assert.IsTrue(rig.Controller.LastMeasurements.PowerW > -100, "no discharge: " + rig.Controller.LastMeasurements.PowerW.ToString());
        }

        [TestMethod]
        public void TheSameSpreadAsPlainDispatchIsNotRefusedForCost()
        {
            UplinkRig rig = Online();
            BatteryGuardSettings guard = rig.Controller.Guard.Settings;
            guard.RefuseUnprofitableArbitrage = true;
            guard.Degradation.ReplacementCost = 35193.6;

            DischargeOnSetpoint(rig, ",\"purpose\":\"dispatch\",\"price_spread_per_kWh\":0.001", 20000);

            FakePublish sample = LastTelemetry(rig);
            Assert.IsTrue(sample.Has("\"battery_clip_reason\":\"none\""), sample.Payload);
            Assert.IsTrue(rig.Controller.LastMeasurements.PowerW < -7000, "discharging");
        }

        [TestMethod]
        public void MeterRecordsCarryTheClipCountsOfTheReasonsThatClipped()
        {
            UplinkRig rig = Online();
            rig.Controller.Guard.Settings.ReserveSocPercent = 45;

            DischargeOnSetpoint(rig, string.Empty, 65000);

            FakePublish meter = rig.Client.LastOn(rig.Topic("meter"));
            Assert.IsNotNull(meter, "a meter record");
            long ticks = UplinkRig.IntegerOf(meter.Payload, "soc_reserve");
            Assert.IsTrue(ticks > 1000, meter.Payload);
            Assert.IsTrue(meter.Has("\"clip_counts\":{\"soc_reserve\":"), "only the reasons that clipped: " + meter.Payload);
            Assert.IsFalse(meter.Has("\"soc_max\""), meter.Payload);
        }

        [TestMethod]
        public void MeterRecordsCarryTheWearFiguresAndCostsOnlyWithAReplacementCost()
        {
            UplinkRig rig = Online();
            rig.Run(61000);
            FakePublish unknown = rig.Client.LastOn(rig.Topic("meter"));
            Assert.IsNotNull(unknown, "a meter record");
            Assert.IsTrue(unknown.Has("\"degradation_cost\":null,\"cost_per_kWh_discharged\":null,\"currency\":\"\"}"), unknown.Payload);

            rig.Controller.Guard.Settings.Degradation.ReplacementCost = 35193.6;
            rig.Run(60000);

            FakePublish known = rig.Client.LastOn(rig.Topic("meter"));
            Assert.IsTrue(known.Has("\"battery\":{\"session_efc\":"), known.Payload);
            Assert.IsTrue(known.Has("\"degradation_cost\":0.00,\"cost_per_kWh_discharged\":null,\"currency\":\"CNY\"}"), known.Payload);
        }
    }
}
