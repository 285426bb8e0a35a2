#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Grid;

namespace V2G.UnitTests.Grid.Protection
{
    /// <summary>
    /// The protection runs every control tick: it must allocate nothing, trips and return to service
    /// included. Counted with the host runtime's per-thread allocation counter (host only).
    /// </summary>
    [TestClass]
    public class GridProtectionAllocationTests
    {
#if !NANOFRAMEWORK_1_0
        private static long Run(GridProtection protection, long startMs, int ticks)
        {
            long t = startMs;
            long names = 0;
            for (int i = 0; i < ticks; i++)
            {
                t += ProtectionRig.TickMs;
                int phase = i % 2000;
                double f = phase < 300 ? 62.5 : 60;                // OF2 trip, then normal
                double v = phase >= 1000 && phase < 1020 ? 0 : 240; // a short dip
                long lastEnd = phase >= 1500 && phase < 1520 ? t - 400 : ProtectionRig.LastCycleEndMs(t, 60); // no cycles
                GridTrip trip = protection.Check(f, v, phase == 700 ? 5 : 0, lastEnd, t);
                names += GridTripNames.Name(trip).Length + protection.TripFunctionName.Length;
                if (protection.CanReconnect(t))
                {
                    names++;
                }
            }

            return names;
        }
#endif

        [TestMethod]
        public void TwentyThousandChecksWithTripsAndReconnectsAllocateNothing()
        {
#if !NANOFRAMEWORK_1_0
            GridProtectionSettings s = GridProtectionSettings.ForNominal(60, 240);
            s.ReturnToServiceDelayMs = 5000; // 250 ticks: shorter than the normal spells of the pattern
            GridProtection protection = new GridProtection(s);
            Run(protection, 0, 4000);

            long tripsBefore = protection.TripCount;
            long before = System.GC.GetAllocatedBytesForCurrentThread();
            Run(protection, 4000 * ProtectionRig.TickMs, 20000);
            long bytes = System.GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.IsTrue(protection.TripCount - tripsBefore >= 5, "tripped and reconnected several times, " + (protection.TripCount - tripsBefore));
            Assert.AreEqual(0L, bytes, "bytes allocated");
#endif
        }
    }
}
