using V2G.Firmware.Measurement;
using V2G.Firmware.Safety;
using V2G.Firmware.Settings;
using V2G.Hal.Power;
using V2G.Firmware.Numerics;

namespace V2G.Firmware.Session
{
    /// <summary>
    /// Energy transfer: turns the wanted signed power (+ into the vehicle) into the converter's
    /// current reference, ramp-limited and inside the limits in force (the lower of charger's and
    /// vehicle's), and inside the vehicle's own current request when its protocol carries one.
    /// </summary>
    public sealed class EnergyTransfer
    {
        private readonly ChargerSettings _settings;
        private readonly IPowerStage _powerStage;
        private double _powerCommandW;
        private double _currentCommandA;
        private double _targetPowerW;
        private double _frequencyResponseW;
        private double _totalCommandW;
        private double _lastFrequencyResponseW;
        private bool _limited;
        private PowerLimitReason _limitedBy;

        public EnergyTransfer(ChargerSettings settings, IPowerStage powerStage)
        {
            _settings = settings;
            _powerStage = powerStage;
        }

        /// <summary>The ramped dispatch command, W (+ into the vehicle), before the frequency response.</summary>
        public double PowerCommandW => _powerCommandW;

        /// <summary>The command sent this tick: the ramped dispatch plus the frequency response, inside the limits, W.</summary>
        public double TotalCommandW => _totalCommandW;

        /// <summary>The frequency response (droop contribution) of the last tick, W (+ into the vehicle).</summary>
        public double FrequencyResponseW => _frequencyResponseW;

        /// <summary>The current reference last sent to the converter, A.</summary>
        public double CurrentCommandA => _currentCommandA;

        /// <summary>The power wanted before ramping and clamping, W.</summary>
        public double TargetPowerW => _targetPowerW;

        /// <summary>True while a limit holds the command below the target.</summary>
        public bool IsLimited => _limited;

        /// <summary>What holds the command below the target (None when it is delivered).</summary>
        public PowerLimitReason LimitedBy => _limitedBy;

        /// <summary>Starts from the present operating point (zero current: precharge held the voltage).</summary>
        public void Start(double voltageLimitV)
        {
            _powerCommandW = 0;
            _totalCommandW = 0;
            _frequencyResponseW = 0;
            _lastFrequencyResponseW = 0;
            _currentCommandA = 0;
            _powerStage.SetCurrentTarget(0, voltageLimitV);
            _powerStage.Enable();
        }

        /// <summary>
        /// One tick: ramps the power command toward <paramref name="targetPowerW"/> and sets the
        /// converter's current reference. <paramref name="requestCapA"/> is the vehicle's signed
        /// current request, or NaN when it carries none.
        /// </summary>
        public void Tick(ref Measurements m, ref ApplicableLimits limits, double targetPowerW, double requestCapA, long periodMs)
        {
            Tick(ref m, ref limits, targetPowerW, 0, requestCapA, periodMs);
        }

        /// <summary>
        /// One tick with a frequency response: <paramref name="frequencyResponseW"/> (the droop's
        /// contribution, + into the vehicle) is added to the ramped dispatch command without the
        /// dispatch ramp, which would otherwise stretch a sub-second response to seconds; the sum
        /// stays inside the same limits.
        /// </summary>
        public void Tick(ref Measurements m, ref ApplicableLimits limits, double targetPowerW, double frequencyResponseW, double requestCapA, long periodMs)
        {
            Tick(ref m, ref limits, targetPowerW, frequencyResponseW, false, requestCapA, periodMs);
        }

