#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using V2G.Firmware.Drivers.Board;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Board.Pins;

namespace V2G.UnitTests.Drivers.Board
{
    /// <summary>An alarm-contact insulation monitor on its enable and alarm pins, against the pin-level IMD model.</summary>
    [TestClass]
    public class AlarmInsulationMonitorTests
    {
        private const double ThresholdOhm = 100000;
        private const int ResponseMs = 300;
        private const int SettleMs = 500;
        private const int DebounceMs = 10;

        private sealed class Rig
        {
            public readonly SimClock Clock = new SimClock();
            public readonly SimAlarmInsulationMonitorPins Pins;
            public readonly AlarmInsulationMonitor Monitor;

            public Rig(double pathOhm)
            {
                Pins = new SimAlarmInsulationMonitorPins(Clock, ThresholdOhm, ResponseMs, pathOhm);
                Monitor = new AlarmInsulationMonitor(Pins, Pins, Settings());
            }

            public void Run(int ms)
            {
                for (int i = 0; i < ms; i++)
                {
                    Clock.Advance(1);
                    Monitor.Service(Clock.NowMs);
                }
            }
        }

        private static AlarmInsulationMonitorSettings Settings()
        {
            AlarmInsulationMonitorSettings settings = new AlarmInsulationMonitorSettings();
            settings.AlarmThresholdOhm = ThresholdOhm;
            settings.MeasurementSettleMs = SettleMs;
            settings.AlarmDebounceMs = DebounceMs;
            return settings;
        }

        [TestMethod]
        public void ConstructionReleasesTheEnable()
        {
            Rig rig = new Rig(1e6);

            Assert.IsFalse(rig.Pins.State);
            Assert.IsFalse(rig.Monitor.HasResult);
        }

        [TestMethod]
        public void AResultComesOnlyAfterTheSettleTime()
        {
            Rig rig = new Rig(1e6);
            rig.Monitor.StartTest(500);
            Assert.IsTrue(rig.Pins.State, "the enable follows at once");

            rig.Run(SettleMs);
            Assert.IsFalse(rig.Monitor.HasResult, "counted from the first service after the start");
            rig.Run(1);
            Assert.IsTrue(rig.Monitor.HasResult);
        }

        [TestMethod]
        public void WithoutAlarmTheResistanceIsTheThresholdAsALowerBound()
        {
            Rig rig = new Rig(1e6);
            rig.Monitor.StartTest(500);
            rig.Run(SettleMs + 1);

            Assert.AreEqual(ThresholdOhm, rig.Monitor.ResistanceOhm);
            Assert.IsFalse(rig.Monitor.DeviceFault);
        }

        [TestMethod]
        public void AnAlarmReadsZeroOhm()
        {
            Rig rig = new Rig(20000);
            rig.Monitor.StartTest(500);
            rig.Run(SettleMs + 1);

            Assert.IsTrue(rig.Monitor.HasResult);
            Assert.AreEqual(0.0, rig.Monitor.ResistanceOhm);
            Assert.IsFalse(rig.Monitor.DeviceFault, "an alarm while enabled is a measurement, not a device fault");
        }

        [TestMethod]
        public void AnInsulationFaultDuringMonitoringShowsAfterTheDebounce()
        {
            Rig rig = new Rig(1e6);
            rig.Monitor.StartTest(500);
            rig.Run(SettleMs + 100);

            rig.Pins.PathResistanceOhm = 20000;
            rig.Run(DebounceMs);
            Assert.AreEqual(ThresholdOhm, rig.Monitor.ResistanceOhm, "within the debounce");
            rig.Run(1);
            Assert.AreEqual(0.0, rig.Monitor.ResistanceOhm);
            Assert.IsTrue(rig.Monitor.HasResult, "monitoring goes on");
        }

        [TestMethod]
        public void StopReleasesTheEnableAndDropsTheResult()
        {
            Rig rig = new Rig(1e6);
            rig.Monitor.StartTest(500);
            rig.Run(SettleMs + 1);

            rig.Monitor.Stop();

            Assert.IsFalse(rig.Pins.State);
            Assert.IsFalse(rig.Monitor.HasResult);
        }

