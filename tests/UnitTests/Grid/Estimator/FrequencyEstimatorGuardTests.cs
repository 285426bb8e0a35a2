#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Grid;
using V2G.Hal.Grid;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Grid.Estimator
{
    /// <summary>The phase-jump / ROCOF guard, cycle by cycle, with exact periods (the waveform tests cover the noise).</summary>
    [TestClass]
    public class FrequencyEstimatorGuardTests
    {
        private static long _endMs;

        private static FrequencyEstimator Settled(double hz)
        {
            _endMs = 0;
            FrequencyEstimator estimator = new FrequencyEstimator(new FrequencyEstimatorSettings(), 50);
            Feed(estimator, hz, 20);
            return estimator;
        }

        private static void Feed(FrequencyEstimator estimator, double hz, int cycles)
        {
            FeedPeriod(estimator, 1000000.0 / hz, cycles);
        }

        private static void FeedPeriod(FrequencyEstimator estimator, double periodUs, int cycles)
        {
            for (int i = 0; i < cycles; i++)
            {
                _endMs += (long)(periodUs / 1000);
                GridCycle cycle = new GridCycle();
                cycle.EndMs = _endMs;
                cycle.PeriodUs = periodUs;
                cycle.RmsVoltageV = 230;
                estimator.Add(ref cycle);
            }
        }

        [TestMethod]
        public void APhaseJumpsShortCycleIsHeldThenDroppedWhenTheNextCyclesAreBackAtTheOldLevel()
        {
            FrequencyEstimator estimator = Settled(50);

            FeedPeriod(estimator, 20000 - 20000 * 20 / 360.0, 1); // a 20° advance: one cycle 1.1 ms short
            Assert.IsTrue(estimator.IsHolding, "holding after the short cycle");
            Expect.Near(50, estimator.FrequencyHz, 1e-9, "the last good value is kept");
            Expect.AtLeast(0.5, estimator.RawFrequencyHz - 50, "the unguarded estimate's excursion");

            Feed(estimator, 50, 2);
            Assert.IsFalse(estimator.IsHolding, "released");
            Assert.AreEqual(1L, estimator.RejectedCycles);
            Expect.Near(50, estimator.FrequencyHz, 1e-9, "frequency after the jump");
        }

        [TestMethod]
        public void APersistentNewLevelIsTakenAfterTheConfirmCyclesWithNothingRejected()
        {
            FrequencyEstimator estimator = Settled(50);

            Feed(estimator, 49.8, 1);
            Assert.IsTrue(estimator.IsHolding, "a 0.2 Hz step in one cycle implies 10 Hz/s: held");
            Feed(estimator, 49.8, 1);
            Assert.IsFalse(estimator.IsHolding, "confirmed by the second cycle");
            Expect.Near(49.8, estimator.FrequencyHz, 1e-9, "the window restarts at the new level");
            Assert.AreEqual(0L, estimator.RejectedCycles);
        }

        [TestMethod]
        public void AGridMovingFasterThanTheGuardIsStillFollowedEveryMaxHoldCycles()
        {
            FrequencyEstimator estimator = Settled(50);

            double hz = 50;
            for (int i = 0; i < 30; i++)
            {
                hz -= 0.3; // 15 Hz/s at 50 Hz
                Feed(estimator, hz, 1);
            }

            Expect.AtMost(0.3 * (new FrequencyEstimatorSettings().MaxHoldCycles + 2), estimator.FrequencyHz - hz, "lag behind the true frequency, Hz");
        }

        [TestMethod]
        public void ARampWithinTheRideThroughRocofIsFollowedWithoutHolding()
        {
            FrequencyEstimator estimator = Settled(50);

            // Cat III rides through 3 Hz/s [digest §1]: 0.06 Hz per cycle at 50 Hz.
            double hz = 50;
            for (int i = 0; i < 50; i++)
            {
                hz -= 0.06;
                Feed(estimator, hz, 1);
                Assert.IsFalse(estimator.IsHolding, "held at cycle " + i.ToString());
            }

            Assert.AreEqual(0L, estimator.RejectedCycles);
            Expect.Near(hz + 0.06 * 2, estimator.FrequencyHz, 0.01, "5-cycle mean, centred two cycles back");
        }

        [TestMethod]
        public void AfterTheVoltageWasAbsentTheFirstCycleIsTakenAsItIs()
        {
            FrequencyEstimator estimator = Settled(50);

            _endMs += 1000; // a second without cycles
            Feed(estimator, 49.5, 1);

            Assert.IsFalse(estimator.IsHolding, "a restart, not a disturbance");
            Expect.Near(49.5, estimator.FrequencyHz, 1e-9, "frequency");
        }

        [TestMethod]
        public void ImplausiblePeriodsAreRejectedWithoutMovingTheEstimate()
        {
            FrequencyEstimator estimator = Settled(50);

            FeedPeriod(estimator, 3000, 1); // 333 Hz: a spurious crossing, not a grid cycle

            Assert.AreEqual(1L, estimator.RejectedCycles);
            Expect.Near(50, estimator.FrequencyHz, 1e-9, "frequency");
        }

        [TestMethod]
        public void BeforeAnyCycleTheNominalFrequencyIsReported()
        {
            FrequencyEstimator estimator = new FrequencyEstimator(new FrequencyEstimatorSettings(), 60);

            Assert.AreEqual(60.0, estimator.FrequencyHz);
            Assert.AreEqual(60.0, estimator.AverageFrequencyHz);
            Assert.AreEqual(0.0, estimator.RocofHzPerS);
        }

        [TestMethod]
        public void TheWindowCanBeChangedAtRunTime()
        {
            FrequencyEstimator estimator = Settled(50);
            Feed(estimator, 49.99, 1); // within the noise margin: accepted

            estimator.SetWindowCycles(1);
            Expect.Near(49.99, estimator.FrequencyHz, 1e-9, "one cycle");
            estimator.SetWindowCycles(100);
            Assert.AreEqual(FrequencyEstimator.MaxWindowCycles, estimator.WindowCycles);
        }
    }
}
