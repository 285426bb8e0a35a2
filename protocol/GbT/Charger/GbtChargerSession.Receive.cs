using V2G.Hal.Buses;
using V2G.Hal.Connector;
using V2G.Hal.Timing;
using V2G.Protocol.GbT.Discharge;
using V2G.Protocol.GbT.Transport;
using V2G.Protocol.Session;
using V2G.Protocol.Trace;

namespace V2G.Protocol.GbT.Charger
{
    // Receiving: frame filtering, the transport, and each BMS message in its stage. (The type is documented in GbtChargerSession.cs.)
    public sealed partial class GbtChargerSession
    {
        // ------------------------------------------------------------------ receiving

        private void Receive(long nowMs)
        {
            CanFrame frame;
            for (int i = 0; i < MaxFramesPerPoll && _can.TryReceive(out frame); i++)
            {
                FramesReceived++;
                HandleFrame(ref frame, nowMs);
            }

            _transport.Poll(nowMs);
            ForwardTransportFrames();
            CheckTransportHealth(nowMs);
        }

        private void HandleFrame(ref CanFrame frame, long nowMs)
        {
            if (!frame.IsExtended)
            {
                Drop(DropNotExtended, nowMs);
                return;
            }

            if (!GbtCanId.IsPdu1(frame.Id))
            {
                Drop(DropNotPdu1, nowMs);
                return;
            }

            if (GbtCanId.SourceOf(frame.Id) != GbtAddress.Bms || GbtCanId.DestinationOf(frame.Id) != GbtAddress.Charger)
            {
                Drop(DropForeignAddress, nowMs);
                return;
            }

            int pf = GbtCanId.PfOf(frame.Id);
            if (pf == GbtPf.TpCm || pf == GbtPf.TpDt)
            {
                if (!_transport.Handle(ref frame, nowMs))
                {
                    // A CTS or EndOfMsgAck: the charger sends nothing by TP, so nothing can be answered.
                    Drop(DropUnexpectedPgn, nowMs);
                }

                ForwardTransportFrames();
                int messagePf;
                int length;
                if (_transport.TryTakeMessage(out messagePf, out length))
                {
                    if (GbtPf.IsMultiPacket(messagePf))
                    {
                        Dispatch(messagePf, _transport.MessagePayload, length, nowMs);
                    }
                    else
                    {
                        Drop(DropUnexpectedPgn, nowMs);
                    }
                }

                return;
            }

            int frameLength = frame.Length < 0 ? 0 : (frame.Length > 8 ? 8 : frame.Length);
            for (int i = 0; i < 8; i++)
            {
                _rx[i] = i < frameLength ? frame.GetByte(i) : GbtBytes.FillByte;
            }

            if (pf == DischargeExtension.Pf)
            {
                HandleExtension(frameLength, nowMs);
                return;
            }

            Dispatch(pf, _rx, frameLength, nowMs);
        }

