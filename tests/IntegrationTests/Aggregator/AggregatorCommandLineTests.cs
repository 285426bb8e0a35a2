using System;
using System.Text;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Aggregator;

namespace V2G.IntegrationTests.Aggregator
{
    [TestClass]
    public sealed class AggregatorCommandLineTests
    {
        [TestMethod]
        public void NoArgumentsPrintsTheUsageAndSucceeds()
        {
            AggregatorResult r = AggregatorRun.InProcess();
            Assert.AreEqual(ExitCodes.Ok, r.ExitCode, r.ToString());
            StringAssert.Contains(r.Stdout, "setpoint   --charger ID --power-W W");
        }

        [TestMethod]
        [DataRow(new[] { "launch" }, "unknown command 'launch'")]
        [DataRow(new[] { "setpoint", "--power-W", "-7400" }, "setpoint needs exactly one --charger ID")]
        [DataRow(new[] { "setpoint", "--charger", "sim-0001" }, "setpoint needs --power-W")]
        [DataRow(new[] { "setpoint", "--charger", "sim-0001", "--power-W", "lots" }, "--power-W lots: not a number")]
        [DataRow(new[] { "setpoint", "--charger", "sim-0001", "--power-W", "1", "--priority", "1001" }, "--priority: an integer 0..1000")]
        [DataRow(new[] { "setpoint", "--charger", "sim-0001", "--power-W", "1", "--purpose", "fun" }, "--purpose: dispatch, arbitrage or frequency")]
        [DataRow(new[] { "setpoint", "--charger", "bad/id", "--power-W", "1" }, "charger id 'bad/id'")]
        [DataRow(new[] { "droop", "--charger", "sim-0001" }, "droop needs --preset NAME or parameters")]
        [DataRow(new[] { "droop", "--charger", "sim-0001", "--preset", "ieee1547-cat2", "--k-of", "0.05" }, "not both")]
        [DataRow(new[] { "record", "--charger", "sim-0001", "--seconds", "5" }, "record needs --seconds S and --csv FILE")]
        [DataRow(new[] { "plot", "--csv", "a.csv", "--png", "a.png", "--from", "2026-11-26T06:00:00Z", "--to", "2026-11-26T05:00:00Z" }, "--to is before --from")]
        [DataRow(new[] { "plot", "--csv", "a.csv", "--png", "a.png", "--from", "yesterday" }, "not an RFC 3339 time")]
        [DataRow(new[] { "watch", "--broker", "localhost:99999" }, "the port must be 1..65535")]
        [DataRow(new[] { "watch", "--frobnicate" }, "unknown option '--frobnicate'")]
        public void AWrongCommandLineIsRefusedWithItsReasonAndExitCode2(string[] args, string reason)
        {
            AggregatorResult r = AggregatorRun.InProcess(args);
            Assert.AreEqual(ExitCodes.Usage, r.ExitCode, r.ToString());
            StringAssert.Contains(r.Stderr, reason);
        }

        [TestMethod]
        public void BrokerAddressesTakeAHostAPortAndBracketedIpv6()
        {
            Assert.AreEqual("mq.example:8883", BrokerAddress.Parse("mq.example:8883").ToString());
            Assert.AreEqual(1883, BrokerAddress.Parse("mq.example").Port);
            BrokerAddress v6 = BrokerAddress.Parse("[::1]:1884");
            Assert.AreEqual("::1", v6.Host);
            Assert.AreEqual(1884, v6.Port);
        }

        [TestMethod]
        public void TheSetpointPayloadCarriesTheContractsMembersOnly()
        {
            AggregatorOptions o = V2G.Aggregator.CommandLine.Parse(new[]
            {
                "setpoint", "--charger", "sim-0001", "--power-W", "-7400", "--valid-until", "2026-11-26T06:00:00Z",
                "--priority", "100", "--purpose", "arbitrage", "--price-spread", "0.2", "--id", "abc",
            });
            o.Setpoint.ValidUntil = o.ValidUntil.Value;
            Assert.AreEqual(
                "{\"id\":\"abc\",\"power_W\":-7400,\"valid_until\":\"2026-11-26T06:00:00Z\",\"priority\":100,\"purpose\":\"arbitrage\",\"price_spread_per_kWh\":0.2}",
                Encoding.UTF8.GetString(o.Setpoint.ToJson()));
        }

        [TestMethod]
        public void DroopParametersBecomeTheContractsNames()
        {
            AggregatorOptions o = V2G.Aggregator.CommandLine.Parse(new[] { "droop", "--charger", "sim-0001", "--enabled", "true", "--db-of-Hz", "0.036", "--k-of", "0.05", "--rated-W", "11000" });
            using JsonDocument doc = JsonDocument.Parse(o.Droop.ToJson());
            Assert.IsTrue(doc.RootElement.GetProperty("enabled").GetBoolean());
            Assert.AreEqual(0.036, doc.RootElement.GetProperty("db_of_Hz").GetDouble());
            Assert.AreEqual(0.05, doc.RootElement.GetProperty("k_of").GetDouble());
            Assert.AreEqual(11000, doc.RootElement.GetProperty("rated_W").GetDouble());
            Assert.IsFalse(doc.RootElement.TryGetProperty("preset", out _));
        }

        [TestMethod]
        public void TopicsSplitIntoChargerAndSuffix()
        {
            Assert.IsTrue(ChargerTopic.TrySplit("v2g/1/sim-0001/cmd/setpoint/reply", out string id, out string suffix));
            Assert.AreEqual("sim-0001", id);
            Assert.AreEqual(ChargerTopic.SetpointReply, suffix);
            Assert.IsFalse(ChargerTopic.TrySplit("v2g/2/sim-0001/status", out _, out _));
            Assert.IsFalse(ChargerTopic.TrySplit("v2g/1/sim-0001", out _, out _));
            Assert.AreEqual("v2g/1/sim-0001/cfg/droop/set", ChargerTopic.Of("sim-0001", ChargerTopic.DroopSet));
        }

        [TestMethod]
        public void WatchTakesSeveralChargersOrAll()
        {
            CollectionAssert.AreEqual(new[] { "a", "b", "c" }, V2G.Aggregator.CommandLine.Parse(new[] { "watch", "--charger", "a,b", "--charger", "c" }).Chargers);
            Assert.AreEqual(0, V2G.Aggregator.CommandLine.Parse(new[] { "watch", "--charger", "all" }).Chargers.Count);
        }
    }
}
