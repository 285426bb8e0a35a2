using System;
using V2G.Firmware.Drivers.Board;
using V2G.Hal.Buses;
using V2G.Hal.Power;
using V2G.Sim.Plant.Electrical;

namespace V2G.Sim.Plant.Board.Pins
{
    /// <summary>
    /// The analog interface of the simulator's converter, as the board's pins see it: the reference PWM's duty
    /// is the converter's current reference, the enable pin gates it, the fault lines report its hardware
    /// trips (high = fault), a reset pin clears them, and its voltage, current and heatsink temperature come out
    /// as monitor voltages (for an <see cref="V2G.Sim.Plant.Adc.Mcp3208Model"/>'s inputs), scaled by the same
    /// board facts the firmware is given (<see cref="AnalogProgrammedPowerStageSettings"/>) and clipped at the
    /// monitor amplifiers' rails.
    /// <para>
    /// The converter has only a current reference: the interface turns it into the circuit model's terms. Each
    /// step it asks <see cref="SimPowerStage"/> to regulate toward the present output voltage plus
    /// reference × τ / <see cref="OutputCapacitanceF"/> (τ the model's open-circuit voltage time constant) with
    /// its current limited to |reference|. Into an open output the model's first-order response then moves the
    /// voltage at reference / C, as a current charging (or, negative, discharging) the output capacitance; with
    /// the battery connected that target lies far beyond what the current needs, so the limit governs and the
    /// reference current flows, sign included. A zero reference limits the current to 0.
    /// </para>
    /// Call <see cref="Step"/> before each <see cref="DcCircuit.Step"/>.
    /// </summary>
    public sealed class SimAnalogConverterInterface
    {
        private const int VoltageKind = 0;
        private const int CurrentKind = 1;
        private const int TemperatureKind = 2;

        private readonly SimPowerStage _stage;
        private readonly SimDigitalOutput _enable;
        private readonly SimPwmOutput _reference;
        private readonly SimDigitalOutput _faultReset;
        private readonly AnalogProgrammedPowerStageSettings _board;
        private readonly double _monitorRailV;
        private bool _resetWasHigh;

        /// <summary>
        /// The converter <paramref name="stage"/> behind the board's <paramref name="enable"/> pin,
        /// <paramref name="reference"/> PWM and optional <paramref name="faultReset"/> pin; <paramref name="board"/>
        /// gives the reference and monitor scalings; monitor outputs clip at 0 and <paramref name="monitorRailV"/>.
        /// </summary>
        public SimAnalogConverterInterface(SimPowerStage stage, SimDigitalOutput enable, SimPwmOutput reference, SimDigitalOutput faultReset, AnalogProgrammedPowerStageSettings board, double monitorRailV, double outputCapacitanceF)
        {
            if (stage == null || enable == null || reference == null || board == null)
            {
                throw new ArgumentNullException(stage == null ? "stage" : enable == null ? "enable" : reference == null ? "reference" : "board");
            }

            if (!(monitorRailV > 0.0) || !(outputCapacitanceF > 0.0))
            {
                throw new ArgumentOutOfRangeException(monitorRailV > 0.0 ? "outputCapacitanceF" : "monitorRailV");
            }

            _stage = stage;
            _enable = enable;
            _reference = reference;
            _faultReset = faultReset;
            _board = board;
            _monitorRailV = monitorRailV;
            OutputCapacitanceF = outputCapacitanceF;
            OverCurrentFault = new SimDigitalInput(false);
            OverVoltageFault = new SimDigitalInput(false);
            VoltageMonitor = new Monitor(this, VoltageKind);
            CurrentMonitor = new Monitor(this, CurrentKind);
            TemperatureMonitor = new Monitor(this, TemperatureKind);
        }

        /// <summary>The converter's output capacitance as the interface models it, F.</summary>
        public double OutputCapacitanceF { get; }

        /// <summary>The converter's over-current trip line (high = tripped).</summary>
        public SimDigitalInput OverCurrentFault { get; }

        /// <summary>The converter's over-voltage trip line (high = tripped).</summary>
        public SimDigitalInput OverVoltageFault { get; }

        /// <summary>The voltage monitor's output, V at the ADC input.</summary>
        public IAnalogInput VoltageMonitor { get; }

        /// <summary>The current monitor's output, V at the ADC input.</summary>
        public IAnalogInput CurrentMonitor { get; }

        /// <summary>The heatsink sensor's output, V at the ADC input.</summary>
        public IAnalogInput TemperatureMonitor { get; }

        /// <summary>The current reference the converter sees now, A (+ to the vehicle).</summary>
        public double ReferenceA
        {
            get
            {
                // A stopped PWM idles low: 0 % duty, whatever current that programs.
                double duty = _reference.IsRunning ? _reference.DutyCycle : 0.0;
                return _board.CurrentAtZeroDutyA + duty * (_board.CurrentAtFullDutyA - _board.CurrentAtZeroDutyA);
            }
        }

        /// <summary>Applies the pins to the converter for the next <paramref name="dtMs"/> of the circuit model.</summary>
        public void Step(double dtMs)
        {
            bool resetHigh = _faultReset != null && _faultReset.State;
            if (resetHigh && !_resetWasHigh)
            {
                _stage.ResetFaults();
            }

            _resetWasHigh = resetHigh;
            if (_enable.State)
            {
                // Refused by the stage while a trip is latched, as the gate driver's latch would.
                _stage.Enable();
            }
            else
            {
                _stage.Disable();
            }

            double referenceA = ReferenceA;
            double magnitudeA = referenceA < 0.0 ? -referenceA : referenceA;
            double aheadV = referenceA * _stage.VoltageTimeConstantMs / 1000.0 / OutputCapacitanceF;
            _stage.SetVoltageTarget(_stage.OutputVoltageV + aheadV, magnitudeA);
            OverCurrentFault.Level = (_stage.Faults & PowerStageFaults.HardwareOverCurrent) != 0;
            OverVoltageFault.Level = (_stage.Faults & PowerStageFaults.HardwareOverVoltage) != 0;
        }

        private double MonitorVolts(int kind)
        {
            double volts;
            if (kind == VoltageKind)
            {
                volts = (_stage.OutputVoltageV - _board.VoltageMonitorOffsetV) / _board.VoltageMonitorVPerV;
            }
            else if (kind == CurrentKind)
            {
                volts = (_stage.OutputCurrentA - _board.CurrentMonitorOffsetA) / _board.CurrentMonitorAPerV;
            }
            else
            {
                volts = (_stage.TemperatureC - _board.TemperatureMonitorOffsetC) / _board.TemperatureMonitorCPerV;
            }

            return volts < 0.0 ? 0.0 : volts > _monitorRailV ? _monitorRailV : volts;
        }

        private sealed class Monitor : IAnalogInput
        {
            private readonly SimAnalogConverterInterface _owner;
            private readonly int _kind;

            public Monitor(SimAnalogConverterInterface owner, int kind)
            {
                _owner = owner;
                _kind = kind;
            }

            public double ReadVolts()
            {
                return _owner.MonitorVolts(_kind);
            }
        }
    }
}
