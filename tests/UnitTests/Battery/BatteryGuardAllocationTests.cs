#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Battery;

namespace V2G.UnitTests.Batteries
{
    /// <summary>The guard decides on every control tick: deciding, counting and feeding the ageing model allocate nothing (host counter).</summary>
    [TestClass]
    public class BatteryGuardAllocationTests
    {
        [TestMethod]
        public void TenThousandDecisionsAllocateNothing()
        {
#if !NANOFRAMEWORK_1_0
            BatteryGuardSettings s = GuardRig.Settings();
            s.MaxReversalsPerHour = 4;
            s.RefuseUnprofitableArbitrage = true;
            s.SessionDodLimitPercent = 40;
            BatteryGuard g = new BatteryGuard(s);
            g.StartSession(0, 80);
            BatteryGuardInput i = GuardRig.Input(0, 80, -7400);
            i.HasDeparture = true;
            i.DepartureMs = 8 * 3600 * 1000;
            i.VehicleTargetSocPercent = 80;
            i.HasPriceSpread = true;
            i.PriceSpreadPerKWh = 0.2;
            g.Decide(ref i);

            long before = System.GC.GetAllocatedBytesForCurrentThread();
            double soc = 80;
            for (int n = 1; n <= 10000; n++)
            {
                i.NowMs = n * 1000L;
                i.Purpose = (BatteryPowerPurpose)(n % 3);
                i.RequestedPowerW = (n / 500) % 2 == 0 ? -15600 : 15600;
                i.MeasuredPowerW = i.RequestedPowerW;
                soc += i.RequestedPowerW / 3600 / 520;
                i.SocPercent = soc;
                BatteryGuardDecision d = g.Decide(ref i);
                i.MeasuredPowerW = d.AllowedPowerW;
            }

            g.EndSession(10001000);
            long bytes = System.GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, bytes, "bytes allocated by 10 000 decisions");
#endif
        }
    }
}
