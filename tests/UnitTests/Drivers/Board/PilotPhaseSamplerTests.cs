#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Board;
using V2G.Sim.Plant.Board.Pins;

namespace V2G.UnitTests.Drivers.Board
{
    /// <summary>The pilot's two phases from unsynchronised bursts, against a free-running 1 kHz waveform.</summary>
    [TestClass]
    public class PilotPhaseSamplerTests
    {
        private const double HighV = 2.9;
        private const double LowV = 0.2;

        [TestMethod]
        public void ABurstSpanningAPeriodSeesBothPhases()
        {
            // 25 µs spacing, 48 reads: 1.2 ms, below the 50 µs high phase of 5 % duty.
            SimPilotPhaseSamplerSignal signal = new SimPilotPhaseSamplerSignal(HighV, LowV, 0.05, 25, 310);
            PilotPhaseSampler sampler = new PilotPhaseSampler(signal, 48);

            Assert.AreEqual(HighV, sampler.HighPhase.ReadVolts());
            Assert.AreEqual(LowV, sampler.LowPhase.ReadVolts());
        }

        [TestMethod]
        public void ABurstSpacedWiderThanTheHighPhaseCanMissIt()
        {
            // The limit the driver documents: 100 µs spacing starting 50 µs into the period never lands in 0..50 µs.
            SimPilotPhaseSamplerSignal signal = new SimPilotPhaseSamplerSignal(HighV, LowV, 0.05, 100, 50);
            PilotPhaseSampler sampler = new PilotPhaseSampler(signal, 10);

            Assert.AreEqual(LowV, sampler.HighPhase.ReadVolts(), "the one phase it met, for both");
        }

        [TestMethod]
        public void OneBurstReadsTheInputSamplesPerBurstTimes()
        {
            SimPilotPhaseSamplerSignal signal = new SimPilotPhaseSamplerSignal(HighV, LowV, 0.5, 25, 0);
            PilotPhaseSampler sampler = new PilotPhaseSampler(signal, 40);
            Assert.AreEqual(40, signal.ReadCount, "the first burst, at construction");

            sampler.Sample();

            Assert.AreEqual(80, signal.ReadCount);
        }

        [TestMethod]
        public void TheViewsHoldTheLastBurstBetweenSamples()
        {
            SimPilotPhaseSamplerSignal signal = new SimPilotPhaseSamplerSignal(HighV, LowV, 0.5, 25, 0);
            PilotPhaseSampler sampler = new PilotPhaseSampler(signal, 48);

            signal.HighV = 2.5;
            Assert.AreEqual(HighV, sampler.HighPhase.ReadVolts(), "not sampled yet");
            sampler.Sample();

            Assert.AreEqual(2.5, sampler.HighPhase.ReadVolts());
            Assert.AreEqual(48, signal.ReadCount - 48, "the views read no input");
        }

        [TestMethod]
        public void ASteadyLevelGivesTheSameValueForBothPhases()
        {
            SimPilotPhaseSamplerSignal signal = new SimPilotPhaseSamplerSignal(HighV, LowV, 1.0, 25, 0);
            PilotPhaseSampler sampler = new PilotPhaseSampler(signal, 48);

            Assert.AreEqual(HighV, sampler.HighPhase.ReadVolts());
            Assert.AreEqual(HighV, sampler.LowPhase.ReadVolts());
        }

        [TestMethod]
        public void ThePwmControlPilotReadsThePhasesThroughTheSampler()
        {
            SimPilotPhaseSamplerSignal signal = new SimPilotPhaseSamplerSignal(HighV, LowV, 0.5, 25, 0);
            PilotPhaseSampler sampler = new PilotPhaseSampler(signal, 48);
            PwmControlPilotSettings settings = new PwmControlPilotSettings();
            PwmControlPilot pilot = new PwmControlPilot(new SimPwmOutput(), sampler.HighPhase, sampler.LowPhase, settings);
            pilot.SetDutyCycle(5000);

            sampler.Sample();

            Assert.AreEqual((HighV - settings.AdcOffsetV) * settings.DividerRatio, pilot.HighPhaseVoltageV);
            Assert.AreEqual((LowV - settings.AdcOffsetV) * settings.DividerRatio, pilot.LowPhaseVoltageV);
        }

        [TestMethod]
        public void SampleAllocatesNothing()
        {
#if !NANOFRAMEWORK_1_0
            SimPilotPhaseSamplerSignal signal = new SimPilotPhaseSamplerSignal(HighV, LowV, 0.5, 25, 0);
            PilotPhaseSampler sampler = new PilotPhaseSampler(signal, 48);
            sampler.Sample();

            long before = System.GC.GetAllocatedBytesForCurrentThread();
            double sum = 0;
            for (int i = 0; i < 1000; i++)
            {
                sampler.Sample();
                sum += sampler.HighPhase.ReadVolts() - sampler.LowPhase.ReadVolts();
            }

            long allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated);
            Assert.IsTrue(sum > 0);
#endif
        }
    }
}