        [TestMethod]
        public void ARestartCountsTheSettleTimeAgain()
        {
            Rig rig = new Rig(1e6);
            rig.Monitor.StartTest(500);
            rig.Run(SettleMs + 1);
            rig.Monitor.Stop();
            rig.Run(50);

            rig.Monitor.StartTest(500);
            rig.Run(SettleMs);
            Assert.IsFalse(rig.Monitor.HasResult);
            rig.Run(1);
            Assert.IsTrue(rig.Monitor.HasResult);
        }

        [TestMethod]
        public void AnAlarmWhileDisabledIsADeviceFaultAndNoResult()
        {
            Rig rig = new Rig(1e6);
            rig.Pins.StuckAlarm = true;
            rig.Run(DebounceMs + 1);
            Assert.IsTrue(rig.Monitor.DeviceFault);

            rig.Monitor.StartTest(500);
            rig.Run(SettleMs + 1);

            Assert.IsTrue(rig.Monitor.DeviceFault, "held through the test");
            Assert.IsFalse(rig.Monitor.HasResult, "a faulty device gives no result");
        }

        [TestMethod]
        public void AnAlarmStillReleasingAfterAStopIsNoDeviceFaultWithinTheSettleTime()
        {
            Rig rig = new Rig(1e6);
            rig.Monitor.StartTest(500);
            rig.Run(SettleMs + 1);

            rig.Monitor.Stop();
            rig.Pins.StuckAlarm = true;
            rig.Run(SettleMs);
            Assert.IsFalse(rig.Monitor.DeviceFault, "the device's release time");
            rig.Run(1);

            Assert.IsTrue(rig.Monitor.DeviceFault);
        }

        [TestMethod]
        public void AStuckContactAtPowerUpShowsAtTheFirstService()
        {
            SimClock clock = new SimClock();
            SimAlarmInsulationMonitorPins pins = new SimAlarmInsulationMonitorPins(clock, ThresholdOhm, ResponseMs, 1e6);
            pins.StuckAlarm = true;
            AlarmInsulationMonitor monitor = new AlarmInsulationMonitor(pins, pins, Settings());

            monitor.Service(0);

            Assert.IsTrue(monitor.DeviceFault);
        }

        [TestMethod]
        public void TheDeviceFaultClearsWhenTheContactReadsClearWhileDisabled()
        {
            Rig rig = new Rig(1e6);
            rig.Pins.StuckAlarm = true;
            rig.Run(DebounceMs + 1);

            rig.Pins.StuckAlarm = false;
            rig.Run(DebounceMs + 1);

            Assert.IsFalse(rig.Monitor.DeviceFault);
        }

        [TestMethod]
        public void TheThresholdAndTheSettleTimeAreRequired()
        {
            SimClock clock = new SimClock();
            SimAlarmInsulationMonitorPins pins = new SimAlarmInsulationMonitorPins(clock, ThresholdOhm, ResponseMs, 1e6);

            AlarmInsulationMonitorSettings noThreshold = Settings();
            noThreshold.AlarmThresholdOhm = double.NaN;
            AlarmInsulationMonitorSettings noSettle = Settings();
            noSettle.MeasurementSettleMs = 0;

            Assert.IsTrue(Refuses(pins, noThreshold), "threshold unset");
            Assert.IsTrue(Refuses(pins, noSettle), "settle time unset");
            Assert.IsTrue(Refuses(pins, new AlarmInsulationMonitorSettings()), "defaults");
        }

        private static bool Refuses(SimAlarmInsulationMonitorPins pins, AlarmInsulationMonitorSettings settings)
        {
            try
            {
                new AlarmInsulationMonitor(pins, pins, settings);
                return false;
            }
            catch (ArgumentOutOfRangeException)
            {
                return true;
            }
        }

        [TestMethod]
        public void ServiceAllocatesNothing()
        {
#if !NANOFRAMEWORK_1_0
            Rig rig = new Rig(1e6);
            rig.Monitor.StartTest(500);
            rig.Run(SettleMs + 10);

            long before = System.GC.GetAllocatedBytesForCurrentThread();
            rig.Run(1000);
            bool result = rig.Monitor.HasResult;
            double ohm = rig.Monitor.ResistanceOhm;
            long allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated);
            Assert.IsTrue(result && ohm > 0);
#endif
        }
    }
}
