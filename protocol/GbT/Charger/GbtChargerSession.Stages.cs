using V2G.Hal.Buses;
using V2G.Hal.Connector;
using V2G.Hal.Timing;
using V2G.Protocol.GbT.Discharge;
using V2G.Protocol.GbT.Transport;
using V2G.Protocol.Session;
using V2G.Protocol.Trace;

namespace V2G.Protocol.GbT.Charger
{
    // The stages: their steps and timeouts, the stop, the wind-down of the controller, and the vehicle data. (The type is documented in GbtChargerSession.cs.)
    public sealed partial class GbtChargerSession
    {
        // ------------------------------------------------------------------ stages

        private void Step(long nowMs, long elapsedMs)
        {
            switch (_stage)
            {
                case GbtChargerStage.Connected:
                    StepConnected(nowMs);
                    break;
                case GbtChargerStage.Handshake:
                    StepHandshake(nowMs);
                    break;
                case GbtChargerStage.Recognition:
                    StepRecognition(nowMs);
                    break;
                case GbtChargerStage.Parameters:
                    StepParameters(nowMs);
                    break;
                case GbtChargerStage.PreCharge:
                    StepPreCharge(nowMs);
                    break;
                case GbtChargerStage.Charging:
                    StepCharging(nowMs, elapsedMs);
                    break;
                case GbtChargerStage.Stopping:
                    StepStopping(nowMs);
                    break;
                case GbtChargerStage.Statistics:
                    StepStatistics(nowMs);
                    break;
                case GbtChargerStage.TimedOut:
                    StepTimedOut(nowMs);
                    break;
                case GbtChargerStage.Ended:
                    StepEnded(nowMs);
                    break;
            }
        }

        private void StepConnected(long nowMs)
        {
            if (_connectorLock.IsLocked)
            {
                _auxiliaryPower.Switch(true);
                _port.VehicleConnected();
                _vehicleConnectedCalled = true;
                EnterStage(GbtChargerStage.Handshake, nowMs);
                int delayMs = _settings.ChmDelayAfterAuxiliaryPowerMs < 0 ? 0 : _settings.ChmDelayAfterAuxiliaryPowerMs;
                if (_settings.Profile == GbtProfile.Gbt2023A && delayMs > Gbt2023AChmDeadlineMs)
                {
                    delayMs = Gbt2023AChmDeadlineMs;
                }

                StartTransmission(TxChm, nowMs + delayMs);
                return;
            }

            if (nowMs - _lockRequestedMs > _settings.LockTimeoutMs)
            {
                Fail(nowMs, "lock_failed");
                End(nowMs);
            }
        }

        private void StepHandshake(long nowMs)
        {
            if (CheckControllerFault(nowMs))
            {
                return;
            }

            if (!_bhmReceived)
            {
                // No CEM field exists for BHM; a 2011-era BMS sends none at all [digest §1, R2b]. CHM goes on.
                if (!_bhmTimeoutLogged && nowMs - _stageSinceMs > _settings.DefaultTimeoutMs)
                {
                    _bhmTimeoutLogged = true;
                    Fail(nowMs, "bhm_timeout");
                }

                return;
            }

            // The insulation check runs on the BHM's voltage while CHM goes on (R1) [digest §6].
            StepStatus status = _port.CableCheck(_bhmVoltageV);
            if (status == StepStatus.Failed)
            {
                BeginStop(CstMessage.FaultStop, SelfCheckFaultField(), "insulation_check_failed");
                return;
            }

            if (status == StepStatus.Finished)
            {
                _cableCheckPassed = true;
                StopTransmission(TxChm);
                StartRecognition(nowMs);
            }
        }

        private void StartRecognition(long nowMs)
        {
            _crm.Recognition = CrmMessage.NotRecognised;
            StartTransmission(TxCrm, nowMs);
            EnterStage(GbtChargerStage.Recognition, nowMs);
        }

