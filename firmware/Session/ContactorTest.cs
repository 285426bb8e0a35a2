using V2G.Firmware.Control;
using V2G.Firmware.Settings;

namespace V2G.Firmware.Session
{
    /// <summary>
    /// The maintenance contactor test (no vehicle, converter off): DC+ and DC− are closed, each auxiliary
    /// contact must report closed within the contactor feedback timeout; then they are opened and each
    /// must report open within it. The times each contact took are kept, so a technician sees a slowing
    /// contactor before it fails. The safety supervisor judges the same feedback as always: a contactor
    /// that fails here also raises its fault (a welded contactor must keep the charger out of service).
    /// </summary>
    public sealed class ContactorTest
    {
        private const int Closing = 0;
        private const int Opening = 1;
        private const int Done = 2;

        private readonly ChargerSettings _settings;
        private readonly OutputContactors _contactors;
        private readonly MaintenanceTestResult _result = new MaintenanceTestResult();
        private int _phase = Done;
        private long _commandedAtMs;

        public ContactorTest(ChargerSettings settings, OutputContactors contactors)
        {
            _settings = settings;
            _contactors = contactors;
        }

        /// <summary>The running or last test's result.</summary>
        public MaintenanceTestResult Result => _result;

        public bool IsRunning => _phase < Done;

        /// <summary>Marks the test as asked for (the shell sees "requested" until the next tick starts it).</summary>
        public void MarkRequested()
        {
            _result.Reset("requested");
            _result.Status = MaintenanceTestStatus.Requested;
        }

        public void Start(long nowMs)
        {
            _result.Reset("closing DC+ and DC-");
            _result.StartedAtMs = nowMs;
            _result.Status = MaintenanceTestStatus.Running;
            _contactors.Close(nowMs);
            _commandedAtMs = nowMs;
            _phase = Closing;
        }

        /// <summary>One tick; <paramref name="faulted"/> when a fault has taken the output (the test then ends failed).</summary>
        public void Tick(long nowMs, bool faulted)
        {
            if (_phase == Done)
            {
                return;
            }

            long elapsedMs = nowMs - _commandedAtMs;
            bool late = elapsedMs > _settings.ContactorFeedbackTimeoutMs || faulted;
            if (_phase == Closing)
            {
                if (_result.PositiveCloseMs < 0 && _contactors.PositiveFeedbackClosed)
                {
                    _result.PositiveCloseMs = elapsedMs;
                }

                if (_result.NegativeCloseMs < 0 && _contactors.NegativeFeedbackClosed)
                {
                    _result.NegativeCloseMs = elapsedMs;
                }

                if (_result.PositiveCloseMs >= 0 && _result.NegativeCloseMs >= 0)
                {
                    _contactors.Open(nowMs);
                    _commandedAtMs = nowMs;
                    _result.Text = "opening DC+ and DC-";
                    _phase = Opening;
                }
                else if (late)
                {
                    _contactors.Open(nowMs);
                    Finish(nowMs, false, _result.PositiveCloseMs < 0 && _result.NegativeCloseMs < 0
                        ? "DC+ and DC- did not close within the contactor timeout"
                        : _result.PositiveCloseMs < 0 ? "DC+ did not close within the contactor timeout" : "DC- did not close within the contactor timeout");
                }

                return;
            }

            if (_result.PositiveOpenMs < 0 && !_contactors.PositiveFeedbackClosed)
            {
                _result.PositiveOpenMs = elapsedMs;
            }

            if (_result.NegativeOpenMs < 0 && !_contactors.NegativeFeedbackClosed)
            {
                _result.NegativeOpenMs = elapsedMs;
            }

            if (_result.PositiveOpenMs >= 0 && _result.NegativeOpenMs >= 0)
            {
                Finish(nowMs, true, "DC+ and DC- closed and opened within the contactor timeout");
            }
            else if (late)
            {
                Finish(nowMs, false, _result.PositiveOpenMs < 0 && _result.NegativeOpenMs < 0
                    ? "DC+ and DC- did not open (welded?)"
                    : _result.PositiveOpenMs < 0 ? "DC+ did not open (welded?)" : "DC- did not open (welded?)");
            }
        }

        /// <summary>Ends a running test at once, output opened (maintenance ended, a vehicle arrived).</summary>
        public void Abort(long nowMs, string why)
        {
            if (_phase == Done && _result.Status != MaintenanceTestStatus.Requested)
            {
                return;
            }

            _contactors.Open(nowMs);
            Finish(nowMs, false, why);
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
