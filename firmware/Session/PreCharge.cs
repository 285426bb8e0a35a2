using V2G.Firmware.Control;
using V2G.Firmware.Measurement;
using V2G.Firmware.Settings;
using V2G.Hal.Power;
using V2G.Protocol.Session;
using V2G.Firmware.Numerics;

namespace V2G.Firmware.Session
{
    /// <summary>
    /// Precharge: with the contactors open, the converter regulates its output to the vehicle's
    /// battery voltage with a small current limit; only when it matches within the tolerance (and
    /// the connector side, if live, matches too) do the contactors close, so they never close onto a
    /// voltage difference. The converter then holds the voltage until energy transfer starts.
    /// </summary>
    public sealed class PreCharge
    {
        private const int Matching = 0;
        private const int Closing = 1;
        private const int Holding = 2;
        private const int Idle = 3;
        private const int FailedPhase = 4;

        private readonly ChargerSettings _settings;
        private readonly IPowerStage _powerStage;
        private readonly OutputContactors _contactors;
        private int _phase = Idle;
        private long _startedAtMs;
        private double _targetVoltageV;

        public PreCharge(ChargerSettings settings, IPowerStage powerStage, OutputContactors contactors)
        {
            _settings = settings;
            _powerStage = powerStage;
            _contactors = contactors;
        }

        public double TargetVoltageV => _targetVoltageV;

        public bool IsRunning => _phase == Matching || _phase == Closing;

        /// <summary>True once the contactors are closed on a matched voltage.</summary>
        public bool IsHolding => _phase == Holding;

        public void Start(double targetVoltageV, long nowMs)
        {
            _startedAtMs = nowMs;
            _phase = Matching;
            SetTarget(targetVoltageV);
            _powerStage.Enable();
        }

        /// <summary>A repeated request may move the target (the vehicle's battery voltage drifts).</summary>
        public void SetTarget(double targetVoltageV)
        {
            _targetVoltageV = targetVoltageV;
            _powerStage.SetVoltageTarget(targetVoltageV, _settings.PreChargeCurrentLimitA);
        }

        public StepStatus Tick(ref Measurements m)
        {
            switch (_phase)
            {
                case Idle:
                    return StepStatus.Failed;
                case FailedPhase:
                    return StepStatus.Failed;
                case Holding:
                    return StepStatus.Finished;
            }

            if (m.NowMs - _startedAtMs > _settings.PreChargeTimeoutMs)
            {
                _phase = FailedPhase;
                return StepStatus.Failed;
            }

            if (_phase == Matching)
            {
                bool converterMatches = Numeric.Abs(m.ConverterVoltageV - _targetVoltageV) <= _settings.PreChargeToleranceV;

                // If the vehicle's contactors are already closed the connector shows its battery:
                // then that voltage, not the requested one, is what the contactors close onto.
                bool connectorLive = m.ConnectorVoltageV > _settings.SafeVoltageV;
                bool connectorMatches = !connectorLive || Numeric.Abs(m.ConnectorVoltageV - m.ConverterVoltageV) <= _settings.PreChargeToleranceV;
                if (converterMatches && connectorMatches)
                {
                    _contactors.Close(m.NowMs);
                    _phase = Closing;
                }

                return StepStatus.Ongoing;
            }

            if (_contactors.AreClosed)
            {
                _phase = Holding;
                return StepStatus.Finished;
            }

            return StepStatus.Ongoing;
        }

        public void Reset()
        {
            _phase = Idle;
        }

        /// <summary>Ends a running precharge as failed (the safe-state sequence takes the output).</summary>
        public void Abort()
        {
            if (_phase != Idle)
            {
                _phase = FailedPhase;
            }
        }
    }
}
