using V2G.Firmware.Control;
using V2G.Firmware.Faults;
using V2G.Firmware.Settings;
using V2G.Hal.Power;
using V2G.Hal.Safety;
using V2G.Firmware.Numerics;

namespace V2G.Firmware.Safety
{
    /// <summary>
    /// Brings the output to its safe state after a fault, in order and in bounded time: the
    /// converter is disabled in the tick that found the fault; the contactors open once
    /// |I| ≤ 5 A, or at the latest 100 ms after the converter was disabled; for an emergency stop
    /// or an insulation fault they open at once, under load if need be, and the breaking current
    /// is recorded. Every step is written into the fault's record.
    /// </summary>
    public sealed class SafeShutdown
    {
        private readonly ChargerSettings _settings;
        private readonly IPowerStage _powerStage;
        private readonly OutputContactors _contactors;
        private readonly IInsulationMonitor _insulationMonitor;
        private readonly FaultLog _log;
        // Faults raised while one sequence runs share it: all their records get its opening time.
        private readonly int[] _pendingHandles = new int[8];
        private int _pendingCount;
        private long _converterOffAtMs;

        public SafeShutdown(ChargerSettings settings, IPowerStage powerStage, OutputContactors contactors, IInsulationMonitor insulationMonitor, FaultLog log)
        {
            _settings = settings;
            _powerStage = powerStage;
            _contactors = contactors;
            _insulationMonitor = insulationMonitor;
            _log = log;
        }

        /// <summary>True while the contactors are still to be opened.</summary>
        public bool IsPending => _pendingCount > 0;

        /// <summary>
        /// Starts the sequence for a new fault and records it; returns the record's handle.
        /// Disables the converter at once.
        /// </summary>
        public int Begin(FaultCode code, double value, long nowMs, double currentA)
        {
            _powerStage.Disable();

            FaultRecord record;
            record.Code = code;
            record.Value = value;
            record.RaisedAtMs = nowMs;
            record.ConverterOffAtMs = nowMs;
            record.ContactorsOpenAtMs = -1;
            record.BreakingCurrentA = 0;
            record.ClearedAtMs = -1;
            int handle = _log.Add(ref record);

            if (_pendingCount == 0)
            {
                _converterOffAtMs = nowMs;
            }

            if (_pendingCount < _pendingHandles.Length)
            {
                _pendingHandles[_pendingCount++] = handle;
            }

            if (FaultCatalogue.Get(code).OpensContactorsAtOnce || !_contactors.IsCommandedClosed)
            {
                OpenNow(nowMs, currentA);
            }

            return handle;
        }

        /// <summary>Advances a pending sequence; call every tick while the charger is in its fault state.</summary>
        public void Tick(long nowMs, double currentA)
        {
            // The converter stays disabled for as long as the sequence runs, whatever else asks.
            if (_powerStage.IsEnabled)
            {
                _powerStage.Disable();
            }

            if (_pendingCount == 0)
            {
                return;
            }

            if (Numeric.Abs(currentA) <= _settings.ContactorOpenCurrentA || nowMs - _converterOffAtMs >= _settings.ContactorOpenDeadlineMs)
            {
                OpenNow(nowMs, currentA);
            }
        }

        private void OpenNow(long nowMs, double currentA)
        {
            _contactors.Open(nowMs);
            _insulationMonitor.Stop();
            for (int i = 0; i < _pendingCount; i++)
            {
                _log.SetContactorsOpen(_pendingHandles[i], nowMs, Numeric.Abs(currentA));
            }

            _pendingCount = 0;
        }
    }
}
