#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Ccs;
using V2G.Firmware.Session;

namespace V2G.UnitTests.Ccs
{
    /// <summary>
    /// The connection's tick runs on the control thread before the controller's: once matched it must
    /// allocate nothing. Counted on the host only (nanoFramework has no per-thread allocation counter).
    /// </summary>
    [TestClass]
    public class CcsAllocationTests
    {
        [TestMethod]
        public void TicksAllocateNothingOnceMatchedAndCharging()
        {
#if !NANOFRAMEWORK_1_0
            CcsRig rig = new CcsRig();
            Assert.IsTrue(rig.PlugInAndCharge(), "charging");
            Assert.AreEqual(CcsPhase.LinkReady, rig.Ccs.Phase);

            // Every periodic path once (the matched link poll every 1 s included) before counting.
            rig.Ticks(200);
            long ticksBefore = rig.Controller.Ticks;
            long before = System.GC.GetAllocatedBytesForCurrentThread();
            rig.Ticks(1000);
            long bytes = System.GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(1000L, rig.Controller.Ticks - ticksBefore);
            Assert.AreEqual(ChargerState.EnergyTransfer, rig.Controller.State);
            Assert.AreEqual(CcsPhase.LinkReady, rig.Ccs.Phase);
            Assert.AreEqual(0L, bytes, "bytes allocated on the tick's thread");
#endif
        }

        [TestMethod]
        public void TicksAllocateNothingOnceMatchedBeforeTheSession()
        {
#if !NANOFRAMEWORK_1_0
            CcsRig rig = new CcsRig();
            rig.DriveSession = false;
            rig.Vehicle.Plug();
            Assert.IsTrue(rig.RunUntilPhase(CcsPhase.LinkReady, 30000), "matched");
            rig.Ticks(200);

            long before = System.GC.GetAllocatedBytesForCurrentThread();
            rig.Ticks(1000);
            long bytes = System.GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(CcsPhase.LinkReady, rig.Ccs.Phase);
            Assert.AreEqual(0L, bytes, "bytes allocated on the tick's thread");
#endif
        }
    }
}
