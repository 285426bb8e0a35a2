#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Battery;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Batteries
{
    /// <summary>Each model's rates at 25 °C against the digest's test vectors (§3–§5, §10.2 intermediate values), to the digits printed.</summary>
    [TestClass]
    public class AgeingModelRateTests
    {
        private const double T = 25;
        private const double Top = AgeingRig.TopSoc;
        private const double Bottom = AgeingRig.BottomSoc;

        [TestMethod]
        public void KokamRatesMatchTheDigest()
        {
            KokamNmcAgeingModel m = new KokamNmcAgeingModel();
            Expect.Near(1.49667e-3, m.CalendarRate(0.6, T), 0.00005e-3, "q1(0.6)");
            Expect.Near(5.7350e-3, m.CalendarRate(0.9, T), 0.0001e-3, "q1(0.9)");
            Expect.Near(4.0287e-4, m.CalendarRate(0.3, T), 0.0001e-4, "q1(0.3)");
            Expect.Near(8.92864e-5, m.CycleRate(Top, Bottom, 0.3, T), 0.00001e-5, "q3");
            Expect.Near(7351.92, KokamNmcAgeingModel.KneeEfc(AgeingRig.Dod, 0.6, T), 0.01, "q5");
        }

        [TestMethod]
        public void SanyoRatesMatchTheDigest()
        {
            SanyoNmcAgeingModel m = new SanyoNmcAgeingModel();
            Expect.Near(3.77471, SanyoNmcAgeingModel.OpenCircuitVolts(0.6), 0.000005, "V(0.6)");
            // The digest prints the OCV table rounded to 4 digits; its figures come from BLAST's full-precision
            // table, so the Sanyo figures here agree to about 1e-5 relative, not to the last digit printed.
            Expect.Near(3.25631e-4, m.CalendarRate(0.6, T), 0.00003e-4, "α(0.6)");
            Expect.Near(4.8078e-4, m.CalendarRate(0.9, T), 0.0002e-4, "α(0.9)");
            Expect.Near(3.81003, SanyoNmcAgeingModel.RmsOpenCircuitVolts(Top, Bottom), 0.00001, "V_rms over the swing");
            Expect.Near(3.26474e-3, m.CycleRate(Top, Bottom, 0.3, T), 0.00003e-3, "β");
        }

        [TestMethod]
        public void LfpRatesMatchTheDigest()
        {
            Lfp250AhAgeingModel m = new Lfp250AhAgeingModel();
            Expect.Near(5.21516e-4, m.CalendarRate(0.6, T), 0.00001e-4, "k_cal(0.6)");
            Expect.Near(7.5230e-4, m.CalendarRate(0.9, T), 0.0001e-4, "k_cal(0.9)");
            Expect.Near(3.6460e-4, m.CalendarRate(0.3, T), 0.0001e-4, "k_cal(0.3)");
            Expect.Near(1.59756e-4, m.CycleRate(Top, Bottom, 0.3, T), 0.00001e-4, "k_cyc");
        }
    }
}
