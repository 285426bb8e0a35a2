using System;
using V2G.Hal.Buses;
using V2G.Hal.Timing;

namespace V2G.Sim.Plant.Board.Pins
{
    /// <summary>
    /// An alarm-contact insulation monitor at pin level, both of its pins in one model: the measurement enable (this
    /// <see cref="IDigitalOutput"/>) and the alarm contact (this <see cref="IDigitalInput"/>, true = alarm, as the
    /// board's adapter presents it). Once enabled for <see cref="ResponseMs"/>, the alarm asserts while
    /// <see cref="PathResistanceOhm"/> is below <see cref="ThresholdOhm"/>. Fault: <see cref="StuckAlarm"/>.
    /// </summary>
    public sealed class SimAlarmInsulationMonitorPins : IDigitalOutput, IDigitalInput
    {
        private readonly IMonotonicClock _clock;

        private bool _enabled;
        private long _enabledAtMs;

        /// <summary>A monitor on <paramref name="clock"/>'s time, disabled.</summary>
        public SimAlarmInsulationMonitorPins(IMonotonicClock clock, double thresholdOhm, int responseMs, double pathResistanceOhm)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _clock = clock;
            ThresholdOhm = thresholdOhm;
            ResponseMs = responseMs;
            PathResistanceOhm = pathResistanceOhm;
        }

        /// <summary>The response value configured in the device, Ω.</summary>
        public double ThresholdOhm { get; set; }

        /// <summary>Time from enable to a valid alarm state, ms.</summary>
        public int ResponseMs { get; set; }

        /// <summary>The true insulation resistance of the DC path to earth, Ω.</summary>
        public double PathResistanceOhm { get; set; }

        /// <summary>Fault: the alarm contact reads asserted whatever the device does.</summary>
        public bool StuckAlarm { get; set; }

        /// <summary>The enable as last written.</summary>
        public bool State => _enabled;

        /// <inheritdoc />
        public void Write(bool asserted)
        {
            if (asserted && !_enabled)
            {
                _enabledAtMs = _clock.NowMs;
            }

            _enabled = asserted;
        }

        /// <inheritdoc />
        public bool Read()
        {
            if (StuckAlarm)
            {
                return true;
            }

            return _enabled && _clock.NowMs - _enabledAtMs >= ResponseMs && PathResistanceOhm < ThresholdOhm;
        }
    }
}