        private void StepRecognition(long nowMs)
        {
            if (CheckControllerFault(nowMs))
            {
                return;
            }

            if (!_cableCheckPassed)
            {
                // After a re-handshake the controller runs its insulation check again (it began a new
                // session segment); CRM stays 00h until it has passed.
                StartCommunication();
                StepStatus status = _port.CableCheck(_bhmVoltageV);
                if (status == StepStatus.Failed)
                {
                    BeginStop(CstMessage.FaultStop, SelfCheckFaultField(), "insulation_check_failed");
                    return;
                }

                _cableCheckPassed = status == StepStatus.Finished;
            }

            if (!_recognised)
            {
                if (_brmReceived && _cableCheckPassed)
                {
                    _recognised = true;
                    _recognisedSinceMs = nowMs;
                    _crm.Recognition = CrmMessage.Recognised;
                    return;
                }

                if (!_brmReceived && nowMs - _stageSinceMs > _settings.DefaultTimeoutMs)
                {
                    EnterTimedOut(CemMessage.BrmTimeout, "brm_timeout", nowMs);
                }

                return;
            }

            if (nowMs - _recognisedSinceMs > _settings.DefaultTimeoutMs)
            {
                EnterTimedOut(CemMessage.BcpTimeout, "bcp_timeout", nowMs);
            }
        }

        private void StepParameters(long nowMs)
        {
            if (CheckControllerFault(nowMs))
            {
                return;
            }

            if (_limitsRefused)
            {
                // 2023-A: on a parameter mismatch the charger sends CML, then CST [digest §8, S16; C].
                if (_txCount[TxCml] > 0 || !_txActive[TxCml])
                {
                    BeginStop(CstMessage.FaultStop, ParameterMismatchField(), "parameters_refused");
                }

                return;
            }

            if (!_broReceived)
            {
                if (nowMs - _cmlSinceMs > _settings.DefaultTimeoutMs)
                {
                    EnterTimedOut(CemMessage.BroTimeout, "bro_timeout", nowMs);
                }

                return;
            }

            if (nowMs - _broFirstMs > _settings.ReadyTimeoutMs)
            {
                EnterTimedOut(CemMessage.BroTimeout, "bro_not_ready_timeout", nowMs);
            }
        }

        private void StepPreCharge(long nowMs)
        {
            if (CheckControllerFault(nowMs))
            {
                return;
            }

            if (!_outputReady)
            {
                // Pre-charge to the battery's voltage [digest §4, §6]: the vehicle closed its contactor before
                // BRO(AAh), so the charger measures the battery at its own connector; BCP's present voltage is
                // the fallback while nothing is measured there. Matching the measurement, not the BMS's figure,
                // keeps the current through the closing contactors near zero in either direction.
                if (_preChargeTargetV <= 0)
                {
                    _port.GetPresentValues(out _present);
                    _preChargeTargetV = _present.VoltageV > _settings.SafeOutputVoltageV ? _present.VoltageV : _bcp.PresentVoltageV;
                }

                StepStatus status = _port.PreCharge(_preChargeTargetV);
                if (status == StepStatus.Failed)
                {
                    BeginStop(CstMessage.FaultStop, PreChargeFaultField(), "pre_charge_failed");
                    return;
                }

                if (status == StepStatus.Finished)
                {
                    _outputReady = true;
                    _outputReadySinceMs = nowMs;
                    _cro.Status = CroMessage.Ready;

                    // CRO(AAh) goes out now, not a period later: the BMS starts BCL/BCS on it.
                    _txDueMs[TxCro] = nowMs;
                }

                return;
            }

            if (_bclReceived && _bcsReceived)
            {
                StartCharging(nowMs);
                return;
            }

            if (nowMs - _outputReadySinceMs > _settings.DefaultTimeoutMs)
            {
                EnterTimedOut(_bclReceived ? CemMessage.BcsTimeout : CemMessage.BclTimeout, _bclReceived ? "bcs_timeout" : "bcl_timeout", nowMs);
            }
        }

        private void StartCharging(long nowMs)
        {
            // CRO stops and CCS starts once BCL and BCS are both in [digest §6, S2 App. D].
            StopTransmission(TxCro);
            EnterStage(GbtChargerStage.Charging, nowMs);
            _chargingSinceMs = nowMs;
            _lastBclMs = nowMs;
            _lastBcsMs = nowMs;
            ApplyVoltageDemand();
            _port.UpdateVehicleStatus(ref _evStatus);
            StepStatus status = _port.StartEnergyTransfer();
            if (status == StepStatus.Failed)
            {
                BeginStop(CstMessage.FaultStop, CstMessage.OtherFault, "energy_transfer_refused");
                return;
            }

            StartTransmission(TxCcs, nowMs);
        }

