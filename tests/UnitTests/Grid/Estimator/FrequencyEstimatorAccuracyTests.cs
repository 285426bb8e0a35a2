#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Grid.Estimator
{
    /// <summary>
    /// The estimator's figures on the digest's test waveform [digest §6] through the simulated metering
    /// front end: steady-state error, step response, phase jumps. Steps and jumps are repeated at
    /// many instants within a cycle (a step or jump that straddles a zero crossing is the hard case).
    /// Measured at the time of writing (worst over seeds and instants, 230 V): steady 1.95 mHz at 50 Hz and
    /// 2.2 mHz at 60 Hz (window 5), 4.8 / 5.8 mHz (window 2); 0.2 Hz step within 10 mHz after 59 ms at
    /// 50 Hz and 82 ms at 60 Hz (window 5), 59 / 49 ms (window 2); 20° jump 3.7 / 7.8 mHz (window 5) and
    /// 6.6 / 8.6 mHz (window 2) where the unguarded estimate showed 0.56–2.95 Hz; 60° jump 3.9 / 6.4 mHz
    /// (window 5), 8.1 / 12.3 mHz (window 2).
    /// </summary>
    [TestClass]
    public class FrequencyEstimatorAccuracyTests
    {
        private const double DigestVoltageV = 230;

        private static double SteadyMaxErrorHz(double nominalHz, double offsetHz, int windowCycles)
        {
            EstimatorRig rig = new EstimatorRig(nominalHz, DigestVoltageV, windowCycles, 7);
            rig.Grid.SetFrequency(nominalHz + offsetHz, 0);
            rig.Run(1000);
            rig.RunAndRecord(10000);
            return rig.MaxErrorHz(nominalHz + offsetHz);
        }

        private static long WorstStepSettleMs(double nominalHz, int windowCycles)
        {
            long worst = 0;
            for (int direction = -1; direction <= 1; direction += 2)
            {
                for (int k = 0; k < 20; k++)
                {
                    EstimatorRig rig = new EstimatorRig(nominalHz, DigestVoltageV, windowCycles, 11 + k);
                    rig.Run(1000 + k);
                    long stepMs = rig.NowMs;
                    double newHz = nominalHz + direction * 0.2;
                    rig.Grid.SetFrequency(newHz, 0);
                    rig.RunAndRecord(1000);
                    long settled = rig.SettledAfterMs(stepMs, newHz, 0.010);
                    if (settled < 0)
                    {
                        return long.MaxValue;
                    }

                    worst = settled > worst ? settled : worst;
                }
            }

            return worst;
        }

        // Worst |guarded − true| over jumps of ±degrees at 40 instants half a millisecond apart; rawPeak gets the unguarded worst.
        private static double WorstJumpErrorHz(double nominalHz, double degrees, int windowCycles, out double rawPeakHz)
        {
            double worst = 0;
            rawPeakHz = 0;
            for (int sign = -1; sign <= 1; sign += 2)
            {
                for (int k = 0; k < 40; k++)
                {
                    EstimatorRig rig = new EstimatorRig(nominalHz, DigestVoltageV, windowCycles, 31 + k);
                    rig.Run(1000);
                    rig.Grid.Step(k * 0.5);
                    rig.Grid.JumpPhase(sign * degrees);
                    rig.RunAndRecord(600);
                    double e = rig.MaxErrorHz(nominalHz);
                    double raw = rig.MaxRawErrorHz(nominalHz);
                    worst = e > worst ? e : worst;
                    rawPeakHz = raw > rawPeakHz ? raw : rawPeakHz;
                }
            }

            return worst;
        }

        [TestMethod]
        public void AtFiftyHertzTheFiveCycleEstimateStaysWithinTenMilliHertzForTenSeconds()
        {
            Expect.AtMost(0.010, SteadyMaxErrorHz(50, 0, 5), "max error at 50.000 Hz");
            Expect.AtMost(0.010, SteadyMaxErrorHz(50, 0.050, 5), "max error at 50.050 Hz");
        }

        [TestMethod]
        public void AtSixtyHertzTheFiveCycleEstimateStaysWithinTenMilliHertzForTenSeconds()
        {
            Expect.AtMost(0.010, SteadyMaxErrorHz(60, 0, 5), "max error at 60.000 Hz");
            Expect.AtMost(0.010, SteadyMaxErrorHz(60, 0.050, 5), "max error at 60.050 Hz");
        }

        [TestMethod]
        public void TheTwoCycleEstimateAlsoStaysWithinTenMilliHertz()
        {
            Expect.AtMost(0.010, SteadyMaxErrorHz(50, 0, 2), "max error at 50.000 Hz");
            Expect.AtMost(0.010, SteadyMaxErrorHz(50, 0.050, 2), "max error at 50.050 Hz");
            Expect.AtMost(0.010, SteadyMaxErrorHz(60, 0.050, 2), "max error at 60.050 Hz");
        }

        [TestMethod]
        public void AFifthOfAHertzStepIsTrackedToTenMilliHertzWithinOneHundredMillisecondsWithFiveCycles()
        {
            Expect.AtMost(100, WorstStepSettleMs(50, 5), "worst time to within 10 mHz at 50 Hz, ms");
            Expect.AtMost(100, WorstStepSettleMs(60, 5), "worst time to within 10 mHz at 60 Hz, ms");
        }

        [TestMethod]
        public void AFifthOfAHertzStepIsTrackedToTenMilliHertzWithinOneHundredMillisecondsWithTwoCycles()
        {
            Expect.AtMost(100, WorstStepSettleMs(50, 2), "worst time to within 10 mHz at 50 Hz, ms");
            Expect.AtMost(100, WorstStepSettleMs(60, 2), "worst time to within 10 mHz at 60 Hz, ms");
        }

        [TestMethod]
        public void ATwentyDegreePhaseJumpMovesTheGuardedEstimateLessThanTwentyMilliHertz()
        {
            double rawPeakHz;
            Expect.AtMost(0.020, WorstJumpErrorHz(50, 20, 5, out rawPeakHz), "guarded peak, 50 Hz, 5 cycles");
            Expect.AtLeast(0.5, rawPeakHz, "the unguarded estimate's peak (the excursion the guard stopped)");
            Expect.AtMost(0.020, WorstJumpErrorHz(50, 20, 2, out rawPeakHz), "guarded peak, 50 Hz, 2 cycles");
            Expect.AtMost(0.020, WorstJumpErrorHz(60, 20, 5, out rawPeakHz), "guarded peak, 60 Hz, 5 cycles");
        }

        [TestMethod]
        public void ASixtyDegreeSinglePhaseJumpMovesTheGuardedEstimateLessThanTwentyMilliHertz()
        {
            double rawPeakHz;
            Expect.AtMost(0.020, WorstJumpErrorHz(50, 60, 5, out rawPeakHz), "guarded peak, 50 Hz, 5 cycles");
            Expect.AtMost(0.020, WorstJumpErrorHz(50, 60, 2, out rawPeakHz), "guarded peak, 50 Hz, 2 cycles");
            Expect.AtMost(0.020, WorstJumpErrorHz(60, 60, 5, out rawPeakHz), "guarded peak, 60 Hz, 5 cycles");
        }
    }
}
