#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Measurement;
using V2G.Sim.Plant.Grid;
using V2G.UnitTests.Fakes;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Measurement
{
    [TestClass]
    public class GridMonitorTests
    {
        [TestMethod]
        public void EveryWaitingCycleIsReadAndTheLatestPeriodGivesTheFrequency()
        {
            FakeGridSensor sensor = new FakeGridSensor();
            GridMonitor monitor = new GridMonitor(sensor);
            sensor.Pending = 3;
            sensor.PeriodUs = 20080.32;

            Assert.AreEqual(3, monitor.Update());
            Expect.Near(49.8, monitor.FrequencyHz, 0.0001, "frequency");
            Assert.AreEqual(0, monitor.Update());
        }

        [TestMethod]
        public void BeforeAnyCycleTheNominalFrequencyIsAssumed()
        {
            GridMonitor monitor = new GridMonitor(new FakeGridSensor());

            Assert.AreEqual(50.0, monitor.FrequencyHz);
        }

        [TestMethod]
        public void TheSimulatedGridDeliversOneCyclePerPeriodOfItsFrequency()
        {
            SimGrid grid = new SimGrid(50, 230);
            GridMonitor monitor = new GridMonitor(grid);
            grid.SetFrequency(49.5, 0);

            int cycles = 0;
            for (int t = 0; t < 2010; t += 2)
            {
                grid.Step(2);
                cycles += monitor.Update();
            }

            // Rising zero crossings at k / 49.5 s, seen through the meter's filter about 1.6 ms later: the
            // first (k = 0, before the filter has settled) is missed, the one at 20.2 ms only starts the count,
            // so cycles end at k = 2..99 within 2.01 s.
            Assert.AreEqual(98, cycles);
            Expect.Near(49.5, monitor.FrequencyHz, 0.005, "frequency from the measured periods");
            Expect.Near(49.5, monitor.AverageFrequencyHz, 0.002, "60-cycle average");
            Expect.AtMost(0.02, monitor.RocofHzPerS < 0 ? -monitor.RocofHzPerS : monitor.RocofHzPerS, "ROCOF, Hz/s");
            Expect.AtLeast(1990, monitor.LastCycleEndMs, "end of the last cycle, ms");
            Expect.Near(230, monitor.RmsVoltageV, 0.5, "RMS voltage");
        }

        [TestMethod]
        public void APhaseJumpDoesNotMoveTheMonitoredFrequency()
        {
            SimGrid grid = new SimGrid(50, 230);
            GridMonitor monitor = new GridMonitor(grid);
            for (int t = 0; t < 1000; t += 2)
            {
                grid.Step(2);
                monitor.Update();
            }

            grid.JumpPhase(20);
            double worst = 0;
            for (int t = 0; t < 500; t += 2)
            {
                grid.Step(2);
                monitor.Update();
                double e = monitor.FrequencyHz - 50;
                e = e < 0 ? -e : e;
                worst = e > worst ? e : worst;
            }

            Expect.AtMost(0.02, worst, "largest excursion, Hz");
            Assert.AreEqual(1L, monitor.Estimator.RejectedCycles > 0 ? 1L : 0L, "the jump's cycle was dropped");
        }
    }
}
