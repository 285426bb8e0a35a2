#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Battery;
using V2G.Firmware.Storage;
using V2G.Sim.Plant.Storage;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Batteries
{
    /// <summary>The control thread only captures the battery's state; the flash write waits for the housekeeping thread.</summary>
    [TestClass]
    public class BatteryStateStoreCaptureTests
    {
        [TestMethod]
        public void ACaptureWritesNothingUntilWritePending()
        {
            FlashRecordStore flash = new FlashRecordStore(new SimulatedFlash(4096, 2), 16, 128);
            BatteryStateStore store = new BatteryStateStore(flash, BatteryStateStore.DefaultRecordId);
            BatteryGuard guard = new BatteryGuard(GuardRig.Settings());
            guard.RestoreLifetime(1000, 900, 0.001, 0.002, 0, 0.5);

            Assert.IsTrue(store.Capture(guard));
            Assert.IsTrue(store.HasPending);
            Assert.AreEqual(-1, flash.Read(BatteryStateStore.DefaultRecordId, new byte[128], 0), "nothing on flash yet");

            Assert.IsTrue(store.WritePending());
            Assert.IsFalse(store.HasPending);
            BatteryGuard rebooted = new BatteryGuard(GuardRig.Settings());
            Assert.IsTrue(store.Restore(rebooted));
            Expect.Near(0.5, rebooted.Lifetime.EquivalentFullCycles, 1e-8, "EFC restored");
            Assert.IsTrue(store.WritePending(), "nothing pending: nothing to do");
        }
    }
}
