using System;
using V2G.Hal.Buses;
using V2G.Hal.Power;
using V2G.Firmware.Drivers;

namespace V2G.Firmware.Drivers.Board
{
    /// <summary>
    /// An analog-programmed converter as <see cref="IPowerStage"/>: a filtered PWM's duty is the converter's
    /// current reference (its own controller closes the current loop), its voltage and current monitor outputs
    /// and heatsink temperature come back on analog inputs (the monitor ADC), and the gate enable and fault lines
    /// are a <see cref="PwmPowerStageEnable"/>.
    /// <list type="bullet">
    /// <item>The converter has no voltage reference input, so voltage control (cable check, precharge) is an
    /// outer PI loop here, on the measured voltage, run by <see cref="Service(long)"/> at the control tick, whose
    /// output is the current reference within ±currentLimitA (integrator clamped to the same bounds).</item>
    /// <item>Current control writes the reference at once. The converter has no voltage limit input, so once the
    /// measured voltage passes voltageLimitV, <see cref="Service(long)"/> hands a positive reference to the same
    /// voltage loop, started from rest (the current stops at once), which holds the limit with a current between
    /// 0 A and the target, and hands back when its output reaches the target again. A negative (export) reference is not voltage limited here.</item>
    /// <item>Disabled (or faulted) = enable low and the reference at 0 A.</item>
    /// <item><see cref="Faults"/> = the enable's latched bits plus <see cref="PowerStageFaults.MonitorOutOfRange"/>, latched when a
    /// monitor reads outside the front end's healthy window or its conversion is invalid; a latched fault drops
    /// the enable. <see cref="ResetFaults"/> clears it; the next <see cref="Service(long)"/> latches it again if the
    /// cause is still there.</item>
    /// </list>
    /// Measurements are taken once per <see cref="Service(long)"/> (the runtime ticks it before the controller);
    /// an invalid one reads NaN. Allocates nothing after construction.
    /// </summary>
    public sealed class AnalogProgrammedPowerStage : IPowerStage, IDriverService
    {
        private readonly PwmPowerStageEnable _enable;
        private readonly IPwmOutput _reference;
        private readonly IAnalogInput _voltageMonitor;
        private readonly IAnalogInput _currentMonitor;
        private readonly IAnalogInput _temperatureMonitor;
        private readonly double _ampsAtZeroDuty;
        private readonly double _ampsPerDuty;
        private readonly double _minimumA;
        private readonly double _maximumA;
        private readonly double _voltsPerV;
        private readonly double _offsetV;
        private readonly double _ampsPerV;
        private readonly double _offsetA;
        private readonly double _degreesPerV;
        private readonly double _offsetC;
        private readonly double _monitorMinimumV;
        private readonly double _monitorMaximumV;
        private readonly double _proportionalAPerV;
        private readonly double _integralAPerVs;

        private PowerStageMode _mode = PowerStageMode.Off;
        private double _voltageTargetV;
        private double _currentLimitA;
        private double _currentTargetA;
        private double _voltageLimitV;
        private double _integralA;
        private bool _loopRunning;
        private bool _limiting;
        private long _lastServiceMs;
        private int _monitorFaults;

