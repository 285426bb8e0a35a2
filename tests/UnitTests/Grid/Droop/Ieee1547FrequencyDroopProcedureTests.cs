#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using V2G.Firmware.Grid;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Grid.Droop
{
    /// <summary>
    /// IEEE 1547.1-2020 §5.15 frequency-droop test as the digest transcribes it [§3, V: pyUL1741SB,
    /// OpenDER test_freq_droop.py], at 60 Hz, with the frequency fed directly (no estimator, no
    /// converter: DelayCompensationMs 0). The frequency is ramped at the category's ROCOF through
    /// fN+dbOF−af, fN+dbOF+af, fN+dbOF+Δfsmall, fH, fH−Δfsmall, fN+dbOF+af, fN+dbOF−af, fN (mirrored
    /// below nominal), and after each step the settled power is checked against the droop equation
    /// within the MRA (±5 % of rated) and within GB/T 40595's ±1 % Pn [digest §4, S]; after the
    /// Δfsmall ramp, P at t = Tr is within the MRA of Pinit + 0.9 (Pfinal − Pinit), and the measured
    /// t90 lies between Tr and Tr plus the ramp's duration, ± the time MRA (1 % of max(5 s, Tr) = 50 ms).
    /// <para>
    /// Characteristic 1 (0.036 Hz, 5 %, 5 s) is run at Cat II's ROCOF of 2 Hz/s, Characteristic 2
    /// Cat III (0.017 Hz, 2 %, 0.2 s) at Cat III's 3 Hz/s [digest §1, V]. fH/fL = 61.2/58.8 Hz, the
    /// continuous-operation limits [digest §2, V]. af = 10 mHz. ΔPsmall = 0.1 pu is our choice of
    /// the manufacturer input [digest §3], so Δfsmall = 0.1·fN·k. Powers are in IEEE's generator
    /// sign (+ export) as the procedure writes them; the charger takes −P.
    /// </para>
    /// </summary>
    [TestClass]
    public class Ieee1547FrequencyDroopProcedureTests
    {
        private const double NominalHz = 60;
        private const double RatedW = 10000;
        private const double HighHz = 61.2;
        private const double LowHz = 58.8;
        private const double AccuracyHz = 0.010;
        private const double SmallPowerPu = 0.1;
        private const double PowerMraPu = 0.05;
        private const double SteadyErrorPu = 0.01;
        private const double TimeMraS = 0.05;
        private const int StepMs = 10;

        private static void Run(DroopSettings preset, double rocofHzPerS, double initialPu, bool above, string label)
        {
            DroopSettings s = DroopTestRig.Direct(preset, RatedW);
            FrequencyDroop droop = new FrequencyDroop(s);
            double k = above ? s.DroopOver : s.DroopUnder;
            double sign = above ? 1 : -1;
            double edge = NominalHz + sign * (above ? s.DeadbandOverHz : s.DeadbandUnderHz);
            double smallHz = SmallPowerPu * NominalHz * k;
            double limitHz = above ? HighHz : LowHz;
            double[] points =
            {
                edge - sign * AccuracyHz, edge + sign * AccuracyHz, edge + sign * smallHz, limitHz,
                limitHz - sign * smallHz, edge + sign * AccuracyHz, edge - sign * AccuracyHz, NominalHz,
            };

            // The charger may charge and discharge at its rating: Pmin = −1 pu, Pavail = 1 pu.
            double setpointW = -initialPu * RatedW;
            double responseS = s.ResponseTimeMs / 1000.0;
            int holdMs = 4 * s.ResponseTimeMs + 1000;
            long nowMs = 0;
            double f = NominalHz;
            double p = initialPu;

            // Steady state at nominal first.
            for (int i = 0; i < 100; i++, nowMs += StepMs)
            {
                p = -droop.Update(setpointW, f, nowMs, RatedW, RatedW) / RatedW;
            }

            double previousPu = p;
            for (int step = 0; step < points.Length; step++)
            {
                double target = points[step];
                long rampStartMs = nowMs;
                double maxChangeHz = rocofHzPerS * StepMs / 1000.0;
                double expected = DroopTestRig.ExpectedGeneratorPu(s, initialPu, target, -1, 1);
                double pAtResponseTime = double.NaN;
                double t90S = -1;
                double threshold = previousPu + 0.9 * (expected - previousPu);
                bool rising = expected > previousPu;
                long rampEndMs = -1;
                long endMs = nowMs + holdMs;
                while (nowMs <= endMs)
                {
                    double change = target - f;
                    f = change > maxChangeHz ? f + maxChangeHz : (change < -maxChangeHz ? f - maxChangeHz : target);
                    if (f == target && rampEndMs < 0)
                    {
                        rampEndMs = nowMs;
                    }

                    p = -droop.Update(setpointW, f, nowMs, RatedW, RatedW) / RatedW;
                    double elapsedS = (nowMs - rampStartMs) / 1000.0;
                    if (double.IsNaN(pAtResponseTime) && elapsedS >= responseS - 1e-9)
                    {
                        pAtResponseTime = p;
                    }

                    if (t90S < 0 && (rising ? p >= threshold : p <= threshold))
                    {
                        t90S = elapsedS;
                    }

                    nowMs += StepMs;
                }

                string what = label + ", step " + (step + 1) + " to " + target.ToString("F3") + " Hz";
                Expect.Near(expected, p, PowerMraPu, what + " (MRA)");
                Expect.Near(expected, p, SteadyErrorPu, what + " (±1 % Pn)");

                if (step == 2)
                {
                    // The Δfsmall step: P at Tr and the t90.
                    double rampS = (rampEndMs - rampStartMs) / 1000.0;
                    Expect.Near(threshold, pAtResponseTime, PowerMraPu, what + ": P at Tr = Pinit + 0.9 ΔP");
                    Expect.AtLeast(responseS - TimeMraS, t90S, what + ": t90, s");
                    Expect.AtMost(responseS + rampS + TimeMraS, t90S, what + ": t90 (ramp of " + rampS.ToString("F3") + " s), s");
                    Console.WriteLine(what + ": t90 " + t90S.ToString("F3") + " s from the start of a " + rampS.ToString("F3") + " s ramp (Tr " + responseS.ToString("F3") + " s)");
                }

                previousPu = p;
            }
        }

        [TestMethod]
        public void CharacteristicOneAboveNominalAtRatedPower()
        {
            Run(DroopPresets.Ieee1547CategoryII(NominalHz), 2.0, 1.0, true, "Char 1 above, 100 %");
        }

        [TestMethod]
        public void CharacteristicOneAboveNominalAtTwentyPercent()
        {
            Run(DroopPresets.Ieee1547CategoryII(NominalHz), 2.0, 0.2, true, "Char 1 above, 20 %");
        }

        [TestMethod]
        public void CharacteristicOneAboveNominalAtSixtySixPercent()
        {
            Run(DroopPresets.Ieee1547CategoryII(NominalHz), 2.0, 0.66, true, "Char 1 above, 66 %");
        }

        [TestMethod]
        public void CharacteristicOneAboveNominalWhileAbsorbing()
        {
            Run(DroopPresets.Ieee1547CategoryII(NominalHz), 2.0, -0.5, true, "Char 1 above, absorbing −50 %");
        }

        [TestMethod]
        public void CharacteristicTwoAboveNominalAtRatedPower()
        {
            Run(DroopPresets.Ieee1547CategoryIII(NominalHz), 3.0, 1.0, true, "Char 2 above, 100 %");
        }

        [TestMethod]
        public void CharacteristicTwoAboveNominalAtTwentyPercent()
        {
            Run(DroopPresets.Ieee1547CategoryIII(NominalHz), 3.0, 0.2, true, "Char 2 above, 20 %");
        }

        [TestMethod]
        public void CharacteristicTwoAboveNominalAtSixtySixPercent()
        {
            Run(DroopPresets.Ieee1547CategoryIII(NominalHz), 3.0, 0.66, true, "Char 2 above, 66 %");
        }

        [TestMethod]
        public void CharacteristicTwoAboveNominalWhileAbsorbing()
        {
            Run(DroopPresets.Ieee1547CategoryIII(NominalHz), 3.0, -0.5, true, "Char 2 above, absorbing −50 %");
        }

        [TestMethod]
        public void CharacteristicOneBelowNominalAtHalfPower()
        {
            Run(DroopPresets.Ieee1547CategoryII(NominalHz), 2.0, 0.5, false, "Char 1 below, 50 %");
        }

        [TestMethod]
        public void CharacteristicOneBelowNominalWhileAbsorbing()
        {
            Run(DroopPresets.Ieee1547CategoryII(NominalHz), 2.0, -0.5, false, "Char 1 below, absorbing −50 %");
        }

        [TestMethod]
        public void CharacteristicTwoBelowNominalAtHalfPower()
        {
            Run(DroopPresets.Ieee1547CategoryIII(NominalHz), 3.0, 0.5, false, "Char 2 below, 50 %");
        }

        [TestMethod]
        public void CharacteristicTwoBelowNominalWhileAbsorbing()
        {
            Run(DroopPresets.Ieee1547CategoryIII(NominalHz), 3.0, -0.5, false, "Char 2 below, absorbing −50 %");
        }
    }
}
