#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Sim.Plant.Board;
using V2G.Firmware.Session;
using V2G.Protocol.GbT.Charger;

namespace V2G.UnitTests.Runtime
{
    /// <summary>
    /// The runtime's control tick allocates nothing in steady state, through the whole board wiring (the chip
    /// drivers over their SPI models, the stage's loop, the IMD, the coupler, the GB/T session on the MCP2515,
    /// the controller). Counted on the host's per-thread allocation counter (not on nanoFramework).
    /// </summary>
    [TestClass]
    public class RuntimeTickAllocationTests
    {
        [TestMethod]
        public void GbtEnergyTransferTicksAllocateNothing()
        {
#if !NANOFRAMEWORK_1_0
            var rig = new PlantBoard(V2G.Boards.Esp32.Esp32PinMap.CreateGbt(), V2G.Boards.Esp32.Esp32PinMap.MonitorGbtCc1Channel);
            var vehicle = rig.AttachGbtVehicle(80, 100);
            rig.Ticks(10);
            vehicle.PlugIn();
            Assert.IsTrue(rig.TickUntil(ChargerState.EnergyTransfer, 500));
            rig.Ticks(250);

            // Only the control tick is counted: the plant and the vehicle are the outside world.
            long bytes = 0;
            for (int i = 0; i < 1000; i++)
            {
                rig.Plant.Advance(rig.Runtime.Settings.TickPeriodMs);
                long before = System.GC.GetAllocatedBytesForCurrentThread();
                rig.Runtime.RunControlTick();
                bytes += System.GC.GetAllocatedBytesForCurrentThread() - before;
            }

            Assert.AreEqual(ChargerState.EnergyTransfer, rig.Runtime.Controller.State, "still charging");
            Assert.AreEqual(GbtChargerStage.Charging, rig.Runtime.Gbt.Stage);
            Assert.AreEqual(0L, bytes, "bytes allocated by 1000 control ticks (20 s) of GB/T energy transfer");
#endif
        }
    }
}
