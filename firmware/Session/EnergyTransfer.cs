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
        private bool _limited;
        private PowerLimitReason _limitedBy;

        public EnergyTransfer(ChargerSettings settings, IPowerStage powerStage)
        {
            _settings = settings;
            _powerStage = powerStage;
        }

        /// <summary>The ramped power command, W (+ into the vehicle).</summary>
        public double PowerCommandW => _powerCommandW;

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
            _targetPowerW = targetPowerW;
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

            // Power to current at the voltage the vehicle shows now; never divide by a near-zero
            // voltage (an open connector): the minimum voltage bounds the current.
            double voltage = m.ConnectorVoltageV > limits.MinVoltageV ? m.ConnectorVoltageV : limits.MinVoltageV;
            double current = _powerCommandW / voltage;
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
