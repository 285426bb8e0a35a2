using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Sim.Can;

namespace V2G.IntegrationTests.GbT
{
    /// <summary>
    /// The candump log a GB/T run writes (--candump, GbtLinkOptions.CandumpPath): a valid candump -l file
    /// holding every frame the bus carried, with the digest's identifiers and lengths, and CCS of 8 bytes in
    /// the 2015 profile and 7 in 2023 Category A [digest §3 note, §8].
    /// </summary>
    [TestClass]
    public sealed class GbtCandumpTests
    {
        /// <summary>candump -l with an extended identifier: "(seconds.micros) iface 8-hex-id#hex-data".</summary>
        private static readonly Regex CandumpLine = new(@"^\(\d{10}\.\d{6}\) can0 [0-9A-F]{8}#(?:[0-9A-F]{2}){0,8}$", RegexOptions.CultureInvariant);

        /// <summary>What every full session carries at least once.</summary>
        private static readonly uint[] Expected =
        {
            GbtCanIds.Chm, GbtCanIds.Bhm, GbtCanIds.Crm, GbtCanIds.Cts, GbtCanIds.Cml, GbtCanIds.Bro, GbtCanIds.Cro, GbtCanIds.Bcl,
            GbtCanIds.Ccs, GbtCanIds.Bsm, GbtCanIds.Bst, GbtCanIds.Cst, GbtCanIds.Bsd, GbtCanIds.Csd,
            GbtCanIds.TpCmFromBms, GbtCanIds.TpCmFromCharger, GbtCanIds.TpDtFromBms,
        };

        [TestMethod]
        public void In2015TheChargerSendsCcsWith8Bytes()
        {
            GbtRun run = GbtRuns.Charge2015.Value;

            AssertCcsLength(run, 8);
            Assert.AreEqual("gbt2015", run.Result.Gbt.Profile);
        }

        [TestMethod]
        public void In2023CategoryATheChargerSendsCcsWith7Bytes()
        {
            GbtRun run = GbtRuns.Charge2023A.Value;

            AssertCcsLength(run, 7);
            Assert.AreEqual("gbt2023a", run.Result.Gbt.Profile);
            Assert.AreEqual("ok", run.Result.Result, run.DescribeFaults());
            Assert.AreEqual("done", run.Result.VehicleEndReason);
            Assert.IsTrue(run.Result.EndedSafe);
        }

        [TestMethod]
        public void Every2015LineIsAValidCandumpLineAndEveryFrameOfTheBusIsThereInOrder() => AssertValidAndComplete(GbtRuns.Charge2015.Value);

        [TestMethod]
        public void Every2023ALineIsAValidCandumpLineAndEveryFrameOfTheBusIsThereInOrder() => AssertValidAndComplete(GbtRuns.Charge2023A.Value);

        [TestMethod]
        public void The2015IdentifiersAndLengthsAreTheDigests() => AssertDigestIdentifiers(GbtRuns.Charge2015.Value);

        [TestMethod]
        public void The2023AIdentifiersAndLengthsAreTheDigests() => AssertDigestIdentifiers(GbtRuns.Charge2023A.Value);

        private static void AssertCcsLength(GbtRun run, int length)
        {
            CandumpRecord[] ccs = run.Candump.Records.Where(r => r.Frame.Id == GbtCanIds.Ccs).ToArray();
            Assert.IsGreaterThan(1000, ccs.Length, "CCS every 50 ms while charging");
            CandumpRecord other = ccs.FirstOrDefault(r => r.Frame.Length != length);
            Assert.AreEqual(0, other.LineNumber, $"line {other.LineNumber}: CCS of {other.Frame.Length} bytes");
        }

        private static void AssertValidAndComplete(GbtRun run)
        {
            string[] lines = run.CandumpText.Split('\n');
            Assert.AreEqual("", lines[^1], "the file ends with a line feed");
            Assert.IsFalse(run.CandumpText.Contains('\r'), "LF line endings, as candump");
            lines = lines[..^1];
            for (int i = 0; i < lines.Length; i++)
            {
                Assert.IsTrue(CandumpLine.IsMatch(lines[i]), $"line {i + 1}: '{lines[i]}'");
            }

            CandumpFile log = run.Candump;
            Assert.IsEmpty(log.Rejected, string.Join("\n", log.Rejected.Take(5)));
            Assert.HasCount(lines.Length, log.Records);
            Assert.AreEqual(run.Result.Gbt.FramesCarried, (long)log.Records.Count, "one line per frame the bus carried");
            Assert.HasCount(run.Frames.Count, log.Records);

            // The same frames in the same order, with times relative to the first frame (µs).
            long originMs = run.Frames[0].TimeMs;
            for (int i = 0; i < log.Records.Count; i++)
            {
                CandumpRecord r = log.Records[i];
                GbtFrame f = run.Frames[i];
                Assert.AreEqual("can0", r.InterfaceName);
                Assert.IsTrue(r.Frame.IsExtended, $"line {r.LineNumber}");
                Assert.AreEqual(f.Id, r.Frame.Id, $"line {r.LineNumber}");
                Assert.AreEqual(f.Frame.Length, r.Frame.Length, $"line {r.LineNumber}");
                ulong mask = f.Frame.Length == 8 ? ulong.MaxValue : (1UL << (8 * f.Frame.Length)) - 1;
                Assert.AreEqual(f.Frame.Data & mask, r.Frame.Data & mask, $"line {r.LineNumber}");
                Assert.AreEqual((f.TimeMs - originMs) * 1000, r.TimeUs, $"line {r.LineNumber}");
            }
        }

        private static void AssertDigestIdentifiers(GbtRun run)
        {
            var seen = new HashSet<uint>();
            foreach (CandumpRecord r in run.Candump.Records)
            {
                uint id = r.Frame.Id;
                seen.Add(id);
                if (id == GbtCanIds.Ccs)
                {
                    continue;
                }

                Assert.IsTrue(GbtCanIds.DigestLengths.TryGetValue(id, out int length), $"line {r.LineNumber}: {id:X8} is not in the digest's message table");
                Assert.AreEqual(length, r.Frame.Length, $"line {r.LineNumber}: {GbtCanIds.Names[id]} ({id:X8}) of {r.Frame.Length} bytes");
            }

            foreach (uint id in Expected)
            {
                Assert.Contains(id, seen, $"no {GbtCanIds.Names[id]} ({id:X8}) in the log");
            }

            // The session starts with CHM, answered with BHM [digest §6].
            Assert.AreEqual(GbtCanIds.Chm, run.Candump.Records[0].Frame.Id);
            Assert.AreEqual(GbtCanIds.Bhm, run.Candump.Records.First(r => r.Frame.Id != GbtCanIds.Chm).Frame.Id);
        }
    }
}