        private void Dispatch(int pf, byte[] payload, int length, long nowMs)
        {
            switch (pf)
            {
                case GbtPf.Bhm:
                    if (Read(_bhm.Read(payload, length), pf, payload, length, nowMs))
                    {
                        OnBhm(nowMs);
                    }

                    break;
                case GbtPf.Brm:
                    if (Read(_brm.Read(payload, length), pf, payload, length, nowMs))
                    {
                        OnBrm(nowMs);
                    }

                    break;
                case GbtPf.Bcp:
                    if (Read(_bcp.Read(payload, length), pf, payload, length, nowMs))
                    {
                        OnBcp(nowMs);
                    }

                    break;
                case GbtPf.Bro:
                    if (Read(_bro.Read(payload, length), pf, payload, length, nowMs))
                    {
                        OnBro(nowMs);
                    }

                    break;
                case GbtPf.Bcl:
                    if (Read(_bcl.Read(payload, length), pf, payload, length, nowMs))
                    {
                        OnBcl(nowMs);
                    }

                    break;
                case GbtPf.Bcs:
                    if (Read(_bcs.Read(payload, length), pf, payload, length, nowMs))
                    {
                        OnBcs(nowMs);
                    }

                    break;
                case GbtPf.Bsm:
                    if (Read(_bsm.Read(payload, length), pf, payload, length, nowMs))
                    {
                        OnBsm(nowMs);
                    }

                    break;
                case GbtPf.Bst:
                    if (Read(_bst.Read(payload, length), pf, payload, length, nowMs))
                    {
                        OnBst(nowMs);
                    }

                    break;
                case GbtPf.Bsd:
                    if (Read(_bsd.Read(payload, length), pf, payload, length, nowMs))
                    {
                        OnBsd(nowMs);
                    }

                    break;
                case GbtPf.Bem:
                    if (Read(_bem.Read(payload, length), pf, payload, length, nowMs))
                    {
                        OnBem(nowMs);
                    }

                    break;
                case GbtPf.Bmv:
                case GbtPf.Bmt:
                case GbtPf.Bsp:
                    // Informative; the charger applies no timeout to them [digest §3, S2]. Logged only.
                    LogReceived(pf, payload, length, nowMs);
                    break;
                default:
                    Drop(GbtPf.IsKnown(pf) ? DropUnexpectedPgn : DropUnknownPgn, nowMs);
                    break;
            }
        }

        /// <summary>Logs a received message if it decoded; counts and logs a drop if it did not.</summary>
        private bool Read(bool ok, int pf, byte[] payload, int length, long nowMs)
        {
            if (!ok)
            {
                Drop(DropBadLength, nowMs);
                return false;
            }

            LogReceived(pf, payload, length, nowMs);
            return true;
        }

        private void HandleExtension(int length, long nowMs)
        {
            int id = DischargeExtension.IdOf(_rx, length);
            if (id != DischargeExtension.BdcId)
            {
                // Proprietary A has other users; anything but our BDC is not for this session.
                Drop(DropUnknownPgn, nowMs);
                return;
            }

            if (_discharge.OnBdc(_rx, length))
            {
                if (_throttle.ShouldLog(false, DischargeExtension.Pf, _rx, length, nowMs))
                {
                    LogExtension(false, "BDC", _discharge.Bdc.MaxDischargeCurrentA, _discharge.Bdc.MaxDischargePowerKw, _discharge.Bdc.MinPackVoltageV, _discharge.Bdc.Version, nowMs);
                }

                if (!_discharge.WantsCdc)
                {
                    StopTransmission(TxCdc);
                }
            }
        }

        private void ForwardTransportFrames()
        {
            CanFrame frame;
            while (_transport.TryTakeFrame(out frame))
            {
                Send(ref frame);
            }
        }

        private void CheckTransportHealth(long nowMs)
        {
            int aborts = _transport.AbortsSent + _transport.AbortsReceived;
            int timeouts = _transport.TimeoutCount;
            if (aborts != _seenAborts || timeouts != _seenTpTimeouts)
            {
                int broken = (aborts - _seenAborts) + (timeouts - _seenTpTimeouts);
                _seenAborts = aborts;
                _seenTpTimeouts = timeouts;
                for (int i = 0; i < broken; i++)
                {
                    Drop(DropTransport, nowMs);
                }
            }
        }

        // ------------------------------------------------------------------ BMS messages

        private void OnBhm(long nowMs)
        {
            if (_stage != GbtChargerStage.Handshake)
            {
                return;
            }

            _bhmReceived = true;
            _bhmVoltageV = _bhm.MaxChargeVoltageV;
            StartCommunication();
        }

        private void OnBrm(long nowMs)
        {
            if (_stage == GbtChargerStage.Recognition && !_recognised)
            {
                _brmReceived = true;
            }
        }

