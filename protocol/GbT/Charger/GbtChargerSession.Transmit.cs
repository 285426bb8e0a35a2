using V2G.Hal.Buses;
using V2G.Hal.Connector;
using V2G.Hal.Timing;
using V2G.Protocol.GbT.Discharge;
using V2G.Protocol.GbT.Transport;
using V2G.Protocol.Session;
using V2G.Protocol.Trace;

namespace V2G.Protocol.GbT.Charger
{
    // The periodic transmissions on their own deadlines, and the decoded log. (The type is documented in GbtChargerSession.cs.)
    public sealed partial class GbtChargerSession
    {
        // ------------------------------------------------------------------ transmitting

        private void StartTransmission(int tx, long firstDueMs)
        {
            _txActive[tx] = true;
            _txDueMs[tx] = firstDueMs;
        }

        private void StopTransmission(int tx)
        {
            _txActive[tx] = false;
        }

        private void StopAllTransmissions()
        {
            for (int i = 0; i < TxCount; i++)
            {
                _txActive[i] = false;
            }
        }

        /// <summary>Each periodic frame at most once per Poll, on its own deadline: late polls skip periods rather than drift or burst.</summary>
        private void Transmit(long nowMs)
        {
            for (int tx = 0; tx < TxCount; tx++)
            {
                if (!_txActive[tx] || nowMs < _txDueMs[tx])
                {
                    continue;
                }

                SendPeriodic(tx, nowMs);
                long next = _txDueMs[tx] + TxPeriodMs[tx];
                while (next <= nowMs)
                {
                    next += TxPeriodMs[tx];
                }

                _txDueMs[tx] = next;
            }
        }

        private void SendPeriodic(int tx, long nowMs)
        {
            int length;
            switch (tx)
            {
                case TxChm:
                    length = _chm.Write(_tx);
                    break;
                case TxCrm:
                    length = _crm.Write(_tx);
                    break;
                case TxCts:
                    length = WriteCts();
                    break;
                case TxCml:
                    _cml.MaxOutputVoltageV = _chargerLimits.MaxVoltageV;
                    _cml.MinOutputVoltageV = _chargerLimits.MinVoltageV;
                    _cml.MaxOutputCurrentA = GbtCurrentSign.ToStandardA(_chargerLimits.MaxChargeCurrentA);
                    _cml.MinOutputCurrentA = 0;
                    length = _cml.Write(_tx);
                    break;
                case TxCdc:
                    length = _discharge.WriteCdc(_tx, ref _chargerLimits);
                    break;
                case TxCro:
                    length = _cro.Write(_tx);
                    break;
                case TxCcs:
                    _port.GetPresentValues(out _present);
                    _ccs.OutputVoltageV = _present.VoltageV;
                    _ccs.OutputCurrentA = GbtCurrentSign.ToStandardA(_present.CurrentA);
                    _ccs.CumulativeTimeMin = ChargeTimeMin(nowMs);
                    _ccs.ChargingPermitted = _present.Notification == ChargerNotification.Pause ? CcsMessage.Paused : CcsMessage.Permitted;
                    length = _ccs.Write(_tx);
                    break;
                case TxCst:
                    length = _cst.Write(_tx);
                    break;
                case TxCsd:
                    length = _csd.Write(_tx);
                    break;
                default:
                    length = _cem.Write(_tx);
                    break;
            }

            int pf = TxPf[tx];
            CanFrame frame = default(CanFrame);
            frame.Id = tx == TxCdc
                ? DischargeExtension.CdcCanId
                : GbtCanId.Make(pf, GbtAddress.Bms, GbtAddress.Charger);
            frame.IsExtended = true;
            frame.Length = length;
            for (int i = 0; i < length; i++)
            {
                frame.SetByte(i, _tx[i]);
            }

            _txCount[tx]++;
            Send(ref frame);
            if (tx == TxCdc)
            {
                if (_throttle.ShouldLog(true, pf, _tx, length, nowMs))
                {
                    LogExtension(true, "CDC", _discharge.Cdc.MaxDischargeCurrentA, _discharge.Cdc.MaxDischargePowerKw, _discharge.Cdc.MinDischargeVoltageV, _discharge.Cdc.Version, nowMs);
                }
            }
            else
            {
                LogMessage(true, pf, _tx, length, nowMs);
            }
        }

        private int WriteCts()
        {
            IWallClock clock = WallClock;
            if (clock == null || !clock.IsSet)
            {
                return _cts.WriteNotAvailable(_tx);
            }

            System.DateTime now = clock.UtcNow;
            _cts.Second = now.Second;
            _cts.Minute = now.Minute;
            _cts.Hour = now.Hour;
            _cts.Day = now.Day;
            _cts.Month = now.Month;
            _cts.Year = now.Year;
            return _cts.Write(_tx);
        }

        private void Send(ref CanFrame frame)
        {
            if (_can.TrySend(ref frame))
            {
                FramesSent++;
            }
            else
            {
                TransmitFailures++;
            }
        }

        // ------------------------------------------------------------------ log

        private void EnterStage(GbtChargerStage stage, long nowMs)
        {
            if (stage == _stage)
            {
                return;
            }

            _stage = stage;
            _stageSinceMs = nowMs;
            if (_log != null)
            {
                TraceEntry entry = _log.Add(nowMs, MessageDirection.Event, "stage");
                entry.Details.Append(GbtChargerStageNames.Of(stage));
            }
        }

        private void LogReceived(int pf, byte[] payload, int length, long nowMs)
        {
            LogMessage(false, pf, payload, length, nowMs);
        }

        private void LogMessage(bool sent, int pf, byte[] payload, int length, long nowMs)
        {
            if (_log == null || !_throttle.ShouldLog(sent, pf, payload, length, nowMs))
            {
                return;
            }

            TraceEntry entry = _log.Add(nowMs, sent ? MessageDirection.Sent : MessageDirection.Received, GbtPf.NameOf(pf));
            GbtMessageDecoder.Describe(pf, payload, length, entry.Details);
        }

        private void LogExtension(bool sent, string name, double currentA, double powerKw, double voltageV, int version, long nowMs)
        {
            if (_log == null)
            {
                return;
            }

            TraceEntry entry = _log.Add(nowMs, sent ? MessageDirection.Sent : MessageDirection.Received, name);
            entry.Details.Append("v").Append(version).Append(" Imax=").Append(currentA, 1).Append(" A Pmax=")
                .Append(powerKw, 1).Append(" kW Umin=").Append(voltageV, 1).Append(" V");
        }

        private void LogEvent(long nowMs, string what)
        {
            if (_log != null)
            {
                _log.Add(nowMs, MessageDirection.Event, what);
            }
        }

        private void Fail(long nowMs, string failure)
        {
            LastFailure = failure;
            if (_log != null)
            {
                _log.AddFailure(nowMs, FailureLayer.Can, failure);
            }
        }

        /// <summary>Counts a dropped frame; logs its reason at most once per second per reason, so a flood cannot fill the log.</summary>
        private void Drop(int reason, long nowMs)
        {
            FramesDropped++;
            _dropCounts[reason]++;
            LastDropReason = DropNames[reason];
            if (_log != null && (_dropCounts[reason] == 1 || nowMs - _dropLoggedMs[reason] >= GbtLogThrottle.MeasurementIntervalMs))
            {
                _dropLoggedMs[reason] = nowMs;
                _log.AddFailure(nowMs, FailureLayer.Can, DropNames[reason]);
            }
        }
    }
}
