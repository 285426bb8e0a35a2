using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Sim.Can;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.GbT
{
    /// <summary>
    /// The charger's own discharge extension (docs/gbt27930.md) on the "v2g" scenario (+22 kW for 1000 s,
    /// then a −20 kW dispatch for 1100 s, then the charger stops): off by default, so the session is
    /// charge-only whatever the dispatch; on, CDC and BDC agree on discharge between CML and CRO(AAh) and
    /// the charger follows the negative setpoint. The frames are checked in the candump log the run wrote.
    /// </summary>
    [TestClass]
    public sealed class GbtDischargeExtensionTests
    {
        // ---------------------------------------------------------------- the session

        [TestMethod]
        public void WithTheExtensionOffTheSessionIsChargeOnlyWhateverTheDispatch()
        {
            GbtRun run = GbtRuns.V2gExtensionOff.Value;
            RunResult r = run.Result;

            Assert.AreEqual("ok", r.Result, run.DescribeFaults());
            Assert.IsEmpty(r.SessionFailures, string.Join("; ", r.SessionFailures));
            Assert.IsEmpty(r.LimitViolations, string.Join("; ", r.LimitViolations));
            Assert.IsFalse(r.Gbt.DischargeAgreed);
            Assert.IsGreaterThan(5000.0, r.EnergyChargedWh, "charged for 1000 s at 22 kW");
            Assert.AreEqual(0.0, r.EnergyDischargedWh, 0.01, "no discharge without the extension");
            Assert.AreEqual(0.0, r.MeterExportWh, 0.01);
            Assert.AreEqual(0.0, r.DischargeWithin2PercentS);

            // While the dispatch asks for −20 kW (1000..2100 s) the output does not go negative.
            double lowestW = r.Samples.Where(s => s.TimeS > 1000 && s.TimeS < 2100).Min(s => s.PowerW);
            Assert.IsGreaterThanOrEqualTo(-50.0, lowestW, "the charger discharged the vehicle without an agreement");
            Assert.IsTrue(r.EndedSafe);
            Assert.AreEqual("done", r.VehicleEndReason);
        }

        [TestMethod]
        public void WithTheExtensionOnDischargeIsAgreedAndMoreThan5KWhFlowEachWay()
        {
            GbtRun run = GbtRuns.V2gExtensionOn.Value;
            RunResult r = run.Result;

            Assert.AreEqual("ok", r.Result, run.DescribeFaults());
            Assert.IsEmpty(r.SessionFailures, string.Join("; ", r.SessionFailures));
            Assert.IsEmpty(r.LimitViolations, string.Join("; ", r.LimitViolations));
            Assert.IsTrue(r.Gbt.DischargeAgreed);
            Assert.AreEqual(0, r.Gbt.Reconnects);
            Assert.IsGreaterThan(5000.0, r.EnergyChargedWh, "charged");
            Assert.IsGreaterThan(5000.0, r.EnergyDischargedWh, "discharged");
            Assert.IsGreaterThan(60.0, r.DischargeWithin2PercentS, "discharge held within 2 % of the −20 kW setpoint");
            Assert.IsTrue(r.EndedSafe);
            Assert.AreEqual("done", r.VehicleEndReason);
        }

        // ---------------------------------------------------------------- the frames on the wire

        [TestMethod]
        public void CdcAndBdcGoOnTheWireOnlyBetweenCmlAndCroAa()
        {
            GbtRun run = GbtRuns.V2gExtensionOn.Value;
            IReadOnlyList<CandumpRecord> log = Records(run);

            int firstCml = FirstIndex(log, r => r.Frame.Id == GbtCanIds.Cml, "CML");
            int firstCroAa = FirstIndex(log, r => r.Frame.Id == GbtCanIds.Cro && r.Frame.Length == 1 && r.Frame.GetByte(0) == 0xAA, "CRO(AAh)");
            int firstCdc = FirstIndex(log, r => r.Frame.Id == GbtCanIds.Cdc, "CDC");
            int firstBdc = FirstIndex(log, r => r.Frame.Id == GbtCanIds.Bdc, "BDC");

            Assert.IsLessThan(firstCdc, firstCml, "CDC from the first CML on");
            Assert.IsLessThan(firstBdc, firstCdc, "BDC answers a CDC");
            for (int i = 0; i < log.Count; i++)
            {
                uint id = log[i].Frame.Id;
                if (id == GbtCanIds.Cdc || id == GbtCanIds.Bdc)
                {
                    Assert.IsInRange(firstCml + 1, firstCroAa - 1, i, $"line {log[i].LineNumber}: {GbtCanIds.Names[id]} outside CML..CRO(AAh) (lines {log[firstCml].LineNumber}..{log[firstCroAa].LineNumber})");
                }
            }

            // CDC until a BDC arrives or BRO(AAh); BDC every 250 ms until CRO(AAh).
            int firstBroAa = FirstIndex(log, r => r.Frame.Id == GbtCanIds.Bro && r.Frame.Length == 1 && r.Frame.GetByte(0) == 0xAA, "BRO(AAh)");
            int lastCdc = LastIndex(log, GbtCanIds.Cdc);
            Assert.IsLessThan(Math.Min(firstBdc, firstBroAa), lastCdc, "no CDC once the BDC arrived");
            long[] bdcUs = log.Where(r => r.Frame.Id == GbtCanIds.Bdc).Select(r => r.TimeUs).ToArray();
            Assert.IsGreaterThan(1, bdcUs.Length, "BDC repeats until CRO(AAh)");
            for (int i = 1; i < bdcUs.Length; i++)
            {
                Assert.IsInRange(240_000L, 260_000L, bdcUs[i] - bdcUs[i - 1], "BDC every 250 ms");
            }

            Assert.IsLessThan(bdcUs[^1] + 260_000, log[firstCroAa].TimeUs, "BDC went on until CRO(AAh)");
        }

        [TestMethod]
        public void CdcCarriesItsIdentifierVersionAndTheChargersDischargeLimits()
        {
            GbtRun run = GbtRuns.V2gExtensionOn.Value;
            var settings = run.Runner.Charger.Settings;

            foreach (CandumpRecord cdc in Records(run).Where(r => r.Frame.Id == GbtCanIds.Cdc))
            {
                Assert.IsTrue(cdc.Frame.IsExtended);
                Assert.AreEqual(8, cdc.Frame.Length);
                Assert.AreEqual(0x01, cdc.Frame.GetByte(0), "identifier 01h CDC");
                Assert.AreEqual(0x01, cdc.Frame.GetByte(1), "version 01h");

                // 0.1 A/bit, −400 A, positive = discharge; 0.1 kW/bit; 0.1 V/bit; little-endian (docs/gbt27930.md).
                Assert.AreEqual(settings.MaxDischargeCurrentA, Word(cdc, 2) / 10.0 - 400, 0.1, "maximum discharge current, A");
                Assert.AreEqual(settings.MaxDischargePowerW / 1000.0, Word(cdc, 4) / 10.0, 0.1, "maximum discharge power, kW");
                Assert.AreEqual(settings.MinVoltageV, Word(cdc, 6) / 10.0, 0.1, "lowest discharge voltage, V");
            }
        }

        [TestMethod]
        public void BdcCarriesItsIdentifierVersionAndTheBatterysDischargeLimits()
        {
            GbtRun run = GbtRuns.V2gExtensionOn.Value;

            foreach (CandumpRecord bdc in Records(run).Where(r => r.Frame.Id == GbtCanIds.Bdc))
            {
                Assert.IsTrue(bdc.Frame.IsExtended);
                Assert.AreEqual(8, bdc.Frame.Length);
                Assert.AreEqual(0x02, bdc.Frame.GetByte(0), "identifier 02h BDC");
                Assert.AreEqual(0x01, bdc.Frame.GetByte(1), "version 01h");
                Assert.AreEqual(run.Runner.Charger.Battery.MaxDischargeCurrentA, Word(bdc, 2) / 10.0 - 400, 0.1, "the battery's maximum discharge current, A");
                Assert.AreEqual(run.Link.Plant.MaxDischargePowerW / 1000.0, Word(bdc, 4) / 10.0, 0.1, "maximum discharge power, kW");
                Assert.AreEqual(run.Link.Plant.MinVoltageV, Word(bdc, 6) / 10.0, 0.1, "the lowest pack voltage for discharge, V");
            }
        }

        [TestMethod]
        public void WithTheExtensionOffNoFrameOfItsPgnIsSentEitherWay()
        {
            GbtRun run = GbtRuns.V2gExtensionOff.Value;
            IReadOnlyList<CandumpRecord> log = Records(run);

            // The whole of Proprietary A (PF 0xEF), not only the two identifiers.
            Assert.IsFalse(log.Any(r => ((r.Frame.Id >> 16) & 0xFF) == 0xEF), "a Proprietary A frame with the extension off");
            Assert.IsTrue(log.Any(r => r.Frame.Id == GbtCanIds.Cml) && log.Any(r => r.Frame.Id == GbtCanIds.Cro), "the log has the parameter stage");
        }

        private static IReadOnlyList<CandumpRecord> Records(GbtRun run)
        {
            Assert.IsNotNull(run.Candump, "the run wrote no candump log");
            Assert.IsEmpty(run.Candump.Rejected, string.Join("\n", run.Candump.Rejected.Take(5)));
            return run.Candump.Records;
        }

        private static int FirstIndex(IReadOnlyList<CandumpRecord> log, Func<CandumpRecord, bool> match, string what)
        {
            for (int i = 0; i < log.Count; i++)
            {
                if (match(log[i]))
                {
                    return i;
                }
            }

            Assert.Fail($"no {what} in the candump log");
            return -1;
        }

        private static int LastIndex(IReadOnlyList<CandumpRecord> log, uint id)
        {
            for (int i = log.Count - 1; i >= 0; i--)
            {
                if (log[i].Frame.Id == id)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The little-endian 16-bit value at byte <paramref name="index"/> (0-based).</summary>
        private static int Word(CandumpRecord r, int index) => r.Frame.GetByte(index) | (r.Frame.GetByte(index + 1) << 8);
    }
}
