#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.GbT.Charger;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>
    /// Poll allocates nothing while charging (the device's collector stops the world). Counted on the host
    /// with the per-thread allocation counter, which nanoFramework lacks: host only.
    /// </summary>
    [TestClass]
    public class GbtChargerAllocationTests
    {
#if !NANOFRAMEWORK_1_0
        [TestMethod]
        public void PollAllocatesNothingWhileCharging()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());

            // Warm up every path of the charge loop (BCL, BCS by TP, BSM, CCS, the log's throttle).
            rig.Advance(3000);
            rig.Bus.Recording = false;
            long before = System.GC.GetAllocatedBytesForCurrentThread();
            rig.Advance(10000);
            long allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(GbtChargerStage.Charging, rig.Stage);
            Assert.AreEqual(0L, allocated, "bytes allocated in 10 s of charging");
        }
#endif
    }
}
