using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Aggregator;
using V2G.IntegrationTests.TestSupport;
using V2G.Sim.Uplink;

namespace V2G.IntegrationTests.Aggregator
{
    /// <summary>Every command of v2g-aggregator, in-process, against a fake charger on an in-process broker.</summary>
    [TestClass]
    public sealed class AggregatorAgainstBrokerTests
    {
        private const string Id = "sim-0001";

        private InProcessBroker _broker;

        [TestInitialize]
        public void StartBroker() => _broker = InProcessBroker.Start();

        [TestCleanup]
        public void StopBroker() => _broker.Dispose();

        private string[] Args(params string[] args) => args.Concat(new[] { "--broker", _broker.Address, "--timeout-s", "5" }).ToArray();

        private string RetainedStatus(string chargerId)
        {
            foreach (MQTTnet.MqttApplicationMessage m in _broker.Server.GetRetainedMessagesAsync().GetAwaiter().GetResult())
            {
                if (m.Topic == ChargerTopic.Of(chargerId, ChargerTopic.Status))
                {
                    return System.Text.Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(m.Payload));
                }
            }

            return "";
        }

        [TestMethod]
        public void AnAcceptedSetpointExitsZeroAndPrintsTheReply()
        {
            using var charger = new FakeCharger(_broker.Port, Id);
            AggregatorResult r = AggregatorRun.InProcess(Args("setpoint", "--charger", Id, "--power-W", "-7400", "--id", "abc", "--priority", "100"));

            Assert.AreEqual(ExitCodes.Ok, r.ExitCode, r.ToString());
            StringAssert.Contains(r.Stdout, "reply {\"id\":\"abc\",\"result\":\"accepted\"");
            StringAssert.Contains(r.Stdout, "accepted, applied -7400.0 W");
            Assert.IsTrue(charger.Setpoints.TryPeek(out string sent));
            StringAssert.StartsWith(sent, "{\"id\":\"abc\",\"power_W\":-7400,\"valid_until\":\"");
        }

        [TestMethod]
        public void AClampedSetpointExitsZeroAndShowsTheAppliedPower()
        {
            using var charger = new FakeCharger(_broker.Port, Id);
            AggregatorResult r = AggregatorRun.InProcess(Args("setpoint", "--charger", Id, "--power-W", "-50000"));
            Assert.AreEqual(ExitCodes.Ok, r.ExitCode, r.ToString());
            StringAssert.Contains(r.Stdout, "clamped, applied -11000.0 W (charger limit)");
        }

        [TestMethod]
        public void ARejectedSetpointExitsOneWithTheReason()
        {
            using var charger = new FakeCharger(_broker.Port, Id);
            AggregatorResult r = AggregatorRun.InProcess(Args("setpoint", "--charger", Id, "--power-W", "3000", "--valid-until", "2020-01-01T00:00:00Z"));
            Assert.AreEqual(ExitCodes.Rejected, r.ExitCode, r.ToString());
            StringAssert.Contains(r.Stdout, "rejected (expired)");
        }

        [TestMethod]
        public void ASetpointNobodyAnswersTimesOutWithExitTwo()
        {
            using var charger = new FakeCharger(_broker.Port, Id, answerSetpoints: false);
            AggregatorResult r = AggregatorRun.InProcess("setpoint", "--charger", Id, "--power-W", "3000", "--id", "lost", "--broker", _broker.Address, "--timeout-s", "1");
            Assert.AreEqual(ExitCodes.Timeout, r.ExitCode, r.ToString());
            StringAssert.Contains(r.Stderr, "no reply from sim-0001 to setpoint 'lost' within 1 s");
            Assert.AreEqual(1, charger.Setpoints.Count, "the charger got the command, it just never answered");
        }

        [TestMethod]
        public void AnotherChargersReplyWithAnotherIdIsNotTakenForOurs()
        {
            using var other = new FakeCharger(_broker.Port, "sim-0002");
            using var charger = new FakeCharger(_broker.Port, Id, answerSetpoints: false);
            // The other charger answers a command of the same id: a different topic, never read.
            AggregatorRun.InProcess(Args("setpoint", "--charger", "sim-0002", "--power-W", "1000", "--id", "same"));
            AggregatorResult r = AggregatorRun.InProcess("setpoint", "--charger", Id, "--power-W", "1000", "--id", "same", "--broker", _broker.Address, "--timeout-s", "1");
            Assert.AreEqual(ExitCodes.Timeout, r.ExitCode, r.ToString());
        }