        private void OnBcp(long nowMs)
        {
            bool expected = (_stage == GbtChargerStage.Recognition && _recognised) || (_stage == GbtChargerStage.Parameters && !_bcpReceived);
            if (!expected)
            {
                return;
            }

            _bcpReceived = true;
            BuildVehicleLimits();
            _limitsRefused = !_port.SetVehicleLimits(ref _evLimits);
            SendEnergyNeeds(_bcp.SocPercent);

            StopTransmission(TxCrm);
            _port.GetChargerLimits(out _chargerLimits);
            if (_settings.SendCts)
            {
                StartTransmission(TxCts, nowMs);
            }

            StartTransmission(TxCml, nowMs);
            if (_discharge.WantsCdc)
            {
                StartTransmission(TxCdc, nowMs);
            }

            _cmlSinceMs = nowMs;
            EnterStage(GbtChargerStage.Parameters, nowMs);
        }

        private void OnBro(long nowMs)
        {
            if (_stage != GbtChargerStage.Parameters || _limitsRefused)
            {
                return;
            }

            if (!_broReceived)
            {
                _broReceived = true;
                _broFirstMs = nowMs;
            }

            if (_bro.Status != BroMessage.Ready)
            {
                return;
            }

            // BRO(AAh) ends CTS/CML [R1] and the extension's negotiation; the limits are applied again
            // with the agreed discharge limits (the controller takes a second call in parameter exchange).
            StopTransmission(TxCts);
            StopTransmission(TxCml);
            StopTransmission(TxCdc);
            bool agreed = _discharge.Decide();
            if (_settings.Discharge.Enabled)
            {
                LogEvent(nowMs, agreed ? "discharge_agreed" : "charge_only");
            }

            if (agreed)
            {
                _discharge.ApplyTo(ref _evLimits);
                if (!_port.SetVehicleLimits(ref _evLimits))
                {
                    BeginStop(CstMessage.FaultStop, ParameterMismatchField(), "parameters_refused");
                    return;
                }
            }

            _cro.Status = CroMessage.NotReady;
            StartTransmission(TxCro, nowMs);
            EnterStage(GbtChargerStage.PreCharge, nowMs);
        }

        private void OnBcl(long nowMs)
        {
            if (_stage != GbtChargerStage.Charging && !(_stage == GbtChargerStage.PreCharge && _outputReady))
            {
                return;
            }

            _bclReceived = true;
            _lastBclMs = nowMs;
            bool refused;
            double requestA = _discharge.DemandToFirmwareA(_bcl.CurrentDemandA, out refused);
            if (refused != _dischargeDemandRefused)
            {
                _dischargeDemandRefused = refused;
                if (refused)
                {
                    Fail(nowMs, "discharge_demand_without_agreement");
                }
            }

            _evStatus.RequestedCurrentA = _paused ? 0 : requestA;
            _evStatus.HasCurrentRequest = true;
            FillVehicleStatus();
            if (_stage == GbtChargerStage.Charging)
            {
                ApplyVoltageDemand();
                _port.UpdateVehicleStatus(ref _evStatus);
            }
        }

        private void OnBcs(long nowMs)
        {
            if (_stage != GbtChargerStage.Charging && !(_stage == GbtChargerStage.PreCharge && _outputReady))
            {
                return;
            }

            _bcsReceived = true;
            _lastBcsMs = nowMs;
            FillVehicleStatus();
            if (_stage == GbtChargerStage.Charging)
            {
                ApplyDischargeFloor(_bcs.MeasuredVoltageV, nowMs);
            }

            if (_stage == GbtChargerStage.Charging)
            {
                _port.UpdateVehicleStatus(ref _evStatus);
                SendEnergyNeeds(_bcs.SocPercent);
            }
        }

        /// <summary>
        /// The vehicle's energy needs as far as GB/T 27930 carries them: the energy to a full pack
        /// (EVMaximumEnergyRequest's meaning), from BCP's rated energy and the SoC of BCP or BCS. GB/T carries no
        /// minimum SoC, no target SoC (the BMS charges until it stops the session with BST), no departure time
        /// (BCS's remaining time is the BMS's estimate of the time to full, not the driver's departure) and no
        /// V2X energy requests: those stay unknown.
        /// </summary>
        private void SendEnergyNeeds(double socPercent)
        {
            double capacityWh = _bcp.NominalEnergyKWh * 1000.0;
            if (!(capacityWh > 0) || socPercent < 0 || socPercent > 100)
            {
                return;
            }

            double toFullWh = (100 - socPercent) / 100 * capacityWh;
            if (toFullWh == _energyNeeds.MaximumEnergyRequestWh)
            {
                return;
            }

            _energyNeeds.MaximumEnergyRequestWh = toFullWh;
            _port.UpdateEnergyNeeds(ref _energyNeeds);
        }

