using System;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Aggregator;

namespace V2G.IntegrationTests.Aggregator
{
    [TestClass]
    public sealed class FleetTableTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 26, 5, 0, 10, TimeSpan.Zero);

        private static byte[] J(string json) => Encoding.UTF8.GetBytes(json);

        private static string Sample(long seq, string ts, double powerW, bool hist = false, string state = "energy_transfer") =>
            $"{{\"ts\":\"{ts}\",\"seq\":{seq},\"hist\":{(hist ? "true" : "false")},\"state\":\"{state}\",\"power_W\":{powerW:0.0},\"dc_V\":401.20,\"dc_A\":-18.60," +
            "\"dc_power_W\":-7462.3,\"frequency_Hz\":49.987,\"soc_pct\":55.2,\"setpoint_W\":-7400.0,\"setpoint_id\":\"abc\",\"droop_W\":0.0," +
            "\"limit_reason\":\"none\",\"battery_clip_reason\":\"none\",\"faults\":0}";

        [TestMethod]
        public void ALiveSampleFillsTheRow()
        {
            var table = new FleetTable();
            Assert.IsTrue(table.Apply("v2g/1/sim-0001/status", J("{\"state\":\"online\",\"fw\":\"0.7.0\",\"boot_id\":4,\"ts\":\"2026-11-26T05:00:00.000Z\"}"), Now));
            table.Apply("v2g/1/sim-0001/telemetry", J(Sample(17, "2026-11-26T05:00:01.000Z", -7400)), Now);

            ChargerRow row = table.Find("sim-0001");
            Assert.AreEqual("online", row.Link);
            Assert.AreEqual(4L, row.BootId);
            Assert.AreEqual(-7400.0, row.Live.PowerW);
            Assert.AreEqual(-7400.0, row.Live.SetpointW);
            string line = FleetTable.RenderRow(row, Now.AddSeconds(3));
            StringAssert.Contains(line, "sim-0001");
            StringAssert.Contains(line, "energy_transfer");
            StringAssert.Contains(line, "-7.40");
            StringAssert.Contains(line, "55.2");
            StringAssert.Contains(line, "49.987");
            StringAssert.EndsWith(line, "      3  0", "seen 3 s ago, no fault");
        }

        [TestMethod]
        public void TheWillTurnsTheChargerOffline()
        {
            var table = new FleetTable();
            table.Apply("v2g/1/sim-0001/status", J("{\"state\":\"online\",\"fw\":\"0.7.0\",\"boot_id\":4,\"ts\":\"2026-11-26T05:00:00.000Z\"}"), Now);
            table.Apply("v2g/1/sim-0001/status", J("{\"state\":\"offline\",\"fw\":\"0.7.0\",\"boot_id\":4}"), Now);
            Assert.AreEqual("offline", table.Find("sim-0001").Link);
        }

        [TestMethod]
        public void AReplayedSampleDoesNotReplaceTheLiveOne()
        {
            var table = new FleetTable();
            table.Apply("v2g/1/sim-0001/telemetry", J(Sample(20, "2026-11-26T05:00:20.000Z", 5000)), Now);
            table.Apply("v2g/1/sim-0001/telemetry", J(Sample(12, "2026-11-26T05:00:12.000Z", -3000, hist: true, state: "idle")), Now);

            ChargerRow row = table.Find("sim-0001");
            Assert.AreEqual(5000.0, row.Live.PowerW);
            Assert.AreEqual(1L, row.LiveSamples);
            Assert.AreEqual(1L, row.HistoricalSamples);
        }

        [TestMethod]
        public void RaisedFaultsShowByNameUntilCleared()
        {
            var table = new FleetTable();
            table.Apply("v2g/1/sim-0001/event", J("{\"ts\":\"2026-11-26T05:00:01.000Z\",\"seq\":1,\"hist\":false,\"kind\":\"fault_raised\",\"fault\":\"insulation\"}"), Now);
            table.Apply("v2g/1/sim-0001/event", J("{\"ts\":\"2026-11-26T05:00:02.000Z\",\"seq\":2,\"hist\":false,\"kind\":\"fault_raised\",\"fault\":\"overcurrent\"}"), Now);
            StringAssert.Contains(FleetTable.RenderRow(table.Find("sim-0001"), Now), "insulation,over");

            table.Apply("v2g/1/sim-0001/event", J("{\"ts\":\"2026-11-26T05:00:03.000Z\",\"seq\":3,\"hist\":false,\"kind\":\"fault_cleared\",\"fault\":\"insulation\"}"), Now);
            CollectionAssert.AreEqual(new[] { "overcurrent" }, table.Find("sim-0001").ActiveFaults.ToArray());
            Assert.AreEqual("fault_cleared insulation", table.Find("sim-0001").LastEvent);
        }

        [TestMethod]
        public void MalformedPayloadsAreCountedNotFatal()
        {
            var table = new FleetTable();
            table.Apply("v2g/1/sim-0001/telemetry", J("{\"ts\":"), Now);
            table.Apply("v2g/1/sim-0001/telemetry", J("{\"seq\":1}"), Now);
            table.Apply("v2g/1/sim-0001/status", J("[1,2]"), Now);
            Assert.AreEqual(3L, table.Find("sim-0001").BadPayloads);
            Assert.IsNull(table.Find("sim-0001").Live);
        }

        [TestMethod]
        public void OnlyTheNamedChargersAreKept()
        {
            var table = new FleetTable(new[] { "sim-0002" });
            Assert.IsFalse(table.Apply("v2g/1/sim-0001/status", J("{\"state\":\"online\"}"), Now));
            Assert.IsTrue(table.Apply("v2g/1/sim-0002/status", J("{\"state\":\"online\"}"), Now));
            Assert.IsFalse(table.Apply("other/tree", J("{}"), Now));
            CollectionAssert.AreEqual(new[] { "sim-0002" }, table.Rows.Select(r => r.ChargerId).ToArray());
        }

        [TestMethod]
        public void CommandsFromOtherAggregatorsDoNotCountAsTheChargerSeen()
        {
            var table = new FleetTable();
            table.Apply("v2g/1/sim-0001/cmd/setpoint", J("{\"id\":\"x\",\"power_W\":1}"), Now);
            Assert.IsNull(table.Find("sim-0001").LastSeen);
        }

        [TestMethod]
        public void ThePlainViewPrintsOnlyRowsThatChanged()
        {
            var table = new FleetTable();
            var output = new System.IO.StringWriter();
            var view = new TableView(output, ansi: false);
            table.Apply("v2g/1/a/status", J("{\"state\":\"online\"}"), Now);
            table.Apply("v2g/1/b/status", J("{\"state\":\"online\"}"), Now);
            view.Draw(table, Now);
            table.Apply("v2g/1/b/status", J("{\"state\":\"offline\"}"), Now);
            view.Draw(table, Now);
            view.Draw(table, Now);

            string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.AreEqual(4, lines.Length, output.ToString());
            StringAssert.Contains(lines[0], "CHARGER");
            StringAssert.Contains(lines[3], "offline");
        }

        [TestMethod]
        public void TheTerminalViewRedrawsInPlace()
        {
            var table = new FleetTable();
            var output = new System.IO.StringWriter();
            var view = new TableView(output, ansi: true);
            table.Apply("v2g/1/a/status", J("{\"state\":\"online\"}"), Now);
            view.Draw(table, Now);
            Assert.IsFalse(output.ToString().Contains("\u001b[2F"), "nothing to go back over the first time");
            view.Draw(table, Now);
            StringAssert.Contains(output.ToString(), "\u001b[2F");
        }

        [TestMethod]
        public void TheTerminalViewCutsLinesAtTheTerminalWidth()
        {
            var table = new FleetTable();
            var output = new System.IO.StringWriter();
            table.Apply("v2g/1/a/status", J("{\"state\":\"online\"}"), Now);
            new TableView(output, ansi: true, widthColumns: 40).Draw(table, Now);
            foreach (string line in output.ToString().Split('\n'))
            {
                Assert.IsTrue(line.Replace("\u001b[K", "").Replace("\u001b[J", "").Length < 40, line);
            }
        }
    }
}
