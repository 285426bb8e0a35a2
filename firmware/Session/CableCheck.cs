using V2G.Firmware.Control;
using V2G.Firmware.Faults;
using V2G.Firmware.Measurement;
using V2G.Firmware.Settings;
using V2G.Hal.Power;
using V2G.Hal.Safety;
using V2G.Protocol.Session;

namespace V2G.Firmware.Session
{
    /// <summary>
    /// Cable check: the output contactors close, the converter raises the cable to the highest
    /// voltage both sides allow, the insulation monitor measures there, and the output is
    /// discharged and opened again. It fails below the limit (Ω/V × test voltage).
    /// </summary>
    public sealed class CableCheck
    {
        private const int Closing = 0;
        private const int Raising = 1;
        private const int Testing = 2;
        private const int Discharging = 3;
        private const int Done = 4;
        private const int FailedPhase = 5;

        private readonly ChargerSettings _settings;
        private readonly IPowerStage _powerStage;
        private readonly OutputContactors _contactors;
        private readonly IInsulationMonitor _monitor;
        private int _phase = Done;
        private long _startedAtMs;
        private double _testVoltageV;
        private double _measuredOhm;
        private FaultCode _failure;

        public CableCheck(ChargerSettings settings, IPowerStage powerStage, OutputContactors contactors, IInsulationMonitor monitor)
        {
            _settings = settings;
            _powerStage = powerStage;
            _contactors = contactors;
            _monitor = monitor;
        }

        /// <summary>The voltage of the running or last test, V.</summary>
        public double TestVoltageV => _testVoltageV;

        /// <summary>The last measured insulation resistance, Ω.</summary>
        public double MeasuredOhm => _measuredOhm;

        /// <summary>The limit of the running test, Ω.</summary>
        public double LimitOhm => _settings.InsulationLimitOhmPerV * _testVoltageV;

        /// <summary>Why the last check failed (None if it did not).</summary>
        public FaultCode Failure => _failure;

        public bool IsRunning => _phase < Done;

        public bool HasPassed => _phase == Done && _failure == FaultCode.None && _measuredOhm > 0;

        public void Start(double testVoltageV, long nowMs)
        {
            _testVoltageV = testVoltageV;
            _startedAtMs = nowMs;
            _measuredOhm = 0;
            _failure = FaultCode.None;
            _phase = Closing;
            _contactors.Close(nowMs);
        }

        /// <summary>Advances the check by one tick.</summary>
        public StepStatus Tick(ref Measurements m)
        {
            if (_phase == Done)
            {
                return StepStatus.Finished;
            }

            if (_phase == FailedPhase)
            {
                return StepStatus.Failed;
            }

            if (_phase != Discharging && m.NowMs - _startedAtMs > _settings.CableCheckTimeoutMs)
            {
                return Fail(FaultCode.CableCheckTimeout);
            }

            switch (_phase)
            {
                case Closing:
                    if (_contactors.AreClosed)
                    {
                        _powerStage.SetVoltageTarget(_testVoltageV, _settings.CableCheckCurrentLimitA);
                        _powerStage.Enable();
                        _phase = Raising;
                    }

                    break;

                case Raising:
                    if (m.ConnectorVoltageV >= _testVoltageV * _settings.CableCheckVoltageReachedFraction)
                    {
                        _monitor.StartTest(_testVoltageV);
                        _phase = Testing;
                    }

                    break;

                case Testing:
                    if (m.InsulationHasResult)
                    {
                        _measuredOhm = m.InsulationOhm;
                        _monitor.Stop();
                        if (_measuredOhm < LimitOhm)
                        {
                            return Fail(FaultCode.InsulationFault);
                        }

                        // Bring the cable down before handing it to precharge: the converter
                        // actively pulls the voltage to zero, then the gates are disabled.
                        _powerStage.SetVoltageTarget(0, _settings.CableCheckCurrentLimitA);
                        _phase = Discharging;
                    }

                    break;

                case Discharging:
                    if (m.ConnectorVoltageV <= _settings.SafeVoltageV)
                    {
                        _powerStage.Disable();
                        _contactors.Open(m.NowMs);
                        _phase = Done;
                        return StepStatus.Finished;
                    }

                    break;
            }

            return StepStatus.Ongoing;
        }

        /// <summary>Abandons a running check (the safe-state sequence takes the output).</summary>
        public void Abort()
        {
            if (_phase < Done)
            {
                _monitor.Stop();
                _phase = FailedPhase;
            }
        }

        /// <summary>Forgets the result (a new session).</summary>
        public void Reset()
        {
            _phase = Done;
            _measuredOhm = 0;
            _failure = FaultCode.None;
        }

        private StepStatus Fail(FaultCode failure)
        {
            _failure = failure;
            _phase = FailedPhase;
            return StepStatus.Failed;
        }
    }
}
