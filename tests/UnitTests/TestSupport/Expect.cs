#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace V2G.UnitTests.TestSupport
{
    /// <summary>
    /// The few asserts nanoFramework.TestFramework lacks (it has no delta overloads), written on
    /// top of the ones both frameworks share.
    /// </summary>
    public static class Expect
    {
        public static void Near(double expected, double actual, double tolerance, string what)
        {
            double error = actual - expected;
            if (error < 0)
            {
                error = -error;
            }

            Assert.IsTrue(error <= tolerance, what + ": expected " + expected.ToString("F4") + " ± " + tolerance.ToString("F4") + ", got " + actual.ToString("F4"));
        }

        public static void AtMost(double limit, double actual, string what)
        {
            Assert.IsTrue(actual <= limit, what + ": expected at most " + limit.ToString("F4") + ", got " + actual.ToString("F4"));
        }

        public static void AtLeast(double limit, double actual, string what)
        {
            Assert.IsTrue(actual >= limit, what + ": expected at least " + limit.ToString("F4") + ", got " + actual.ToString("F4"));
        }
    }
}
