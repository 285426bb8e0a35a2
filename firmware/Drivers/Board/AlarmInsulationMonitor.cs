using System;
using V2G.Hal.Buses;
using V2G.Hal.Safety;
using V2G.Firmware.Drivers;

namespace V2G.Firmware.Drivers.Board
{
    /// <summary>
    /// An insulation monitor (IMD) that gives only an alarm contact and takes a measurement enable: it reports
    /// whether the insulation is below its configured response value, never the value itself.
    /// <list type="bullet">
    /// <item><see cref="StartTest"/> asserts the enable; <see cref="HasResult"/> becomes true once
    /// <see cref="AlarmInsulationMonitorSettings.MeasurementSettleMs"/> has passed (counted from the first
    /// <see cref="Service(long)"/> after the start) and stays true while monitoring continues.</item>
    /// <item><see cref="ResistanceOhm"/> is a lower bound: the threshold while the alarm is clear (the insulation is
    /// at least that), 0 while the alarm is asserted (nothing better is known).</item>
    /// <item>The alarm input is true = asserted (the board's adapter inverts an active-low contact) and is
    /// debounced by <see cref="Service(long)"/>, which the board's thread calls every few ms.</item>
    /// <item><see cref="DeviceFault"/>: the alarm asserted while the monitor is not enabled. A disabled monitor
    /// measures nothing, so an alarm then is a stuck contact, a shorted wire or a failed device. It is judged only
    /// while disabled, and after a <see cref="Stop"/> only once the settle time has passed again (the device's
    /// alarm needs its response time to release, too); it holds through a following test, with
    /// <see cref="HasResult"/> false (a result from a faulty device is not a result), and clears when the alarm
    /// reads clear while disabled. An IMD configured with a fault memory (a latching alarm) therefore shows a
    /// genuine alarm as a device fault after the stop until it is reset: these boards expect a non-latching alarm.</item>
    /// </list>
    /// What this cannot see: an alarm contact that never asserts (open wire, welded-open relay). Only the IMD's own
    /// self-test (outside this driver) proves that the alarm path works.
    /// </summary>
    public sealed class AlarmInsulationMonitor : IInsulationMonitor, IDriverService
    {
        private readonly IDigitalOutput _enable;
        private readonly DebouncedInput _alarm;
        private readonly double _thresholdOhm;
        private readonly int _settleMs;

        private bool _startPending;
        private long _startedAtMs;
        private bool _stopPending;
        private bool _releasing;
        private long _stoppedAtMs;
        private bool _settled;
        private bool _stuckAlarm;

        /// <summary>The monitor on <paramref name="enable"/> and <paramref name="alarm"/> (true = alarm); the enable is released.</summary>
        public AlarmInsulationMonitor(IDigitalOutput enable, IDigitalInput alarm, AlarmInsulationMonitorSettings settings)
        {
            if (enable == null)
            {
                throw new ArgumentNullException("enable");
            }

            if (alarm == null)
            {
                throw new ArgumentNullException("alarm");
            }

            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            // Required device facts: NaN and 0 are "not set".
            if (!(settings.AlarmThresholdOhm > 0.0) || double.IsInfinity(settings.AlarmThresholdOhm))
            {
                throw new ArgumentOutOfRangeException("settings", "AlarmThresholdOhm must be set from the IMD's configuration");
            }

            if (settings.MeasurementSettleMs <= 0)
            {
                throw new ArgumentOutOfRangeException("settings", "MeasurementSettleMs must be set from the IMD's data sheet");
            }

            _enable = enable;
            _thresholdOhm = settings.AlarmThresholdOhm;
            _settleMs = settings.MeasurementSettleMs;

            // Starts from the raw level so a contact stuck at power-up shows at the first service.
            _alarm = new DebouncedInput(alarm, settings.AlarmDebounceMs, settings.AlarmDebounceMs, alarm.Read());
            _enable.Write(false);
        }

        /// <summary>The configured response value, Ω.</summary>
        public double AlarmThresholdOhm => _thresholdOhm;

        /// <summary>True while the measurement enable is asserted.</summary>
        public bool IsEnabled => _enable.State;

        /// <summary>The debounced alarm contact: true = insulation below the threshold (or a fault, see <see cref="DeviceFault"/>).</summary>
        public bool IsAlarm => _alarm.State;

        /// <inheritdoc />
        /// <remarks>The IMD measures at whatever voltage the output holds; the value is not sent to it.</remarks>
        public void StartTest(double testVoltageV)
        {
            _enable.Write(true);
            _startPending = true;
            _stopPending = false;
            _releasing = false;
            _settled = false;
        }

        /// <inheritdoc />
        public void Stop()
        {
            if (_enable.State)
            {
                _stopPending = true;
            }

            _enable.Write(false);
            _startPending = false;
            _settled = false;
        }

        /// <inheritdoc />
        public bool HasResult => _settled && !_stuckAlarm;

        /// <inheritdoc />
        /// <remarks>A lower bound: the threshold while the alarm is clear, 0 while it is asserted.</remarks>
        public double ResistanceOhm => _alarm.State ? 0.0 : _thresholdOhm;

        /// <inheritdoc />
        /// <remarks>Here: the alarm was asserted while the monitor was disabled (a stuck contact).</remarks>
        public bool DeviceFault => _stuckAlarm;

        /// <summary>Samples and debounces the alarm, counts the settle time and judges a stuck contact.</summary>
        public void Service(long nowMs)
        {
            bool alarm = _alarm.Update(nowMs);
            if (!_enable.State)
            {
                if (_stopPending)
                {
                    _stopPending = false;
                    _releasing = true;
                    _stoppedAtMs = nowMs;
                }

                if (_releasing && nowMs - _stoppedAtMs < _settleMs)
                {
                    return;
                }

                _releasing = false;
                _stuckAlarm = alarm;
                return;
            }

            if (_startPending)
            {
                _startPending = false;
                _startedAtMs = nowMs;
            }

            if (!_settled && nowMs - _startedAtMs >= _settleMs)
            {
                _settled = true;
            }
        }
    }
}
