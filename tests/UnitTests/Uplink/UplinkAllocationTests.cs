#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace V2G.UnitTests.Uplink
{
    /// <summary>
    /// The uplink's control-thread part allocates nothing in steady state (the device's garbage collector
    /// stops the world), nor does its pump once warm. Counted on the host with the runtime's per-thread
    /// allocation counter; nanoFramework has none, so these run on the host only.
    /// </summary>
    [TestClass]
    public class UplinkAllocationTests
    {
#if !NANOFRAMEWORK_1_0
        private static UplinkRig Warm()
        {
            UplinkRig rig = new UplinkRig();
            rig.Client.Recording = false;
            rig.Heartbeat(1);
            rig.Setpoint("warm", -7000, UplinkRig.Until0600, 0);
            rig.Sim.Vehicle.PlugIn(rig.Sim.Clock.NowMs);
            rig.Run(70000); // energy transfer, a meter record, every kind of record encoded once
            Assert.IsTrue(rig.Service.IsOnline);
            return rig;
        }
#endif

        [TestMethod]
        public void TenThousandTicksOfTheServiceAllocateNothing()
        {
#if !NANOFRAMEWORK_1_0
            UplinkRig rig = Warm();
            long tickBytes = 0;
            long pumpBytes = 0;
            long publishedBefore = rig.Client.PublishCount;
            for (int i = 0; i < 10000; i++)
            {
                rig.Sim.RunTick();
                long before = System.GC.GetAllocatedBytesForCurrentThread();
                rig.Service.Tick(rig.Sim.Clock.NowMs);
                long between = System.GC.GetAllocatedBytesForCurrentThread();
                tickBytes += between - before;
                if (i % 5 == 0)
                {
                    if (i % 500 == 0)
                    {
                        rig.Heartbeat(i); // outside the measured calls: the fake allocates the message
                    }

                    long beforePump = System.GC.GetAllocatedBytesForCurrentThread();
                    rig.Service.Pump(rig.Sim.Clock.NowMs);
                    pumpBytes += System.GC.GetAllocatedBytesForCurrentThread() - beforePump;
                }
            }

            Assert.IsTrue(rig.Client.PublishCount - publishedBefore >= 200, "telemetry flowed: " + (rig.Client.PublishCount - publishedBefore).ToString());
            Assert.AreEqual(0L, tickBytes, "bytes allocated by 10 000 Ticks");
            Assert.AreEqual(0L, pumpBytes, "bytes allocated by 2 000 Pumps in steady state");
#endif
        }
    }
}
