using V2G.Firmware.Control;
using V2G.Firmware.Faults;
using V2G.Firmware.Measurement;
using V2G.Firmware.Settings;
using V2G.Hal.Power;

namespace V2G.Firmware.Safety
{
    /// <summary>
    /// Checks the measurements of every tick against the protection limits, whatever the protocol
    /// is doing. It only judges; <see cref="SafeShutdown"/> acts. The checks run in order of
    /// severity and the first fault found is returned.
    /// </summary>
    public sealed class SafetySupervisor
    {
        private readonly ChargerSettings _settings;
        private int _overVoltageTicks;
        private int _overCurrentTicks;

        public SafetySupervisor(ChargerSettings settings)
        {
            _settings = settings;
        }

        /// <summary>
        /// Runs every check. <paramref name="insulationLimitOhm"/> is 0 when the insulation is not
        /// being monitored (no output voltage yet). <paramref name="vehicleSilentMs"/> is negative when
        /// no session expects messages from the vehicle.
        /// </summary>
        public FaultCheck Check(ref Measurements m, ref ApplicableLimits limits, OutputContactors contactors, double insulationLimitOhm, long vehicleSilentMs)
        {
            FaultCheck result = default(FaultCheck);

            if (m.EmergencyStopActive)
            {
                return Fault(FaultCode.EmergencyStop, 1);
            }

            if (m.StageFaults != PowerStageFaults.None)
            {
                return Fault(FaultCode.PowerStageHardware, m.StageFaults);
            }

            if (insulationLimitOhm > 0 && m.InsulationHasResult && m.InsulationOhm < insulationLimitOhm)
            {
                return Fault(FaultCode.InsulationFault, m.InsulationOhm);
            }

            if (m.InsulationMonitorFault)
            {
                return Fault(FaultCode.InsulationMonitorFailure, 1);
            }

            double highestV = m.ConverterVoltageV > m.ConnectorVoltageV ? m.ConverterVoltageV : m.ConnectorVoltageV;
            if (Debounced(highestV > limits.MaxVoltageV + _settings.OverVoltageMarginV, ref _overVoltageTicks))
            {
                return Fault(FaultCode.OverVoltage, highestV);
            }

            bool overCurrent = m.CurrentA > limits.MaxChargeCurrentA + _settings.OverCurrentMarginA
                || -m.CurrentA > limits.MaxDischargeCurrentA + _settings.OverCurrentMarginA;
            if (Debounced(overCurrent, ref _overCurrentTicks))
            {
                return Fault(FaultCode.OverCurrent, m.CurrentA);
            }

            if (m.StageTemperatureC > _settings.OverTemperatureC)
            {
                return Fault(FaultCode.OverTemperature, m.StageTemperatureC);
            }

            FaultCode contactorFault = CheckContactorFeedback(contactors, m.NowMs);
            if (contactorFault != FaultCode.None)
            {
                return Fault(contactorFault, contactors.PositiveFeedbackClosed ? 1 : 0);
            }

            if (vehicleSilentMs > _settings.VehicleCommunicationTimeoutMs)
            {
                return Fault(FaultCode.VehicleCommunicationLost, vehicleSilentMs);
            }

            return result;
        }

        /// <summary>True once the cause of an automatically clearing fault is gone.</summary>
        public bool IsCauseGone(FaultCode code, ref Measurements m)
        {
            switch (code)
            {
                case FaultCode.OverTemperature:
                    // Hysteresis: clear well below the trip so the stage does not cycle at the limit.
                    return m.StageTemperatureC < _settings.OverTemperatureClearC;
                case FaultCode.EmergencyStop:
                    return !m.EmergencyStopActive;
                case FaultCode.ContactorWelded:
                case FaultCode.ContactorFailedToClose:
                    return m.ContactorsFeedbackOpen;
                case FaultCode.InsulationMonitorFailure:
                    return !m.InsulationMonitorFault;
                case FaultCode.PowerStageHardware:
                    return m.StageFaults == PowerStageFaults.None;
                default:
                    return true;
            }
        }

        private FaultCode CheckContactorFeedback(OutputContactors contactors, long nowMs)
        {
            if (nowMs - contactors.CommandedAtMs <= _settings.ContactorFeedbackTimeoutMs)
            {
                return FaultCode.None;
            }

            if (contactors.IsCommandedClosed)
            {
                return contactors.AreClosed ? FaultCode.None : FaultCode.ContactorFailedToClose;
            }

            // Commanded open: an auxiliary contact still closed means the main contact is welded
            // (mirror contacts are linked to the main contact so they report a weld).
            return contactors.AreOpen ? FaultCode.None : FaultCode.ContactorWelded;
        }

        private bool Debounced(bool over, ref int ticks)
        {
            ticks = over ? ticks + 1 : 0;
            return ticks >= _settings.ProtectionDebounceTicks;
        }

        private static FaultCheck Fault(FaultCode code, double value)
        {
            FaultCheck check;
            check.Code = code;
            check.Value = value;
            return check;
        }
    }
}
