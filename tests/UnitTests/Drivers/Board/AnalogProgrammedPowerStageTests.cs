#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using V2G.Firmware.Drivers.Board;
using V2G.Hal.Buses;
using V2G.Hal.Power;
using V2G.Sim.Plant.Board.Pins;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Drivers.Board
{
    /// <summary>The analog-programmed stage on plain pins: reference mapping, scalings, refusals, monitor faults.</summary>
    [TestClass]
    public class AnalogProgrammedPowerStageTests
    {
        /// <summary>A ±100 A converter; monitors biased 0.1 V above zero (voltage), centred at 1 V (current).</summary>
        public static AnalogProgrammedPowerStageSettings Settings()
        {
            AnalogProgrammedPowerStageSettings s = new AnalogProgrammedPowerStageSettings();
            s.ReferencePwmFrequencyHz = 20000;
            s.CurrentAtZeroDutyA = -100;
            s.CurrentAtFullDutyA = 100;
            s.VoltageMonitorVPerV = 500;
            s.VoltageMonitorOffsetV = -50;
            s.CurrentMonitorAPerV = 100;
            s.CurrentMonitorOffsetA = -100;
            s.TemperatureMonitorCPerV = 100;
            s.TemperatureMonitorOffsetC = -50;
            s.MonitorMinimumV = 0.05;
            s.MonitorMaximumV = 2.0;
            s.VoltageLoopProportionalAPerV = 0.02;
            s.VoltageLoopIntegralAPerVs = 0.05;
            return s;
        }

        private sealed class Rig
        {
            public readonly SimDigitalOutput EnablePin = new SimDigitalOutput();
            public readonly SimPwmOutput Reference = new SimPwmOutput();
            public readonly SimAnalogInput Voltage = new SimAnalogInput(0.1);
            public readonly SimAnalogInput Current = new SimAnalogInput(1.0);
            public readonly SimAnalogInput Temperature = new SimAnalogInput(0.75);
            public readonly AnalogProgrammedPowerStage Stage;

            public Rig()
            {
                PwmPowerStageEnable enable = new PwmPowerStageEnable(EnablePin, new IDigitalInput[0], new int[0], null, 0);
                Stage = new AnalogProgrammedPowerStage(enable, Reference, Voltage, Current, Temperature, Settings());
            }
        }

        [TestMethod]
        public void ConstructionStartsTheReferenceAtZeroAmpsWithTheGatesOff()
        {
            Rig rig = new Rig();

            Assert.IsTrue(rig.Reference.IsRunning);
            Assert.AreEqual(20000.0, rig.Reference.FrequencyHz);
            Expect.Near(0.5, rig.Reference.DutyCycle, 1e-12, "duty at 0 A");
            Assert.IsFalse(rig.EnablePin.State);
            Assert.AreEqual(PowerStageMode.Off, rig.Stage.Mode);
        }

        [TestMethod]
        public void ACurrentTargetMapsLinearlyOntoTheDuty()
        {
            Rig rig = new Rig();
            rig.Stage.Enable();

            rig.Stage.SetCurrentTarget(50, 500);
            Expect.Near(0.75, rig.Reference.DutyCycle, 1e-12, "duty at +50 A");
            rig.Stage.SetCurrentTarget(-20, 500);
            Expect.Near(0.4, rig.Reference.DutyCycle, 1e-12, "duty at −20 A");
            Assert.AreEqual(PowerStageMode.CurrentControl, rig.Stage.Mode);
        }

        [TestMethod]
        public void ACurrentBeyondTheReferenceSpanIsClamped()
        {
            Rig rig = new Rig();
            rig.Stage.Enable();

            rig.Stage.SetCurrentTarget(250, 500);
            Assert.AreEqual(1.0, rig.Reference.DutyCycle);
            Assert.AreEqual(100.0, rig.Stage.CommandedCurrentA);
            rig.Stage.SetCurrentTarget(-250, 500);
            Assert.AreEqual(0.0, rig.Reference.DutyCycle);
        }

        [TestMethod]
        public void DisablingPutsTheReferenceBackToZeroAmps()
        {
            Rig rig = new Rig();
            rig.Stage.Enable();
            rig.Stage.SetCurrentTarget(80, 500);

            rig.Stage.Disable();

            Assert.IsFalse(rig.EnablePin.State);
            Expect.Near(0.5, rig.Reference.DutyCycle, 1e-12, "duty at 0 A");
            Assert.AreEqual(PowerStageMode.Off, rig.Stage.Mode);
        }

        [TestMethod]
        public void ATargetWhileDisabledIsNotWrittenUntilEnabledAndServiced()
        {
            Rig rig = new Rig();
            rig.Stage.SetCurrentTarget(60, 500);
            Expect.Near(0.5, rig.Reference.DutyCycle, 1e-12, "disabled");

            rig.Stage.Enable();
            rig.Stage.Service(20);

            Expect.Near(0.8, rig.Reference.DutyCycle, 1e-12, "enabled");
        }

        [TestMethod]
        public void TheMonitorsAreScaledToVoltsAmpsAndDegrees()
        {
            Rig rig = new Rig();
            rig.Voltage.Volts = 0.9;
            rig.Current.Volts = 1.25;
            rig.Temperature.Volts = 1.1;

            rig.Stage.Service(20);

            Expect.Near(400, rig.Stage.OutputVoltageV, 1e-9, "voltage");
            Expect.Near(25, rig.Stage.OutputCurrentA, 1e-9, "current");
            Expect.Near(60, rig.Stage.TemperatureC, 1e-9, "temperature");
            Assert.AreEqual(PowerStageFaults.None, rig.Stage.Faults);
        }

        [TestMethod]
        public void AMonitorOutsideItsWindowLatchesAFaultAndDropsTheEnable()
        {
            Rig rig = new Rig();
            rig.Stage.Enable();
            rig.Stage.SetCurrentTarget(40, 500);
            rig.Current.Volts = 0.0;

            rig.Stage.Service(20);

            Assert.AreEqual(PowerStageFaults.MonitorOutOfRange, rig.Stage.Faults);
            Assert.IsFalse(rig.EnablePin.State);
            Expect.Near(0.5, rig.Reference.DutyCycle, 1e-12, "reference back at 0 A");
            rig.Stage.Enable();
            Assert.IsFalse(rig.EnablePin.State, "enable refused while latched");
        }

        [TestMethod]
        public void AnInvalidConversionIsAMonitorFault()
        {
            Rig rig = new Rig();
            rig.Temperature.Volts = double.NaN;

            rig.Stage.Service(20);

            Assert.AreEqual(PowerStageFaults.MonitorOutOfRange, rig.Stage.Faults);
            Assert.IsTrue(double.IsNaN(rig.Stage.TemperatureC));
        }

        [TestMethod]
        public void ResetClearsAMonitorFaultWhoseCauseIsGone()
        {
            Rig rig = new Rig();
            rig.Voltage.Volts = 2.048;
            rig.Stage.Service(20);
            rig.Voltage.Volts = 0.5;

            rig.Stage.ResetFaults();
            rig.Stage.Service(40);

            Assert.AreEqual(PowerStageFaults.None, rig.Stage.Faults);
            rig.Stage.Enable();
            Assert.IsTrue(rig.EnablePin.State);
        }

        [TestMethod]
        public void TheVoltageLoopCommandsCurrentWithinItsLimit()
        {
            Rig rig = new Rig();
            rig.Stage.Enable();
            rig.Stage.SetVoltageTarget(400, 2);

            rig.Stage.Service(20);
            Assert.AreEqual(2.0, rig.Stage.CommandedCurrentA, "far below the target: the limit");

            rig.Voltage.Volts = 1.5; // 700 V, far above the target
            rig.Stage.Service(40);
            Assert.AreEqual(-2.0, rig.Stage.CommandedCurrentA, "above the target: the negative limit");
            Assert.AreEqual(PowerStageMode.VoltageControl, rig.Stage.Mode);
        }

        [TestMethod]
        public void EveryMissingSettingIsRefused()
        {
            for (int i = 0; i < 13; i++)
            {
                AnalogProgrammedPowerStageSettings s = Settings();
                switch (i)
                {
                    case 0: s.ReferencePwmFrequencyHz = double.NaN; break;
                    case 1: s.CurrentAtZeroDutyA = double.NaN; break;
                    case 2: s.CurrentAtFullDutyA = double.NaN; break;
                    case 3: s.VoltageMonitorVPerV = double.NaN; break;
                    case 4: s.VoltageMonitorOffsetV = double.NaN; break;
                    case 5: s.CurrentMonitorAPerV = double.NaN; break;
                    case 6: s.CurrentMonitorOffsetA = double.NaN; break;
                    case 7: s.TemperatureMonitorCPerV = double.NaN; break;
                    case 8: s.TemperatureMonitorOffsetC = double.NaN; break;
                    case 9: s.MonitorMinimumV = double.NaN; break;
                    case 10: s.MonitorMaximumV = double.NaN; break;
                    case 11: s.VoltageLoopProportionalAPerV = double.NaN; break;
                    default: s.VoltageLoopIntegralAPerVs = double.NaN; break;
                }

                try
                {
                    PwmPowerStageEnable enable = new PwmPowerStageEnable(new SimDigitalOutput(), new IDigitalInput[0], new int[0], null, 0);
                    new AnalogProgrammedPowerStage(enable, new SimPwmOutput(), new SimAnalogInput(1), new SimAnalogInput(1), new SimAnalogInput(1), s);
                    Assert.Fail("setting " + i.ToString() + " missing, yet constructed");
                }
                catch (ArgumentException)
                {
                }
            }
        }

        [TestMethod]
        public void WithoutATemperatureInputItsScalingIsNotRequired()
        {
            AnalogProgrammedPowerStageSettings s = Settings();
            s.TemperatureMonitorCPerV = double.NaN;
            s.TemperatureMonitorOffsetC = double.NaN;
            PwmPowerStageEnable enable = new PwmPowerStageEnable(new SimDigitalOutput(), new IDigitalInput[0], new int[0], null, 0);
            AnalogProgrammedPowerStage stage = new AnalogProgrammedPowerStage(enable, new SimPwmOutput(), new SimAnalogInput(1), new SimAnalogInput(1), null, s);

            stage.Service(20);

            Assert.IsTrue(double.IsNaN(stage.TemperatureC));
            Assert.AreEqual(PowerStageFaults.None, stage.Faults);
        }

        [TestMethod]
        public void AMonitoredVoltageIsScaledAndAnInvalidReadIsLive()
        {
            SimAnalogInput pin = new SimAnalogInput(0.9);
            MonitoredVoltageSense sense = new MonitoredVoltageSense(pin, 500, -50);

            Expect.Near(400, sense.VoltageV, 1e-9, "connector voltage");
            Assert.IsTrue(sense.LastReadValid);
            pin.Volts = double.NaN;
            Assert.IsTrue(double.IsPositiveInfinity(sense.VoltageV), "an unreadable voltage is never safe");
            Assert.IsFalse(sense.LastReadValid);
        }

        [TestMethod]
        public void AMonitoredVoltageWithoutScalingIsRefused()
        {
            try
            {
                new MonitoredVoltageSense(new SimAnalogInput(1), double.NaN, 0);
                Assert.Fail("constructed without a scaling");
            }
            catch (ArgumentException)
            {
            }
        }
    }
}
