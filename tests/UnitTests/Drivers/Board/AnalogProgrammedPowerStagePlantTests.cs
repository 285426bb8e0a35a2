#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Board;
using V2G.Firmware.Drivers.Mcp3208;
using V2G.Hal.Buses;
using V2G.Hal.Power;
using V2G.Sim.Plant.Adc;
using V2G.Sim.Plant.Board.Pins;
using V2G.Sim.Plant.Electrical;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Drivers.Board
{
    /// <summary>
    /// The analog-programmed stage through the real plant: the reference PWM and enable pin into the simulator's
    /// converter (SimAnalogConverterInterface), its monitors through the MCP3208 model and our MCP3208 driver.
    /// </summary>
    [TestClass]
    public class AnalogProgrammedPowerStagePlantTests
    {
        private const int PlantStepMs = 2;
        private const int TickMs = 20;
        private const double AdcReferenceV = 2.048;
        private const double ToleranceV = 10;

        private sealed class Rig
        {
            public readonly SimPowerStage Converter = new SimPowerStage(100, 1000);
            public readonly SimContactor Positive = new SimContactor(25, 15);
            public readonly SimContactor Negative = new SimContactor(25, 15);
            public readonly SimContactor VehicleContactor = new SimContactor(30, 20);
            public readonly Battery Battery = new Battery(60, 96, 0.08, 50, 25);
            public readonly SimVoltageSense Connector = new SimVoltageSense();
            public readonly DcCircuit Circuit;
            public readonly SimDigitalOutput EnablePin = new SimDigitalOutput();
            public readonly SimDigitalOutput ResetPin = new SimDigitalOutput();
            public readonly SimPwmOutput Reference = new SimPwmOutput();
            public readonly SimAnalogConverterInterface Analog;
            public readonly SimAnalogInput ConnectorMonitor = new SimAnalogInput(0.1);
            public readonly Mcp3208Model Adc = new Mcp3208Model(AdcReferenceV);
            public readonly Mcp3208Driver AdcDriver;
            public readonly AnalogProgrammedPowerStage Stage;
            public readonly MonitoredVoltageSense ConnectorVoltage;
            public long NowMs;

            public Rig()
            {
                AnalogProgrammedPowerStageSettings settings = AnalogProgrammedPowerStageTests.Settings();
                Circuit = new DcCircuit(Converter, Positive, Negative, VehicleContactor, Battery, Connector);
                Analog = new SimAnalogConverterInterface(Converter, EnablePin, Reference, ResetPin, settings, AdcReferenceV, 0.001);
                Adc.AttachSource(0, Analog.VoltageMonitor);
                Adc.AttachSource(1, Analog.CurrentMonitor);
                Adc.AttachSource(2, Analog.TemperatureMonitor);
                Adc.AttachSource(3, ConnectorMonitor);
                Mcp3208Settings adcSettings = new Mcp3208Settings();
                adcSettings.ReferenceVoltageV = AdcReferenceV;
                AdcDriver = new Mcp3208Driver(Adc, adcSettings);
                PwmPowerStageEnable enable = new PwmPowerStageEnable(
                    EnablePin,
                    new IDigitalInput[] { Analog.OverCurrentFault, Analog.OverVoltageFault },
                    new int[] { PowerStageFaults.HardwareOverCurrent, PowerStageFaults.HardwareOverVoltage },
                    ResetPin,
                    2);
                Stage = new AnalogProgrammedPowerStage(enable, Reference, AdcDriver.Channel(0), AdcDriver.Channel(1), AdcDriver.Channel(2), settings);
                ConnectorVoltage = new MonitoredVoltageSense(AdcDriver.Channel(3), 500, -50);
                Stage.Service(NowMs);
            }

            /// <summary>Runs the plant in 2 ms steps and the stage's Service every 20 ms, for <paramref name="ms"/>.</summary>
            public void Run(int ms)
            {
                for (int t = 0; t < ms; t += PlantStepMs)
                {
                    Analog.Step(PlantStepMs);
                    Circuit.Step(PlantStepMs);
                    NowMs += PlantStepMs;
                    ConnectorMonitor.Volts = (Connector.VoltageV + 50) / 500;
                    if (NowMs % TickMs == 0)
                    {
                        Stage.Service(NowMs);
                    }
                }
            }

            public void CloseAll()
            {
                Positive.Close();
                Negative.Close();
                VehicleContactor.Close();
                Run(100);
            }
        }

        [TestMethod]
        public void PrechargeReachesTheBatteryVoltageWithinToleranceAndTime()
        {
            Rig rig = new Rig();
            double batteryV = rig.Battery.OpenCircuitVoltageV;
            rig.Stage.Enable();
            rig.Stage.SetVoltageTarget(batteryV, 2);

            int elapsedMs = 0;
            while (elapsedMs < 9000 && !(rig.Stage.OutputVoltageV > batteryV - ToleranceV && rig.Stage.OutputVoltageV < batteryV + ToleranceV))
            {
                rig.Run(TickMs);
                elapsedMs += TickMs;
            }

            Expect.AtMost(2000, elapsedMs, "time to match, ms");
            rig.Run(2000);
            Expect.Near(batteryV, rig.Stage.OutputVoltageV, ToleranceV, "held, measured");
            Expect.Near(batteryV, rig.Converter.OutputVoltageV, ToleranceV, "held, at the converter");
            Assert.AreEqual(PowerStageFaults.None, rig.Stage.Faults);
        }

        [TestMethod]
        public void CurrentStepsAreFollowedInBothDirections()
        {
            Rig rig = new Rig();
            rig.CloseAll();
            rig.Stage.Enable();

            rig.Stage.SetCurrentTarget(50, 600);
            rig.Run(300);
            Expect.Near(50, rig.Stage.OutputCurrentA, 0.5, "charging, measured A");
            Expect.Near(50, rig.Circuit.CurrentA, 0.5, "charging, in the circuit A");

            rig.Stage.SetCurrentTarget(-30, 600);
            rig.Run(300);
            Expect.Near(-30, rig.Stage.OutputCurrentA, 0.5, "discharging, measured A");
            Expect.Near(rig.Converter.OutputVoltageV, rig.Stage.OutputVoltageV, 1.0, "voltage monitor, V");
        }

        [TestMethod]
        public void CurrentIntoAnOpenOutputStopsNearTheVoltageLimit()
        {
            Rig rig = new Rig();
            rig.Stage.Enable();

            rig.Stage.SetCurrentTarget(2, 300);
            rig.Run(3000);

            Expect.Near(300, rig.Converter.OutputVoltageV, 3 * ToleranceV, "open output, V");
            Assert.AreEqual(PowerStageFaults.None, rig.Stage.Faults);
        }

        [TestMethod]
        public void AHardwareTripIsLatchedThroughTheFaultLine()
        {
            Rig rig = new Rig();
            rig.Converter.HardwareOverCurrentA = 40;
            rig.CloseAll();
            rig.Stage.Enable();

            rig.Stage.SetCurrentTarget(60, 600);
            rig.Run(400);

            Assert.AreEqual(PowerStageFaults.HardwareOverCurrent, rig.Stage.Faults & PowerStageFaults.HardwareOverCurrent);
            Assert.IsFalse(rig.Stage.IsEnabled);
            Assert.IsFalse(rig.Converter.IsEnabled);
            Expect.Near(0, rig.Stage.CommandedCurrentA, 1e-9, "reference at 0 A");

            rig.Stage.Enable();
            rig.Run(100);
            Assert.IsFalse(rig.Converter.IsEnabled, "stays off while latched");
        }

        [TestMethod]
        public void AResetClearsATripWhoseCauseIsGone()
        {
            Rig rig = new Rig();
            rig.Converter.HardwareOverCurrentA = 40;
            rig.CloseAll();
            rig.Stage.Enable();
            rig.Stage.SetCurrentTarget(60, 600);
            rig.Run(400);

            rig.Stage.SetCurrentTarget(20, 600);
            rig.Stage.ResetFaults();
            rig.Run(100);
            rig.Stage.Enable();
            rig.Run(300);

            Assert.AreEqual(PowerStageFaults.None, rig.Stage.Faults);
            Expect.Near(20, rig.Circuit.CurrentA, 0.5, "running again, A");
        }

        [TestMethod]
        public void ADeadMonitorAdcLatchesAMonitorFaultAndStopsTheStage()
        {
            Rig rig = new Rig();
            rig.CloseAll();
            rig.Stage.Enable();
            rig.Stage.SetCurrentTarget(30, 600);
            rig.Run(200);

            rig.Adc.NoAnswer = true;
            rig.Run(TickMs + PlantStepMs);

            Assert.AreEqual(PowerStageFaults.MonitorOutOfRange, rig.Stage.Faults & PowerStageFaults.MonitorOutOfRange);
            Assert.IsFalse(rig.Converter.IsEnabled);
            Assert.IsTrue(double.IsPositiveInfinity(rig.ConnectorVoltage.VoltageV), "the connector reads live");
        }

        [TestMethod]
        public void TheConnectorVoltageReadsThroughTheMonitorAdc()
        {
            Rig rig = new Rig();
            rig.CloseAll();

            Expect.Near(rig.Battery.OpenCircuitVoltageV, rig.ConnectorVoltage.VoltageV, 1.0, "connector, V");
        }

        [TestMethod]
        public void ServiceAllocatesNothing()
        {
#if !NANOFRAMEWORK_1_0
            Rig rig = new Rig();
            rig.CloseAll();
            rig.Stage.Enable();
            rig.Stage.SetCurrentTarget(30, 600);
            rig.Run(200);

            long before = System.GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 500; i++)
            {
                rig.Stage.Service(rig.NowMs + i);
                rig.Stage.SetVoltageTarget(rig.Battery.OpenCircuitVoltageV, 2);
                rig.Stage.SetCurrentTarget(30, 600);
            }

            long allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated);
#endif
        }
    }
}
