#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Hal.Buses;

namespace V2G.UnitTests.Drivers.Mcp2515
{
    /// <summary>
    /// Service, TrySend and TryReceive allocate nothing in steady state (the device's collector stops the world).
    /// Counted with the host runtime's per-thread allocation counter, which nanoFramework lacks: host only.
    /// </summary>
    [TestClass]
    public class Mcp2515AllocationTests
    {
#if !NANOFRAMEWORK_1_0
        private static void Traffic(Mcp2515Rig rig, int ticks)
        {
            for (int i = 0; i < ticks; i++)
            {
                CanFrame incoming = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, 1 + (i % 8), (ulong)i);
                rig.Chip.DeliverFromBus(ref incoming);
                CanFrame outgoing = Mcp2515Rig.Frame(Mcp2515Rig.ChmId, i % 9, (ulong)i);
                rig.Driver.TrySend(ref outgoing);
                rig.Step(Mcp2515Rig.StepMs);
                CanFrame frame;
                rig.Chip.TryTakeTransmitted(out frame);
                while (rig.Driver.TryReceive(out frame))
                {
                }
            }
        }
#endif

        [TestMethod]
        public void ServiceTrySendAndTryReceiveAllocateNothingInSteadyState()
        {
#if !NANOFRAMEWORK_1_0
            Mcp2515Rig rig = new Mcp2515Rig(true, false, null);
            Assert.IsTrue(rig.Start());
            Traffic(rig, 200);
            int receivedBefore = rig.Driver.Status.FramesReceived;
            int sentBefore = rig.Driver.Status.FramesSent;

            long before = System.GC.GetAllocatedBytesForCurrentThread();
            Traffic(rig, 2000);
            long allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated);
            Assert.AreEqual(2000, rig.Driver.Status.FramesReceived - receivedBefore, "the traffic did flow in");
            Assert.IsTrue(rig.Driver.Status.FramesSent - sentBefore > 1900, "and out");
#endif
        }
    }
}