        [TestMethod]
        public void ABrokerThatIsNotThereExitsThree()
        {
            int port = _broker.Port;
            _broker.Dispose();
            AggregatorResult r = AggregatorRun.InProcess("setpoint", "--charger", Id, "--power-W", "1", "--broker", "127.0.0.1:" + port, "--timeout-s", "2");
            Assert.AreEqual(ExitCodes.BrokerFailure, r.ExitCode, r.ToString());
            StringAssert.Contains(r.Stderr, "broker 127.0.0.1:" + port);
        }

        [TestMethod]
        public void ADroopPresetIsAnsweredWithTheSettingsInForce()
        {
            using var charger = new FakeCharger(_broker.Port, Id);
            AggregatorResult r = AggregatorRun.InProcess(Args("droop", "--charger", Id, "--preset", "ieee1547-cat2"));
            Assert.AreEqual(ExitCodes.Ok, r.ExitCode, r.ToString());
            StringAssert.Contains(r.Stdout, "before {\"ts\":\"2026-11-26T05:00:00.000Z\",\"enabled\":false");
            StringAssert.Contains(r.Stdout, "droop {\"ts\":\"2026-11-26T05:00:03.000Z\",\"enabled\":true,\"preset\":\"ieee1547-cat2\"");
        }

        [TestMethod]
        public void DroopParametersAreSentAndTheAnswerShowsThem()
        {
            using var charger = new FakeCharger(_broker.Port, Id);
            AggregatorResult r = AggregatorRun.InProcess(Args("droop", "--charger", Id, "--db-of-Hz", "0.2", "--k-of", "0.05"));
            Assert.AreEqual(ExitCodes.Ok, r.ExitCode, r.ToString());
            StringAssert.Contains(r.Stdout, "sent v2g/1/sim-0001/cfg/droop/set {\"db_of_Hz\":0.2,\"k_of\":0.05}");
            StringAssert.Contains(r.Stdout, "\"db_of_Hz\":0.200");
        }

        [TestMethod]
        public void ARejectedDroopRequestExitsOneWithTheChargersReason()
        {
            using var charger = new FakeCharger(_broker.Port, Id);
            AggregatorResult r = AggregatorRun.InProcess(Args("droop", "--charger", Id, "--preset", "bogus"));
            Assert.AreEqual(ExitCodes.Rejected, r.ExitCode, r.ToString());
            StringAssert.Contains(r.Stderr, "rejected the droop settings: unknown preset 'bogus'");
        }

        [TestMethod]
        public void HeartbeatsArriveNumberedFromOne()
        {
            using var charger = new FakeCharger(_broker.Port, Id);
            AggregatorResult r = AggregatorRun.InProcess(Args("heartbeat", "--charger", Id, "--count", "3", "--period-s", "0.1"));
            Assert.AreEqual(ExitCodes.Ok, r.ExitCode, r.ToString());
            SpinWait.SpinUntil(() => charger.Heartbeats.Count >= 3, TimeSpan.FromSeconds(5));
            CollectionAssert.AreEqual(new long[] { 1, 2, 3 }, charger.Heartbeats.ToArray());
        }

