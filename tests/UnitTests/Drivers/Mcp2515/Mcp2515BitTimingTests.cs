#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Mcp2515;

namespace V2G.UnitTests.Drivers.Mcp2515
{
    /// <summary>CNF1..3 for GB/T's bit rates from the usual crystals (derivation in <see cref="Mcp2515BitTiming"/>).</summary>
    [TestClass]
    public class Mcp2515BitTimingTests
    {
        private static void AssertTiming(int crystalHz, int bitRateBps, byte cnf1, byte cnf2, byte cnf3)
        {
            Mcp2515BitTiming timing;
            Assert.IsTrue(Mcp2515BitTiming.TryCompute(crystalHz, bitRateBps, 875, 1, out timing));
            Assert.AreEqual(cnf1, timing.Cnf1, "CNF1");
            Assert.AreEqual(cnf2, timing.Cnf2, "CNF2");
            Assert.AreEqual(cnf3, timing.Cnf3, "CNF3");

            // The registers give back the bit rate: F_osc / (2 · (BRP + 1) · N).
            int brp = (timing.Cnf1 & 0x3F) + 1;
            int tq = 1 + ((timing.Cnf2 & 0x07) + 1) + (((timing.Cnf2 >> 3) & 0x07) + 1) + ((timing.Cnf3 & 0x07) + 1);
            Assert.AreEqual(bitRateBps, crystalHz / (2 * brp * tq), "bit rate from the registers");
            Assert.AreEqual(16, tq);
            Assert.AreEqual(875, timing.SamplePointPermille);
        }

        [TestMethod]
        public void At250kbpsFrom8MHzCnfIs00B501()
        {
            AssertTiming(8000000, 250000, 0x00, 0xB5, 0x01);
        }

        [TestMethod]
        public void At250kbpsFrom16MHzCnfIs01B501()
        {
            AssertTiming(16000000, 250000, 0x01, 0xB5, 0x01);
        }

        [TestMethod]
        public void At50kbpsFrom8MHzCnfIs04B501()
        {
            AssertTiming(8000000, 50000, 0x04, 0xB5, 0x01);
        }

        [TestMethod]
        public void At50kbpsFrom16MHzCnfIs09B501()
        {
            AssertTiming(16000000, 50000, 0x09, 0xB5, 0x01);
        }

        [TestMethod]
        public void SegmentsMeetTheChipsRules()
        {
            int[] crystals = new int[] { 8000000, 16000000, 20000000, 12000000 };
            int[] rates = new int[] { 250000, 50000, 125000, 500000 };
            for (int c = 0; c < crystals.Length; c++)
            {
                for (int r = 0; r < rates.Length; r++)
                {
                    Mcp2515BitTiming t;
                    if (!Mcp2515BitTiming.TryCompute(crystals[c], rates[r], 875, 4, out t))
                    {
                        continue;
                    }

                    Assert.AreEqual(t.TimeQuantaPerBit, 1 + t.PropagationTq + t.PhaseSegment1Tq + t.PhaseSegment2Tq);
                    Assert.IsTrue(t.PhaseSegment2Tq >= 2, "PS2 ≥ IPT");
                    Assert.IsTrue(t.PropagationTq + t.PhaseSegment1Tq >= t.PhaseSegment2Tq, "PropSeg + PS1 ≥ PS2");
                    Assert.IsTrue(t.SyncJumpWidthTq < t.PhaseSegment2Tq, "PS2 > SJW");
                    Assert.IsTrue(t.PhaseSegment1Tq <= 8 && t.PropagationTq <= 8 && t.PhaseSegment2Tq <= 8);
                }
            }
        }

        [TestMethod]
        public void ABitRateTheCrystalCannotMakeIsRefused()
        {
            Mcp2515BitTiming timing;
            Assert.IsFalse(Mcp2515BitTiming.TryCompute(1000000, 250000, 875, 1, out timing));
            Assert.IsFalse(Mcp2515BitTiming.TryCompute(8000000, 0, 875, 1, out timing));
        }
    }
}
