using System;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.Uplink;
using V2G.Sim.Scenarios;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.Battery
{
    /// <summary>
    /// The reserve-guard scenario over the MQTT uplink (the simulator's in-process broker, unpaced): the
    /// aggregator sees why and by how much the guard clipped, in the telemetry and in the meter records.
    /// </summary>
    [TestClass]
    public sealed class ClipReasonTelemetryTests
    {
        private const string ChargerId = "guard-0001";

        private static readonly Lazy<(RunResult Result, RecordedMessage[] Telemetry, RecordedMessage[] Meter)> Recorded = new(RecordRun);

        private static (RunResult, RecordedMessage[], RecordedMessage[]) RecordRun()
        {
            var runner = new ScenarioRunner(BuiltInScenarios.ReserveGuard(), 0, 1000, "sim", uplink: new UplinkOptions { ChargerId = ChargerId });
            string[] broker = runner.Uplink.BrokerAddress.Split(':');
            using var recorder = new UplinkRecorder(broker[0], int.Parse(broker[1]), ChargerId);
            RunResult result = runner.Run();
            // Run drained the charger's queue before it stopped the broker; what was in flight to us has arrived.
            return (result, recorder.On("telemetry"), recorder.On("meter"));
        }

        private static RecordedMessage[] Telemetry => Recorded.Value.Telemetry;

        private static RecordedMessage[] Meter => Recorded.Value.Meter;

        [TestMethod]
        public void TelemetrySaysTheGuardClippedForTheReserve()
        {
            RecordedMessage[] clipped = Telemetry.Where(m => m.Json.GetProperty("battery_clip_reason").GetString() == "soc_reserve").ToArray();
            Assert.IsNotEmpty(clipped, $"{Telemetry.Length} telemetry samples, none with battery_clip_reason soc_reserve");
        }

        [TestMethod]
        public void TelemetrySaysByHowMuchTheGuardClipped()
        {
            // At the reserve the whole −20 kW request is held back.
            double largest = Telemetry
                .Where(m => m.Json.GetProperty("battery_clip_reason").GetString() == "soc_reserve")
                .Max(m => m.Json.GetProperty("battery_clipped_dc_W").GetDouble());
            Assert.IsGreaterThan(15000.0, largest);
        }

        [TestMethod]
        public void TelemetryShowsNoClipWhileTheDischargeIsAboveTheReserve()
        {
            RecordedMessage first = Telemetry.FirstOrDefault(m => m.Json.GetProperty("battery_clip_reason").GetString() == "soc_reserve");
            Assert.IsNotNull(first);
            Assert.IsTrue(Telemetry.Take(first.Index).Any(m => m.Json.GetProperty("battery_clip_reason").GetString() == "none"), "no unclipped sample before the reserve");
        }

        [TestMethod]
        public void MeterRecordsCountTheClipsByReason()
        {
            RecordedMessage last = Meter.LastOrDefault(m => m.Json.TryGetProperty("clip_counts", out JsonElement c) && c.TryGetProperty("soc_reserve", out _));
            Assert.IsNotNull(last, $"{Meter.Length} meter records, none counting soc_reserve");
            Assert.IsGreaterThan(0L, last.Json.GetProperty("clip_counts").GetProperty("soc_reserve").GetInt64());
        }

        [TestMethod]
        public void TheSummaryAgreesThatTheReserveClipped()
        {
            Assert.IsGreaterThan(0L, Recorded.Value.Result.ClipCounts.Single(p => p.Key == "soc_reserve").Value);
        }
    }
}