        [TestMethod]
        public void WatchShowsEachChargerWithItsLinkStateAndPower()
        {
            using var temp = new TempFolder();
            using var charger = new FakeCharger(_broker.Port, Id);
            using var crashed = new FakeCharger(_broker.Port, "sim-0002");
            crashed.Crash();
            // The broker publishes the will on its own time; the table must find it retained.
            Assert.IsTrue(SpinWait.SpinUntil(() => RetainedStatus("sim-0002").Contains("offline"), TimeSpan.FromSeconds(5)), "the will was not published");
            Task<AggregatorResult> watch = AggregatorRun.Start("watching", Args("watch", "--once-after", "2", "--csv", temp.File("w.csv")));
            DateTimeOffset t = DateTimeOffset.UtcNow;
            charger.PublishTelemetry(1, t, -7400, 49.987, setpointW: -7400);
            charger.PublishTelemetry(2, t.AddSeconds(1), -7350, 49.990, setpointW: -7400);
            charger.PublishEvent("{\"ts\":\"2026-11-26T05:00:01.000Z\",\"seq\":1,\"hist\":false,\"kind\":\"fault_raised\",\"fault\":\"overtemperature\"}");
            AggregatorResult r = watch.Result;

            Assert.AreEqual(ExitCodes.Ok, r.ExitCode, r.ToString());
            string[] lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            StringAssert.StartsWith(lines[0], "CHARGER");
            string one = lines.Single(l => l.StartsWith("sim-0001"));
            string two = lines.Single(l => l.StartsWith("sim-0002"));
            StringAssert.Contains(one, "online");
            StringAssert.Contains(one, "energy_transfer");
            StringAssert.Contains(one, "-7.35");
            StringAssert.Contains(one, "-7.40");
            StringAssert.Contains(one, "overtemperature");
            StringAssert.Contains(two, "offline");

            string[] csv = File.ReadAllLines(temp.File("w.csv"));
            Assert.AreEqual("charger," + TelemetryCsv.Header(false), csv[0]);
            Assert.AreEqual(3, csv.Length, string.Join("\n", csv));
            StringAssert.StartsWith(csv[2], "sim-0001,");
            StringAssert.Contains(csv[2], ",2,false,energy_transfer,-7350.0,401.20,");
        }

        [TestMethod]
        public void WatchOfOneChargerLeavesTheOthersOut()
        {
            using var charger = new FakeCharger(_broker.Port, Id);
            using var other = new FakeCharger(_broker.Port, "sim-0002");
            AggregatorResult r = AggregatorRun.InProcess(Args("watch", "--charger", "sim-0002", "--once-after", "1"));
            Assert.AreEqual(ExitCodes.Ok, r.ExitCode, r.ToString());
            StringAssert.Contains(r.Stdout, "sim-0002");
            Assert.IsFalse(r.Stdout.Contains(Id), r.Stdout);
        }

        [TestMethod]
        public void RecordWritesTheChargersSamplesInChargerTimeAndAPng()
        {
            using var temp = new TempFolder();
            using var charger = new FakeCharger(_broker.Port, Id);
            Task<AggregatorResult> record = AggregatorRun.Start("recording", Args("record", "--charger", Id, "--seconds", "2.5", "--csv", temp.File("r.csv"), "--png", temp.File("r.png")));
            DateTimeOffset t0 = DateTimeOffset.UtcNow;
            for (int i = 0; i < 20; i++)
            {
                charger.PublishTelemetry(100 + i, t0.AddSeconds(i), -7400 + 100 * i, 50.0 - 0.01 * i);
            }

            // Replayed after an outage: older samples, arriving last.
            for (int i = 0; i < 5; i++)
            {
                charger.PublishTelemetry(90 + i, t0.AddSeconds(i - 10), 0, 50.0, historical: true);
            }

            AggregatorResult r = record.Result;
            Assert.AreEqual(ExitCodes.Ok, r.ExitCode, r.ToString());
            StringAssert.Contains(r.Stdout, "25 samples (5 historical) from sim-0001");
            var samples = TelemetryCsv.Read(temp.File("r.csv"));
            CollectionAssert.AreEqual(Enumerable.Range(90, 5).Concat(Enumerable.Range(100, 20)).Select(i => (long)i).ToArray(), samples.Select(s => s.Seq).ToArray());
            Assert.IsTrue(samples.Take(5).All(s => s.Historical));
            Assert.IsTrue(new FileInfo(temp.File("r.png")).Length > 10_000);
        }

        [TestMethod]
        public void RecordWithNothingToRecordSaysSoAndExitsOne()
        {
            using var temp = new TempFolder();
            AggregatorResult r = AggregatorRun.InProcess(Args("record", "--charger", Id, "--seconds", "0.5", "--csv", temp.File("r.csv"), "--png", temp.File("r.png")));
            Assert.AreEqual(ExitCodes.Rejected, r.ExitCode, r.ToString());
            StringAssert.Contains(r.Stderr, "no telemetry from sim-0001");
            Assert.IsFalse(File.Exists(temp.File("r.png")));
        }
    }
}