        /// <summary>
        /// The stage on <paramref name="enable"/> (gate enable and fault lines), <paramref name="currentReference"/>
        /// (the reference PWM), and the monitors; <paramref name="temperatureMonitor"/> may be null (then
        /// <see cref="TemperatureC"/> is NaN). The reference PWM is started at 0 A.
        /// </summary>
        public AnalogProgrammedPowerStage(
            PwmPowerStageEnable enable,
            IPwmOutput currentReference,
            IAnalogInput voltageMonitor,
            IAnalogInput currentMonitor,
            IAnalogInput temperatureMonitor,
            AnalogProgrammedPowerStageSettings settings)
        {
            if (enable == null || currentReference == null || voltageMonitor == null || currentMonitor == null || settings == null)
            {
                throw new ArgumentNullException(enable == null ? "enable" : currentReference == null ? "currentReference" : settings == null ? "settings" : "monitor");
            }

            Require(settings.ReferencePwmFrequencyHz > 0.0, "ReferencePwmFrequencyHz");
            Require(IsSet(settings.CurrentAtZeroDutyA) && IsSet(settings.CurrentAtFullDutyA) && settings.CurrentAtZeroDutyA != settings.CurrentAtFullDutyA, "CurrentAtZeroDutyA and CurrentAtFullDutyA (different)");
            Require(IsSet(settings.VoltageMonitorVPerV) && settings.VoltageMonitorVPerV != 0.0 && IsSet(settings.VoltageMonitorOffsetV), "VoltageMonitorVPerV and VoltageMonitorOffsetV");
            Require(IsSet(settings.CurrentMonitorAPerV) && settings.CurrentMonitorAPerV != 0.0 && IsSet(settings.CurrentMonitorOffsetA), "CurrentMonitorAPerV and CurrentMonitorOffsetA");
            Require(temperatureMonitor == null || (IsSet(settings.TemperatureMonitorCPerV) && settings.TemperatureMonitorCPerV != 0.0 && IsSet(settings.TemperatureMonitorOffsetC)), "TemperatureMonitorCPerV and TemperatureMonitorOffsetC");
            Require(IsSet(settings.MonitorMinimumV) && IsSet(settings.MonitorMaximumV) && settings.MonitorMinimumV < settings.MonitorMaximumV, "MonitorMinimumV below MonitorMaximumV");
            Require(settings.VoltageLoopProportionalAPerV > 0.0 && IsSet(settings.VoltageLoopProportionalAPerV), "VoltageLoopProportionalAPerV");
            Require(settings.VoltageLoopIntegralAPerVs >= 0.0 && IsSet(settings.VoltageLoopIntegralAPerVs), "VoltageLoopIntegralAPerVs");

            _enable = enable;
            _reference = currentReference;
            _voltageMonitor = voltageMonitor;
            _currentMonitor = currentMonitor;
            _temperatureMonitor = temperatureMonitor;
            _ampsAtZeroDuty = settings.CurrentAtZeroDutyA;
            _ampsPerDuty = settings.CurrentAtFullDutyA - settings.CurrentAtZeroDutyA;
            _minimumA = settings.CurrentAtZeroDutyA < settings.CurrentAtFullDutyA ? settings.CurrentAtZeroDutyA : settings.CurrentAtFullDutyA;
            _maximumA = settings.CurrentAtZeroDutyA < settings.CurrentAtFullDutyA ? settings.CurrentAtFullDutyA : settings.CurrentAtZeroDutyA;
            _voltsPerV = settings.VoltageMonitorVPerV;
            _offsetV = settings.VoltageMonitorOffsetV;
            _ampsPerV = settings.CurrentMonitorAPerV;
            _offsetA = settings.CurrentMonitorOffsetA;
            _degreesPerV = settings.TemperatureMonitorCPerV;
            _offsetC = settings.TemperatureMonitorOffsetC;
            _monitorMinimumV = settings.MonitorMinimumV;
            _monitorMaximumV = settings.MonitorMaximumV;
            _proportionalAPerV = settings.VoltageLoopProportionalAPerV;
            _integralAPerVs = settings.VoltageLoopIntegralAPerVs;

            OutputVoltageV = double.NaN;
            OutputCurrentA = double.NaN;
            TemperatureC = double.NaN;
            _enable.Disable();
            _reference.FrequencyHz = settings.ReferencePwmFrequencyHz;
            WriteReference(0.0);
            _reference.Start();
        }

        /// <inheritdoc />
        public bool IsEnabled => _enable.IsEnabled;

        /// <inheritdoc />
        public PowerStageMode Mode => _enable.IsEnabled ? _mode : PowerStageMode.Off;

        /// <inheritdoc />
        public double OutputVoltageV { get; private set; }

        /// <inheritdoc />
        public double OutputCurrentA { get; private set; }

        /// <inheritdoc />
        public double TemperatureC { get; private set; }

        /// <inheritdoc />
        public int Faults => _enable.Faults | _monitorFaults;

        /// <summary>The current reference last written to the PWM, A (+ to the vehicle).</summary>
        public double CommandedCurrentA { get; private set; }

        /// <inheritdoc />
        public void Enable()
        {
            if (_monitorFaults != PowerStageFaults.None)
            {
                return;
            }

            _enable.Enable();
        }

        /// <inheritdoc />
        public void Disable()
        {
            _enable.Disable();
            StopLoop();
        }

        /// <inheritdoc />
        public void SetVoltageTarget(double voltageV, double currentLimitA)
        {
            if (_mode != PowerStageMode.VoltageControl)
            {
                // A new loop starts from rest; a repeated target (precharge follows the battery) keeps its integrator.
                _loopRunning = false;
                _integralA = 0.0;
            }

            _mode = PowerStageMode.VoltageControl;
            _voltageTargetV = voltageV;
            _currentLimitA = currentLimitA < 0.0 ? -currentLimitA : currentLimitA;
        }

        /// <inheritdoc />
        public void SetCurrentTarget(double currentA, double voltageLimitV)
        {
            if (_mode != PowerStageMode.CurrentControl)
            {
                _limiting = false;
            }

            _mode = PowerStageMode.CurrentControl;
            _currentTargetA = currentA;
            _voltageLimitV = voltageLimitV;
            if (_enable.IsEnabled)
            {
                WriteReference(CurrentCommand());
            }
        }

