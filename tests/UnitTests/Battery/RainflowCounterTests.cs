#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Battery;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Batteries
{
    /// <summary>The three-point rainflow count (ASTM E1049-85 §5.4.4) on the digest's worked example (§8) and its checks.</summary>
    [TestClass]
    public class RainflowCounterTests
    {
        private static readonly double[] ExampleSoc = { 0.90, 0.75, 0.60, 0.675, 0.75, 0.60, 0.45, 0.32, 0.61, 0.90 };

        private static RainflowCounter FeedExample(double hysteresis)
        {
            RainflowCounter r = new RainflowCounter(16, hysteresis);
            for (int i = 0; i < ExampleSoc.Length; i++)
            {
                r.Add(i * 3600.0, ExampleSoc[i], double.NaN, 25);
            }

            return r;
        }

        [TestMethod]
        public void TheFullCycleOfTheDigestsDayIsCountedAsSoonAsItCloses()
        {
            RainflowCounter r = FeedExample(0);
            RainflowCycle c;
            Assert.IsTrue(r.TryTakeCycle(out c), "full cycle 0.60 ↔ 0.75, closed when 0.32 turned");
            Assert.AreEqual(1.0, c.Count);
            Expect.Near(0.15, c.Depth, 1e-12, "full cycle depth");
            Expect.Near(0.675, c.MeanSoc, 1e-12, "full cycle mean");
            Expect.Near(2 * 3600, c.StartTimeS, 1e-9, "starts at sample 2");
            Expect.Near(4 * 3600, c.EndTimeS, 1e-9, "ends at sample 4");
            Assert.IsFalse(r.TryTakeCycle(out c), "0.90 at sample 9 is the last sample, a turning point only when the record closes");
        }

        [TestMethod]
        public void ClosingTheRecordCountsTheResidueAndTheCyclesAddUpToTheRecordsEfc()
        {
            RainflowCounter r = FeedExample(0);
            r.CloseRecord();
            RainflowCycle c;
            int n = 0;
            double efc = 0;
            while (r.TryTakeCycle(out c))
            {
                n++;
                efc += c.EquivalentFullCycles;
                if (n == 2)
                {
                    Assert.AreEqual(0.5, c.Count);
                    Expect.Near(0.58, c.Depth, 1e-12, "half cycle depth");
                    Expect.Near(0.61, c.MeanSoc, 1e-12, "half cycle mean");
                    Expect.Near(0, c.StartTimeS, 1e-9, "sample 0");
                    Expect.Near(7 * 3600, c.EndTimeS, 1e-9, "sample 7");
                }

                if (n == 3)
                {
                    Assert.AreEqual(0.5, c.Count);
                    Expect.Near(0.32, c.FromSoc, 1e-12, "residue from");
                    Expect.Near(0.90, c.ToSoc, 1e-12, "residue to");
                }
            }

            Assert.AreEqual(3, n);
            Expect.Near(0.73, efc, 1e-12, "Σ n·δ");
            Expect.Near(0.73, r.RecordEquivalentFullCycles, 1e-12, "Σ|ΔSOC|/2");
            Expect.Near(0.73, r.CountedEquivalentFullCycles, 1e-12, "counted");
        }

        [TestMethod]
        public void ACycleCarriesTheCRateOfItsSegmentsWithoutTheRests()
        {
            RainflowCounter r = new RainflowCounter(8, 0);
            r.Add(0, 0.9, double.NaN, 25);
            r.Add(3600, 0.9, double.NaN, 25);
            r.Add(7200, 0.6, double.NaN, 25);
            r.Add(10800, 0.6, double.NaN, 25);
            r.Add(14400, 0.9, double.NaN, 25);
            r.CloseRecord();
            RainflowCycle c;
            Assert.IsTrue(r.TryTakeCycle(out c));
            Expect.Near(0.3, c.CRatePerH, 1e-12, "0.3 per hour while moving, the rests left out");
        }

        [TestMethod]
        public void NoiseInsideTheDeadBandMakesNoCycles()
        {
            RainflowCounter r = new RainflowCounter(8, 0.005);
            double soc = 0.5;
            for (int i = 0; i < 200; i++)
            {
                r.Add(i, soc + ((i & 1) == 0 ? 0.002 : -0.002), double.NaN, 25);
            }

            RainflowCycle c;
            Assert.IsFalse(r.TryTakeCycle(out c), "± 0.2 % flicker");
            Assert.AreEqual(1, r.StackDepth);
        }
    }
}
