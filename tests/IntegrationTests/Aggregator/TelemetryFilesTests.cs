using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Aggregator;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.Aggregator
{
    [TestClass]
    public sealed class TelemetryFilesTests
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero);

        private static List<TelemetrySample> Ramp(int count)
        {
            var samples = new List<TelemetrySample>();
            for (int i = 0; i < count; i++)
            {
                // A frequency excursion and the droop's answer: export grows as frequency falls.
                double f = 50.0 - 0.2 * Math.Sin(i / 10.0);
                samples.Add(new TelemetrySample
                {
                    ChargerId = "sim-0001",
                    Timestamp = T0.AddSeconds(i),
                    Seq = i + 1,
                    Historical = i < 5,
                    State = "energy_transfer",
                    PowerW = -7400 + (f - 50.0) * 20000,
                    DcVoltageV = 401.2,
                    DcCurrentA = -18.6,
                    FrequencyHz = f,
                    SocPercent = 55.2,
                    SetpointW = i < 30 ? -7400 : null,
                    DroopW = (f - 50.0) * 20000,
                });
            }

            return samples;
        }

        [TestMethod]
        public void TheCsvHasTheContractsColumnsAndDecimals()
        {
            Assert.AreEqual("ts,seq,hist,state,power_W,dc_V,dc_A,frequency_Hz,soc_pct,setpoint_W,droop_W", TelemetryCsv.Header(false));
            var s = new TelemetrySample
            {
                Timestamp = new DateTimeOffset(2026, 11, 26, 5, 0, 1, TimeSpan.Zero),
                Seq = 17,
                State = "energy_transfer",
                PowerW = -7400,
                DcVoltageV = 401.2,
                DcCurrentA = -18.6,
                FrequencyHz = 49.987,
                SocPercent = 55.2,
                DroopW = 0,
            };
            Assert.AreEqual("2026-11-26T05:00:01.000Z,17,false,energy_transfer,-7400.0,401.20,-18.60,49.987,55.2,,0.0", TelemetryCsv.Line(s, false));
        }

        [TestMethod]
        public void ACsvReadsBackAsWritten()
        {
            using var temp = new TempFolder();
            List<TelemetrySample> written = Ramp(50);
            TelemetryCsv.Write(temp.File("t.csv"), written, withCharger: true);
            List<TelemetrySample> read = TelemetryCsv.Read(temp.File("t.csv"));

            Assert.AreEqual(written.Count, read.Count);
            for (int i = 0; i < read.Count; i++)
            {
                Assert.AreEqual(written[i].Timestamp, read[i].Timestamp);
                Assert.AreEqual(written[i].Seq, read[i].Seq);
                Assert.AreEqual(written[i].Historical, read[i].Historical);
                Assert.AreEqual("sim-0001", read[i].ChargerId);
                Assert.AreEqual(written[i].PowerW.Value, read[i].PowerW.Value, 0.05);
                Assert.AreEqual(written[i].FrequencyHz.Value, read[i].FrequencyHz.Value, 0.0005);
                Assert.AreEqual(written[i].SetpointW == null, read[i].SetpointW == null);
            }
        }

        [TestMethod]
        public void ABrokenCsvLineIsReportedWithItsLineNumber()
        {
            using var temp = new TempFolder();
            File.WriteAllText(temp.File("t.csv"), "ts,seq,power_W\n2026-11-26T05:00:01.000Z,1,5.0\n2026-11-26T05:00:02.000Z,2,five\n");
            var e = Assert.ThrowsExactly<FormatException>(() => TelemetryCsv.Read(temp.File("t.csv")));
            StringAssert.Contains(e.Message, "t.csv:3: bad number 'five'");
        }

        [TestMethod]
        public void AnIntervalKeepsItsEndsAndSortsByChargerTime()
        {
            List<TelemetrySample> samples = Ramp(60);
            samples.Reverse();
            List<TelemetrySample> chosen = TelemetryPlot.Interval(samples, T0.AddSeconds(10), T0.AddSeconds(20));
            Assert.AreEqual(11, chosen.Count);
            Assert.AreEqual(11L, chosen[0].Seq);
            Assert.AreEqual(21L, chosen[^1].Seq);
        }

        [TestMethod]
        public void PlotDrawsAPngOfTheChosenInterval()
        {
            using var temp = new TempFolder();
            TelemetryCsv.Write(temp.File("t.csv"), Ramp(120));
            AggregatorResult r = AggregatorRun.InProcess("plot", "--csv", temp.File("t.csv"), "--png", temp.File("t.png"),
                "--from", "2026-11-26T05:00:30Z", "--to", "2026-11-26T05:01:00Z");

            Assert.AreEqual(ExitCodes.Ok, r.ExitCode, r.ToString());
            StringAssert.Contains(r.Stdout, "31 samples from 2026-11-26T05:00:30.000Z to 2026-11-26T05:01:00.000Z");
            byte[] png = File.ReadAllBytes(temp.File("t.png"));
            CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
            Assert.IsTrue(png.Length > 10_000, $"a PNG of three panels, not {png.Length} bytes");
        }

        [TestMethod]
        public void PlotOfAnEmptyIntervalFailsSayingSo()
        {
            using var temp = new TempFolder();
            TelemetryCsv.Write(temp.File("t.csv"), Ramp(10));
            AggregatorResult r = AggregatorRun.InProcess("plot", "--csv", temp.File("t.csv"), "--png", temp.File("t.png"), "--from", "2027-01-01T00:00:00Z");
            Assert.AreEqual(ExitCodes.Rejected, r.ExitCode, r.ToString());
            StringAssert.Contains(r.Stderr, "no sample in");
            Assert.IsFalse(File.Exists(temp.File("t.png")));
        }

        [TestMethod]
        public void PlotOfAMissingFileFailsWithTheReason()
        {
            using var temp = new TempFolder();
            AggregatorResult r = AggregatorRun.InProcess("plot", "--csv", temp.File("none.csv"), "--png", temp.File("t.png"));
            Assert.AreEqual(ExitCodes.Rejected, r.ExitCode, r.ToString());
            StringAssert.Contains(r.Stderr, "none.csv");
        }
    }
}
