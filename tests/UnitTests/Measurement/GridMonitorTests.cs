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

            Assert.AreEqual(99, cycles); // 49.5 cycles a second for 2.01 s: the 99th ends at 2.000 s, the 100th at 2.020 s
            Expect.Near(49.5, monitor.FrequencyHz, 0.0001, "frequency from the period");
        }
    }
}
