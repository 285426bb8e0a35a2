#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using V2G.Firmware.Drivers.Board;
using V2G.Sim.Plant.Board.Pins;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Drivers.Board
{
    /// <summary>The control pilot's PWM and its two phase samplers.</summary>
    [TestClass]
    public class PwmControlPilotTests
    {
        private const double Exact = 1e-12;

        private static PwmControlPilotSettings Settings()
        {
            PwmControlPilotSettings settings = new PwmControlPilotSettings();
            settings.DividerRatio = 8.0;
            settings.AdcOffsetV = 1.5;
            return settings;
        }

        [TestMethod]
        public void AnUnsetLevelShifterOffsetIsRefused()
        {
            PwmControlPilotSettings settings = Settings();
            settings.AdcOffsetV = double.NaN;
            bool refused = false;
            try
            {
                new PwmControlPilot(new SimPwmOutput(), new SimAnalogInput(0), new SimAnalogInput(0), settings);
            }
            catch (ArgumentException)
            {
                refused = true;
            }

            Assert.IsTrue(refused, "a NaN offset would turn every pilot reading into NaN");
        }

        [TestMethod]
        public void StartsAtOneKilohertzWithASteadyPlusTwelveVolts()
        {
            SimPwmOutput pwm = new SimPwmOutput();

            PwmControlPilot pilot = new PwmControlPilot(pwm, new SimAnalogInput(0), new SimAnalogInput(0), Settings());

            Assert.IsTrue(pwm.IsRunning);
            Expect.Near(1000.0, pwm.FrequencyHz, Exact, "frequency");
            Expect.Near(1.0, pwm.DutyCycle, Exact, "duty");
            Assert.AreEqual(10000, pilot.DutyCycle);
        }

        [TestMethod]
        public void DutyGoesToTheTimerInHundredthsOfAPercent()
        {
            SimPwmOutput pwm = new SimPwmOutput();
            PwmControlPilot pilot = new PwmControlPilot(pwm, new SimAnalogInput(0), new SimAnalogInput(0), Settings());

            pilot.SetDutyCycle(500);
            Expect.Near(0.05, pwm.DutyCycle, Exact, "5 %");
            pilot.SetDutyCycle(1);
            Expect.Near(0.0001, pwm.DutyCycle, Exact, "0.01 %");
            pilot.SetDutyCycle(5333);
            Expect.Near(0.5333, pwm.DutyCycle, Exact, "53.33 %");
            pilot.SetDutyCycle(0);
            Expect.Near(0.0, pwm.DutyCycle, Exact, "steady -12 V");
            Assert.AreEqual(0, pilot.DutyCycle);
        }

        [TestMethod]
        public void ConsecutiveStepsDifferByOneHundredthOfAPercent()
        {
            SimPwmOutput pwm = new SimPwmOutput();
            PwmControlPilot pilot = new PwmControlPilot(pwm, new SimAnalogInput(0), new SimAnalogInput(0), Settings());

            for (int duty = 0; duty < 10000; duty += 37)
            {
                pilot.SetDutyCycle(duty);
                double low = pwm.DutyCycle;
                pilot.SetDutyCycle(duty + 1);
                Expect.Near(0.0001, pwm.DutyCycle - low, 1e-9, "step at " + duty.ToString());
            }
        }

        [TestMethod]
        public void ADutyOutsideTheRangeIsRefusedAndTheOldOneKept()
        {
            SimPwmOutput pwm = new SimPwmOutput();
            PwmControlPilot pilot = new PwmControlPilot(pwm, new SimAnalogInput(0), new SimAnalogInput(0), Settings());
            pilot.SetDutyCycle(1000);

            bool refused = false;
            try
            {
                pilot.SetDutyCycle(10001);
            }
            catch (ArgumentOutOfRangeException)
            {
                refused = true;
            }

            Assert.IsTrue(refused);
            Assert.AreEqual(1000, pilot.DutyCycle);
            Expect.Near(0.1, pwm.DutyCycle, Exact, "timer unchanged");
        }

        [TestMethod]
        public void ReadingsAreScaledBackThroughTheDividerAndOffset()
        {
            SimAnalogInput high = new SimAnalogInput(2.625);
            SimAnalogInput low = new SimAnalogInput(0.0);
            PwmControlPilot pilot = new PwmControlPilot(new SimPwmOutput(), high, low, Settings());
            pilot.SetDutyCycle(500);

            // (2.625 - 1.5) * 8 = 9 V (state B); (0 - 1.5) * 8 = -12 V.
            Expect.Near(9.0, pilot.HighPhaseVoltageV, 1e-9, "high phase");
            Expect.Near(-12.0, pilot.LowPhaseVoltageV, 1e-9, "low phase");
        }

        [TestMethod]
        public void WithoutPwmBothPhasesReportTheSteadyLevel()
        {
            SimAnalogInput high = new SimAnalogInput(3.0);
            SimAnalogInput low = new SimAnalogInput(0.25);
            PwmControlPilot pilot = new PwmControlPilot(new SimPwmOutput(), high, low, Settings());

            pilot.SetDutyCycle(10000);
            Expect.Near(12.0, pilot.LowPhaseVoltageV, 1e-9, "steady +12 V from the high-phase input");

            pilot.SetDutyCycle(0);
            Expect.Near(-10.0, pilot.HighPhaseVoltageV, 1e-9, "steady level from the low-phase input");
        }
    }
}
