using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Firmware.Session;
using V2G.Firmware.Uplink;
using V2G.Firmware.Uplink.StoreAndForward;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.Uplink
{
    /// <summary>
    /// Issue 7's acceptance: the charger on the simulator board, its uplink over MQTTnet to a real
    /// mosquitto, an aggregator-side subscriber recording everything; the broker goes away for minutes
    /// while the charger keeps running, and every record made meanwhile reaches the subscriber afterwards,
    /// in order and flagged historical (or, past the queue's capacity, is counted as dropped: telemetry first).
    /// Simulated time is driven by the test; waits for the network are in wall time with simulated time still.
    /// </summary>
    [TestClass]
    public sealed class BrokerOutageTests
    {
        private const long OutageMs = 300_000;

        /// <summary>Seq numbers of <paramref name="messages"/> against 1..<paramref name="last"/>.</summary>
        private sealed record SeqReport(long Last, int Received, int Distinct, int Duplicates, long[] Missing);

        private static SeqReport Seqs(RecordedMessage[] messages, long last)
        {
            var seen = new HashSet<long>();
            foreach (RecordedMessage m in messages)
            {
                seen.Add(m.Seq);
            }

            long[] missing = Enumerable.Range(1, (int)last).Select(i => (long)i).Where(s => !seen.Contains(s)).ToArray();
            Assert.IsTrue(seen.All(s => s >= 1 && s <= last), $"a seq outside 1..{last}: {string.Join(",", seen.Where(s => s < 1 || s > last))}");
            return new SeqReport(last, messages.Length, seen.Count, messages.Length - seen.Count, missing);
        }

        /// <summary>The historical records of <paramref name="messages"/> arrived in seq order (a redelivered copy of one already seen is skipped).</summary>
        private static int AssertHistoricalInOrder(RecordedMessage[] messages, string what)
        {
            long last = 0;
            var seen = new HashSet<long>();
            int n = 0;
            foreach (RecordedMessage m in messages.Where(m => m.Hist))
            {
                if (!seen.Add(m.Seq))
                {
                    continue;
                }

                Assert.IsGreaterThan(last, m.Seq, $"{what}: historical seq {m.Seq} arrived after {last}");
                last = m.Seq;
                n++;
            }

            return n;
        }

        private static string Setpoint(string id, double powerW, long validUntilSimMs) =>
            "{\"id\":\"" + id + "\",\"power_W\":" + powerW.ToString(System.Globalization.CultureInfo.InvariantCulture) +
            ",\"valid_until\":\"" + ChargerOnBroker.Rfc3339(validUntilSimMs) + "\",\"priority\":100,\"purpose\":\"dispatch\"}";

        [TestMethod]
        public void AFiveMinuteBrokerOutageLosesNoRecordAndTheWillSaysOffline()
        {
            var wall = Stopwatch.StartNew();
            using var mosquitto = new Mosquitto();
            var settings = new UplinkSettings { ChargerId = "outage-0001" };
            using var charger = new ChargerOnBroker(mosquitto.Host, mosquitto.Port, settings);
            using var recorder = new UplinkRecorder(mosquitto.Host, mosquitto.Port, settings.ChargerId);
            bool heartbeats = true;
            int beat = 0;
            charger.AfterTick = now =>
            {
                if (heartbeats && now % 10_000 == 0)
                {
                    recorder.Publish("heartbeat", "{\"seq\":" + (++beat) + "}");
                }
            };

            // Discharging under the aggregator's dispatch.
            charger.WaitOnline();
            recorder.Publish("cmd/setpoint", Setpoint("dispatch-1", -7400, 7_200_000));
            charger.Sim.Vehicle.PlugIn(charger.NowMs);
            Assert.IsTrue(
                charger.RunUntil(() => charger.Sim.Controller.State == ChargerState.EnergyTransfer && charger.Sim.Controller.LastMeasurements.PowerW < -5000, 90_000),
                $"not discharging: {charger.Sim.Controller.State}, {charger.Sim.Controller.LastMeasurements.PowerW} W, {charger.Service.LastError}");
            charger.Run(20_000);
            Assert.AreEqual("dispatch-1", charger.Service.Dispatch.SetpointId);

            // The network goes first (the broker sees the socket close and publishes the will to the
            // subscriber still connected), then the broker itself, for five simulated minutes.
            heartbeats = false;
            long cutAtMs = charger.NowMs;
            charger.Network.Cut();
            charger.Pump();
            long seqAtCut = charger.Service.TelemetrySeq;
            Assert.IsTrue(
                recorder.WaitUntil(r => r.On("status").Any(m => m.Json.GetProperty("state").GetString() == "offline"), 5000),
                "no offline status (the will) after the network was cut");
            RecordedMessage will = recorder.On("status").Last(m => m.Json.GetProperty("state").GetString() == "offline");
            Assert.AreEqual(charger.Service.BootId, will.Json.GetProperty("boot_id").GetInt64(), will.Payload);
            Assert.IsFalse(will.Json.TryGetProperty("ts", out _), "the will has no ts: " + will.Payload);
            using (var late = new MqttObserver(mosquitto.Host, mosquitto.Port))
            {
                // An aggregator connecting during the outage finds the retained will.
                late.Subscribe("v2g/1/" + settings.ChargerId + "/status");
                ObservedMessage retained = late.WaitFor("v2g/1/" + settings.ChargerId + "/status", TimeSpan.FromSeconds(5));
                Assert.IsTrue(retained.Retain, "the status is retained");
                Assert.AreEqual(will.Payload, retained.Payload);
            }

            mosquitto.Stop();
            charger.Network.Restore();
            charger.Run(OutageMs);
            Assert.IsFalse(charger.Service.IsOnline);
            Assert.IsTrue(charger.Service.Connection.ConnectFailures >= 3, "kept trying: " + charger.Service.Connection.ConnectFailures);
            long queuedDuringOutage = charger.Queue.Count;

            // The broker is back (empty: no persistence); the aggregator connects again, then the charger, after its backoff.
            mosquitto.Start();
            recorder.Connect();
            heartbeats = true;
            Assert.IsTrue(charger.RunUntil(() => charger.Service.IsOnline, 120_000), "not back online: " + charger.Service.LastError);
            long backMs = charger.NowMs;
            long lastOfflineSeq = charger.LastSeqPumpedOffline;
            Assert.IsTrue(charger.RunUntil(() => charger.Queue.Count == 0, 60_000), $"queue not drained: {charger.Queue.Count} left");
            long drainedMs = charger.NowMs;
            charger.Run(5_000);

            long lastTelemetry = charger.Service.TelemetrySeq;
            long lastEvent = charger.Service.EventSeq;
            long lastMeter = charger.Service.MeterSeq;
            Assert.IsTrue(
                recorder.WaitUntil(r => r.On("telemetry").Any(m => m.Seq == lastTelemetry) && r.On("event").Any(m => m.Seq == lastEvent) && r.On("meter").Any(m => m.Seq == lastMeter), 10_000),
                "the last records did not arrive");

            RecordedMessage[] telemetry = recorder.On("telemetry");
            RecordedMessage[] events = recorder.On("event");
            RecordedMessage[] meter = recorder.On("meter");
            SeqReport t = Seqs(telemetry, lastTelemetry);
            SeqReport e = Seqs(events, lastEvent);
            SeqReport m = Seqs(meter, lastMeter);
            int histTelemetry = AssertHistoricalInOrder(telemetry, "telemetry");
            int histEvents = AssertHistoricalInOrder(events, "events");
            int histMeter = AssertHistoricalInOrder(meter, "meter");
            Console.WriteLine($"outage: network cut at {cutAtMs / 1000.0} s, broker down {OutageMs / 1000} s, back online at {backMs / 1000.0} s ({(backMs - cutAtMs) / 1000.0} s after the cut), queue drained at {drainedMs / 1000.0} s");
            Console.WriteLine($"telemetry 1..{t.Last}: received {t.Received}, duplicates {t.Duplicates}, missing {t.Missing.Length}, historical {histTelemetry}");
            Console.WriteLine($"events 1..{e.Last}: received {e.Received}, duplicates {e.Duplicates}, missing {e.Missing.Length}, historical {histEvents}");
            Console.WriteLine($"meter 1..{m.Last}: received {m.Received}, duplicates {m.Duplicates}, missing {m.Missing.Length}, historical {histMeter}");
            Console.WriteLine($"queue: {queuedDuringOutage} waiting at the end of the outage, enqueued {charger.Queue.Enqueued}, replayed {charger.Queue.Replayed}; connects {charger.Service.Connection.Connects}, reconnects {charger.Service.Connection.Reconnects}, connect failures {charger.Service.Connection.ConnectFailures}, published {charger.Service.Published}, publish failures {charger.Service.PublishFailures}; wall {wall.ElapsedMilliseconds} ms");

            Assert.AreEqual(0, t.Missing.Length, "telemetry missing: " + string.Join(",", t.Missing.Take(20)));
            Assert.AreEqual(0, e.Missing.Length, "events missing: " + string.Join(",", e.Missing));
            Assert.AreEqual(0, m.Missing.Length, "meter records missing: " + string.Join(",", m.Missing));

            // Everything made while offline came back flagged historical.
            Assert.IsGreaterThanOrEqualTo(OutageMs / 1000 - 5, lastOfflineSeq - seqAtCut, "samples made while offline");
            RecordedMessage[] notHistorical = telemetry.Where(x => x.Seq > seqAtCut && x.Seq <= lastOfflineSeq && !x.Hist).ToArray();
            Assert.AreEqual(0, notHistorical.Length, "samples of the outage not flagged historical: " + string.Join(",", notHistorical.Select(x => x.Seq).Take(20)));
            Assert.IsTrue(events.Any(x => x.Hist && x.Json.GetProperty("kind").GetString() == "heartbeat_lost"), "the heartbeat loss during the outage was reported, historical");
            // The charger kept running through the outage: in energy transfer, discharging until the heartbeat loss.
            RecordedMessage[] outage = telemetry.Where(x => x.Seq > seqAtCut && x.Seq <= lastOfflineSeq).ToArray();
            Assert.IsTrue(outage.All(x => x.Json.GetProperty("state").GetString() == "energy_transfer"), "in energy transfer throughout");
            Assert.IsLessThan(-5000.0, outage.First().Json.GetProperty("power_W").GetDouble(), "discharging when the broker went away: " + outage.First().Payload);
            Assert.IsTrue(meter.Any(x => x.Hist), "meter records of the outage replayed");
            Assert.AreEqual(charger.Queue.Enqueued, (long)(histTelemetry + histEvents + histMeter), "every queued record replayed once (distinct)");

            // The counters.
            Assert.IsGreaterThan(OutageMs / 1000, charger.Queue.Enqueued, "queued");
            Assert.AreEqual(charger.Queue.Enqueued, charger.Queue.Replayed, "replayed");
            Assert.AreEqual(0, charger.Queue.Count);
            Assert.AreEqual(0L, charger.Service.DroppedOf(UplinkRecordClass.Telemetry));
            Assert.AreEqual(0L, charger.Service.DroppedOf(UplinkRecordClass.Event));
            Assert.AreEqual(0L, charger.Service.DroppedOf(UplinkRecordClass.Meter));
            Assert.AreEqual(0L, charger.Service.RecordsLost);
            Assert.IsGreaterThanOrEqualTo(1L, charger.Service.Connection.Reconnects);

            // Back online with the same boot id.
            RecordedMessage online = recorder.On("status").Last();
            Assert.AreEqual("online", online.Json.GetProperty("state").GetString(), online.Payload);
            Assert.AreEqual(charger.Service.BootId, online.Json.GetProperty("boot_id").GetInt64());
        }

        [TestMethod]
        public void AnOutageLongerThanTheQueueDropsTelemetryFirstAndCountsEveryGap()
        {
            var wall = Stopwatch.StartNew();
            const int Sectors = 6;
            using var mosquitto = new Mosquitto();
            var settings = new UplinkSettings { ChargerId = "outage-0002" };
            using var charger = new ChargerOnBroker(mosquitto.Host, mosquitto.Port, settings, Sectors);
            using var recorder = new UplinkRecorder(mosquitto.Host, mosquitto.Port, settings.ChargerId);

            charger.WaitOnline();
            charger.Sim.Vehicle.PlugIn(charger.NowMs);
            Assert.IsTrue(charger.RunUntil(() => charger.Sim.Controller.State == ChargerState.EnergyTransfer, 90_000), "not charging");
            charger.Run(10_000);

            long cutAtMs = charger.NowMs;
            charger.Network.Cut();
            charger.Pump();
            long seqAtCut = charger.Service.TelemetrySeq;
            charger.Run(OutageMs);
            long queuedAtEnd = charger.Queue.Count;
            charger.Network.Restore();
            Assert.IsTrue(charger.RunUntil(() => charger.Service.IsOnline, 120_000), "not back online: " + charger.Service.LastError);
            Assert.IsTrue(charger.RunUntil(() => charger.Queue.Count == 0, 60_000), $"queue not drained: {charger.Queue.Count} left");
            charger.Run(5_000);

            long lastTelemetry = charger.Service.TelemetrySeq;
            long lastEvent = charger.Service.EventSeq;
            long lastMeter = charger.Service.MeterSeq;
            Assert.IsTrue(
                recorder.WaitUntil(r => r.On("telemetry").Any(x => x.Seq == lastTelemetry) && r.On("event").Any(x => x.Seq == lastEvent) && r.On("meter").Any(x => x.Seq == lastMeter), 10_000),
                "the last records did not arrive");
            SeqReport t = Seqs(recorder.On("telemetry"), lastTelemetry);
            SeqReport e = Seqs(recorder.On("event"), lastEvent);
            SeqReport m = Seqs(recorder.On("meter"), lastMeter);
            long droppedTelemetry = charger.Service.DroppedOf(UplinkRecordClass.Telemetry);
            int capacity = OutageQueue.RecordsFitting(4096, Sectors, recorder.On("telemetry").Max(x => x.Payload.Length));
            Console.WriteLine($"queue of {Sectors} sectors (stated capacity {capacity} telemetry records of the longest size); outage {OutageMs / 1000} s from {cutAtMs / 1000.0} s; {queuedAtEnd} waiting at its end");
            Console.WriteLine($"telemetry 1..{t.Last}: received {t.Received}, duplicates {t.Duplicates}, missing {t.Missing.Length} (first {t.Missing.FirstOrDefault()}, last {t.Missing.LastOrDefault()}), dropped counter {droppedTelemetry}");
            Console.WriteLine($"events 1..{e.Last}: missing {e.Missing.Length}, dropped {charger.Service.DroppedOf(UplinkRecordClass.Event)}; meter 1..{m.Last}: missing {m.Missing.Length}, dropped {charger.Service.DroppedOf(UplinkRecordClass.Meter)}; lost {charger.Service.RecordsLost}; wall {wall.ElapsedMilliseconds} ms");

            Assert.IsGreaterThan(0L, droppedTelemetry, "the outage outgrew the queue");
            Assert.IsGreaterThan(0, t.Missing.Length);
            Assert.AreEqual(droppedTelemetry + charger.Service.RecordsLost, (long)t.Missing.Length, "every gap in the subscriber's telemetry seq is counted as dropped");
            // The oldest telemetry of the outage went first: one run of seq right after the cut.
            Assert.IsTrue(t.Missing.All(s => s > seqAtCut), "dropped from the outage only");
            Assert.AreEqual(t.Missing.Length - 1, t.Missing.Last() - t.Missing.First(), "the oldest samples were dropped, as one run: " + string.Join(",", t.Missing.Take(40)));
            Assert.AreEqual(0, e.Missing.Length, "events missing: " + string.Join(",", e.Missing));
            Assert.AreEqual(0, m.Missing.Length, "meter records missing: " + string.Join(",", m.Missing));
            Assert.AreEqual(0L, charger.Service.DroppedOf(UplinkRecordClass.Event));
            Assert.AreEqual(0L, charger.Service.DroppedOf(UplinkRecordClass.Meter));
            Assert.IsGreaterThanOrEqualTo(5L, lastMeter, "meter records over the outage");
        }

        [TestMethod]
        public void ARepeatArrivingBeforeTheFirstIsAppliedIsAppliedOnce()
        {
            using var mosquitto = new Mosquitto();
            var settings = new UplinkSettings { ChargerId = "dup-0002" };
            using var charger = new ChargerOnBroker(mosquitto.Host, mosquitto.Port, settings);
            using var recorder = new UplinkRecorder(mosquitto.Host, mosquitto.Port, settings.ChargerId);
            charger.WaitOnline();
            charger.Sim.Vehicle.PlugIn(charger.NowMs);
            charger.Run(2_000);

            // Both deliveries are in the broker's hands before the charger pumps once more.
            string command = Setpoint("same-id-2", -5000, 3_600_000);
            recorder.Publish("cmd/setpoint", command);
            recorder.Publish("cmd/setpoint", command);
            System.Threading.Thread.Sleep(200);
            Assert.IsTrue(charger.RunUntilWall(() => recorder.On("cmd/setpoint/reply").Length >= 1, 5000), "no reply");
            charger.Run(3_000);
            System.Threading.Thread.Sleep(200);
            charger.Run(1_000);

            RecordedMessage[] replies = recorder.On("cmd/setpoint/reply");
            Console.WriteLine(string.Join(Environment.NewLine, replies.Select(r => r.Payload)));
            Assert.AreEqual(1L, charger.Service.CommandDuplicates);
            Assert.AreEqual(1L, charger.Service.CommandsAccepted + charger.Service.CommandsClamped, "applied once");
            Assert.IsTrue(replies.All(r => r.Payload == replies[0].Payload), "every reply is the first answer");
        }

        [TestMethod]
        public void ASetpointDeliveredTwiceIsAppliedOnceAndAnsweredTwiceAlike()
        {
            using var mosquitto = new Mosquitto();
            var settings = new UplinkSettings { ChargerId = "dup-0001" };
            using var charger = new ChargerOnBroker(mosquitto.Host, mosquitto.Port, settings);
            using var recorder = new UplinkRecorder(mosquitto.Host, mosquitto.Port, settings.ChargerId);
            charger.WaitOnline();
            charger.Sim.Vehicle.PlugIn(charger.NowMs);
            charger.Run(2_000);

            string command = Setpoint("same-id-1", -5000, 3_600_000);
            recorder.Publish("cmd/setpoint", command);
            Assert.IsTrue(charger.RunUntilWall(() => recorder.On("cmd/setpoint/reply").Length >= 1, 5000), "no reply to the first delivery");
            charger.Run(3_000);
            recorder.Publish("cmd/setpoint", command);
            Assert.IsTrue(charger.RunUntilWall(() => recorder.On("cmd/setpoint/reply").Length >= 2, 5000), "no reply to the second delivery");
            charger.Run(1_000);

            RecordedMessage[] replies = recorder.On("cmd/setpoint/reply");
            Console.WriteLine(string.Join(Environment.NewLine, replies.Select(r => r.Payload)));
            Assert.HasCount(2, replies);
            Assert.AreEqual("same-id-1", replies[0].Json.GetProperty("id").GetString());
            Assert.AreNotEqual("rejected", replies[0].Json.GetProperty("result").GetString(), replies[0].Payload);
            Assert.AreEqual(replies[0].Payload, replies[1].Payload, "the repeat is answered with the first answer, byte for byte");
            Assert.AreEqual(1L, charger.Service.CommandDuplicates);
            Assert.AreEqual(1L, charger.Service.CommandsAccepted + charger.Service.CommandsClamped, "applied once");
            Assert.AreEqual(0L, charger.Service.CommandsRejected);
            Assert.AreEqual("same-id-1", charger.Service.Dispatch.SetpointId);
        }
    }
}