        /// <inheritdoc />
        public void ResetFaults()
        {
            _monitorFaults = PowerStageFaults.None;
            _enable.ResetFaults();
        }

        /// <summary>
        /// Once per control tick, before the controller: services the enable's fault lines, measures, checks the
        /// monitors, and writes the current reference (the voltage loop's output in voltage mode).
        /// </summary>
        public void Service(long nowMs)
        {
            _enable.Service(nowMs);
            Measure();
            if (Faults != PowerStageFaults.None)
            {
                _enable.Disable();
            }

            if (!_enable.IsEnabled)
            {
                StopLoop();
                _lastServiceMs = nowMs;
                return;
            }

            if (_mode == PowerStageMode.VoltageControl)
            {
                double dtS = _loopRunning ? (nowMs - _lastServiceMs) / 1000.0 : 0.0;
                _loopRunning = true;
                double errorV = _voltageTargetV - OutputVoltageV;
                _integralA = Clamp(_integralA + _integralAPerVs * errorV * dtS, -_currentLimitA, _currentLimitA);
                WriteReference(Clamp(_proportionalAPerV * errorV + _integralA, -_currentLimitA, _currentLimitA));
            }
            else if (_mode == PowerStageMode.CurrentControl)
            {
                WriteReference(LimitedCurrentCommand(nowMs));
            }
            else
            {
                WriteReference(0.0);
            }

            _lastServiceMs = nowMs;
        }

        private double CurrentCommand()
        {
            return _limiting ? CommandedCurrentA : _currentTargetA;
        }

        // The voltage limit of current mode: idle (the target passes) until the measured voltage passes the limit;
        // then the voltage loop takes over from rest (integrator at 0: the current stops at once rather than
        // unwinding through an overshoot), holds the limit with 0 A up to the target, and hands back once its
        // output reaches the target again.
        private double LimitedCurrentCommand(long nowMs)
        {
            double targetA = _currentTargetA;
            double errorV = _voltageLimitV - OutputVoltageV;
            if (!_limiting)
            {
                if (targetA <= 0.0 || !(errorV < 0.0))
                {
                    return targetA;
                }

                _limiting = true;
                _integralA = 0.0;
            }
            else
            {
                double dtS = (nowMs - _lastServiceMs) / 1000.0;
                _integralA = Clamp(_integralA + _integralAPerVs * errorV * dtS, 0.0, targetA > 0.0 ? targetA : 0.0);
            }

            double commandA = Clamp(_proportionalAPerV * errorV + _integralA, 0.0, targetA > 0.0 ? targetA : 0.0);
            if (targetA <= 0.0 || (commandA >= targetA && errorV >= 0.0))
            {
                _limiting = false;
                return targetA;
            }

            return commandA;
        }

        private void Measure()
        {
            double voltageMonitorV = _voltageMonitor.ReadVolts();
            double currentMonitorV = _currentMonitor.ReadVolts();
            bool healthy = InWindow(voltageMonitorV) && InWindow(currentMonitorV);
            OutputVoltageV = double.IsNaN(voltageMonitorV) ? double.NaN : voltageMonitorV * _voltsPerV + _offsetV;
            OutputCurrentA = double.IsNaN(currentMonitorV) ? double.NaN : currentMonitorV * _ampsPerV + _offsetA;
            if (_temperatureMonitor != null)
            {
                double temperatureMonitorV = _temperatureMonitor.ReadVolts();
                healthy = healthy && InWindow(temperatureMonitorV);
                TemperatureC = double.IsNaN(temperatureMonitorV) ? double.NaN : temperatureMonitorV * _degreesPerV + _offsetC;
            }

            if (!healthy)
            {
                _monitorFaults |= PowerStageFaults.MonitorOutOfRange;
            }
        }

        private void StopLoop()
        {
            _loopRunning = false;
            _limiting = false;
            _integralA = 0.0;
            WriteReference(0.0);
        }

        private void WriteReference(double currentA)
        {
            double commandA = Clamp(currentA, _minimumA, _maximumA);
            CommandedCurrentA = commandA;
            _reference.DutyCycle = Clamp((commandA - _ampsAtZeroDuty) / _ampsPerDuty, 0.0, 1.0);
        }

        private bool InWindow(double monitorV)
        {
            // NaN (an invalid conversion) fails both comparisons: out of range.
            return monitorV >= _monitorMinimumV && monitorV <= _monitorMaximumV;
        }

        private static double Clamp(double x, double low, double high)
        {
            return x < low ? low : x > high ? high : x;
        }

        private static bool IsSet(double value)
        {
            return !double.IsNaN(value) && !double.IsInfinity(value);
        }

        private static void Require(bool condition, string what)
        {
            if (!condition)
            {
                throw new ArgumentException(what + " is a required setting");
            }
        }
    }
}
