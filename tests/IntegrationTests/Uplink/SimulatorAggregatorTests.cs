using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Aggregator;
using V2G.IntegrationTests.Aggregator;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.Uplink
{
    /// <summary>
    /// The issue's "done when": the simulator board (its own process, paced) and the aggregator tool
    /// talk through a real mosquitto: a setpoint dispatches the charger, its telemetry is recorded to
    /// CSV and PNG, watch sees it come and go, a droop preset sent from the aggregator is the one in force,
    /// and the aggregator's silence reverts the charger to its safe setpoint.
    /// </summary>
    [TestClass]
    public sealed class SimulatorAggregatorTests
    {
        /// <summary>AC at the grid connection point, − export.</summary>
        private const double SetpointW = -7400;

        /// <summary>
        /// Paced, so the aggregator's clock and the charger's move together (the setpoint's valid_until
        /// is the aggregator's now + 900 s); fast enough that a minute of simulated session takes 12 s.
        /// </summary>
        private const string Speed = "5";

        /// <summary>
        /// The uplink converts an AC setpoint to DC with an assumed converter efficiency (a setting, 0.95)
        /// while the plant model has its own: the ramp's samples are within this share of the setpoint...
        /// </summary>
        private const double SettledTolerance = 0.02;

        /// <summary>...and once the grid-point trim has worked on the metered power (τ 5 s), the last samples within this share.</summary>
        private const double TrimmedTolerance = 0.002;

        /// <summary>Simulated seconds; 2 s of wall at <see cref="Speed"/>, so a short stall of the host is no loss.</summary>
        private const string HeartbeatTimeoutS = "10";

        private static readonly TimeSpan WallTimeout = TimeSpan.FromSeconds(60);

        private Mosquitto _mosquitto;
        private TempFolder _folder;
        private string _chargerId;

        /// <summary>Stops a watch left running by a failed assertion.</summary>
        private readonly CancellationTokenSource _stopWatching = new CancellationTokenSource();

        private string Broker => $"{_mosquitto.Host}:{_mosquitto.Port}";

        [TestInitialize]
        public void StartBroker()
        {
            _mosquitto = new Mosquitto();
            _folder = new TempFolder();
            // Its own id per test: nothing retained by another run can be mistaken for this one's.
            _chargerId = "e2e-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        }

        [TestCleanup]
        public void StopBroker()
        {
            _stopWatching.Cancel();
            _mosquitto?.Dispose();
            _folder?.Dispose();
        }

        [TestMethod]
        public void TheAggregatorDispatchesThePacedSimulatorAndRecordsItsTelemetryThroughMosquitto()
        {
            string scenario = WriteScenario("dispatched", 70, ("plug", 1), ("vehicle_stop", 60));
            string summaryPath = _folder.File("summary.json");
            string csvPath = _folder.File("telemetry.csv");
            string pngPath = _folder.File("telemetry.png");

            using var telemetry = new MqttObserver(_mosquitto.Host, _mosquitto.Port);
            telemetry.Subscribe(Topic("telemetry"));
            var watchOut = new LockedStringWriter();
            var watchErr = new LockedStringWriter();
            Task<int> watch = AggregatorCli.RunAsync(
                new[] { "watch", "--broker", Broker, "--charger", _chargerId, "--refresh-ms", "200" }, watchOut, watchErr, terminal: false, _stopWatching.Token);
            Assert.IsTrue(SpinWait.SpinUntil(() => watch.IsCompleted || watchErr.ToString().Contains("watching"), WallTimeout), $"watch did not start: {watchErr}");
            Assert.IsFalse(watch.IsCompleted, $"watch ended at once: {watchErr}");
            Task<AggregatorResult> record = AggregatorRun.Start("recording",
                "record", "--broker", Broker, "--charger", _chargerId, "--seconds", "15", "--csv", csvPath, "--png", pngPath);

            SimProcessResult run;
            AggregatorResult setpoint;
            using (var sim = new SimulatorInBackground(_folder.Path,
                "--scenario", scenario, "--broker", Broker, "--charger-id", _chargerId, "--speed", Speed, "--quiet", "--summary", summaryPath))
            {
                // Dispatched once the vehicle has agreed to transfer energy: before that the vehicle's limits are not known.
                WaitForTelemetryState(telemetry, "energy_transfer", sim);
                setpoint = AggregatorRun.InProcess("setpoint", "--broker", Broker, "--charger", _chargerId, "--power-W", Format(SetpointW), "--timeout-s", "10");
                Console.WriteLine(setpoint.Stdout);
                run = sim.WaitForExit(WallTimeout);
            }

            Assert.IsTrue(record.Wait(WallTimeout), "record did not end");
            AggregatorResult recorded = record.Result;
            bool sawOffline = SpinWait.SpinUntil(() => LinkStates(watchOut.ToString()).LastOrDefault() == "offline", TimeSpan.FromSeconds(10));
            _stopWatching.Cancel();
            Assert.IsTrue(watch.Wait(WallTimeout), "watch did not stop when cancelled");

            Assert.AreEqual(0, run.ExitCode, run.ToString());
            Assert.AreEqual(ExitCodes.Ok, setpoint.ExitCode, setpoint.ToString());
            double appliedW = AppliedW(setpoint);

            using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(summaryPath));
            JsonElement uplink = summary.RootElement.GetProperty("uplink");
            Assert.IsFalse(uplink.GetProperty("in_process_broker").GetBoolean(), run.StandardOutput);
            Assert.AreEqual(Broker, uplink.GetProperty("broker").GetString());
            Assert.AreEqual(_chargerId, uplink.GetProperty("charger_id").GetString());
            JsonElement commands = uplink.GetProperty("commands");
            Assert.AreEqual(1, commands.GetProperty("accepted").GetInt64() + commands.GetProperty("clamped").GetInt64(), uplink.ToString());
            Assert.AreEqual(0, commands.GetProperty("rejected").GetInt64(), uplink.ToString());

            Assert.AreEqual(ExitCodes.Ok, recorded.ExitCode, recorded.ToString());
            List<Dictionary<string, string>> rows = ReadCsv(csvPath);
            List<double> dispatched = rows
                .Where(r => r["state"] == "energy_transfer" && r["setpoint_W"].Length > 0 && Parse(r["setpoint_W"]) == appliedW)
                .Select(r => Parse(r["power_W"]))
                .ToList();
            // The first seconds are the ramp from the vehicle's own charging power to the setpoint.
            List<double> settled = dispatched.Skip(5).ToList();
            Assert.IsTrue(settled.Count >= 5, $"too few dispatched samples in energy transfer ({dispatched.Count}): {File.ReadAllText(csvPath)}");
            foreach (double powerW in settled)
            {
                Assert.AreEqual(appliedW, powerW, Math.Abs(appliedW) * SettledTolerance, $"grid-side power_W did not settle at the applied setpoint: {string.Join(", ", dispatched)}");
            }

            foreach (double powerW in settled.Skip(settled.Count - 3))
            {
                Assert.AreEqual(appliedW, powerW, Math.Abs(appliedW) * TrimmedTolerance, $"the grid-point trim did not bring power_W onto the setpoint: {string.Join(", ", dispatched)}");
            }

            Assert.IsTrue(File.Exists(pngPath), recorded.ToString());
            byte[] png = File.ReadAllBytes(pngPath);
            CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png.Take(8).ToArray(), "not a PNG");

            List<string> links = LinkStates(watchOut.ToString());
            int online = links.IndexOf("online");
            Assert.IsTrue(online >= 0, $"watch never showed {_chargerId} online: {watchOut}");
            Assert.IsTrue(sawOffline && links.LastIndexOf("offline") > online, $"watch did not show {_chargerId} offline after online at the end: {watchOut}");
        }

        [TestMethod]
        public void ADroopPresetFromTheAggregatorIsRetainedAndInForceAtTheEndOfTheRun()
        {
            // Not plugged: the droop settings are the charger's, with or without a vehicle.
            string scenario = WriteScenario("droop", 40);
            string summaryPath = _folder.File("summary.json");

            AggregatorResult droop;
            SimProcessResult run;
            using (var status = new MqttObserver(_mosquitto.Host, _mosquitto.Port))
            {
                status.Subscribe(Topic("status"));
                using var sim = new SimulatorInBackground(_folder.Path,
                    "--scenario", scenario, "--broker", Broker, "--charger-id", _chargerId, "--speed", "8", "--quiet", "--summary", summaryPath);
                ObservedMessage online = status.TryWaitFor(Topic("status"), TimeSpan.FromSeconds(20));
                Assert.IsNotNull(online, $"no status from the simulator: {sim.OutputSoFar}");
                StringAssert.Contains(online.Payload, "\"state\":\"online\"");
                droop = AggregatorRun.InProcess("droop", "--broker", Broker, "--charger", _chargerId, "--preset", "ieee1547-cat3", "--timeout-s", "10");
                run = sim.WaitForExit(WallTimeout);
            }

            Assert.AreEqual(ExitCodes.Ok, droop.ExitCode, droop.ToString());
            StringAssert.Contains(droop.Stdout, "before {", "the settings in force before the request, retained");
            StringAssert.Contains(droop.Stdout, "\"preset\":\"en50549\"", "the 50 Hz default before the request");
            string answer = droop.Stdout.Split('\n').Single(l => l.StartsWith("droop ", StringComparison.Ordinal));
            StringAssert.Contains(answer, "\"preset\":\"ieee1547-cat3\"");
            StringAssert.Contains(answer, "\"result\":\"accepted\"");

            Assert.AreEqual(0, run.ExitCode, run.ToString());
            using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(summaryPath));
            Assert.AreEqual("ieee1547-cat3", summary.RootElement.GetProperty("droop_preset").GetString(), run.StandardOutput);

            // A client that arrives after the run gets the settings in force from the broker.
            using var late = new MqttObserver(_mosquitto.Host, _mosquitto.Port);
            late.Subscribe(Topic("cfg/droop"));
            ObservedMessage retained = late.WaitFor(Topic("cfg/droop"), TimeSpan.FromSeconds(5));
            Assert.IsTrue(retained.Retain, retained.ToString());
            using JsonDocument cfg = JsonDocument.Parse(retained.Payload);
            Assert.AreEqual("ieee1547-cat3", cfg.RootElement.GetProperty("preset").GetString(), retained.Payload);
            Assert.IsTrue(cfg.RootElement.GetProperty("enabled").GetBoolean(), retained.Payload);
        }

        [TestMethod]
        public void WhenTheAggregatorsHeartbeatsStopTheChargerDropsTheDispatchAndNeverExports()
        {
            string scenario = WriteScenario("heartbeat", 70, ("plug", 1), ("vehicle_stop", 60));
            string summaryPath = _folder.File("summary.json");
            using var telemetry = new MqttObserver(_mosquitto.Host, _mosquitto.Port);
            telemetry.Subscribe(Topic("telemetry"));
            using var events = new MqttObserver(_mosquitto.Host, _mosquitto.Port);
            events.Subscribe(Topic("event"));
            using var limits = new MqttObserver(_mosquitto.Host, _mosquitto.Port);
            limits.Subscribe(Topic("limits"));

            SimProcessResult run;
            AggregatorResult refused;
            using (var sim = new SimulatorInBackground(_folder.Path,
                "--scenario", scenario, "--broker", Broker, "--charger-id", _chargerId, "--speed", Speed,
                "--heartbeat-timeout-s", HeartbeatTimeoutS, "--quiet", "--summary", summaryPath))
            {
                WaitForTelemetryState(telemetry, "energy_transfer", sim);
                AggregatorResult setpoint = AggregatorRun.InProcess("setpoint", "--broker", Broker, "--charger", _chargerId, "--power-W", Format(SetpointW), "--timeout-s", "10");
                Assert.AreEqual(ExitCodes.Ok, setpoint.ExitCode, setpoint.ToString());

                // 2 simulated s apart at speed 5, well inside the timeout: the dispatch holds.
                AggregatorResult beats = AggregatorRun.InProcess("heartbeat", "--broker", Broker, "--charger", _chargerId, "--period-s", "0.4", "--count", "8");
                Assert.AreEqual(ExitCodes.Ok, beats.ExitCode, beats.ToString());
                List<string> whileBeating = Drain(events, Topic("event"));
                Assert.IsFalse(whileBeating.Any(e => e.Contains("\"heartbeat_lost\"", StringComparison.Ordinal)), $"lost while heartbeats came: {string.Join("\n", whileBeating)}");

                // Silence: the setpoint goes, the vehicle's own request is served, nothing is exported.
                string lost = WaitFor(events, Topic("event"), e => e.Contains("\"kind\":\"heartbeat_lost\"", StringComparison.Ordinal), "the heartbeat_lost event", sim);
                DateTimeOffset lostAt = Timestamp(lost);
                WaitFor(limits, Topic("limits"), l => l.Contains("\"source_export\":\"heartbeat_loss\"", StringComparison.Ordinal) && l.Contains("\"max_export_W\":0.0", StringComparison.Ordinal),
                    "limits with no export, for the heartbeat loss", sim);
                // Samples from before the loss are still queued (the vehicle importing before the first setpoint matches
                // the same shape), so only one taken after the loss counts.
                string charging = WaitFor(telemetry, Topic("telemetry"),
                    t => Timestamp(t) >= lostAt && t.Contains("\"setpoint_W\":null", StringComparison.Ordinal) && Telemetry(t, "power_W") > 0,
                    "telemetry after the loss without a setpoint, importing", sim);
                StringAssert.Contains(charging, "\"state\":\"energy_transfer\"");

                // A new dispatch is refused until the aggregator is heard again.
                refused = AggregatorRun.InProcess("setpoint", "--broker", Broker, "--charger", _chargerId, "--power-W", Format(SetpointW), "--timeout-s", "10");
                Console.WriteLine(refused.Stdout);
                Assert.AreEqual(ExitCodes.Rejected, refused.ExitCode, refused.ToString());
                foreach (string t in Drain(telemetry, Topic("telemetry")))
                {
                    Assert.IsTrue(Telemetry(t, "power_W") >= 0, $"exported with the heartbeat lost: {t}");
                }

                AggregatorResult back = AggregatorRun.InProcess("heartbeat", "--broker", Broker, "--charger", _chargerId, "--count", "1");
                Assert.AreEqual(ExitCodes.Ok, back.ExitCode, back.ToString());
                WaitFor(events, Topic("event"), e => e.Contains("\"kind\":\"heartbeat_restored\"", StringComparison.Ordinal), "the heartbeat_restored event", sim);
                run = sim.WaitForExit(WallTimeout);
            }

            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(refused.Stdout, "\"result\":\"rejected\"", refused.ToString());
            using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(summaryPath));
            JsonElement commands = summary.RootElement.GetProperty("uplink").GetProperty("commands");
            Assert.AreEqual(1, commands.GetProperty("accepted").GetInt64() + commands.GetProperty("clamped").GetInt64(), commands.ToString());
            Assert.AreEqual(1, commands.GetProperty("rejected").GetInt64(), commands.ToString());
        }

        private string Topic(string suffix) => $"v2g/1/{_chargerId}/{suffix}";

        /// <summary>Everything already received on <paramref name="topic"/> (waits a moment for what is in flight).</summary>
        private static List<string> Drain(MqttObserver observer, string topic)
        {
            var payloads = new List<string>();
            for (ObservedMessage m = observer.TryWaitFor(topic, TimeSpan.FromMilliseconds(200)); m != null; m = observer.TryWaitFor(topic, TimeSpan.FromMilliseconds(200)))
            {
                payloads.Add(m.Payload);
            }

            return payloads;
        }

        /// <summary>The first payload on <paramref name="topic"/> that matches, within 15 s wall; fails saying what was seen.</summary>
        private static string WaitFor(MqttObserver observer, string topic, Func<string, bool> match, string what, SimulatorInBackground sim)
        {
            var seen = new List<string>();
            DateTime until = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            while (DateTime.UtcNow < until)
            {
                ObservedMessage m = observer.TryWaitFor(topic, TimeSpan.FromMilliseconds(500));
                if (m != null && match(m.Payload))
                {
                    return m.Payload;
                }

                if (m != null)
                {
                    seen.Add(m.Payload);
                }
            }

            Assert.Fail($"no {what} within 15 s; seen on {topic}:\n{string.Join("\n", seen)}\n{sim.OutputSoFar}");
            return null;
        }

        private static DateTimeOffset Timestamp(string payload)
        {
            using JsonDocument doc = JsonDocument.Parse(payload);
            return DateTimeOffset.Parse(doc.RootElement.GetProperty("ts").GetString(), System.Globalization.CultureInfo.InvariantCulture);
        }

        private static double Telemetry(string sample, string field)
        {
            using JsonDocument doc = JsonDocument.Parse(sample);
            return doc.RootElement.GetProperty(field).GetDouble();
        }

        private string WriteScenario(string name, double endS, params (string Action, double AtS)[] events)
        {
            var scenario = new Dictionary<string, object>
            {
                ["name"] = name,
                ["description"] = "aggregator end-to-end test",
                ["initial_soc_percent"] = 50,
                ["end_s"] = endS,
                ["events"] = events.Select(e => new Dictionary<string, object> { ["t_s"] = e.AtS, ["action"] = e.Action }).ToArray(),
            };
            string path = _folder.File(name + ".json");
            File.WriteAllText(path, JsonSerializer.Serialize(scenario));
            return path;
        }

        private void WaitForTelemetryState(MqttObserver telemetry, string state, SimulatorInBackground sim)
        {
            DateTime until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (DateTime.UtcNow < until)
            {
                ObservedMessage m = telemetry.TryWaitFor(Topic("telemetry"), TimeSpan.FromMilliseconds(500));
                if (m != null && m.Payload.Contains($"\"state\":\"{state}\"", StringComparison.Ordinal))
                {
                    return;
                }

                Assert.IsFalse(sim.HasExited, $"the simulator ended before {state}: {sim.OutputSoFar}");
            }

            Assert.Fail($"no telemetry in {state} within 30 s: {sim.OutputSoFar}");
        }

        /// <summary>The LINK column of every line watch printed (plain view: time, charger, link, ...).</summary>
        private List<string> LinkStates(string watchOutput)
        {
            var links = new List<string>();
            foreach (string line in watchOutput.Split('\n'))
            {
                string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length > 2 && f[1] == _chargerId)
                {
                    links.Add(f[2]);
                }
            }

            return links;
        }

        /// <summary>applied_W of the reply the setpoint command printed (<c>reply {...}</c>).</summary>
        private static double AppliedW(AggregatorResult setpoint)
        {
            string line = setpoint.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).SingleOrDefault(l => l.StartsWith("reply ", StringComparison.Ordinal));
            Assert.IsNotNull(line, $"no reply printed: {setpoint}");
            using JsonDocument reply = JsonDocument.Parse(line.Substring("reply ".Length));
            string result = reply.RootElement.GetProperty("result").GetString();
            Assert.IsTrue(result == "accepted" || result == "clamped", line);
            double appliedW = reply.RootElement.GetProperty("applied_W").GetDouble();
            if (result == "accepted")
            {
                Assert.AreEqual(SetpointW, appliedW, 0.05, line);
            }
            else
            {
                // Clamped at a local limit: towards zero, never past the request.
                Assert.IsTrue(appliedW < 0 && appliedW > SetpointW, line);
            }

            return appliedW;
        }

        /// <summary>The CSV as rows of title → field (read by its own header, not with the aggregator's reader).</summary>
        private static List<Dictionary<string, string>> ReadCsv(string path)
        {
            string[] lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
            Assert.IsTrue(lines.Length > 1, $"{path} has no samples");
            string[] titles = lines[0].Split(',');
            foreach (string column in new[] { "ts", "seq", "hist", "state", "power_W", "setpoint_W" })
            {
                CollectionAssert.Contains(titles, column, lines[0]);
            }

            var rows = new List<Dictionary<string, string>>();
            foreach (string line in lines.Skip(1))
            {
                string[] fields = line.Split(',');
                Assert.AreEqual(titles.Length, fields.Length, line);
                rows.Add(titles.Zip(fields).ToDictionary(p => p.First, p => p.Second));
            }

            return rows;
        }

        private static double Parse(string number) => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);

        private static string Format(double number) => number.ToString(CultureInfo.InvariantCulture);
    }
}
