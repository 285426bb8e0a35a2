#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Iso15118.Evcc;

namespace V2G.UnitTests.Iso15118.Evcc
{
    /// <summary>
    /// The EVCC's charge loop allocates nothing per message: measured on the host with the runtime's
    /// per-thread allocation counter around the EVCC's Poll only (the scripted charger is not under test).
    /// nanoFramework has no such counter, so these run on the host only.
    /// </summary>
    [TestClass]
    public class EvccAllocationTests
    {
        [TestMethod]
        public void ChargeLoopMessagesAllocateNothing()
        {
#if !NANOFRAMEWORK_1_0
            Measure(true, true);
#endif
        }

        [TestMethod]
        public void ScheduledChargeLoopMessagesAllocateNothing()
        {
#if !NANOFRAMEWORK_1_0
            Measure(false, true);
#endif
        }

#if !NANOFRAMEWORK_1_0
        private static void Measure(bool dynamic, bool bidirectional)
        {
            EvccSettings settings = new EvccSettings();
            settings.UseDynamicMode = dynamic;
            settings.UseBidirectional = bidirectional;
            EvccRig rig = new EvccRig(settings).Start();
            rig.Session.RequestedPowerW = 8000;

            // Warm up: every path of the loop runs (and is compiled) once.
            rig.RunToLoop(20, 5000);
            Assert.AreEqual("charge_loop", rig.Session.StateName);

            // Steady state: two windows, and the quieter one counts, so that a one-off allocation of the runtime
            // on this thread (seen once in a full run, never reproduced) cannot fail the test, while an
            // allocation of the loop itself, which repeats, shows in both.
            long loopsBefore = rig.Session.ChargeLoopMessages;
            long first = AllocatedOverPolls(rig, 2500);
            long second = AllocatedOverPolls(rig, 2500);
            long bytes = first < second ? first : second;

            long loops = rig.Session.ChargeLoopMessages - loopsBefore;
            Assert.IsTrue(loops >= 900, "ran " + loops + " loop messages");
            Assert.AreEqual("charge_loop", rig.Session.StateName);
            Assert.AreEqual(0L, bytes, "bytes allocated by the EVCC over " + loops + " loop messages (windows: " + first + " and " + second + ")");
        }

        private static long AllocatedOverPolls(EvccRig rig, int polls)
        {
            long bytes = 0;
            for (int i = 0; i < polls; i++)
            {
                rig.Clock.NowMs += EvccRig.TickMs;
                long before = System.GC.GetAllocatedBytesForCurrentThread();
                rig.Session.Poll();
                bytes += System.GC.GetAllocatedBytesForCurrentThread() - before;
                rig.Charger.Poll();
            }

            return bytes;
        }
#endif
    }
}