        private void StepCharging(long nowMs, long elapsedMs)
        {
            _port.GetPresentValues(out _present);
            if (_present.IsFaulted)
            {
                BeginStop(CstMessage.FaultStop, CstMessage.OtherFault, "controller_fault");
                return;
            }

            if (_present.Notification == ChargerNotification.Terminate)
            {
                BeginStop(CstMessage.ManualStop, -1, "controller_terminate");
                return;
            }

            double powerW = _present.PowerW < 0 ? -_present.PowerW : _present.PowerW;
            _energyWh += powerW * elapsedMs / 3600000.0;
            ApplyDischargeFloor(_present.VoltageV, nowMs);

            if (nowMs - _lastBclMs > _settings.BclTimeoutMs)
            {
                EnterTimedOut(CemMessage.BclTimeout, "bcl_timeout", nowMs);
                return;
            }

            if (nowMs - _lastBcsMs > _settings.BcsTimeoutMs)
            {
                EnterTimedOut(CemMessage.BcsTimeout, "bcs_timeout", nowMs);
                return;
            }

            if (_settings.BsmTimeoutMs > 0 && _bsmReceived && nowMs - _lastBsmMs > _settings.BsmTimeoutMs)
            {
                // 2023-A: stop, and no re-handshake until the connector is re-plugged [digest §8, S16; C].
                _reconnectAllowed = false;
                BeginStop(CstMessage.FaultStop, CstMessage.OtherFault, "bsm_timeout");
                return;
            }

            if (_paused && nowMs - _pauseSinceMs > _settings.PauseLimitMs)
            {
                // Paused longer than 10 min: the charger stops and records why [digest §6, S2 App. C note 1].
                BeginStop(CstMessage.ConditionReached, -1, "pause_limit");
            }
        }

        /// <summary>Begins the charger's stop: CST every 10 ms, the output powers down [digest §6, S2].</summary>
        private void BeginStop(int reasonField, int faultField, string reason)
        {
            long nowMs = _nowMs;
            _chargerInitiatedStop = reasonField != CstMessage.BmsStopped;
            _cst.Clear();
            _cst.Set(reasonField, TwoBit.Yes);
            if (faultField >= 0)
            {
                _cst.Set(faultField, TwoBit.Yes);
            }

            // A fault, or a limit of the standard (the 10 min pause), is a failure; a stop someone asked for is an event.
            if (reasonField == CstMessage.FaultStop || reasonField == CstMessage.ConditionReached)
            {
                Fail(nowMs, reason);
            }
            else
            {
                LogEvent(nowMs, reason);
            }

            StopAllTransmissions();
            StartTransmission(TxCst, nowMs);
            _cstSinceMs = nowMs;
            _stopCurrentChecked = false;
            _windDownActive = true;
            EnterStage(GbtChargerStage.Stopping, nowMs);
            WindDown(nowMs);
        }

        private void StepStopping(long nowMs)
        {
            WindDown(nowMs);
            CheckStopCurrent(nowMs);
            if (_chargerInitiatedStop && !_bstReceived && nowMs - _cstSinceMs > _settings.DefaultTimeoutMs)
            {
                // A stop that was ending the session anyway: CEM, then the end, without re-handshake.
                _reconnectAllowed = false;
                EnterTimedOut(CemMessage.BstTimeout, "bst_timeout", nowMs);
                return;
            }

            if (nowMs - _cstSinceMs > _settings.StatisticsTimeoutMs)
            {
                _reconnectAllowed = false;
                EnterTimedOut(CemMessage.BsdTimeout, "bsd_timeout", nowMs);
            }
        }

        private void StepStatistics(long nowMs)
        {
            WindDown(nowMs);
            CheckStopCurrent(nowMs);
            if (_windDownDone && nowMs - _bsdSinceMs >= _settings.StatisticsDurationMs)
            {
                LogEvent(nowMs, "session_complete");
                End(nowMs);
            }
        }

        /// <summary>A BMS message timed out (or BEM arrived: <paramref name="cemField"/> −1, no CEM).</summary>
        private void EnterTimedOut(int cemField, string reason, long nowMs)
        {
            TimeoutCount++;
            Fail(nowMs, reason);
            StopAllTransmissions();
            if (cemField >= 0)
            {
                _cem.AllNormal();
                _cem.Set(cemField, TwoBit.Yes);
                StartTransmission(TxCem, nowMs);
            }

            if (!_windDownActive)
            {
                _windDownActive = true;
                _cstSinceMs = nowMs;
                _stopCurrentChecked = false;
            }

            _timedOutSinceMs = nowMs;
            EnterStage(GbtChargerStage.TimedOut, nowMs);

            // The output is told to stop now, not a poll later.
            WindDown(nowMs);
        }

