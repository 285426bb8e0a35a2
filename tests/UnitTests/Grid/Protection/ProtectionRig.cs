#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Grid;

namespace V2G.UnitTests.Grid.Protection
{
    /// <summary>
    /// Drives <see cref="GridProtection"/> at the 20 ms control tick with the values a frequency estimator
    /// would give it: cycles ending every nominal period, and ROCOF over 500 ms as (f(t) − f(t − 500 ms)) / 0.5 s.
    /// </summary>
    public static class ProtectionRig
    {
        /// <summary>The control tick, ms: the evaluation period of the protection.</summary>
        public const int TickMs = 20;

        /// <summary>The ROCOF window of the estimator, ms (UK loss-of-mains practice [digest §6, §7]).</summary>
        public const int RocofWindowMs = 500;

        /// <summary>Ticks are at WarmUpMs + k · TickMs; conditions start 1 ms after a tick (the worst case: seen one period late).</summary>
        public const long WarmUpMs = 2000;

        /// <summary>When the abnormal condition of a clearing-time test begins, ms.</summary>
        public const long OnsetMs = WarmUpMs + 1;

        /// <summary>The end of the last cycle before <paramref name="nowMs"/> on a grid of <paramref name="nominalHz"/>, ms.</summary>
        public static long LastCycleEndMs(long nowMs, double nominalHz)
        {
            double periodMs = 1000.0 / nominalHz;
            long cycles = (long)(nowMs / periodMs);
            return (long)(cycles * periodMs);
        }

        /// <summary>Compares trips by name (readable on failure; a boxed enum would print as a number on the device).</summary>
        public static void AssertTrip(GridTrip expected, GridTrip actual, string what = "")
        {
            Assert.AreEqual(GridTripNames.Name(expected), GridTripNames.Name(actual), what);
        }

        /// <summary>Nominal frequency and voltage with fresh cycles, from 0 to <see cref="WarmUpMs"/> inclusive.</summary>
        public static void WarmUp(GridProtection protection)
        {
            GridProtectionSettings s = protection.Settings;
            for (long t = 0; t <= WarmUpMs; t += TickMs)
            {
                AssertTrip(GridTrip.None, protection.Check(s.NominalHz, s.NominalVoltageV, 0, LastCycleEndMs(t, s.NominalHz), t), "no trip in the warm-up");
            }
        }

        /// <summary>
        /// Holds a constant condition from <see cref="OnsetMs"/> and returns how long after the onset the
        /// first trip was signalled, ms (−1 if none within <paramref name="forMs"/>).
        /// </summary>
        public static long TripDelayMs(GridProtection protection, double frequencyHz, double rmsVoltageV, double rocofHzPerS, long forMs)
        {
            double nominalHz = protection.Settings.NominalHz;
            for (long t = WarmUpMs + TickMs; t <= OnsetMs + forMs; t += TickMs)
            {
                if (protection.Check(frequencyHz, rmsVoltageV, rocofHzPerS, LastCycleEndMs(t, nominalHz), t) != GridTrip.None)
                {
                    return t - OnsetMs;
                }
            }

            return -1;
        }

        /// <summary>
        /// The clearing-time criterion for one function, with a condition just beyond its threshold: nothing
        /// up to 95 % of the clearing time, the trip (of this kind, by this function) no later than the
        /// clearing time plus one evaluation period after the onset.
        /// </summary>
        public static void AssertClearsWithinItsSetting(GridProtectionSettings settings, string function, GridTrip expected, int clearingMs, double frequencyHz, double rmsVoltageV, double rocofHzPerS)
        {
            GridProtection protection = new GridProtection(settings);
            WarmUp(protection);
            long delayMs = TripDelayMs(protection, frequencyHz, rmsVoltageV, rocofHzPerS, clearingMs + 10 * TickMs);
            string what = settings.TableName + " " + function + " (" + clearingMs + " ms)";

            Assert.IsTrue(delayMs >= 0, what + ": tripped");
            Assert.IsTrue(delayMs * 100 > clearingMs * 95L, what + ": nothing at 95 % of the clearing time, tripped after " + delayMs + " ms");
            Assert.IsTrue(delayMs <= clearingMs + TickMs, what + ": within the clearing time + one tick, tripped after " + delayMs + " ms");
            AssertTrip(expected, protection.Trip, what + ": kind");
            Assert.AreEqual(function, protection.TripFunctionName, what + ": function");
        }

        /// <summary>
        /// A frequency that moves from <paramref name="startHz"/> at <paramref name="rateHzPerS"/> (either sign) from
        /// <paramref name="startMs"/> on, bouncing between <paramref name="lowHz"/> and <paramref name="highHz"/>
        /// (a triangle, like the 1547.1 ramps at the category ROCOF); a rate of 0 holds it.
        /// </summary>
        public static double TriangleHz(long tMs, long startMs, double startHz, double rateHzPerS, double lowHz, double highHz)
        {
            if (tMs <= startMs || rateHzPerS == 0)
            {
                return startHz;
            }

            double span = highHz - lowHz;
            double rate = rateHzPerS < 0 ? -rateHzPerS : rateHzPerS;
            // Position along an unfolded path from lowHz upward; a falling start begins on the way down.
            double position = rateHzPerS > 0 ? startHz - lowHz : 2 * span - (startHz - lowHz);
            position += rate * (tMs - startMs) / 1000.0;
            double period = 2 * span;
            position -= period * (long)(position / period);
            return position <= span ? lowHz + position : highHz - (position - span);
        }

        /// <summary>A frequency drifting from <paramref name="startHz"/> at <paramref name="rateHzPerS"/> from <paramref name="startMs"/> on (an island).</summary>
        public static double DriftHz(long tMs, long startMs, double startHz, double rateHzPerS)
        {
            return tMs <= startMs ? startHz : startHz + rateHzPerS * (tMs - startMs) / 1000.0;
        }
    }
}
