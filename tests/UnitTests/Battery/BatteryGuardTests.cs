#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Battery;
using V2G.Firmware.Numerics;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Batteries
{
    /// <summary>Each clip reason with its rule (issue 9), and frequency response never refused for cost or reversals.</summary>
    [TestClass]
    public class BatteryGuardTests
    {
        [TestMethod]
        public void TheReasonsHaveTheIssuesNames()
        {
            string[] names = { "none", "soc_reserve", "soc_max", "departure_energy", "temperature", "dod_limit", "c_rate", "reversal_cap", "degradation_cost" };
            Assert.AreEqual(BatteryClipReasonNames.Count, names.Length);
            for (int i = 0; i < names.Length; i++)
            {
                Assert.AreEqual(names[i], BatteryClipReasonNames.Of((BatteryClipReason)i));
            }

            Assert.AreEqual("unknown", BatteryClipReasonNames.Of((BatteryClipReason)99));
        }

        [TestMethod]
        public void ARequestInsideEveryLimitPassesUnchanged()
        {
            BatteryGuard g = new BatteryGuard(GuardRig.Settings());
            BatteryGuardDecision d = GuardRig.Decide(g, 0, 60, -7400);
            Assert.AreEqual(BatteryClipReason.None, d.Reason, BatteryClipReasonNames.Of(d.Reason) + " " + d.AllowedPowerW.ToString("F1"));
            Assert.AreEqual(-7400.0, d.AllowedPowerW);
            Assert.AreEqual(0.0, d.ClippedW);
        }

        [TestMethod]
        public void DischargeStopsAtTheOwnersReserve()
        {
            BatteryGuard g = new BatteryGuard(GuardRig.Settings());
            BatteryGuardDecision d = GuardRig.Decide(g, 0, 30, -7400);
            Assert.AreEqual(0.0, d.AllowedPowerW);
            Assert.AreEqual(BatteryClipReason.SocReserve, d.Reason);
            Assert.AreEqual(7400.0, d.ClippedW);
            d = GuardRig.Decide(g, 1000, 30, 5000);
            Assert.AreEqual(5000.0, d.AllowedPowerW, "charging at the reserve is fine");
        }

        [TestMethod]
        public void TheVehiclesMinimumSocRaisesTheReserve()
        {
            BatteryGuard g = new BatteryGuard(GuardRig.Settings());
            BatteryGuardInput i = GuardRig.Input(0, 39, -7400);
            i.VehicleMinimumSocPercent = 40;
            BatteryGuardDecision d = g.Decide(ref i);
            Assert.AreEqual(0.0, d.AllowedPowerW);
            Assert.AreEqual(BatteryClipReason.SocReserve, d.Reason);
        }

        [TestMethod]
        public void ChargeStopsAtTheOwnersMaximum()
        {
            BatteryGuard g = new BatteryGuard(GuardRig.Settings());
            BatteryGuardDecision d = GuardRig.Decide(g, 0, 90, 11000);
            Assert.AreEqual(0.0, d.AllowedPowerW);
            Assert.AreEqual(BatteryClipReason.SocMax, d.Reason);
        }

        [TestMethod]
        public void ChargeIsForcedWhenTheTimeLeftWouldNotReachTheTarget()
        {
            BatteryGuard g = new BatteryGuard(GuardRig.Settings());
            BatteryGuardInput i = GuardRig.Input(0, 50, -5000);
            i.HasDeparture = true;
            i.DepartureMs = 3600 * 1000;
            i.VehicleTargetSocPercent = 80;
            BatteryGuardDecision d = g.Decide(ref i);
            Assert.AreEqual(BatteryClipReason.DepartureEnergy, d.Reason);
            Assert.AreEqual(11000.0, d.AllowedPowerW, "15.6 kWh cannot come in 50 min at 11 kW: all the charger has");
            Assert.AreEqual(16000.0, d.ClippedW);
        }

        [TestMethod]
        public void DischargeIsClippedOnceTheSlackBeforeDepartureIsUsedUp()
        {
            BatteryGuard g = new BatteryGuard(GuardRig.Settings());
            BatteryGuardInput i = GuardRig.Input(0, 50, -5000);
            i.HasDeparture = true;
            i.VehicleTargetSocPercent = 80;

            // 15.6 kWh at the battery = 16.44 kWh DC at √0.9, at 0.9 × 11 kW: 1.661 h, plus the 600 s margin.
            double needS = 15600 / Numeric.Sqrt(0.9) * 3600 / 9900 + 600;
            i.DepartureMs = (long)(needS * 1000) + 10 * 3600 * 1000;
            BatteryGuardDecision d = g.Decide(ref i);
            Assert.AreEqual(-5000.0, d.AllowedPowerW, "ten hours in hand: discharge is fine");

            i.NowMs = 10 * 3600 * 1000;
            d = g.Decide(ref i);
            Assert.AreEqual(BatteryClipReason.DepartureEnergy, d.Reason, "no slack left: no discharge, and the charge starts");
            Expect.AtLeast(0, d.AllowedPowerW, "allowed");
        }

        [TestMethod]
        public void ColdAndHotPacksAreDeratedLinearlyOverTheBand()
        {
            BatteryGuard g = new BatteryGuard(GuardRig.Settings());
            BatteryGuardInput i = GuardRig.Input(0, 60, -40000);
            i.TemperatureC = -5;
            BatteryGuardDecision d = g.Decide(ref i);
            Assert.AreEqual(BatteryClipReason.Temperature, d.Reason, "5 °C below the Kokam model's 0 °C, half of the 10 °C band");
            Expect.Near(-26000, d.AllowedPowerW, 1e-6, "half of 1C of 52 kWh");
            i.NowMs = 1000;
            i.TemperatureC = 50;
            i.RequestedPowerW = 40000;
            d = g.Decide(ref i);
            Assert.AreEqual(BatteryClipReason.Temperature, d.Reason);
            Expect.Near(26000, d.AllowedPowerW, 1e-6, "5 °C above 45 °C");
            i.NowMs = 2000;
            i.TemperatureC = -15;
            d = g.Decide(ref i);
            Assert.AreEqual(0.0, d.AllowedPowerW, "beyond the band: nothing");
        }

        [TestMethod]
        public void TheCRateLimitIsTheModelsTestedRateUnlessSet()
        {
            BatteryGuardSettings s = GuardRig.Settings();
            BatteryGuard g = new BatteryGuard(s);
            BatteryGuardDecision d = GuardRig.Decide(g, 0, 60, -60000);
            Assert.AreEqual(BatteryClipReason.CRate, d.Reason);
            Expect.Near(-52000, d.AllowedPowerW, 1e-6, "1C");
            s.MaxDischargeCRatePerH = 0.2;
            d = GuardRig.Decide(g, 1000, 60, -20000);
            Expect.Near(-10400, d.AllowedPowerW, 1e-6, "0.2 C");
        }

        [TestMethod]
        public void TheSessionsDepthOfDischargeIsLimited()
        {
            BatteryGuardSettings s = GuardRig.Settings();
            s.SessionDodLimitPercent = 20;
            BatteryGuard g = new BatteryGuard(s);
            g.StartSession(0, 80);
            Assert.AreEqual(BatteryClipReason.None, GuardRig.Decide(g, 0, 80, -7400).Reason);
            BatteryGuardDecision d = GuardRig.Decide(g, 1000, 60, -7400);
            Assert.AreEqual(BatteryClipReason.DodLimit, d.Reason);
            Assert.AreEqual(0.0, d.AllowedPowerW);
        }

        [TestMethod]
        public void TheDaysDepthOfDischargeIsLimitedAcrossSessions()
        {
            BatteryGuardSettings s = GuardRig.Settings();
            s.DailyDodLimitPercent = 25;
            BatteryGuard g = new BatteryGuard(s);
            g.StartSession(0, 85);
            GuardRig.Decide(g, 0, 85, -7400);
            g.EndSession(1000);
            g.StartSession(2000, 65);
            Assert.AreEqual(BatteryClipReason.DodLimit, GuardRig.Decide(g, 2000, 60, -7400).Reason, "85 − 25 = 60 %");
            Assert.AreEqual(BatteryClipReason.None, GuardRig.Decide(g, 86400 * 1000L + 5000, 60, -7400).Reason, "a new day");
        }

        [TestMethod]
        public void ReversalsPastTheHourlyCapAreRefusedButNeverForFrequencyResponse()
        {
            BatteryGuardSettings s = GuardRig.Settings();
            s.MaxReversalsPerHour = 2;
            BatteryGuard g = new BatteryGuard(s);
            GuardRig.Decide(g, 0, 60, 5000);
            GuardRig.Decide(g, 1000, 60, -5000);
            GuardRig.Decide(g, 2000, 60, 5000);
            Assert.AreEqual(2, g.ReversalsInLastHour(2000));
            BatteryGuardDecision d = GuardRig.Decide(g, 3000, 60, -5000);
            Assert.AreEqual(BatteryClipReason.ReversalCap, d.Reason);
            Assert.AreEqual(0.0, d.AllowedPowerW);

            BatteryGuardInput i = GuardRig.Input(4000, 60, -5000);
            i.Purpose = BatteryPowerPurpose.Frequency;
            d = g.Decide(ref i);
            Assert.AreEqual(-5000.0, d.AllowedPowerW, "frequency response reverses regardless");
            Assert.AreEqual(BatteryClipReason.None, d.Reason);

            d = GuardRig.Decide(g, 3600 * 1000L + 4000, 60, 5000);
            Assert.AreEqual(BatteryClipReason.None, d.Reason, "an hour later the oldest reversals have expired");
        }

        [TestMethod]
        public void ArbitrageBelowTheMarginalDegradationCostIsRefusedOnlyWhenAskedAndNeverFrequency()
        {
            BatteryGuardSettings s = GuardRig.Settings();
            BatteryGuard g = new BatteryGuard(s);
            BatteryGuardInput i = GuardRig.Input(0, 60, -7400);
            i.Purpose = BatteryPowerPurpose.Arbitrage;
            i.HasPriceSpread = true;
            i.PriceSpreadPerKWh = 0.001;
            Assert.AreEqual(BatteryClipReason.None, g.Decide(ref i).Reason, "the rule is optional: off by default");

            s.RefuseUnprofitableArbitrage = true;
            i.NowMs = 1000;
            BatteryGuardDecision d = g.Decide(ref i);
            Assert.AreEqual(BatteryClipReason.DegradationCost, d.Reason);
            Assert.AreEqual(0.0, d.AllowedPowerW);
            Expect.AtLeast(0.001, d.MarginalCostPerKWh, "priced above the spread");

            i.NowMs = 2000;
            i.PriceSpreadPerKWh = 10;
            Assert.AreEqual(-7400.0, g.Decide(ref i).AllowedPowerW, "a spread above the cost");

            i.NowMs = 3000;
            i.PriceSpreadPerKWh = 0.001;
            i.Purpose = BatteryPowerPurpose.Frequency;
            Assert.AreEqual(-7400.0, g.Decide(ref i).AllowedPowerW, "frequency response is never refused for cost");
            i.NowMs = 4000;
            i.Purpose = BatteryPowerPurpose.Dispatch;
            Assert.AreEqual(-7400.0, g.Decide(ref i).AllowedPowerW, "only arbitrage is priced");
        }

        [TestMethod]
        public void FrequencyResponseStillStopsAtTheReserve()
        {
            BatteryGuard g = new BatteryGuard(GuardRig.Settings());
            BatteryGuardInput i = GuardRig.Input(0, 30, -5000);
            i.Purpose = BatteryPowerPurpose.Frequency;
            Assert.AreEqual(BatteryClipReason.SocReserve, g.Decide(ref i).Reason);
        }

        [TestMethod]
        public void ClipsAreCountedInTicksAndEnergyAndTheMeasuredEnergyInFigures()
        {
            BatteryGuard g = new BatteryGuard(GuardRig.Settings());
            g.StartSession(0, 30);
            for (int t = 0; t <= 3600; t++)
            {
                BatteryGuardInput i = GuardRig.Input(t * 1000L, 30, -7400);
                i.MeasuredPowerW = 1000;
                g.Decide(ref i);
            }

            Assert.AreEqual(3601, g.ClipTicks(BatteryClipReason.SocReserve));
            Expect.Near(7400, g.ClippedEnergyWh(BatteryClipReason.SocReserve), 1e-6, "one hour of 7.4 kW held back, Wh");
            Expect.Near(1000, g.Session.EnergyChargedWh, 1e-6, "measured 1 kW for an hour");
            Expect.Near(0, g.Session.EnergyDischargedWh, 1e-9, "nothing out");
            Expect.Near(1000, g.Lifetime.EnergyChargedWh, 1e-6, "lifetime");
        }

        [TestMethod]
        public void SessionFiguresCountEquivalentCyclesAndTheirCost()
        {
            BatteryGuard g = new BatteryGuard(GuardRig.Settings());
            g.StartSession(0, 90);
            double soc = 90;
            long t = 0;

            // 30 kWh out at −15.6 kW (0.3 C), then back in.
            for (; soc > 90 - 3000.0 / 52; t += 1000, soc -= 15600.0 / 3600 / 520)
            {
                BatteryGuardInput i = GuardRig.Input(t, soc, -15600);
                i.MeasuredPowerW = -15600;
                g.Decide(ref i);
            }

            for (; soc < 90; t += 1000, soc += 15600.0 / 3600 / 520)
            {
                BatteryGuardInput i = GuardRig.Input(t, soc, 15600);
                i.MeasuredPowerW = 15600;
                i.AvailableChargePowerW = 20000;
                g.Decide(ref i);
            }

            g.EndSession(t);
            BatteryUsageFigures f = g.Session;
            Expect.Near(30000, f.EnergyDischargedWh, 20, "Wh out");
            Expect.Near(30 / 52.0, f.EquivalentFullCycles, 0.002, "EFC");
            Expect.AtLeast(1e-6, f.CycleLoss, "the cycle was charged");
            Expect.Near(35193.6 * f.CycleLoss / 0.2, f.CycleLossCost, 1e-9, "cost");
        }
    }
}