        private void StepTimedOut(long nowMs)
        {
            WindDown(nowMs);
            CheckStopCurrent(nowMs);
            if (!_windDownDone || nowMs - _timedOutSinceMs < _settings.ReconnectDelayMs)
            {
                return;
            }

            if (!_reconnectAllowed || _reconnects >= _settings.MaxReconnects)
            {
                if (_reconnectAllowed)
                {
                    Fail(nowMs, "reconnects_exhausted");
                }

                _port.CommunicationLost();
                End(nowMs);
                return;
            }

            // Re-handshake from CRM(00h) [digest §6, §7, S2 App. A.9]; CEM stops as CRM restarts (TRACES.md).
            _reconnects++;
            LogEvent(nowMs, "reconnect");

            // The new handshake's messages are logged again, even where they repeat the first one's.
            _throttle.Reset();
            ResetNegotiation();
            StopAllTransmissions();
            _cableCheckPassed = false;
            _communicationStarted = false;
            _transport.Reset();
            StartCommunication();
            StartRecognition(nowMs);
        }

        private void End(long nowMs)
        {
            StopAllTransmissions();
            _auxiliaryPower.Switch(false);
            EnterStage(GbtChargerStage.Ended, nowMs);
            StepEnded(nowMs);
        }

        private void StepEnded(long nowMs)
        {
            WindDown(nowMs);
            if (_unlocked || (_windDownActive && !_windDownDone))
            {
                return;
            }

            // Unlock once the output is safe: welding detection passed (or the output never went live) and
            // the output voltage is down.
            if (_weldingStatus == StepStatus.Failed)
            {
                return;
            }

            _port.GetPresentValues(out _present);
            if (_present.VoltageV > _settings.SafeOutputVoltageV)
            {
                return;
            }

            _connectorLock.Unlock();
            _unlocked = true;
        }

        /// <summary>Powers the controller down: StopEnergyTransfer, then WeldingDetection, then EndSession, each until it is no longer Ongoing.</summary>
        private void WindDown(long nowMs)
        {
            if (!_windDownActive || _windDownDone)
            {
                return;
            }

            if (!_communicationStarted)
            {
                // The controller never left "vehicle connected": there is no output to power down.
                _weldingStatus = StepStatus.Finished;
                _windDownDone = true;
                return;
            }

            if (!_powerDownDone)
            {
                if (_port.StopEnergyTransfer() == StepStatus.Ongoing)
                {
                    return;
                }

                _powerDownDone = true;
            }

            if (!_weldingDone)
            {
                _weldingStatus = _port.WeldingDetection();
                if (_weldingStatus == StepStatus.Ongoing)
                {
                    return;
                }

                _weldingDone = true;
            }

            _port.EndSession();
            _windDownDone = true;
        }

        /// <summary>After CST (or a timeout) the current must fall to ≤ 5 A within 100 ms [digest §6, S2]; the controller's power-down does it, this checks it.</summary>
        private void CheckStopCurrent(long nowMs)
        {
            if (_stopCurrentChecked || !_windDownActive)
            {
                return;
            }

            _port.GetPresentValues(out _present);
            double currentA = _present.CurrentA < 0 ? -_present.CurrentA : _present.CurrentA;
            if (currentA <= _settings.StopCurrentA)
            {
                _stopCurrentChecked = true;
                StopCurrentDelayMs = nowMs - _cstSinceMs;
                StopCurrentLate = StopCurrentDelayMs > _settings.StopCurrentDeadlineMs;
                if (StopCurrentLate)
                {
                    Fail(nowMs, "stop_current_late");
                }

                return;
            }

            if (nowMs - _cstSinceMs > _settings.StopCurrentDeadlineMs && !StopCurrentLate)
            {
                StopCurrentLate = true;
                Fail(nowMs, "stop_current_late");
            }
        }

        /// <summary>A fault in the controller during set-up stops the session with "fault stop".</summary>
        private bool CheckControllerFault(long nowMs)
        {
            if (!_communicationStarted)
            {
                return false;
            }

            _port.GetPresentValues(out _present);
            if (_present.IsFaulted)
            {
                BeginStop(CstMessage.FaultStop, CstMessage.OtherFault, "controller_fault");
                return true;
            }

            if (_present.Notification == ChargerNotification.Terminate)
            {
                BeginStop(CstMessage.ManualStop, -1, "controller_terminate");
                return true;
            }

            return false;
        }

        private void StartCommunication()
        {
            if (!_communicationStarted)
            {
                _communicationStarted = true;
                _port.CommunicationStarted(SessionProtocol.GbT27930);
            }
        }

        // ------------------------------------------------------------------ vehicle data

