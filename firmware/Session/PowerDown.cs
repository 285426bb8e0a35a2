using V2G.Firmware.Control;
using V2G.Firmware.Measurement;
using V2G.Firmware.Settings;
using V2G.Hal.Power;
using V2G.Protocol.Session;

namespace V2G.Firmware.Session
{
    /// <summary>
    /// A normal stop: the current is ramped down, and only when it is at most 5 A is the converter
    /// disabled and the output opened, so the contactors never break load on a planned stop.
    /// </summary>
    public sealed class PowerDown
    {
        private readonly ChargerSettings _settings;
        private readonly IPowerStage _powerStage;
        private readonly OutputContactors _contactors;
        private readonly EnergyTransfer _transfer;
        private bool _opened;
        private bool _running;
        private double _voltageLimitV;

        public PowerDown(ChargerSettings settings, IPowerStage powerStage, OutputContactors contactors, EnergyTransfer transfer)
        {
            _settings = settings;
            _powerStage = powerStage;
            _contactors = contactors;
            _transfer = transfer;
        }

        /// <summary>|Current| when the contactors were opened, A.</summary>
        public double OpenedAtCurrentA { get; private set; }

        public bool IsRunning => _running;

        public void Start(double voltageLimitV)
        {
            _running = true;
            _opened = false;
            _voltageLimitV = voltageLimitV;
        }

        public StepStatus Tick(ref Measurements m, long periodMs)
        {
            if (!_running)
            {
                return _opened ? StepStatus.Finished : StepStatus.Failed;
            }

            if (!_opened)
            {
                double voltageLimitV = EnergyTransfer.VoltageLimitV(_voltageLimitV, m.ConnectorVoltageV);
                double reference = _powerStage.Mode == PowerStageMode.CurrentControl ? _transfer.RampDown(periodMs, voltageLimitV) : 0;
                double measured = m.CurrentA < 0 ? -m.CurrentA : m.CurrentA;
                if (reference == 0 && measured <= _settings.ContactorOpenCurrentA)
                {
                    _powerStage.Disable();
                    _contactors.Open(m.NowMs);
                    OpenedAtCurrentA = measured;
                    _opened = true;
                }

                return StepStatus.Ongoing;
            }

            if (_contactors.AreOpen)
            {
                _running = false;
                return StepStatus.Finished;
            }

            // A contact that stays closed is the supervisor's to judge (feedback timeout → welded).
            return StepStatus.Ongoing;
        }

        public void Reset()
        {
            _running = false;
            _opened = false;
        }
    }
}
