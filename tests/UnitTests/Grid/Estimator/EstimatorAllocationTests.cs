#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace V2G.UnitTests.Grid.Estimator
{
    /// <summary>
    /// The estimator runs every cycle on the control thread and the meter every sample in the simulator:
    /// neither allocates. Counted with the host runtime's per-thread counter, so host only.
    /// </summary>
    [TestClass]
    public class EstimatorAllocationTests
    {
        [TestMethod]
        public void TenSecondsOfSamplesCyclesStepsAndPhaseJumpsAllocateNothing()
        {
#if !NANOFRAMEWORK_1_0
            EstimatorRig rig = new EstimatorRig(50, 230, 5, 1);
            rig.Run(1000);

            long before = System.GC.GetAllocatedBytesForCurrentThread();
            rig.Run(3000);
            rig.Grid.SetFrequency(49.8, 0);
            rig.Run(3000);
            rig.Grid.JumpPhase(20);
            rig.Grid.SetFrequency(50.2, 1);
            rig.Run(4000);
            long bytes = System.GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, bytes, "bytes allocated");
#endif
        }
    }
}
