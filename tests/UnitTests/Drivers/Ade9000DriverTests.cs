#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Ade9000;
using V2G.Hal.Grid;
using V2G.Sim.Plant.Metering;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Drivers
{
    /// <summary>The ADE9000 driver against its register-level chip model.</summary>
    [TestClass]
    public class Ade9000DriverTests
    {
        private static Ade9000Model _chip;
        private static Ade9000Driver _driver;
        private static Ade9000Settings _settings;

        private static void Start(int phases)
        {
            _settings = new Ade9000Settings();
            _settings.VoltsPerRmsCode = 1e-4;
            _settings.AmpsPerRmsCode = 1e-5;
            _settings.WattsPerCode = 1e-2;
            _settings.WhPerEnergyCode = 1e-3;
            _settings.Phases = phases;
            _settings.CycleQueueLength = 4;
            _chip = new Ade9000Model(_settings);
            _driver = new Ade9000Driver(_chip, _settings);
        }

        private static void AssertFrequencyWithinOneCode(double frequencyHz)
        {
            Start(1);
            _chip.FrequencyHz = frequencyHz;
            // One code of the period register moves the frequency by about f² / counts per second.
            double resolutionHz = frequencyHz * frequencyHz / _settings.PeriodCountsPerSecond;
            Expect.Near(frequencyHz, _driver.ReadFrequencyHz(), resolutionHz, "frequency");
        }

        [TestMethod]
        public void FrequencyAt50HzIsWithinOnePeriodCode()
        {
            AssertFrequencyWithinOneCode(50.0);
        }

        [TestMethod]
        public void FrequencyOffNominalIsWithinOnePeriodCode()
        {
            AssertFrequencyWithinOneCode(49.8123);
        }

        [TestMethod]
        public void FrequencyAt60HzIsWithinOnePeriodCode()
        {
            AssertFrequencyWithinOneCode(60.0371);
        }

        [TestMethod]
        public void EachServicedCycleQueuesPeriodAndRms()
        {
            Start(1);
            _chip.FrequencyHz = 50.0;
            _chip.SetAllPhases(230.0, 16.0, 3680.0);
            Assert.IsTrue(_driver.ServiceCycle(1000));

            GridCycle cycle;
            Assert.IsTrue(_driver.TryReadCycle(out cycle));
            Assert.AreEqual(1000L, cycle.EndMs);
            Expect.Near(20000.0, cycle.PeriodUs, 0.01, "period µs");
            Expect.Near(230.0, cycle.RmsVoltageV, 1e-3, "rms V");
            Assert.IsFalse(_driver.TryReadCycle(out cycle));
        }

        [TestMethod]
        public void AFullCycleQueueDropsTheOldest()
        {
            Start(1);
            for (int i = 0; i < 6; i++)
            {
                _driver.ServiceCycle(i * 20);
            }

            GridCycle cycle;
            Assert.IsTrue(_driver.TryReadCycle(out cycle));
            Assert.AreEqual(40L, cycle.EndMs);
            Assert.AreEqual(2, _driver.DroppedCycles);
        }

        [TestMethod]
        public void RmsCurrentAndVoltageAreScaledPerPhase()
        {
            Start(3);
            _chip.SetPhase(2, 231.5, 12.25, 2800.0);
            Expect.Near(231.5, _driver.ReadRmsVoltageV(2), 1e-3, "rms V");
            Expect.Near(12.25, _driver.ReadRmsCurrentA(2), 1e-4, "rms A");
        }

        [TestMethod]
        public void PowerIsSummedOverThePhases()
        {
            Start(3);
            _chip.SetAllPhases(230.0, 16.0, 3680.0);
            Assert.IsTrue(_driver.Probe());
            Assert.IsTrue(_driver.ServiceEnergy());
            Expect.Near(11040.0, _driver.PowerW, 0.05, "power W");
        }

        [TestMethod]
        public void ImportAccumulatesFromTheEnergyRegisters()
        {
            Start(3);
            _chip.SetAllPhases(230.0, 16.0, 3600.0);
            _driver.Probe();
            _driver.ServiceEnergy();
            for (int i = 0; i < 10; i++)
            {
                _chip.Advance(1000);
                _driver.ServiceEnergy();
            }

            // 3 × 3600 W for 10 s = 30 Wh.
            Expect.Near(30.0, _driver.ImportWh, 0.01, "import Wh");
            Expect.Near(0.0, _driver.ExportWh, 1e-9, "export Wh");
        }

        [TestMethod]
        public void ExportAccumulatesWhenPowerFlowsToTheGrid()
        {
            Start(1);
            _chip.SetPhase(0, 230.0, 16.0, -3600.0);
            _driver.Probe();
            _driver.ServiceEnergy();
            _chip.Advance(10000);
            _driver.ServiceEnergy();
            Expect.Near(10.0, _driver.ExportWh, 0.01, "export Wh");
            Expect.Near(0.0, _driver.ImportWh, 1e-9, "import Wh");
            Expect.AtMost(0.0, _driver.PowerW, "power W");
        }

        [TestMethod]
        public void EnergyIsNotLostWhenTheRegisterWraps()
        {
            Start(1);
            _chip.SetPhase(0, 230.0, 16.0, 3600.0);
            _chip.SetEnergyCode(0, int.MaxValue - 100);
            _driver.Probe();
            _driver.ServiceEnergy();
            _chip.Advance(1000);
            Assert.IsTrue(_chip.EnergyCode(0) < 0, "the chip's register wrapped");
            _driver.ServiceEnergy();

            // 3600 W for 1 s = 1 Wh = 1000 codes, across the wrap.
            Expect.Near(1.0, _driver.ImportWh, 0.002, "import Wh");
            Expect.Near(0.0, _driver.ExportWh, 1e-9, "export Wh");
        }

        [TestMethod]
        public void ALiveChipIsFoundByItsVersion()
        {
            Start(1);
            Assert.IsTrue(_driver.Probe());
            Assert.AreEqual(_chip.VersionValue, _driver.Version);
        }

        [TestMethod]
        public void AnAbsentChipReadingAllOnesIsFound()
        {
            Start(1);
            _chip.Answering = false;
            _chip.AbsentLineLevel = 0xFF;
            Assert.IsFalse(_driver.Probe());
            Assert.IsFalse(_driver.ServiceCycle(0));
            Assert.IsFalse(_driver.ServiceEnergy());
        }

        [TestMethod]
        public void AnAbsentChipReadingAllZerosIsFound()
        {
            Start(1);
            _chip.Answering = false;
            _chip.AbsentLineLevel = 0x00;
            Assert.IsFalse(_driver.Probe());
            Assert.AreEqual(0.0, _driver.ReadFrequencyHz());
        }

        [TestMethod]
        public void DataBitsStuckHighAreFoundAsAbsent()
        {
            Start(1);
            _chip.StuckHighBits = 0xFFFFFFFF;
            Assert.IsFalse(_driver.Probe());
            Assert.IsFalse(_driver.ServiceCycle(0));
        }

        [TestMethod]
        public void DataBitsStuckLowAreFoundAsAbsent()
        {
            Start(1);
            _chip.StuckLowBits = 0xFFFFFFFF;
            Assert.IsFalse(_driver.Probe());
        }

        [TestMethod]
        public void NoCycleIsQueuedWhileTheChipIsAbsent()
        {
            Start(1);
            _chip.Answering = false;
            _driver.ServiceCycle(0);
            GridCycle cycle;
            Assert.IsFalse(_driver.TryReadCycle(out cycle));
            Assert.AreEqual(1, _driver.AbsentReads);
        }

        [TestMethod]
        public void EnergyAfterAnAbsenceStartsFromANewBaseline()
        {
            Start(1);
            _chip.SetPhase(0, 230.0, 16.0, 3600.0);
            _driver.Probe();
            _driver.ServiceEnergy();
            _chip.Advance(5000);
            _driver.ServiceEnergy();
            _chip.Answering = false;
            Assert.IsFalse(_driver.Probe());

            // The chip comes back reset: its counter restarted from zero.
            _chip.Answering = true;
            _chip.SetEnergyCode(0, 0);
            Assert.IsTrue(_driver.Probe());
            _driver.ServiceEnergy();
            _chip.Advance(1000);
            _driver.ServiceEnergy();

            // 5 Wh before the absence, 1 Wh after; the counter's fall to zero is not export.
            Expect.Near(6.0, _driver.ImportWh, 0.002, "import Wh");
            Expect.Near(0.0, _driver.ExportWh, 1e-9, "export Wh");
        }
    }
}
