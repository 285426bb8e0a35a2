#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Hal.Grid;
using V2G.Sim.Plant.Grid;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Grid.Estimator
{
    /// <summary>The simulated metering front end: cycles, RMS, and what happens when the voltage goes away.</summary>
    [TestClass]
    public class CycleMeterTests
    {
        private static int Drain(SimGrid grid)
        {
            int n = 0;
            GridCycle cycle;
            while (grid.TryReadCycle(out cycle))
            {
                n++;
            }

            return n;
        }

        private static int RunAndCount(SimGrid grid, int ms)
        {
            int n = 0;
            for (int t = 0; t < ms; t++)
            {
                grid.Step(1);
                n += Drain(grid);
            }

            return n;
        }

        [TestMethod]
        public void EachCycleCarriesItsRmsVoltageHarmonicsIncluded()
        {
            SimGrid grid = new SimGrid(50, 230, 1);
            grid.Step(200);
            Drain(grid);
            grid.Step(20);
            GridCycle cycle;
            Assert.IsTrue(grid.TryReadCycle(out cycle), "a cycle");

            // √(1 + 0.03² + 0.02²) = 1.00065, plus 0.5 V of noise: 230.15 V.
            Expect.Near(230.15, cycle.RmsVoltageV, 0.3, "RMS, V");
            Expect.Near(20000, cycle.PeriodUs, 2, "period, µs");

            grid.SetVoltage(115);
            grid.Step(60);
            Drain(grid);
            grid.Step(20);
            Assert.IsTrue(grid.TryReadCycle(out cycle), "a cycle during the sag");
            Expect.Near(115.07, cycle.RmsVoltageV, 0.3, "RMS during a sag to half, V");
        }

        [TestMethod]
        public void NoCycleIsEmittedWhileTheVoltageIsAbsent()
        {
            SimGrid grid = new SimGrid(50, 230, 1);
            RunAndCount(grid, 500);

            grid.LoseMains(0);
            grid.IslandSupported = false;
            int whileCollapsing = RunAndCount(grid, 100);
            int whileAbsent = RunAndCount(grid, 1000);

            Expect.AtMost(3, whileCollapsing, "cycles while the island collapses (10 ms time constant)");
            Assert.AreEqual(0, whileAbsent, "cycles while the voltage is absent");
            Expect.AtMost(0.5, grid.RmsVoltageV, "voltage, V");

            grid.RestoreMains();
            int afterRestore = RunAndCount(grid, 100);
            Expect.AtLeast(3, afterRestore, "cycles within 100 ms of the mains' return (the first crossing only restarts the count)");
        }

        [TestMethod]
        public void AnIslandHeldUpKeepsDeliveringCyclesAtItsDriftingFrequency()
        {
            SimGrid grid = new SimGrid(50, 230, 1);
            V2G.Firmware.Grid.FrequencyEstimator estimator = new V2G.Firmware.Grid.FrequencyEstimator(new V2G.Firmware.Grid.FrequencyEstimatorSettings(), 50);
            GridCycle cycle;
            grid.LoseMains(1.0);
            for (int t = 0; t < 1000; t++)
            {
                grid.Step(1);
                while (grid.TryReadCycle(out cycle))
                {
                    estimator.Add(ref cycle);
                }
            }

            Expect.Near(51.0, grid.FrequencyHz, 0.001, "the island's frequency after 1 s at +1 Hz/s");
            Expect.Near(grid.FrequencyHz - 0.06, estimator.FrequencyHz, 0.03, "measured (about 60 ms behind)");
            Expect.Near(1.0, estimator.RocofHzPerS, 0.05, "ROCOF, Hz/s");
        }

        [TestMethod]
        public void FrequencyStepsArePhaseContinuous()
        {
            GridWaveformModel model = new GridWaveformModel(50, 230, 1);
            for (int i = 0; i < 73; i++)
            {
                model.NextSampleV();
            }

            double before = model.PhaseCycles;
            model.SetFrequency(49, 0);
            model.NextSampleV();

            Expect.Near(before + 49.0 / GridWaveformModel.SampleRateHz, model.PhaseCycles, 1e-12, "phase one sample later");
        }

        [TestMethod]
        public void TheWaveformIsReadableSampleBySample()
        {
            SimGrid grid = new SimGrid(50, 230, 1);
            grid.Step(5);
            float[] buffer = new float[100];

            Assert.AreEqual(10000, grid.SampleRateHz);
            Assert.AreEqual(50, grid.Read(buffer, 0, 100));
            Assert.AreEqual(0, grid.Read(buffer, 0, 100));
            Expect.AtMost(400, buffer[49], "inside the ADC's range");
        }
    }
}
