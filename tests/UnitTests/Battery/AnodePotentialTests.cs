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
    /// <summary>The graphite potential U_a(SOC) against the digest's test vectors (§2.6, five decimals), and the numerics under it.</summary>
    [TestClass]
    public class AnodePotentialTests
    {
        [TestMethod]
        public void AnodePotentialMatchesTheDigestsTestVectors()
        {
            double[] soc = { 0, 0.1, 0.2, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0 };
            double[] volts = { 0.68435, 0.23325, 0.18052, 0.14885, 0.12330, 0.11887, 0.10839, 0.09426, 0.08818, 0.08638 };
            for (int i = 0; i < soc.Length; i++)
            {
                Expect.Near(volts[i], AnodePotential.Volts(soc[i]), 0.000005, "U_a at SOC " + soc[i].ToString("F1"));
            }
        }

        [TestMethod]
        public void LogarithmPowerRootAndTanhAreAccurate()
        {
            Expect.Near(0, Numeric.Ln(1), 1e-15, "ln 1");
            Expect.Near(1, Numeric.Ln(2.718281828459045), 1e-14, "ln e");
            Expect.Near(-23.025850929940457, Numeric.Ln(1e-10), 1e-12, "ln 1e-10");
            Expect.Near(11.512925464970229, Numeric.Ln(1e5), 1e-12, "ln 1e5");
            Expect.Near(0.004271027986523973 / 8.928640882875131e-05, Numeric.Pow(144.23076923076923, 0.778), 1e-9, "144.23^0.778");
            Expect.Near(1.4142135623730951, Numeric.Sqrt(2), 1e-15, "√2");
            Expect.Near(3.81, Numeric.Sqrt(3.81 * 3.81), 1e-14, "√(3.81²)");
            Expect.Near(0.7615941559557649, Numeric.Tanh(1), 1e-15, "tanh 1");
            Expect.Near(-0.0009999996666668, Numeric.Tanh(-0.001), 1e-17, "tanh −0.001");
            Assert.AreEqual(1.0, Numeric.Tanh(50));
        }
    }
}
