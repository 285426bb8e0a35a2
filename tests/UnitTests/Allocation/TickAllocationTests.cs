#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Session;
using V2G.Firmware.Settings;
using V2G.Sim.Plant.Board;

namespace V2G.UnitTests.Allocation
{
    /// <summary>
    /// The control path allocates nothing in steady state: the device's garbage collector stops
    /// the world. Counted on the host with the runtime's per-thread allocation counter, which
    /// nanoFramework does not have; so these tests run on the host only.
    /// </summary>
    [TestClass]
    public class TickAllocationTests
    {
#if !NANOFRAMEWORK_1_0
        private static SimulatedCharger Warm(double dispatchW)
        {
            // One whole session first, so every code path has been run (and JIT-compiled) once.
            SimulatedCharger sim = new SimulatedCharger(new ChargerSettings(), 60, 40, 50);
            sim.Controller.SetDispatchPowerW(dispatchW);
            sim.Vehicle.PlugIn(sim.Clock.NowMs);
            for (int i = 0; i < 2000; i++)
            {
                sim.RunTick();
            }

            sim.Vehicle.RequestStop();
            for (int i = 0; i < 1000 && sim.Vehicle.IsPlugged; i++)
            {
                sim.RunTick();
            }

            return sim;
        }

        private static long AllocatedOverASession(SimulatedCharger sim, double firstW, double secondW, int ticksEach)
        {
            sim.Controller.SetDispatchPowerW(firstW);
            long before = System.GC.GetAllocatedBytesForCurrentThread();

            sim.Vehicle.PlugIn(sim.Clock.NowMs);
            for (int i = 0; i < ticksEach; i++)
            {
                sim.RunTick();
            }

            sim.Controller.SetDispatchPowerW(secondW);
            for (int i = 0; i < ticksEach; i++)
            {
                sim.RunTick();
            }

            sim.Controller.RequestStop();
            for (int i = 0; i < 1000 && sim.Vehicle.IsPlugged; i++)
            {
                sim.RunTick();
            }

            return System.GC.GetAllocatedBytesForCurrentThread() - before;
        }
#endif

        [TestMethod]
        public void TenThousandTicksOfAChargeAndDischargeSessionAllocateNothing()
        {
#if !NANOFRAMEWORK_1_0
            SimulatedCharger sim = Warm(20000);
            Assert.IsFalse(sim.Vehicle.IsPlugged, "the warm-up session ended");

            // A new vehicle on the same charger: every state from plug-in to unplug, charging then discharging.
            sim = Warm(20000);
            SimulatedCharger fresh = new SimulatedCharger(new ChargerSettings(), 60, 40, 50);
            long ticksBefore = fresh.Controller.Ticks;
            long bytes = AllocatedOverASession(fresh, 20000, -20000, 5000);

            Assert.IsTrue(fresh.Controller.Ticks - ticksBefore >= 10000, "ran at least 10,000 ticks");
            Assert.IsTrue(fresh.Controller.Energy.ChargedWh > 0 && fresh.Controller.Energy.DischargedWh > 0, "charged and discharged");
            Assert.AreEqual(ChargerState.Idle, fresh.Controller.State, "the session ran to its end");
            Assert.AreEqual(0L, bytes, "bytes allocated on the tick's thread");
#endif
        }

        [TestMethod]
        public void AFaultAndItsSafeStateSequenceAllocateNothing()
        {
#if !NANOFRAMEWORK_1_0
            Warm(-15000);
            SimulatedCharger sim = new SimulatedCharger(new ChargerSettings(), 60, 40, 50);
            sim.Controller.SetDispatchPowerW(-15000);
            sim.Vehicle.PlugIn(sim.Clock.NowMs);
            for (int i = 0; i < 3000; i++)
            {
                sim.RunTick();
            }

            long before = System.GC.GetAllocatedBytesForCurrentThread();
            sim.EmergencyStop.IsActive = true;
            for (int i = 0; i < 500; i++)
            {
                sim.RunTick();
            }

            long bytes = System.GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(ChargerState.Fault, sim.Controller.State);
            Assert.AreEqual(0L, bytes, "bytes allocated on the tick's thread");
#endif
        }
    }
}