        private void OnBsm(long nowMs)
        {
            if (_stage != GbtChargerStage.Charging)
            {
                return;
            }

            // `10` is "not credible" on the four fault states and on "charging allowed": keep the previous
            // state and ignore the packet [digest §2, S2 App. C.3]. (On the cell-voltage and SOC states `10`
            // means "too low", an abnormal state.)
            if (IsNotCredible(_bsm.OverCurrentState) || IsNotCredible(_bsm.OverTemperatureState)
                || IsNotCredible(_bsm.InsulationState) || IsNotCredible(_bsm.ConnectorState) || IsNotCredible(_bsm.ChargingAllowed))
            {
                return;
            }

            _bsmReceived = true;
            _lastBsmMs = nowMs;
            _evStatus.BatteryTemperatureC = _bsm.HighestTemperatureC;
            if (_bsm.CellVoltageState != TwoBit.Normal || _bsm.SocState != TwoBit.Normal || _bsm.OverCurrentState != TwoBit.Normal
                || _bsm.OverTemperatureState != TwoBit.Normal || _bsm.InsulationState != TwoBit.Normal || _bsm.ConnectorState != TwoBit.Normal)
            {
                // Any abnormal state stops the charger [digest §4, S2 — B].
                BeginStop(CstMessage.FaultStop, CstMessage.OtherFault, "bsm_abnormal");
                return;
            }

            bool allowed = _bsm.ChargingAllowed == BsmMessage.Allowed;
            if (allowed == _bmsAllowsCharging)
            {
                return;
            }

            _bmsAllowsCharging = allowed;
            if (!allowed)
            {
                _paused = true;
                _pauseSinceMs = nowMs;
                LogEvent(nowMs, "bms_pause");
            }
            else
            {
                _paused = false;
                LogEvent(nowMs, "bms_resume");
            }

            // The pause takes effect now, not at the next BCL: the request cap goes to 0 A (or back).
            bool refused;
            double requestA = _discharge.DemandToFirmwareA(_bcl.CurrentDemandA, out refused);
            _evStatus.RequestedCurrentA = _paused ? 0 : requestA;
            _evStatus.HasCurrentRequest = true;
            _port.UpdateVehicleStatus(ref _evStatus);
        }

        private void OnBst(long nowMs)
        {
            if (_bstReceived)
            {
                return;
            }

            if (IsActiveStage(_stage))
            {
                _bstReceived = true;
                BeginStop(CstMessage.BmsStopped, -1, "bms_stop");
            }
            else if (_stage == GbtChargerStage.Stopping)
            {
                // The BMS's answer to our CST.
                _bstReceived = true;
            }
        }

        private void OnBsd(long nowMs)
        {
            if (_stage != GbtChargerStage.Stopping || _bsdReceived)
            {
                return;
            }

            _bsdReceived = true;
            _bsdSinceMs = nowMs;
            StopTransmission(TxCst);
            _csd.ChargeTimeMin = ChargeTimeMin(nowMs);
            _csd.EnergyKWh = _energyWh / 1000.0;
            StartTransmission(TxCsd, nowMs);
            EnterStage(GbtChargerStage.Statistics, nowMs);
        }

        private void OnBem(long nowMs)
        {
            if (!_bem.AnyTimeout)
            {
                return;
            }

            // The BMS timed out on one of our messages: it stops, and waits for a new CRM(00h) [digest §6, §7, S2].
            if (IsActiveStage(_stage))
            {
                EnterTimedOut(-1, "bem_received", nowMs);
            }
        }
    }
}
