using System;
using V2G.Hal.Buses;
using V2G.Hal.Pilot;

namespace V2G.Firmware.Drivers.Board
{
    /// <summary>
    /// The control pilot on a board (IEC 61851-1): a 1 kHz PWM channel switching the ±12 V generator, and two
    /// analog inputs the board samples synchronised to the PWM, one in the high phase and one in the low phase.
    /// <list type="bullet">
    /// <item>The duty cycle goes to the timer in 0.01 % steps (<c>duty / 10000</c>); 10000 and 0 are steady levels
    /// without edges, which the timer gives at duty 1 and 0 without being stopped.</item>
    /// <item>A reading is scaled back to pilot volts: <c>(adcV − AdcOffsetV) × DividerRatio</c>.</item>
    /// <item>Without PWM only one phase exists, so both properties return the steady level from that phase's
    /// input (at 10000 the high-phase input, at 0 the low-phase input): a sampler that sees no edge holds a stale value.</item>
    /// </list>
    /// Classification and debounce of the pilot states stay in the firmware (<c>Pilot/</c>).
    /// </summary>
    public sealed class PwmControlPilot : IControlPilot
    {
        /// <summary>The duty cycle of a steady +12 V, 0.01 %.</summary>
        public const int SteadyHigh = 10000;

        /// <summary>The duty cycle of a steady −12 V (state F), 0.01 %.</summary>
        public const int SteadyLow = 0;

        private const double HundredthsPercentPerUnit = 10000.0;

        private readonly IPwmOutput _pwm;
        private readonly IAnalogInput _highPhase;
        private readonly IAnalogInput _lowPhase;
        private readonly double _dividerRatio;
        private readonly double _adcOffsetV;

        private int _duty;

        /// <summary>The pilot on <paramref name="pwm"/>, sampled by <paramref name="highPhase"/> and <paramref name="lowPhase"/>; the PWM is started at 1 kHz.</summary>
        public PwmControlPilot(IPwmOutput pwm, IAnalogInput highPhase, IAnalogInput lowPhase, PwmControlPilotSettings settings)
        {
            if (pwm == null)
            {
                throw new ArgumentNullException("pwm");
            }

            if (highPhase == null)
            {
                throw new ArgumentNullException("highPhase");
            }

            if (lowPhase == null)
            {
                throw new ArgumentNullException("lowPhase");
            }

            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            if (!(settings.DividerRatio > 0.0))
            {
                throw new ArgumentOutOfRangeException("settings", "the divider ratio must be positive");
            }

            if (double.IsNaN(settings.AdcOffsetV) || double.IsInfinity(settings.AdcOffsetV))
            {
                throw new ArgumentException("AdcOffsetV must be set (from the board's schematic)", "settings");
            }

            _pwm = pwm;
            _highPhase = highPhase;
            _lowPhase = lowPhase;
            _dividerRatio = settings.DividerRatio;
            _adcOffsetV = settings.AdcOffsetV;

            _pwm.FrequencyHz = PwmControlPilotSettings.PilotFrequencyHz;
            SetDutyCycle(settings.InitialDutyHundredthsPercent);
            _pwm.Start();
        }

        /// <inheritdoc />
        public void SetDutyCycle(int dutyHundredthsPercent)
        {
            if (dutyHundredthsPercent < SteadyLow || dutyHundredthsPercent > SteadyHigh)
            {
                throw new ArgumentOutOfRangeException("dutyHundredthsPercent");
            }

            _duty = dutyHundredthsPercent;
            _pwm.DutyCycle = dutyHundredthsPercent / HundredthsPercentPerUnit;
        }

        /// <inheritdoc />
        public int DutyCycle => _duty;

        /// <inheritdoc />
        public double HighPhaseVoltageV => ToPilotVolts(_duty == SteadyLow ? _lowPhase : _highPhase);

        /// <inheritdoc />
        public double LowPhaseVoltageV => ToPilotVolts(_duty == SteadyHigh ? _highPhase : _lowPhase);

        private double ToPilotVolts(IAnalogInput input)
        {
            return (input.ReadVolts() - _adcOffsetV) * _dividerRatio;
        }
    }
}
