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
    /// Our droop against EPRI OpenDER 2.2.0's DER_BESS on its seven reference traces [digest §9]:
    /// the same frequency fed directly (no estimator) at their time step, ResponseTimeMs = their
    /// OLRT, DelayCompensationMs = 0. Final power within 1 % of rated of theirs; t90 within ±10 ms
    /// of theirs.
    /// <para>
    /// Their t90 includes the 20 ms inverter lag NP_INV_DELAY that follows their droop filter
    /// [digest §2]; ours has no converter here, so it comes out shorter: by about 9 ms at 0.2 s
    /// (0.200 s against 0.209 s), about 10 ms at 1 s and 5 s (their sample grid), inside ±10 ms.
    /// </para>
    /// </summary>
    [TestClass]
    public class OpenDerDroopComparisonTests
    {
        private const double PowerTolerancePu = 0.01;
        private const double T90ToleranceS = 0.010;

        /// <summary>Runs our droop over a trace; returns our t90, s, after asserting the final power and the t90.</summary>
        private static double Compare(string name)
        {
            OpenDerTrace trace = OpenDerTrace.Load(name);
            if (trace == null)
            {
#if !NANOFRAMEWORK_1_0
                Assert.Inconclusive("../shared/interop/grid/" + name + " not found in " + OpenDerTrace.Folder);
#endif
                return -1;
            }

            DroopSettings s = new DroopSettings();
            s.Enabled = true;
            s.NominalHz = trace.Is50Hz ? 50 : 60;
            s.DeadbandOverHz = trace.DeadbandOverHz;
            s.DeadbandUnderHz = trace.DeadbandUnderHz;
            s.DroopOver = trace.DroopOver;
            s.DroopUnder = trace.DroopUnder;
            s.ResponseTimeMs = (int)(trace.ResponseTimeS * 1000 + 0.5);
            s.DelayCompensationMs = 0;
            s.RatedPowerW = trace.RatedW;
            FrequencyDroop droop = new FrequencyDroop(s);

            // OpenDER's p_dem is in the generator sign (+ export): the firmware's setpoint is its negative.
            double setpointW = -trace.DemandPu * trace.RatedW;
            double[] ours = new double[trace.Count];
            for (int i = 0; i < trace.Count; i++)
            {
                long nowMs = (long)(trace.TimeS[i] * 1000 + 0.5);
                double targetW = droop.Update(setpointW, trace.FrequencyHz[i], nowMs, trace.RatedChargeW, trace.RatedW);
                ours[i] = -targetW / trace.RatedW;
            }

            int last = trace.Count - 1;
            double theirFinal = trace.PowerPu[last];
            double theirT90 = DroopTestRig.T90S(trace.TimeS, trace.PowerPu, trace.Count, trace.StepS, trace.PowerPu[0], theirFinal);
            double ourT90 = DroopTestRig.T90S(trace.TimeS, ours, trace.Count, trace.StepS, ours[0], ours[last]);
            string figures = name + ": final ours " + ours[last].ToString("F5") + " pu, OpenDER " + theirFinal.ToString("F5")
                + " pu; t90 ours " + ourT90.ToString("F3") + " s, OpenDER " + theirT90.ToString("F3") + " s (header " + trace.HeaderT90S.ToString("F3") + " s)";
            Console.WriteLine(figures);

            Expect.Near(theirFinal, ours[last], PowerTolerancePu, "final power, " + figures);
            Expect.Near(trace.HeaderT90S, theirT90, 0.0011, "their t90 read from the rows agrees with their header, " + figures);
            Expect.Near(theirT90, ourT90, T90ToleranceS, "t90, " + figures);
            return ourT90;
        }

        [TestMethod]
        public void DefaultSettingsUnderFrequencyIdleMatchesOpenDer()
        {
            Compare(OpenDerTrace.DefaultIdle);
        }

        [TestMethod]
        public void CategoryIIIFastUnderFrequencyIdleMatchesOpenDer()
        {
            Compare(OpenDerTrace.CatIIIFastIdle);
        }

        [TestMethod]
        public void CharacteristicTwoWhileChargingMatchesOpenDer()
        {
            Compare(OpenDerTrace.Char2Charging);
        }

        [TestMethod]
        public void DefaultSettingsOverFrequencyWhileDischargingMatchesOpenDer()
        {
            Compare(OpenDerTrace.OverFrequencyDischarging);
        }

        [TestMethod]
        public void CategoryIIIFastDeepUnderFrequencyIdleMatchesOpenDer()
        {
            Compare(OpenDerTrace.CatIIIFastIdleDeep);
        }

        [TestMethod]
        public void FiftyHertzEmulatedCaseMatchesOpenDerAtFiftyHertz()
        {
            Compare(OpenDerTrace.Emulated50Hz);
        }

        [TestMethod]
        public void SaturatingCaseMatchesOpenDerAndClampsAtTheAvailablePower()
        {
            Compare(OpenDerTrace.CatIIISaturating);
            OpenDerTrace trace = OpenDerTrace.Load(OpenDerTrace.CatIIISaturating);
            if (trace == null)
            {
                return;
            }

            // Discharging at 0.5 pu, 59.0 Hz asks 0.5 + 0.819 pu: Pavail (the discharge power
            // permitted, 1 pu here) caps it, and the response never goes beyond it on the way.
            DroopSettings s = DroopTestRig.Direct(DroopPresets.Ieee1547CategoryIII(60), trace.RatedW);
            FrequencyDroop droop = new FrequencyDroop(s);
            double setpointW = -trace.DemandPu * trace.RatedW;
            double mostDischargeW = 0;
            double targetW = 0;
            for (int i = 0; i < trace.Count; i++)
            {
                targetW = droop.Update(setpointW, trace.FrequencyHz[i], (long)(trace.TimeS[i] * 1000 + 0.5), trace.RatedChargeW, trace.RatedW);
                mostDischargeW = targetW < mostDischargeW ? targetW : mostDischargeW;
            }

            Expect.Near(-trace.RatedW, targetW, 0.001, "settled at the discharge limit, W");
            Expect.AtLeast(-trace.RatedW, mostDischargeW, "never beyond it, W");
        }
    }
}