        private void BuildVehicleLimits()
        {
            double maxChargeA = _bcp.MaxChargeCurrentA < 0 ? -_bcp.MaxChargeCurrentA : _bcp.MaxChargeCurrentA;
            _evLimits.MaxVoltageV = _bcp.MaxTotalVoltageV;
            _evLimits.MinVoltageV = 0;
            _evLimits.MaxChargeCurrentA = maxChargeA;

            // BCP carries no power: the vehicle's power bound is its voltage × current bound.
            _evLimits.MaxChargePowerW = _bcp.MaxTotalVoltageV * maxChargeA;
            _evLimits.MaxDischargeCurrentA = 0;
            _evLimits.MaxDischargePowerW = 0;
            _evLimits.BatteryCapacityWh = _bcp.NominalEnergyKWh * 1000.0;
            _evStatus.BatteryVoltageV = _bcp.PresentVoltageV;
            _evStatus.SocPercent = _bcp.SocPercent;
        }

        private void FillVehicleStatus()
        {
            if (_bcsReceived)
            {
                _evStatus.BatteryVoltageV = _bcs.MeasuredVoltageV;
                _evStatus.SocPercent = _bcs.SocPercent;
            }
        }

        /// <summary>BCL's voltage demand caps the voltage in force (the controller takes limit updates while power flows).</summary>
        private void ApplyVoltageDemand()
        {
            double demandV = _bcl.VoltageDemandV;
            if (demandV <= 0 || demandV > _bcp.MaxTotalVoltageV)
            {
                demandV = _bcp.MaxTotalVoltageV;
            }

            double delta = demandV - _appliedVoltageDemandV;
            if (delta < 0)
            {
                delta = -delta;
            }

            if (delta < 0.05)
            {
                return;
            }

            _appliedVoltageDemandV = demandV;
            PushLimits();
        }

        /// <summary>
        /// The extension's rule: never discharge below max(CDC minimum voltage, BDC minimum pack voltage).
        /// At the floor the discharge limits in force go to 0; they come back
        /// <see cref="GbtChargerSettings.DischargeFloorHysteresisV"/> above it.
        /// </summary>
        private void ApplyDischargeFloor(double voltageV, long nowMs)
        {
            if (!_discharge.IsAgreed)
            {
                return;
            }

            double floorV = _discharge.MinDischargeVoltageV;
            bool reached = _dischargeFloorReached ? voltageV < floorV + _settings.DischargeFloorHysteresisV : voltageV <= floorV;
            if (reached == _dischargeFloorReached)
            {
                return;
            }

            _dischargeFloorReached = reached;
            _evLimits.MaxDischargeCurrentA = reached ? 0 : _discharge.MaxDischargeCurrentA;
            _evLimits.MaxDischargePowerW = reached ? 0 : _discharge.MaxDischargePowerW;
            LogEvent(nowMs, reached ? "discharge_floor_reached" : "discharge_floor_cleared");
            PushLimits();
        }

        /// <summary>Hands the vehicle's limits in force to the controller, with BCL's voltage demand as the maximum voltage.</summary>
        private void PushLimits()
        {
            double maxV = _evLimits.MaxVoltageV;
            if (_appliedVoltageDemandV > 0)
            {
                _evLimits.MaxVoltageV = _appliedVoltageDemandV;
            }

            _port.SetVehicleLimits(ref _evLimits);
            _evLimits.MaxVoltageV = maxV;
        }

        private int ChargeTimeMin(long nowMs)
        {
            if (_chargingSinceMs <= 0 || _stage < GbtChargerStage.Charging)
            {
                return 0;
            }

            return (int)((nowMs - _chargingSinceMs) / 60000);
        }

        private int SelfCheckFieldOrOther(int field)
        {
            return _settings.Profile == GbtProfile.Gbt2023A ? field : CstMessage.OtherFault;
        }

        private int SelfCheckFaultField()
        {
            return SelfCheckFieldOrOther(CstMessage.SelfCheckFault);
        }

        private int PreChargeFaultField()
        {
            return SelfCheckFieldOrOther(CstMessage.PrechargeFault);
        }

        private int ParameterMismatchField()
        {
            return SelfCheckFieldOrOther(CstMessage.ParameterMismatch);
        }

        private static bool IsNotCredible(int state)
        {
            return state == TwoBit.NotCredible;
        }

        private static bool IsActiveStage(GbtChargerStage stage)
        {
            return stage >= GbtChargerStage.Handshake && stage <= GbtChargerStage.Charging;
        }
    }
}
