#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Grid.Estimator
{
    /// <summary>The 60-cycle average and the ROCOF, on the digest's test waveform through the metering front end.</summary>
    [TestClass]
    public class FrequencyEstimatorTelemetryTests
    {
        [TestMethod]
        public void TheSixtyCycleAverageIsWithinOneMilliHertzInSteadyState()
        {
            EstimatorRig rig = new EstimatorRig(50, 230, 5, 3);
            rig.Grid.SetFrequency(50.05, 0);
            rig.Run(2000);

            Expect.Near(50.05, rig.Estimator.AverageFrequencyHz, 0.001, "average");
        }

        [TestMethod]
        public void TheSixtyCycleAverageMovesOverSixtyCyclesAfterAStep()
        {
            EstimatorRig rig = new EstimatorRig(50, 230, 5, 3);
            rig.Run(2000);
            rig.Grid.SetFrequency(49.8, 0);

            rig.Run(600); // about 30 cycles: half the window at the new level
            Expect.Near(49.9, rig.Estimator.AverageFrequencyHz, 0.01, "half-way");
            Expect.Near(49.8, rig.Estimator.FrequencyHz, 0.01, "the 5-cycle estimate is already there");

            rig.Run(700);
            Expect.Near(49.8, rig.Estimator.AverageFrequencyHz, 0.001, "after 60 cycles");
        }

        [TestMethod]
        public void TheRocofOfAOneHertzPerSecondRampIsMeasuredOverHalfASecond()
        {
            EstimatorRig rig = new EstimatorRig(50, 230, 5, 5);
            rig.Run(1000);
            Expect.AtMost(0.02, rig.Estimator.RocofHzPerS < 0 ? -rig.Estimator.RocofHzPerS : rig.Estimator.RocofHzPerS, "steady ROCOF, Hz/s");

            rig.Grid.SetFrequency(49, 1);
            rig.Run(300);
            Expect.AtMost(0.9, -rig.Estimator.RocofHzPerS, "0.3 s into the ramp the 0.5 s window sees part of it");
            rig.Run(500);
            Expect.Near(-1.0, rig.Estimator.RocofHzPerS, 0.02, "ROCOF on the ramp, Hz/s");
            Assert.AreEqual(0L, rig.Estimator.RejectedCycles);
        }

        [TestMethod]
        public void ARideThroughRampOfThreeHertzPerSecondIsFollowedWithoutRejectingCycles()
        {
            EstimatorRig rig = new EstimatorRig(50, 230, 5, 9);
            rig.Run(1000);
            rig.Grid.SetFrequency(47.5, 3); // Cat III ROCOF ride-through [digest §1]
            rig.Run(700);

            Assert.AreEqual(0L, rig.Estimator.RejectedCycles);
            Expect.Near(rig.Grid.FrequencyHz + 3 * 0.06, rig.Estimator.FrequencyHz, 0.05, "5-cycle mean, 50 to 70 ms behind");
            Expect.Near(-3.0, rig.Estimator.RocofHzPerS, 0.3, "ROCOF");
        }
    }
}
