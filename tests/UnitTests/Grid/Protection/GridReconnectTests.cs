#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Grid;

namespace V2G.UnitTests.Grid.Protection
{
    /// <summary>
    /// Return to service: after a trip the charger may energize again only once frequency and voltage have
    /// stayed inside the continuous range for the return-to-service delay (default 300 s, an assumption:
    /// IEEE 1547's enter-service delay is not in the digest). Here the delay is shortened to 5 s.
    /// </summary>
    [TestClass]
    public class GridReconnectTests
    {
        private const int DelayMs = 5000;

        private static long _t;

        private static GridProtection TrippedOnOverFrequency()
        {
            GridProtectionSettings s = GridProtectionSettings.ForNominal(60, 240);
            s.ReturnToServiceDelayMs = DelayMs;
            GridProtection protection = new GridProtection(s);
            ProtectionRig.WarmUp(protection);
            Assert.IsTrue(ProtectionRig.TripDelayMs(protection, 62.5, 240, 0, 1000) > 0, "OF2 tripped");
            _t = ProtectionRig.OnsetMs + 1000;
            return protection;
        }

        private static GridTrip Tick(GridProtection protection, double frequencyHz, double voltageV)
        {
            _t += ProtectionRig.TickMs;
            return protection.Check(frequencyHz, voltageV, 0, ProtectionRig.LastCycleEndMs(_t, 60), _t);
        }

        [TestMethod]
        public void ATripStaysLatchedWhileTheConditionLasts()
        {
            GridProtection protection = TrippedOnOverFrequency();
            for (int i = 0; i < 1000; i++)
            {
                ProtectionRig.AssertTrip(GridTrip.OverFrequency, Tick(protection, 62.5, 240));
            }

            Assert.IsFalse(protection.CanReconnect(_t));
            Assert.AreEqual(1L, protection.TripCount, "one trip, reported until released");
        }

        [TestMethod]
        public void TheChargerMayReconnectOnceTheGridHasBeenNormalForTheDelay()
        {
            GridProtection protection = TrippedOnOverFrequency();
            Tick(protection, 60, 240);
            long backMs = _t;
            while (_t < backMs + DelayMs - ProtectionRig.TickMs)
            {
                ProtectionRig.AssertTrip(GridTrip.OverFrequency, Tick(protection, 60.02, 241), "latched during the delay");
                Assert.IsFalse(protection.CanReconnect(_t), "not before the delay, at " + (_t - backMs) + " ms");
            }

            ProtectionRig.AssertTrip(GridTrip.None, Tick(protection, 60.02, 241), "released at the delay");
            Assert.AreEqual(backMs + DelayMs, _t);
            Assert.IsTrue(protection.CanReconnect(_t));
            Assert.AreEqual("", protection.TripFunctionName);
        }

        [TestMethod]
        public void AnExcursionOutsideTheContinuousRangeRestartsTheDelay()
        {
            GridProtection protection = TrippedOnOverFrequency();
            for (int i = 0; i < 150; i++)
            {
                Tick(protection, 60, 240); // 3 s normal
            }

            Tick(protection, 61.3, 240); // above 61.2 Hz for one tick: no trip, but not normal either
            long backMs = _t + ProtectionRig.TickMs;
            while (_t < backMs + DelayMs - ProtectionRig.TickMs)
            {
                Tick(protection, 60, 240);
                Assert.IsFalse(protection.CanReconnect(_t), "the delay restarted, at " + (_t - backMs) + " ms");
            }

            ProtectionRig.AssertTrip(GridTrip.None, Tick(protection, 60, 240));
            Assert.IsTrue(protection.CanReconnect(_t));
        }

        [TestMethod]
        public void AVoltageOutsideTheContinuousRangeKeepsTheChargerDisconnected()
        {
            GridProtection protection = TrippedOnOverFrequency();
            for (int i = 0; i < 2 * DelayMs / ProtectionRig.TickMs; i++)
            {
                Tick(protection, 60, 0.87 * 240); // below 0.88 pu, above UV1
            }

            Assert.IsFalse(protection.CanReconnect(_t));
            ProtectionRig.AssertTrip(GridTrip.OverFrequency, protection.Trip);
        }

        [TestMethod]
        public void WithoutFreshChecksTheChargerMayNotReconnect()
        {
            GridProtection protection = TrippedOnOverFrequency();
            for (int i = 0; i < DelayMs / ProtectionRig.TickMs + 1; i++)
            {
                Tick(protection, 60, 240);
            }

            Assert.IsTrue(protection.CanReconnect(_t));
            Assert.IsFalse(protection.CanReconnect(_t + 1000), "the last check is a second old");
        }

        [TestMethod]
        public void AtStartTheChargerWaitsTheDefaultDelayOf300S()
        {
            GridProtectionSettings s = GridProtectionSettings.ForNominal(50, 230);
            Assert.AreEqual(300000, s.ReturnToServiceDelayMs, "assumption: not in the digest");
            GridProtection protection = new GridProtection(s);
            Assert.IsFalse(protection.CanReconnect(0), "never checked");

            long t = 0;
            for (; t < 300000; t += ProtectionRig.TickMs)
            {
                protection.Check(50, 230, 0, ProtectionRig.LastCycleEndMs(t, 50), t);
            }

            Assert.IsFalse(protection.CanReconnect(t - ProtectionRig.TickMs));
            protection.Check(50, 230, 0, ProtectionRig.LastCycleEndMs(t, 50), t);
            Assert.IsTrue(protection.CanReconnect(t));
            Assert.AreEqual(0L, protection.TripCount);
        }
    }
}
