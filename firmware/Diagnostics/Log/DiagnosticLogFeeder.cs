using V2G.Firmware.Faults;
using V2G.Firmware.Session;
using V2G.Firmware.Uplink;

namespace V2G.Firmware.Diagnostics.Log
{
    /// <summary>
    /// Turns what the controller and the uplink record for themselves into diagnostic log entries: the
    /// controller's state changes (<see cref="ChargeController.History"/>), faults raised and cleared
    /// (<see cref="ChargeController.Faults"/>), maintenance mode and the verdicts of its tests, and the
    /// uplink's connection state. Called on the control thread after each tick (as the uplink does for its
    /// events); the texts are made once at construction, so a tick with news allocates nothing either
    /// (apart from a maintenance test's verdict, once per test).
    /// </summary>
    public sealed class DiagnosticLogFeeder
    {
        private readonly DiagnosticLog _log;
        private readonly ChargeController _controller;
        private readonly UplinkService _uplink;
        private readonly string[] _stateTexts;
        private readonly string[] _raisedTexts;
        private readonly string[] _clearedTexts;
        private readonly string[] _uplinkTexts;
        private readonly bool[] _faultReported;
        private long _historySeen;
        private long _faultsSeen;
        private int _uplinkState = -1;
        private bool _maintenance;
        private MaintenanceTestStatus _contactorStatus;
        private MaintenanceTestStatus _insulationStatus;

        /// <summary>Feeds <paramref name="log"/> from <paramref name="controller"/> and <paramref name="uplink"/> (may be null).</summary>
        public DiagnosticLogFeeder(DiagnosticLog log, ChargeController controller, UplinkService uplink)
        {
            if (log == null || controller == null)
            {
                throw new System.ArgumentNullException();
            }

            _log = log;
            _controller = controller;
            _uplink = uplink;
            _stateTexts = new string[ChargerStateNames.Count];
            for (int i = 0; i < _stateTexts.Length; i++)
            {
                _stateTexts[i] = "state " + ChargerStateNames.Of((ChargerState)i);
            }

            _raisedTexts = new string[FaultCatalogue.Count];
            _clearedTexts = new string[FaultCatalogue.Count];
            for (int i = 0; i < _raisedTexts.Length; i++)
            {
                FaultInfo info = FaultCatalogue.At(i);
                _raisedTexts[i] = "fault raised: " + info.Name;
                _clearedTexts[i] = "fault cleared: " + info.Name;
            }

            _uplinkTexts = new string[5];
            for (int i = 0; i < _uplinkTexts.Length; i++)
            {
                _uplinkTexts[i] = "uplink " + UplinkConnectionStateNames.Of((UplinkConnectionState)i);
            }

            _faultReported = new bool[controller.Faults.Capacity];

            // Only what happens from now on: the boot's own transition is not news.
            _historySeen = controller.History.Total;
            _faultsSeen = controller.Faults.TotalRaised;
            _contactorStatus = controller.ContactorTestResult.Status;
            _insulationStatus = controller.InsulationTestResult.Status;
        }

        /// <summary>Writes the news since the last call (control thread, after the tick).</summary>
        public void Update(long nowMs)
        {
            FeedStates();
            FeedFaults();
            FeedMaintenance(nowMs);
            FeedUplink(nowMs);
        }

        private void FeedStates()
        {
            StateHistory history = _controller.History;
            while (_historySeen < history.Total)
            {
                long n = _historySeen++;
                if (history.Holds(n))
                {
                    ChargerState state = history.StateAt(n);
                    int index = (int)state;
                    string text = index >= 0 && index < _stateTexts.Length ? _stateTexts[index] : "state unknown";
                    _log.Write(LogModule.Controller, state == ChargerState.Fault ? LogLevel.Warn : LogLevel.Info, text, history.TimeAt(n));
                }
            }
        }

        private void FeedFaults()
        {
            FaultLog log = _controller.Faults;
            while (_faultsSeen < log.TotalRaised)
            {
                long back = log.TotalRaised - _faultsSeen;
                if (back <= log.Count)
                {
                    int handle = log.HandleOf((int)(log.Count - back));
                    FaultRecord record = log.GetByHandle(handle);
                    _log.Write(ModuleOf(record.Code), LogLevel.Error, TextOf(_raisedTexts, record.Code), record.RaisedAtMs);
                    _faultReported[handle] = true;
                }

                _faultsSeen++;
            }

            for (int handle = 0; handle < _faultReported.Length; handle++)
            {
                if (_faultReported[handle])
                {
                    FaultRecord record = log.GetByHandle(handle);
                    if (!record.IsActive)
                    {
                        _log.Write(ModuleOf(record.Code), LogLevel.Info, TextOf(_clearedTexts, record.Code), record.ClearedAtMs);
                        _faultReported[handle] = false;
                    }
                }
            }
        }

        private void FeedMaintenance(long nowMs)
        {
            if (_controller.IsInMaintenance != _maintenance)
            {
                _maintenance = _controller.IsInMaintenance;
                _log.Write(LogModule.Controller, LogLevel.Warn, _maintenance ? "maintenance mode on" : "maintenance mode off", nowMs);
            }

            _contactorStatus = FeedTest(_controller.ContactorTestResult, _contactorStatus, "contactor test ", nowMs);
            _insulationStatus = FeedTest(_controller.InsulationTestResult, _insulationStatus, "insulation test ", nowMs);
        }

        private MaintenanceTestStatus FeedTest(MaintenanceTestResult result, MaintenanceTestStatus seen, string what, long nowMs)
        {
            MaintenanceTestStatus status = result.Status;
            if (status != seen && result.IsFinished)
            {
                bool passed = status == MaintenanceTestStatus.Passed;
                _log.Write(LogModule.Controller, passed ? LogLevel.Info : LogLevel.Warn, what + MaintenanceTestStatusNames.Of(status) + ": " + result.Text, nowMs);
            }

            return status;
        }

        private void FeedUplink(long nowMs)
        {
            if (_uplink == null)
            {
                return;
            }

            int state = (int)_uplink.Connection.State;
            if (state == _uplinkState)
            {
                return;
            }

            // Losing the link matters to a technician; the attempts in between are detail.
            bool wasOnline = _uplinkState == (int)UplinkConnectionState.Online;
            LogLevel level = wasOnline ? LogLevel.Warn : state == (int)UplinkConnectionState.Online ? LogLevel.Info : LogLevel.Debug;
            _uplinkState = state;
            _log.Write(LogModule.Uplink, level, state >= 0 && state < _uplinkTexts.Length ? _uplinkTexts[state] : "uplink unknown", nowMs);
        }

        private static string TextOf(string[] texts, FaultCode code)
        {
            int index = (int)code;
            return index >= 0 && index < texts.Length ? texts[index] : "fault";
        }

        private static LogModule ModuleOf(FaultCode code)
        {
            return code >= FaultCode.GridUnderFrequency && code <= FaultCode.LossOfMains ? LogModule.Grid : LogModule.Safety;
        }
    }
}
