#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Faults;
using V2G.Firmware.Session;
using V2G.Firmware.Settings;
using V2G.Sim.Plant.Board;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Session
{
    [TestClass]
    public class MaintenanceTests
    {
        private static SimulatedCharger NewCharger()
        {
            return new SimulatedCharger(new ChargerSettings(), 60, 40, 50);
        }

        private static SimulatedCharger InMaintenance()
        {
            SimulatedCharger sim = NewCharger();
            sim.RunTick();
            Assert.IsNull(sim.Controller.RequestMaintenance(true));
            sim.RunTick();
            Assert.IsTrue(sim.Controller.IsInMaintenance);
            return sim;
        }

        private static void RunUntilFinished(SimulatedCharger sim, MaintenanceTestResult result, int maxTicks)
        {
            for (int i = 0; i < maxTicks && !result.IsFinished; i++)
            {
                sim.RunTick();
            }
        }

        [TestMethod]
        public void MaintenanceIsRefusedWhileAVehicleIsConnected()
        {
            SimulatedCharger sim = NewCharger();
            sim.Vehicle.PlugIn(sim.Clock.NowMs);
            sim.RunTick();
            Assert.AreEqual("a vehicle is connected", sim.Controller.RequestMaintenance(true));
            sim.RunTick();
            Assert.IsFalse(sim.Controller.IsInMaintenance);
        }

        [TestMethod]
        public void InMaintenanceAVehicleIsRefusedAndTheStateStaysIdle()
        {
            SimulatedCharger sim = InMaintenance();
            sim.Vehicle.PlugIn(sim.Clock.NowMs);
            for (int i = 0; i < 50; i++)
            {
                sim.RunTick();
            }

            Assert.AreEqual(ChargerState.Idle, sim.Controller.State);
            Assert.IsTrue(sim.Controller.IsVehiclePresent);
        }

        [TestMethod]
        public void AVehiclePluggedInDuringMaintenanceGetsItsSessionWhenMaintenanceEnds()
        {
            SimulatedCharger sim = InMaintenance();
            sim.Vehicle.PlugIn(sim.Clock.NowMs);
            sim.RunTick();
            Assert.IsNull(sim.Controller.RequestMaintenance(false));
            sim.RunTick();
            Assert.IsFalse(sim.Controller.IsInMaintenance);
            Assert.IsTrue(sim.Controller.State != ChargerState.Idle, "the session began");
        }

        [TestMethod]
        public void TestsAreRefusedOutsideMaintenance()
        {
            SimulatedCharger sim = NewCharger();
            sim.RunTick();
            Assert.AreEqual("maintenance mode is off", sim.Controller.RequestContactorTest());
            Assert.AreEqual("maintenance mode is off", sim.Controller.RequestInsulationTest(500));
            Assert.AreEqual("maintenance mode is off", sim.Controller.SetFrequencyTestOffsetHz(-0.2, 10000));
        }

        [TestMethod]
        public void TheContactorTestPassesOnHealthyContactorsAndReportsTheirTimes()
        {
            SimulatedCharger sim = InMaintenance();
            Assert.IsNull(sim.Controller.RequestContactorTest());
            Assert.AreEqual(MaintenanceTestStatus.Requested, sim.Controller.ContactorTestResult.Status);
            Assert.AreEqual("a test is already running", sim.Controller.RequestContactorTest());
            RunUntilFinished(sim, sim.Controller.ContactorTestResult, 100);

            MaintenanceTestResult r = sim.Controller.ContactorTestResult;
            Assert.AreEqual(MaintenanceTestStatus.Passed, r.Status, r.Text);
            Expect.AtLeast(1, r.PositiveCloseMs, "DC+ close time");
            Expect.AtLeast(1, r.NegativeCloseMs, "DC- close time");
            Expect.AtMost(sim.Settings.ContactorFeedbackTimeoutMs, r.PositiveOpenMs, "DC+ open time");
            Expect.AtMost(sim.Settings.ContactorFeedbackTimeoutMs, r.NegativeOpenMs, "DC- open time");
            Assert.IsFalse(sim.Positive.IsClosed || sim.Negative.IsClosed, "left open");
            Assert.AreEqual(0, sim.Controller.ActiveFaultCount);
        }

        [TestMethod]
        public void AContactorThatDoesNotCloseFailsTheTest()
        {
            SimulatedCharger sim = InMaintenance();
            sim.Positive.IsStuckOpen = true;
            Assert.IsNull(sim.Controller.RequestContactorTest());
            RunUntilFinished(sim, sim.Controller.ContactorTestResult, 100);

            MaintenanceTestResult r = sim.Controller.ContactorTestResult;
            Assert.AreEqual(MaintenanceTestStatus.Failed, r.Status);
            Assert.AreEqual("DC+ did not close within the contactor timeout", r.Text);
            Assert.AreEqual(-1L, r.PositiveCloseMs);
            Expect.AtLeast(1, r.NegativeCloseMs, "DC- closed");
        }

        [TestMethod]
        public void AWeldedContactorFailsTheTestAndKeepsTheChargerFaulted()
        {
            SimulatedCharger sim = InMaintenance();
            sim.Negative.IsWelded = true;
            Assert.IsNull(sim.Controller.RequestContactorTest());
            RunUntilFinished(sim, sim.Controller.ContactorTestResult, 100);

            MaintenanceTestResult r = sim.Controller.ContactorTestResult;
            Assert.AreEqual(MaintenanceTestStatus.Failed, r.Status);
            Assert.AreEqual("DC- did not open (welded?)", r.Text);
            Expect.AtLeast(0, r.PositiveOpenMs, "DC+ opened");
            Assert.IsTrue(sim.Controller.IsFaultActive(FaultCode.ContactorWelded), "the supervisor's fault too");
        }

        [TestMethod]
        public void TheInsulationTestPassesOnAGoodInsulationWithTheContactorsOpen()
        {
            SimulatedCharger sim = InMaintenance();
            Assert.IsNull(sim.Controller.RequestInsulationTest(500));
            bool contactorsClosed = false;
            for (int i = 0; i < 1000 && !sim.Controller.InsulationTestResult.IsFinished; i++)
            {
                sim.RunTick();
                contactorsClosed |= sim.Positive.IsClosed || sim.Negative.IsClosed;
            }

            MaintenanceTestResult r = sim.Controller.InsulationTestResult;
            Assert.AreEqual(MaintenanceTestStatus.Passed, r.Status, r.Text);
            Assert.IsFalse(contactorsClosed, "the contactors stay open");
            Expect.Near(50000, r.LimitOhm, 1e-6, "100 ohm/V x 500 V");
            Expect.Near(5000000, r.MeasuredOhm, 1, "the plant's insulation");
            Expect.AtLeast(485, r.ReachedVoltageV, "reached the test voltage");
            Assert.IsFalse(sim.Stage.IsEnabled, "converter off afterwards");
            Expect.AtMost(sim.Settings.SafeVoltageV, sim.Stage.OutputVoltageV, "discharged");
        }

        [TestMethod]
        public void TheInsulationTestFailsBelowOneHundredOhmPerVolt()
        {
            SimulatedCharger sim = InMaintenance();
            sim.Insulation.PathResistanceOhm = 40000;
            Assert.IsNull(sim.Controller.RequestInsulationTest(500));
            RunUntilFinished(sim, sim.Controller.InsulationTestResult, 1000);

            MaintenanceTestResult r = sim.Controller.InsulationTestResult;
            Assert.AreEqual(MaintenanceTestStatus.Failed, r.Status);
            Assert.AreEqual("insulation below 100 ohm/V", r.Text);
            Assert.IsFalse(sim.Stage.IsEnabled, "converter off afterwards");
        }

        [TestMethod]
        public void TheInsulationTestVoltageMustBeWithinTheChargersRange()
        {
            SimulatedCharger sim = InMaintenance();
            Assert.AreEqual("the test voltage must be within the charger's range", sim.Controller.RequestInsulationTest(2000));
        }

        [TestMethod]
        public void AVehiclePluggedInAbortsARunningInsulationTest()
        {
            SimulatedCharger sim = InMaintenance();
            Assert.IsNull(sim.Controller.RequestInsulationTest(500));
            for (int i = 0; i < 10; i++)
            {
                sim.RunTick();
            }

            sim.Vehicle.PlugIn(sim.Clock.NowMs);
            sim.RunTick();
            MaintenanceTestResult r = sim.Controller.InsulationTestResult;
            Assert.AreEqual(MaintenanceTestStatus.Failed, r.Status);
            Assert.AreEqual("aborted: a vehicle was connected", r.Text);
            Assert.IsFalse(sim.Stage.IsEnabled);
        }

        [TestMethod]
        public void LeavingMaintenanceAbortsARunningTest()
        {
            SimulatedCharger sim = InMaintenance();
            Assert.IsNull(sim.Controller.RequestInsulationTest(500));
            sim.RunTick();
            sim.RunTick();
            Assert.IsNull(sim.Controller.RequestMaintenance(false));
            sim.RunTick();
            Assert.AreEqual("aborted: maintenance mode ended", sim.Controller.InsulationTestResult.Text);
            Assert.IsFalse(sim.Stage.IsEnabled);
        }

        [TestMethod]
        public void AFrequencyTestOffsetMovesTheDroopForItsDurationOnly()
        {
            SimulatedCharger sim = InMaintenance();
            for (int i = 0; i < 50; i++)
            {
                sim.RunTick();
            }

            Expect.Near(0, sim.Controller.Droop.ContributionW, 1e-9, "at 50 Hz nothing");
            Assert.IsNull(sim.Controller.SetFrequencyTestOffsetHz(-0.5, 2000));
            for (int i = 0; i < 50; i++)
            {
                sim.RunTick();
            }

            Expect.Near(-0.5, sim.Controller.FrequencyTestOffsetHz, 1e-9, "offset in force");
            Expect.Near(49.5, sim.Controller.DroopTestFrequencyHz, 0.05, "the droop sees the offset");
            Expect.AtMost(-1000, sim.Controller.Droop.ContributionW, "under-frequency: less import, towards export");
            Assert.IsFalse(sim.Controller.IsFaultActive(FaultCode.GridUnderFrequency), "protection sees the real grid");

            for (int i = 0; i < 100; i++)
            {
                sim.RunTick();
            }

            Expect.Near(0, sim.Controller.FrequencyTestOffsetHz, 1e-9, "offset over after 2 s");
            Assert.AreEqual(0L, sim.Controller.FrequencyTestRemainingMs);
        }

        [TestMethod]
        public void AFrequencyTestOffsetOutOfRangeIsRefused()
        {
            SimulatedCharger sim = InMaintenance();
            Assert.AreEqual("the offset must be within -5..5 Hz", sim.Controller.SetFrequencyTestOffsetHz(7, 1000));
            Assert.AreEqual("the duration must be 1..600 s", sim.Controller.SetFrequencyTestOffsetHz(0.2, 0));
        }

#if !NANOFRAMEWORK_1_0
        [TestMethod]
        public void MaintenanceTicksAllocateNothing()
        {
            SimulatedCharger sim = InMaintenance();

            // Every path once first (JIT), then the same again measured.
            RunAllTests(sim);
            long before = System.GC.GetAllocatedBytesForCurrentThread();
            RunAllTests(sim);
            long allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated, "bytes allocated by maintenance ticks");
        }

        private static void RunAllTests(SimulatedCharger sim)
        {
            sim.Controller.RequestContactorTest();
            RunUntilFinished(sim, sim.Controller.ContactorTestResult, 100);
            sim.Controller.RequestInsulationTest(400);
            RunUntilFinished(sim, sim.Controller.InsulationTestResult, 1000);
            sim.Controller.SetFrequencyTestOffsetHz(0.3, 200);
            for (int i = 0; i < 20; i++)
            {
                sim.RunTick();
            }
        }
#endif
    }
}
