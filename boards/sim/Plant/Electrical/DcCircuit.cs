using V2G.Firmware.Numerics;

namespace V2G.Sim.Plant.Electrical
{
    /// <summary>
    /// The DC circuit from the converter to the battery: converter output node, the charger's
    /// DC+/DC− contactors, the cable and connector, the vehicle's own contactor and its battery.
    /// Each step solves which nodes are joined and moves the converter's regulated quantity
    /// toward its reference with the converter's dynamics.
    /// </summary>
    public sealed class DcCircuit
    {
        private readonly SimPowerStage _stage;
        private readonly SimContactor _positive;
        private readonly SimContactor _negative;
        private readonly SimContactor _vehicleContactor;
        private readonly Battery _battery;
        private readonly SimVoltageSense _connector;
        private double _currentA;
        private double _converterV;
        private double _connectorV;

        public DcCircuit(SimPowerStage stage, SimContactor positive, SimContactor negative, SimContactor vehicleContactor, Battery battery, SimVoltageSense connector)
        {
            _stage = stage;
            _positive = positive;
            _negative = negative;
            _vehicleContactor = vehicleContactor;
            _battery = battery;
            _connector = connector;
        }

        /// <summary>Time constant of the converter's output discharge (active bleeder) when disabled, ms.</summary>
        public double ConverterBleedTimeConstantMs = 150;

        /// <summary>Time constant of the cable-side bleeder when isolated, ms.</summary>
        public double CableBleedTimeConstantMs = 80;

        /// <summary>Signed DC current at the connector, A (+ into the vehicle).</summary>
        public double CurrentA => _currentA;

        /// <summary>DC power at the connector, W (+ into the vehicle).</summary>
        public double PowerW => _currentA * _connectorV;

        public void Step(double dtMs)
        {
            bool chargerClosed = _positive.IsClosed && _negative.IsClosed;
            bool batteryConnected = _vehicleContactor.IsClosed;
            bool loaded = chargerClosed && batteryConnected;
            double ocv = _battery.OpenCircuitVoltageV;
            double r = _battery.InternalResistanceOhm;

            double wantedA = 0;
            if (_stage.IsEnabled && loaded)
            {
                if (_stage.Mode == V2G.Hal.Power.PowerStageMode.CurrentControl)
                {
                    // The voltage limit bounds the current the converter may push.
                    double atLimitA = (_stage.VoltageLimitV - ocv) / r;
                    wantedA = _stage.CurrentTargetA < atLimitA ? _stage.CurrentTargetA : atLimitA;
                    wantedA *= _stage.CurrentRunawayFactor;
                }
                else if (_stage.Mode == V2G.Hal.Power.PowerStageMode.VoltageControl)
                {
                    wantedA = Numeric.Clamp((_stage.VoltageTargetV - ocv) / r, -_stage.CurrentLimitA, _stage.CurrentLimitA);
                }
            }

            if (_stage.IsEnabled)
            {
                // First-order response with a slew limit: the converter's own current loop.
                double next = _currentA + (wantedA - _currentA) * (1.0 - Numeric.Exp(-dtMs / _stage.CurrentTimeConstantMs));
                double maxStep = _stage.CurrentSlewAPerS * dtMs / 1000.0;
                _currentA = Numeric.Clamp(next, _currentA - maxStep, _currentA + maxStep);
            }
            else
            {
                // Gates off: the inductor current collapses within microseconds.
                _currentA = 0;
            }

            if (!loaded)
            {
                _currentA = 0;
            }

            if (loaded)
            {
                _converterV = ocv + _currentA * r;
                _connectorV = _converterV;
            }
            else
            {
                double target;
                double tauMs;
                if (_stage.IsEnabled && _stage.Mode == V2G.Hal.Power.PowerStageMode.VoltageControl)
                {
                    target = _stage.VoltageTargetV;
                    tauMs = _stage.VoltageTimeConstantMs;
                }
                else if (_stage.IsEnabled && _stage.Mode == V2G.Hal.Power.PowerStageMode.CurrentControl && _stage.CurrentTargetA > 0)
                {
                    // Current mode into an open circuit: the output rises to its voltage limit.
                    target = _stage.VoltageLimitV;
                    tauMs = _stage.VoltageTimeConstantMs;
                }
                else
                {
                    target = 0;
                    tauMs = ConverterBleedTimeConstantMs;
                }

                if (chargerClosed && batteryConnected == false)
                {
                    _converterV += (target - _converterV) * (1.0 - Numeric.Exp(-dtMs / tauMs));
                    _connectorV = _converterV;
                }
                else
                {
                    _converterV += (target - _converterV) * (1.0 - Numeric.Exp(-dtMs / tauMs));
                    _connectorV = batteryConnected ? ocv : _connectorV * Numeric.Exp(-dtMs / CableBleedTimeConstantMs);
                }
            }

            _battery.Step(_currentA, dtMs);
            _positive.Step(dtMs, _currentA);
            _negative.Step(dtMs, _currentA);
            _vehicleContactor.Step(dtMs, _currentA);

            double handledW = Numeric.Abs(_currentA * _converterV);
            _stage.LossW = _stage.IsEnabled ? _stage.FixedLossW + _stage.ProportionalLoss * handledW : 0;
            double steadyC = _stage.AmbientC + _stage.LossW * _stage.ThermalResistanceKPerW;
            _stage.TemperatureC += (steadyC - _stage.TemperatureC) * (1.0 - Numeric.Exp(-dtMs / 1000.0 / _stage.ThermalTimeConstantS));

            if (Numeric.Abs(_currentA) > _stage.HardwareOverCurrentA)
            {
                _stage.Trip(V2G.Hal.Power.PowerStageFaults.HardwareOverCurrent);
            }

            if (_converterV > _stage.HardwareOverVoltageV)
            {
                _stage.Trip(V2G.Hal.Power.PowerStageFaults.HardwareOverVoltage);
            }

            _stage.OutputCurrentA = _currentA;
            _stage.OutputVoltageV = _converterV;
            _connector.VoltageV = _connectorV;
        }
    }
}
