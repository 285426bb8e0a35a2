#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace V2G.UnitTests.Drivers
{
    /// <summary>
    /// The driver's steady state allocates nothing (the device's collector stops the world). Counted on the host
    /// with the runtime's per-thread allocation counter, which nanoFramework does not have: host only.
    /// </summary>
    [TestClass]
    public class Qca7000AllocationTests
    {
#if !NANOFRAMEWORK_1_0
        private static void Traffic(Qca7000Rig rig, byte[] rxFrame, byte[] txFrame, byte[] sent, int ticks)
        {
            for (int i = 0; i < ticks; i++)
            {
                rig.Chip.DeliverFromMedium(rxFrame, 60 + (i % 700));
                rig.Driver.TrySend(txFrame, 20 + (i % 1400));
                rig.Step(Qca7000Rig.StepMs);
                rig.Chip.TryTakeSentFrame(sent);
                while (rig.Driver.Receive(rig.Buffer) > 0)
                {
                }
            }
        }
#endif

        [TestMethod]
        public void ServiceTrySendAndReceiveAllocateNothingInSteadyState()
        {
#if !NANOFRAMEWORK_1_0
            Qca7000Rig rig = new Qca7000Rig(true, false);
            Assert.IsTrue(rig.RunUntilReady(200));
            byte[] rxFrame = Qca7000Rig.Frame(1518, 1);
            byte[] txFrame = Qca7000Rig.Frame(1518, 2);
            byte[] sent = new byte[1600];
            Traffic(rig, rxFrame, txFrame, sent, 300);
            int receivedBefore = rig.Driver.Status.FramesReceived;

            long before = System.GC.GetAllocatedBytesForCurrentThread();
            Traffic(rig, rxFrame, txFrame, sent, 2000);
            long allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated);
            Assert.AreEqual(2000, rig.Driver.Status.FramesReceived - receivedBefore, "the traffic did flow");
#endif
        }
    }
}
