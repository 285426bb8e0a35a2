#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Session;
using V2G.UnitTests.Fakes;

namespace V2G.UnitTests.Iso15118.Secc
{
    /// <summary>
    /// A charge-loop round trip (read, decode, port calls, encode, write, log) allocates nothing on the
    /// control thread. Counted with the host runtime's per-thread allocation counter, which
    /// nanoFramework does not have: host only.
    /// </summary>
    [TestClass]
    public class SeccAllocationTests
    {
        [TestMethod]
        public void AChargeLoopRoundTripAllocatesNothing()
        {
#if !NANOFRAMEWORK_1_0
            Assert.AreEqual(0L, LoopBytes(false), "BPT Dynamic");
            Assert.AreEqual(0L, LoopBytes(true), "BPT Scheduled with MeterInfo and a Pause notification");
#endif
        }

#if !NANOFRAMEWORK_1_0
        private static long LoopBytes(bool scheduled)
        {
            SeccBench b = new SeccBench();
            b.Session.Meter = new FakeMeter();
            Assert.IsTrue(b.ToChargeLoop(scheduled));
            b.LoopVariant(true, scheduled);
            b.Ev.DcOut.DC_ChargeLoopReq.MeterInfoRequested = scheduled;
            b.Fake.Present.Notification = scheduled ? ChargerNotification.Pause : ChargerNotification.None;
            b.Fake.Present.CurrentA = -20;

            // Warm-up: every path of the loop runs (and is JIT-compiled) first.
            for (int i = 0; i < 20; i++)
            {
                Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_ChargeLoopReq));
            }

            long bytes = 0;
            for (int i = 0; i < 500; i++)
            {
                b.Ev.SendDc(Iso20DcRoot.DC_ChargeLoopReq);
                b.Clock.NowMs += SeccBench.TickMs;
                long before = System.GC.GetAllocatedBytesForCurrentThread();
                b.Session.Poll();
                bytes += System.GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.IsTrue(b.Ev.TryReceive(), "answered in the same poll");
                Assert.AreEqual((int)ResponseCodeType.OK, b.DcCode());
            }

            return bytes;
        }
#endif
    }
}
