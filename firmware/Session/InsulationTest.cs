using V2G.Firmware.Measurement;
using V2G.Firmware.Settings;
using V2G.Hal.Power;
using V2G.Hal.Safety;

namespace V2G.Firmware.Session
{
    /// <summary>
    /// The maintenance insulation test (no vehicle, contactors open): the converter raises its own side
    /// to the test voltage at the cable-check current limit, the insulation monitor measures there, the
    /// converter pulls the voltage down and is switched off. The verdict uses cable check's rule: at least
    /// <see cref="ChargerSettings.InsulationLimitOhmPerV"/> × the test voltage. Nothing reaches a vehicle:
    /// the contactors are never commanded here.
    /// </summary>
    public sealed class InsulationTest
    {
        private const int Raising = 0;
        private const int Testing = 1;
        private const int Discharging = 2;
        private const int Done = 3;

        private readonly ChargerSettings _settings;
        private readonly IPowerStage _stage;
        private readonly IInsulationMonitor _monitor;
        private readonly MaintenanceTestResult _result = new MaintenanceTestResult();
        private int _phase = Done;
        private bool _passed;
        private string _verdict;
        private long _dischargeStartedMs;

        public InsulationTest(ChargerSettings settings, IPowerStage stage, IInsulationMonitor monitor)
        {
            _settings = settings;
            _stage = stage;
            _monitor = monitor;
        }

        /// <summary>The running or last test's result.</summary>
        public MaintenanceTestResult Result => _result;

        public bool IsRunning => _phase < Done;

        /// <summary>Marks the test as asked for at <paramref name="testVoltageV"/>.</summary>
        public void MarkRequested(double testVoltageV)
        {
            _result.Reset("requested");
            _result.TestVoltageV = testVoltageV;
            _result.Status = MaintenanceTestStatus.Requested;
        }

        public void Start(double testVoltageV, long nowMs)
        {
            _result.Reset("raising the converter to the test voltage");
            _result.TestVoltageV = testVoltageV;
            _result.LimitOhm = _settings.InsulationLimitOhmPerV * testVoltageV;
            _result.StartedAtMs = nowMs;
            _result.Status = MaintenanceTestStatus.Running;
            _stage.SetVoltageTarget(testVoltageV, _settings.CableCheckCurrentLimitA);
            _stage.Enable();
            _phase = Raising;
        }

        /// <summary>One tick; <paramref name="faulted"/> when a fault has taken the output (the test then ends failed).</summary>
        public void Tick(ref Measurements m, bool faulted)
        {
            if (_phase == Done)
            {
                return;
            }

            if (m.ConverterVoltageV > _result.ReachedVoltageV)
            {
                _result.ReachedVoltageV = m.ConverterVoltageV;
            }

            if (faulted)
            {
                // The safe-state sequence has the converter; only the verdict is left to give.
                _monitor.Stop();
                Finish(m.NowMs, false, "aborted: a fault took the output to its safe state");
                return;
            }

            if (_phase != Discharging && m.NowMs - _result.StartedAtMs > _settings.CableCheckTimeoutMs)
            {
                _monitor.Stop();
                BeginDischarge(m.NowMs, false, _phase == Raising ? "the converter did not reach the test voltage" : "the insulation monitor gave no result in time");
            }

            switch (_phase)
            {
                case Raising:
                    if (m.ConverterVoltageV >= _result.TestVoltageV * _settings.CableCheckVoltageReachedFraction)
                    {
                        _monitor.StartTest(_result.TestVoltageV);
                        _result.Text = "measuring";
                        _phase = Testing;
                    }

                    break;

                case Testing:
                    if (m.InsulationMonitorFault)
                    {
                        _monitor.Stop();
                        BeginDischarge(m.NowMs, false, "the insulation monitor reports a device fault");
                    }
                    else if (m.InsulationHasResult)
                    {
                        _result.MeasuredOhm = m.InsulationOhm;
                        _monitor.Stop();
                        bool passed = m.InsulationOhm >= _result.LimitOhm;
                        BeginDischarge(m.NowMs, passed, passed ? "insulation above 100 ohm/V" : "insulation below 100 ohm/V");
                    }

                    break;

                case Discharging:
                    // Bounded: a converter that cannot pull the voltage down is switched off anyway.
                    if (m.ConverterVoltageV <= _settings.SafeVoltageV || m.NowMs - _dischargeStartedMs > _settings.WeldingDetectionTimeoutMs)
                    {
                        _stage.Disable();
                        Finish(m.NowMs, _passed, _verdict);
                    }

                    break;
            }
        }

        /// <summary>Ends a running test at once, converter off (maintenance ended, a vehicle arrived).</summary>
        public void Abort(long nowMs, string why)
        {
            if (_phase == Done && _result.Status != MaintenanceTestStatus.Requested)
            {
                return;
            }

            _monitor.Stop();
            _stage.Disable();
            Finish(nowMs, false, why);
        }

        private void BeginDischarge(long nowMs, bool passed, string verdict)
        {
            _passed = passed;
            _verdict = verdict;
            _stage.SetVoltageTarget(0, _settings.CableCheckCurrentLimitA);
            _dischargeStartedMs = nowMs;
            _result.Text = "discharging";
            _phase = Discharging;
        }

        private void Finish(long nowMs, bool passed, string text)
        {
            _phase = Done;
            _result.Text = text;
            _result.FinishedAtMs = nowMs;
            _result.Status = passed ? MaintenanceTestStatus.Passed : MaintenanceTestStatus.Failed;
        }
    }
}
