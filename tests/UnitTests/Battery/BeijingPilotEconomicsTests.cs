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
    /// The Beijing pilot's economics (issue 9; digest §11): a 52 kWh battery, 30 kWh discharged per session on
    /// 250 days, discharge paid 0.7 yuan/kWh, charging at 0.4733 yuan/kWh; then the net after the cycling
    /// degradation cost of each model, from the documented parameters.
    /// </summary>
    [TestClass]
    public class BeijingPilotEconomicsTests
    {
        private static double Revenue(double eta)
        {
            return V2gEconomics.YearlyRevenue(AgeingRig.SessionsPerYear, AgeingRig.SessionKWh, AgeingRig.DischargePrice, AgeingRig.ChargePrice, eta);
        }

        [TestMethod]
        public void IgnoringLossesThePilotEarns1700Point25YuanAYear()
        {
            // 30 × 250 × (0.7 − 0.4733) = 1 700.25, to the rounding of binary doubles.
            Expect.Near(1700.25, Revenue(1), 1e-9, "yuan a year");
        }

        [TestMethod]
        public void WithRoundTripEfficiencyTheEnergyBoughtBackIs30OverEta()
        {
            Expect.Near(30 / 0.9, V2gEconomics.EnergyBoughtBackKWh(30, 0.9), 1e-12, "kWh bought back at η = 0.9");
            double[] eta = { 1.00, 0.95, 0.90, 0.85, 0.80 };
            double[] revenue = { 1700.25, 1513.42, 1305.83, 1073.82, 812.81 };
            for (int i = 0; i < eta.Length; i++)
            {
                Expect.Near(revenue[i], Revenue(eta[i]), 0.005, "R at η " + eta[i].ToString("F2"));
            }

            Expect.Near(0.6761, V2gEconomics.BreakEvenEfficiency(0.7, 0.4733), 0.00005, "break-even η");
            Expect.Near(0.1741, V2gEconomics.SpreadAfterLossesPerKWh(0.7, 0.4733, 0.9), 0.00005, "spread after losses");
        }

        [TestMethod]
        public void NetValueAfterDegradationForNmcAndLfpIsTheDigests()
        {
            // Net = revenue − cycling cost (calendar excluded) [digest §11]: year 1 and the 10-year average, η = 1 and 0.9.
            double[] netYear1Eta1 = { 948.69, -12606.63, -23.97 };
            double[] netTenYearEta1 = { 1249.47, -2823.98, 539.89 };
            double[] netYear1Eta09 = { 554.27, -13001.05, -418.38 };
            double[] netTenYearEta09 = { 855.05, -3218.40, 145.48 };
            for (int k = 0; k < 3; k++)
            {
                string name = AgeingModelKindNames.Of((AgeingModelKind)k);
                DegradationModel m = AgeingRig.NewModel((AgeingModelKind)k);
                AgeingRig.RunP1Days(m, 0, 250, 0);
                m.CloseRecord();
                double year1Cost = m.CycleLossCost;
                AgeingRig.RunP1Days(m, 250, 2250, 0);
                m.CloseRecord();
                double tenYearAverageCost = m.CycleLossCost / 10;

                // Sanyo's figures carry the OCV table's rounding (≈ 1e-5 relative of a 14 307 CNY cost).
                double tolerance = k == 1 ? 0.15 : 0.02;
                Expect.Near(netYear1Eta1[k], Revenue(1) - year1Cost, tolerance, name + " net, year 1, η = 1");
                Expect.Near(netTenYearEta1[k], Revenue(1) - tenYearAverageCost, tolerance, name + " net, 10-year average, η = 1");
                Expect.Near(netYear1Eta09[k], Revenue(0.9) - year1Cost, tolerance, name + " net, year 1, η = 0.9");
                Expect.Near(netTenYearEta09[k], Revenue(0.9) - tenYearAverageCost, tolerance, name + " net, 10-year average, η = 0.9");
            }
        }
    }
}