        /// <param name="compensateConverterLag">
        /// Pre-compensate the converter's lag (<see cref="ChargerSettings.ConverterTimeConstantMs"/>) for changes
        /// of the frequency response: the fastest droop preset, whose response time is what the chain achieves.
        /// </param>
        public void Tick(ref Measurements m, ref ApplicableLimits limits, double targetPowerW, double frequencyResponseW, bool compensateConverterLag, double requestCapA, long periodMs)
        {
            _targetPowerW = targetPowerW;
            _frequencyResponseW = frequencyResponseW;
            PowerLimitReason reason = PowerLimitReason.None;
            double wanted = targetPowerW;
            if (wanted > limits.MaxChargePowerW)
            {
                wanted = limits.MaxChargePowerW;
                reason = limits.MaxChargePowerW < _settings.MaxChargePowerW ? PowerLimitReason.VehiclePowerLimit : PowerLimitReason.ChargerPowerLimit;
            }
            else if (wanted < -limits.MaxDischargePowerW)
            {
                // No discharge limits agreed means no discharge at all, never a guess.
                wanted = -limits.MaxDischargePowerW;
                reason = limits.MaxDischargePowerW <= 0 ? PowerLimitReason.NoBidirectionalSession
                    : (limits.MaxDischargePowerW < _settings.MaxDischargePowerW ? PowerLimitReason.VehiclePowerLimit : PowerLimitReason.ChargerPowerLimit);
            }

            double maxStepW = _settings.PowerRampWPerS * periodMs / 1000.0;
            double step = Numeric.Clamp(wanted - _powerCommandW, -maxStepW, maxStepW);
            _powerCommandW += step;
            if (Numeric.Abs(wanted - _powerCommandW) > 0.5 && reason == PowerLimitReason.None)
            {
                reason = PowerLimitReason.Ramp;
            }

            // Deadbeat on the converter's known first-order lag: a change of the frequency response is
            // commanded 1/(1 − e^(−T/τ)) times for one period, so the converter's output has made the
            // whole change by the next tick instead of 63 % of it; only when a lag is set (the fastest
            // response asks for it) and always inside the limits below.
            double kickW = 0;
            if (compensateConverterLag && _settings.ConverterTimeConstantMs > 0 && periodMs > 0)
            {
                double reach = 1 - Numeric.Exp(-periodMs / _settings.ConverterTimeConstantMs);
                kickW = (frequencyResponseW - _lastFrequencyResponseW) * (1 / reach - 1);
            }

            _lastFrequencyResponseW = frequencyResponseW;
            double commandW = _powerCommandW + frequencyResponseW + kickW;
            if (frequencyResponseW != 0 || kickW != 0)
            {
                commandW = Numeric.Clamp(commandW, -limits.MaxDischargePowerW, limits.MaxChargePowerW);
            }

            _totalCommandW = commandW;

            // Power to current at the voltage the vehicle shows now; never divide by a near-zero
            // voltage (an open connector): the minimum voltage bounds the current.
            double voltage = m.ConnectorVoltageV > limits.MinVoltageV ? m.ConnectorVoltageV : limits.MinVoltageV;
            double current = commandW / voltage;
            if (current > limits.MaxChargeCurrentA)
            {
                current = limits.MaxChargeCurrentA;
                reason = limits.MaxChargeCurrentA < _settings.MaxChargeCurrentA ? PowerLimitReason.VehicleCurrentLimit : PowerLimitReason.ChargerCurrentLimit;
            }
            else if (current < -limits.MaxDischargeCurrentA)
            {
                current = -limits.MaxDischargeCurrentA;
                reason = limits.MaxDischargeCurrentA <= 0 ? PowerLimitReason.NoBidirectionalSession
                    : (limits.MaxDischargeCurrentA < _settings.MaxDischargeCurrentA ? PowerLimitReason.VehicleCurrentLimit : PowerLimitReason.ChargerCurrentLimit);
            }

            if (!double.IsNaN(requestCapA))
            {
                if ((requestCapA >= 0 && current > requestCapA) || (requestCapA <= 0 && current < requestCapA))
                {
                    current = requestCapA;
                    reason = PowerLimitReason.VehicleRequest;
                }
            }

            _currentCommandA = current;
            _limitedBy = reason;
            _limited = reason != PowerLimitReason.None && reason != PowerLimitReason.Ramp;
            _powerStage.SetCurrentTarget(current, VoltageLimitV(limits.MaxVoltageV, m.ConnectorVoltageV));
        }

        /// <summary>
        /// The converter's voltage limit: the maximum in force, but never below the voltage the
        /// vehicle shows now. A bidirectional converter's voltage loop pulls current out of a battery
        /// that sits above its voltage limit; a limit may stop charging, it must never reverse it.
        /// Over-voltage itself is the supervisor's to judge.
        /// </summary>
        public static double VoltageLimitV(double maxVoltageV, double connectorVoltageV)
        {
            return Numeric.Max(maxVoltageV, connectorVoltageV);
        }

        /// <summary>Ramps the current reference toward zero at the stop ramp; returns the new reference.</summary>
        public double RampDown(long periodMs, double voltageLimitV)
        {
            double maxStepA = _settings.StopCurrentRampAPerS * periodMs / 1000.0;
            if (_currentCommandA > maxStepA)
            {
                _currentCommandA -= maxStepA;
            }
            else if (_currentCommandA < -maxStepA)
            {
                _currentCommandA += maxStepA;
            }
            else
            {
                _currentCommandA = 0;
            }

            _powerCommandW = 0;
            _powerStage.SetCurrentTarget(_currentCommandA, voltageLimitV);
            return _currentCommandA;
        }
    }
}
