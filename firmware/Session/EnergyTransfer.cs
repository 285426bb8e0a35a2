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
            double wanted = Numeric.Clamp(targetPowerW, -limits.MaxDischargePowerW, limits.MaxChargePowerW);

            double maxStepW = _settings.PowerRampWPerS * periodMs / 1000.0;
            double step = wanted - _powerCommandW;
            if (step > maxStepW)
            {
                step = maxStepW;
            }
            else if (step < -maxStepW)
            {
                step = -maxStepW;
            }

            _powerCommandW += step;

            // Power to current at the voltage the vehicle shows now; never divide by a near-zero
            // voltage (an open connector): the minimum voltage bounds the current.
            double voltage = m.ConnectorVoltageV > limits.MinVoltageV ? m.ConnectorVoltageV : limits.MinVoltageV;
            double current = Numeric.Clamp(_powerCommandW / voltage, -limits.MaxDischargeCurrentA, limits.MaxChargeCurrentA);
            if (!double.IsNaN(requestCapA))
            {
                if (requestCapA >= 0 && current > requestCapA)
                {
                    current = requestCapA;
                }
                else if (requestCapA <= 0 && current < requestCapA)
                {
                    current = requestCapA;
                }
            }

            _currentCommandA = current;
            _limited = Numeric.Abs(wanted - targetPowerW) > 1 || Numeric.Abs(current * voltage - _powerCommandW) > 1;
            _powerStage.SetCurrentTarget(current, limits.MaxVoltageV);
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
