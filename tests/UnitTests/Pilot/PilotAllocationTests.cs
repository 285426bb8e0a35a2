#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace V2G.UnitTests.Pilot
{
    /// <summary>
    /// The pilot and proximity monitors allocate nothing per tick (the device's garbage collector stops
    /// the world). Counted with the host runtime's per-thread allocation counter, so host only.
    /// </summary>
    [TestClass]
    public class PilotAllocationTests
    {
#if !NANOFRAMEWORK_1_0
        [TestMethod]
        public void UpdatingThroughOfferAndErrorSequenceAllocatesNothing()
        {
            PilotRig rig = new PilotRig();
            rig.Circuit.NoiseAmplitudeMv = 100;
            rig.Vehicle.Plug();
            rig.Pilot.OfferDigitalCommunication(rig.NowMs);
            rig.Ticks(100); // every path once, JIT-compiled

            long before = System.GC.GetAllocatedBytesForCurrentThread();
            rig.Vehicle.SetS2(true);
            rig.Ticks(50);
            rig.Pilot.StartErrorSequence(rig.NowMs);
            rig.Ticks(300);
            rig.Pilot.SetX1();
            rig.Pilot.OfferDigitalCommunication(rig.NowMs);
            rig.Ticks(50);
            long allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated);
        }
#endif
    }
}
