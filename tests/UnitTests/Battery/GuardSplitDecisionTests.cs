#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Battery;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Batteries
{
    /// <summary>
    /// One decision for the dispatch and the droop's frequency response together: the frequency part is clipped
    /// only by the state-of-charge and physical limits, never by cost nor by the reversal cap; counted once.
    /// </summary>
    [TestClass]
    public class GuardSplitDecisionTests
    {
        [TestMethod]
        public void FrequencyResponseIsNotRefusedForCostWhileTheArbitrageIs()
        {
            BatteryGuardSettings s = GuardRig.Settings();
            s.RefuseUnprofitableArbitrage = true;
            BatteryGuard g = new BatteryGuard(s);
            BatteryGuardInput i = GuardRig.Input(0, 60, -5000);
            i.Purpose = BatteryPowerPurpose.Arbitrage;
            i.HasPriceSpread = true;
            i.PriceSpreadPerKWh = 0;
            double allowedFrequencyW;
            BatteryGuardDecision d = g.Decide(ref i, -3000, out allowedFrequencyW);

            Expect.Near(-3000, allowedFrequencyW, 1e-9, "the droop's discharge passes");
            Expect.Near(-3000, d.AllowedPowerW, 1e-9, "the arbitrage part is refused");
            Expect.Near(-8000, d.RequestedPowerW, 1e-9, "d.RequestedPowerW");
            Assert.AreEqual(BatteryClipReason.DegradationCost, d.Reason);
            Expect.Near(5000, d.ClippedW, 1e-9, "d.ClippedW");
            Assert.AreEqual(1, g.ClipTicks(BatteryClipReason.DegradationCost), "one decision, counted once");
        }

        [TestMethod]
        public void TheReversalCapNeverLimitsTheFrequencyPart()
        {
            BatteryGuardSettings s = GuardRig.Settings();
            s.MaxReversalsPerHour = 1;
            BatteryGuard g = new BatteryGuard(s);
            double f;
            BatteryGuardInput i = GuardRig.Input(0, 60, 5000);
            g.Decide(ref i, 0, out f);
            i = GuardRig.Input(1000, 60, -5000);
            g.Decide(ref i, 0, out f);
            i = GuardRig.Input(2000, 60, 5000);
            BatteryGuardDecision d = g.Decide(ref i, 2000, out f);

            Assert.AreEqual(BatteryClipReason.ReversalCap, d.Reason, "the dispatch's reversal is refused");
            Expect.Near(2000, f, 1e-9, "the droop's charge passes");
            Expect.Near(2000, d.AllowedPowerW, 1e-9, "d.AllowedPowerW");
        }

        [TestMethod]
        public void AtTheReserveTheFrequencyDischargeIsClippedBySocOnly()
        {
            BatteryGuardSettings s = GuardRig.Settings();
            s.MaxReversalsPerHour = 1;
            s.RefuseUnprofitableArbitrage = true;
            BatteryGuard g = new BatteryGuard(s);
            BatteryGuardInput i = GuardRig.Input(0, 30, 0);
            double f;
            BatteryGuardDecision d = g.Decide(ref i, -4000, out f);
            Expect.Near(0, f, 1e-9, "no discharge at the reserve, even for frequency");
            Assert.AreEqual(BatteryClipReason.SocReserve, d.Reason);

            // Just above the reserve (0.52 Wh left above it: 93.6 kW for one 20 ms tick), it passes whole.
            i = GuardRig.Input(1000, 30.001, 0);
            d = g.Decide(ref i, -4000, out f);
            Expect.Near(-4000, f, 1e-6, "f");

            // And a frequency charge at the reserve is not limited at all.
            i = GuardRig.Input(2000, 30, 0);
            d = g.Decide(ref i, 4000, out f);
            Expect.Near(4000, f, 1e-9, "f");
            Assert.AreEqual(BatteryClipReason.None, d.Reason);
        }

        [TestMethod]
        public void WithoutAFrequencyPartTheDecisionIsTheSingleOne()
        {
            BatteryGuard a = new BatteryGuard(GuardRig.Settings());
            BatteryGuard b = new BatteryGuard(GuardRig.Settings());
            double[] socs = { 60, 31, 30, 89.9, 90, 50 };
            double[] requests = { -20000, -60000, -1000, 40000, 1000, 70000 };
            for (int k = 0; k < socs.Length; k++)
            {
                BatteryGuardInput i = GuardRig.Input(k * 1000, socs[k], requests[k]);
                BatteryGuardInput j = i;
                BatteryGuardDecision one = a.Decide(ref i);
                double f;
                BatteryGuardDecision two = b.Decide(ref j, 0, out f);
                Expect.Near(one.AllowedPowerW, two.AllowedPowerW, 1e-9, "two.AllowedPowerW");
                Assert.AreEqual(one.Reason, two.Reason);
                Expect.Near(0, f, 1e-12, "f");
            }
        }

        [TestMethod]
        public void DisabledThePartsPassUnchangedAndTheEnergyIsStillCounted()
        {
            BatteryGuardSettings s = GuardRig.Settings();
            s.Enabled = false;
            BatteryGuard g = new BatteryGuard(s);
            double f;
            BatteryGuardInput i = GuardRig.Input(0, 20, -5000);
            i.MeasuredPowerW = -5000;
            BatteryGuardDecision d = g.Decide(ref i, -1000, out f);
            Expect.Near(-6000, d.AllowedPowerW, 1e-9, "d.AllowedPowerW");
            Expect.Near(-1000, f, 1e-9, "f");
            Assert.AreEqual(BatteryClipReason.None, d.Reason);
            i = GuardRig.Input(3600000, 20, -5000);
            i.MeasuredPowerW = -5000;
            g.Decide(ref i, 0, out f);
            Expect.Near(5000, g.Lifetime.EnergyDischargedWh, 1e-6, "g.Lifetime.EnergyDischargedWh");
        }
    }
}
