using V2G.Firmware.Control;
using V2G.Firmware.Faults;
using V2G.Firmware.Measurement;
using V2G.Firmware.Settings;
using V2G.Protocol.Session;

namespace V2G.Firmware.Session
{
    /// <summary>
    /// Welding detection after the output opened: the charger's own contactors must show open on
    /// their auxiliary contacts, and the connector voltage must decay below the safe voltage once
    /// the vehicle has opened its side too; a voltage that stays means a welded contactor on the
    /// vehicle side or a failed bleeder.
    /// </summary>
    public sealed class WeldingDetection
    {
        private readonly ChargerSettings _settings;
        private readonly OutputContactors _contactors;
        private long _startedAtMs = -1;
        private FaultCode _failure;
        private bool _done;

        public WeldingDetection(ChargerSettings settings, OutputContactors contactors)
        {
            _settings = settings;
            _contactors = contactors;
        }

        public FaultCode Failure => _failure;

        public bool IsRunning => _startedAtMs >= 0 && !_done;

        public void Start(long nowMs)
        {
            if (_startedAtMs < 0)
            {
                _startedAtMs = nowMs;
                _failure = FaultCode.None;
                _done = false;
            }
        }

        public StepStatus Tick(ref Measurements m)
        {
            if (_startedAtMs < 0)
            {
                return StepStatus.Failed;
            }

            if (_done)
            {
                return _failure == FaultCode.None ? StepStatus.Finished : StepStatus.Failed;
            }

            bool elapsed = m.NowMs - _startedAtMs > _settings.WeldingDetectionTimeoutMs;
            if (!_contactors.AreOpen)
            {
                if (m.NowMs - _contactors.CommandedAtMs > _settings.ContactorFeedbackTimeoutMs)
                {
                    return Finish(FaultCode.ContactorWelded);
                }

                return StepStatus.Ongoing;
            }

            if (m.ConnectorVoltageV <= _settings.SafeVoltageV)
            {
                return Finish(FaultCode.None);
            }

            return elapsed ? Finish(FaultCode.OutputVoltageNotDecayed) : StepStatus.Ongoing;
        }

        public void Reset()
        {
            _startedAtMs = -1;
            _done = false;
            _failure = FaultCode.None;
        }

        private StepStatus Finish(FaultCode failure)
        {
            _failure = failure;
            _done = true;
            return failure == FaultCode.None ? StepStatus.Finished : StepStatus.Failed;
        }
    }
}
