using V2G.Hal.Buses;
using V2G.Hal.Timing;
using V2G.Protocol.GbT.Discharge;
using V2G.Protocol.Session;
using V2G.Protocol.Trace;

namespace V2G.Protocol.GbT.Bms
{
    /// <summary>
    /// The vehicle side of GB/T 27930-2015 (a BMS) for the simulator's vehicle and for testing the
    /// charger's session, on its own deadlines [digest §6, S2]: it wakes with the charger's auxiliary
    /// power (K3/K4), answers the first CHM with BHM every 250 ms, answers CRM(00h) with BRM via TP every
    /// 250 ms until CRM(AAh), sends BCP via TP every 500 ms until CML, BRO(00h) for
    /// <see cref="GbtBmsSettings.NotReadyMs"/>, closes its contactor (only onto a safe or matched inlet
    /// voltage) and sends BRO(AAh) until CRO(AAh); then BCL every 50 ms, BCS via TP every 250 ms, BSM every
    /// 250 ms from the first CCS and optionally BMV/BMT every 10 s. It ends charging with BST (SOC target)
    /// at its target, answers CST with BST then BSD until CSD, opens its contactor once the current is
    /// about 0, and reports the charger's timeouts with BEM [digest §4, §6, §7, S2].
    /// With the discharge extension enabled (our own design [digest §8]) it answers CDC with BDC, and once
    /// discharge is agreed it does not stop at its target: its BCL demand becomes positive (discharge
    /// accepted up to the agreed current) at or above the target while above its minimum SoC, and it stops
    /// with BST at the minimum SoC while discharging.
    /// Fault injection: <see cref="StopBcl"/>, <see cref="GoSilent"/>, <see cref="StopAt"/>.
    /// Poll allocates nothing. In the message log (written from the charger's side, as SlacPev's) the
    /// BMS's frames are <see cref="MessageDirection.Received"/> and the charger's
    /// <see cref="MessageDirection.Sent"/>; timeouts are failures of <see cref="FailureLayer.Can"/>.
    /// </summary>
    public sealed class GbtBmsSimulator
    {
        // Frames handled per Poll, so a flooding charger cannot starve the timers.
        private const int MaxFramesPerPoll = 64;

        // The longest message the BMS sends: BMV of 256 cells [digest §4, S2].
        private const int MaxPayload = BmvMessage.MaxLength;

        // BCS's remaining time cap, min [digest §4, S2].
        private const int MaxRemainingMin = BcsMessage.MaxRemainingTimeMin;

        // A current this small counts as "not flowing" when telling charge from discharge, A (our choice).
        private const double DirectionDeadbandA = 0.5;

        private readonly GbtBmsSettings _settings;
        private readonly IEvPlant _plant;
        private readonly ICanPort _can;
        private readonly IMonotonicClock _clock;
        private readonly MessageLog _log;
        private readonly BmsTransportLink _tp;

        private readonly byte[] _rx = new byte[8];
        private readonly byte[] _tx = new byte[8];
        private readonly byte[] _tpPayload = new byte[MaxPayload];

        // Charger → BMS messages, decoded into preallocated objects.
        private readonly CrmMessage _crm = new CrmMessage();
        private readonly CmlMessage _cml = new CmlMessage();
        private readonly CroMessage _cro = new CroMessage();
        private readonly CcsMessage _ccs = new CcsMessage();
        private readonly CstMessage _cst = new CstMessage();
        private readonly CemMessage _cem = new CemMessage();
        private readonly CdcMessage _cdc = new CdcMessage();

        // BMS → charger messages.
        private readonly BhmMessage _bhm = new BhmMessage();
        private readonly BrmMessage _brm = new BrmMessage();
        private readonly BcpMessage _bcp = new BcpMessage();
        private readonly BroMessage _bro = new BroMessage();
        private readonly BclMessage _bcl = new BclMessage();
        private readonly BcsMessage _bcs = new BcsMessage();
        private readonly BsmMessage _bsm = new BsmMessage();
        private readonly BmvMessage _bmv = new BmvMessage();
        private readonly BmtMessage _bmt = new BmtMessage();
        private readonly BstMessage _bst = new BstMessage();
        private readonly BsdMessage _bsd = new BsdMessage();
        private readonly BemMessage _bem = new BemMessage();
        private readonly BdcMessage _bdc = new BdcMessage();

        private bool _auxiliaryPower;
        private bool _silent;
        private bool _bclStopped;
        private bool _stopAtSet;
        private double _stopAtSocPercent;

        // Schedules: the time each periodic message is next due, ms.
        private long _nextBhmMs;
        private long _nextBrmMs;
        private long _nextBcpMs;
        private long _nextBroMs;
        private long _nextBclMs;
        private long _nextBcsMs;
        private long _nextBsmMs;
        private long _nextCellDataMs;
        private bool _bmtPending;
        private long _nextBstMs;
        private long _nextBsdMs;
        private long _nextBemMs;
        private long _nextBdcMs;

        // Supervision.
        private long _stateSinceMs;
        private long _deadlineMs;
        private long _lastCroMs;
        private long _cstReceivedMs;
        private bool _cstReceived;
        private bool _csdReceived;
        private bool _ccsSeen;
        private bool _contactorRequested;
        private bool _bdcActive;
        private bool _bdcSent;
        private bool _cdcReceived;

        /// <summary>The BMS on <paramref name="can"/>, reading its battery from <paramref name="plant"/>, logging to <paramref name="log"/> if not null.</summary>
        public GbtBmsSimulator(GbtBmsSettings settings, IEvPlant plant, ICanPort can, IMonotonicClock clock, MessageLog log)
        {
            if (plant == null)
            {
                throw new System.ArgumentNullException(nameof(plant));
            }

            if (can == null)
            {
                throw new System.ArgumentNullException(nameof(can));
            }

            _settings = settings ?? new GbtBmsSettings();
            if (_settings.Discharge == null)
            {
                _settings.Discharge = new DischargeExtensionSettings();
            }

            _plant = plant;
            _can = can;
            _clock = clock;
            _log = log;
            _tp = new BmsTransportLink(can, GbtAddress.Bms, GbtAddress.Charger);
            FillIdentity();
            ChargerTimeoutField = -1;
            TimeoutField = -1;
        }

        /// <summary>Where the BMS stands.</summary>
        public GbtBmsState State { get; private set; }

        /// <summary>True while the charger's auxiliary power (K3/K4) is on.</summary>
        public bool IsAuxiliaryPowerOn => _auxiliaryPower;

        /// <summary>True once discharge was agreed in this session (CDC v1 received, BDC sent before BRO(AAh), both limits above 0).</summary>
        public bool IsDischargeAgreed { get; private set; }

        /// <summary>The agreed maximum discharge current, A (a magnitude: the smaller of CDC and BDC); 0 without agreement.</summary>
        public double AgreedMaxDischargeCurrentA { get; private set; }

        /// <summary>The agreed maximum discharge power, kW (the smaller of CDC and BDC); 0 without agreement.</summary>
        public double AgreedMaxDischargePowerKw { get; private set; }

        /// <summary>The lowest voltage discharge may reach, V (the larger of CDC's and BDC's minimum); 0 without agreement.</summary>
        public double AgreedMinDischargeVoltageV { get; private set; }

        /// <summary>The current demand of the last BCL, A, standard's sign (+ discharge accepted up to it, − charge).</summary>
        public double CurrentDemandA { get; private set; }

        /// <summary>The BEM field of the BMS's last timeout (a <see cref="BemMessage"/> constant), −1 if none.</summary>
        public int TimeoutField { get; private set; }

        /// <summary>The first timeout field of the last CEM received (a <see cref="CemMessage"/> constant), −1 if none.</summary>
        public int ChargerTimeoutField { get; private set; }

        /// <summary>The BST field the BMS stopped with (a <see cref="BstMessage"/> constant), −1 if it did not stop.</summary>
        public int StopField { get; private set; }

        /// <summary>Output voltage of the last CCS, V.</summary>
        public double ChargerOutputVoltageV { get; private set; }

        /// <summary>Output current of the last CCS, A, standard's sign (+ discharge, − charge).</summary>
        public double ChargerOutputCurrentA { get; private set; }

        /// <summary>Recognitions restarted by a CRM(00h) after a timeout (the charger's re-handshakes).</summary>
        public int Rehandshakes { get; private set; }

        public long FramesSent { get; private set; }

        public long FramesReceived { get; private set; }

        /// <summary>Frames not addressed from the charger to the BMS, malformed, or not for this state.</summary>
        public long FramesIgnored { get; private set; }

        /// <summary>Frames the port refused (no room).</summary>
        public long SendFailures { get; private set; }

        /// <summary>TP transfers (BRM, BCP, BCS, BMV, BMT) the charger acknowledged.</summary>
        public long TransfersCompleted => _tp.Completed;

        /// <summary>TP transfers that were aborted or timed out.</summary>
        public long TransfersFailed => _tp.Failed;

        /// <summary>
        /// The charger's auxiliary power (K3/K4). On: the BMS wakes and waits for CHM (or a 2011 charger's
        /// CRM). Off: it falls asleep at once, sends nothing more and opens its contactor.
        /// </summary>
        public void SetAuxiliaryPower(bool on, long nowMs)
        {
            if (on == _auxiliaryPower)
            {
                return;
            }

            _auxiliaryPower = on;
            _tp.Reset();
            ResetSession();
            if (on)
            {
                Enter(GbtBmsState.WaitingForChm, nowMs);
            }
            else
            {
                _contactorRequested = false;
                _plant.OpenContactor();
                Enter(GbtBmsState.Off, nowMs);
            }
        }

        /// <summary>Fault injection: stop sending BCL (BCS and BSM go on), as the BCL-timeout trace; a re-handshake clears it.</summary>
        public void StopBcl()
        {
            _bclStopped = true;
        }

        /// <summary>Fault injection: send nothing more (the BMS still listens and keeps its state) until <see cref="ClearFaults"/>.</summary>
        public void GoSilent()
        {
            _silent = true;
        }

        /// <summary>
        /// Fault injection: end the session with BST (SOC target reached) once the SoC reaches
        /// <paramref name="socPercent"/>: at or above it unless discharging, at or below it while discharging.
        /// </summary>
        public void StopAt(double socPercent)
        {
            _stopAtSet = true;
            _stopAtSocPercent = socPercent;
        }

        /// <summary>Clears every injected fault.</summary>
        public void ClearFaults()
        {
            _silent = false;
            _bclStopped = false;
            _stopAtSet = false;
        }

        /// <summary>Runs the BMS at the clock's time.</summary>
        public void Poll()
        {
            Poll(_clock == null ? 0 : _clock.NowMs);
        }

        /// <summary>Runs the BMS: takes the charger's frames, checks its deadlines, sends what is due. Call every ≤ 10 ms.</summary>
        public void Poll(long nowMs)
        {
            CanFrame frame;
            int handled = 0;
            while (handled < MaxFramesPerPoll && _can.TryReceive(out frame))
            {
                handled++;
                Handle(ref frame, nowMs);
            }

            if (!_auxiliaryPower)
            {
                return;
            }

            _tp.Poll(nowMs, !_silent);
            Supervise(nowMs);
            if (!_silent)
            {
                SendDue(nowMs);
            }

            DriveContactor();
        }

        private void ResetSession()
        {
            _cstReceived = false;
            _csdReceived = false;
            _ccsSeen = false;
            _bdcActive = false;
            _bdcSent = false;
            _cdcReceived = false;
            _bclStopped = false;
            IsDischargeAgreed = false;
            AgreedMaxDischargeCurrentA = 0;
            AgreedMaxDischargePowerKw = 0;
            AgreedMinDischargeVoltageV = 0;
            CurrentDemandA = 0;
            StopField = -1;
            _bst.Clear();
            _bem.AllNormal();
        }

        private void Enter(GbtBmsState state, long nowMs)
        {
            State = state;
            _stateSinceMs = nowMs;
            if (_log != null)
            {
                _log.Add(nowMs, MessageDirection.Event, GbtBmsStateNames.Of(state));
            }
        }

        // ---------------------------------------------------------------- receiving

        private void Handle(ref CanFrame frame, long nowMs)
        {
            if (!frame.IsExtended || !GbtCanId.IsPdu1(frame.Id)
                || GbtCanId.DestinationOf(frame.Id) != GbtAddress.Bms || GbtCanId.SourceOf(frame.Id) != GbtAddress.Charger)
            {
                FramesIgnored++;
                return;
            }

            if (!_auxiliaryPower)
            {
                // Asleep: the transceiver is not powered.
                FramesIgnored++;
                return;
            }

            FramesReceived++;
            int length = frame.Length < 0 ? 0 : frame.Length > 8 ? 8 : frame.Length;
            for (int i = 0; i < 8; i++)
            {
                _rx[i] = frame.GetByte(i);
            }

            int pf = GbtCanId.PfOf(frame.Id);
            switch (pf)
            {
                case GbtPf.TpCm:
                    _tp.OnConnectionManagement(_rx, length, nowMs);
                    return;
                case GbtPf.Chm:
                    LogReceived(nowMs, pf, length);
                    OnChm(nowMs);
                    return;
                case GbtPf.Crm:
                    LogReceived(nowMs, pf, length);
                    OnCrm(length, nowMs);
                    return;
                case GbtPf.Cts:
                    LogReceived(nowMs, pf, length);
                    return;
                case GbtPf.Cml:
                    LogReceived(nowMs, pf, length);
                    OnCml(length, nowMs);
                    return;
                case GbtPf.Cro:
                    LogReceived(nowMs, pf, length);
                    OnCro(length, nowMs);
                    return;
                case GbtPf.Ccs:
                    LogReceived(nowMs, pf, length);
                    OnCcs(length, nowMs);
                    return;
                case GbtPf.Cst:
                    LogReceived(nowMs, pf, length);
                    OnCst(length, nowMs);
                    return;
                case GbtPf.Csd:
                    LogReceived(nowMs, pf, length);
                    OnCsd(nowMs);
                    return;
                case GbtPf.Cem:
                    LogReceived(nowMs, pf, length);
                    OnCem(length, nowMs);
                    return;
                case DischargeExtension.Pf:
                    OnProprietary(length, nowMs);
                    return;
                default:
                    FramesIgnored++;
                    return;
            }
        }

        private void OnChm(long nowMs)
        {
            if (State == GbtBmsState.WaitingForChm)
            {
                Enter(GbtBmsState.Handshake, nowMs);
                _nextBhmMs = nowMs;
                _deadlineMs = nowMs + _settings.CrmTimeoutMs;
            }
        }

        private void OnCrm(int length, long nowMs)
        {
            if (!_crm.Read(_rx, length))
            {
                FramesIgnored++;
                return;
            }

            if (_crm.Recognition == CrmMessage.NotRecognised)
            {
                switch (State)
                {
                    case GbtBmsState.WaitingForChm:
                    case GbtBmsState.Handshake:
                        EnterRecognition(nowMs);
                        return;
                    case GbtBmsState.Error:
                    case GbtBmsState.ChargerError:
                    case GbtBmsState.Done:
                        // The charger re-handshakes from recognition after a timeout [digest §6, §7, S2].
                        Rehandshakes++;
                        ResetSession();
                        EnterRecognition(nowMs);
                        return;
                    default:
                        return;
                }
            }

            if (_crm.Recognition == CrmMessage.Recognised && State == GbtBmsState.Recognition)
            {
                Enter(GbtBmsState.Parameters, nowMs);
                _nextBcpMs = nowMs;
                _deadlineMs = nowMs + _settings.MessageTimeoutMs;
            }
        }

        private void EnterRecognition(long nowMs)
        {
            Enter(GbtBmsState.Recognition, nowMs);
            _nextBrmMs = nowMs;

            // "BRM ... until CRM(AAh) is received within 5 s" [digest §6, S2].
            _deadlineMs = nowMs + _settings.MessageTimeoutMs;
        }

        private void OnCml(int length, long nowMs)
        {
            if (!_cml.Read(_rx, length))
            {
                FramesIgnored++;
                return;
            }

            if (State == GbtBmsState.Parameters)
            {
                Enter(GbtBmsState.NotReady, nowMs);
                _nextBroMs = nowMs;
                _bro.Status = BroMessage.NotReady;
            }
        }

        private void OnCro(int length, long nowMs)
        {
            if (!_cro.Read(_rx, length))
            {
                FramesIgnored++;
                return;
            }

            if (State != GbtBmsState.Ready)
            {
                return;
            }

            _lastCroMs = nowMs;
            if (_cro.Status == CroMessage.Ready)
            {
                EnterCharging(nowMs);
            }
        }

        private void EnterCharging(long nowMs)
        {
            Enter(GbtBmsState.Charging, nowMs);
            _bdcActive = false;
            _nextBclMs = nowMs;
            _nextBcsMs = nowMs;
            _nextCellDataMs = nowMs + GbtPf.PeriodMs(GbtPf.Bmv);
            _bmtPending = false;

            // CCS starts once the charger has BCL and BCS: the default timeout until the first [digest §6, S2].
            _deadlineMs = nowMs + _settings.MessageTimeoutMs;
        }

        private void OnCcs(int length, long nowMs)
        {
            if (!_ccs.Read(_rx, length))
            {
                FramesIgnored++;
                return;
            }

            ChargerOutputVoltageV = _ccs.OutputVoltageV;
            ChargerOutputCurrentA = _ccs.OutputCurrentA;
            if (State != GbtBmsState.Charging)
            {
                return;
            }

            if (!_ccsSeen)
            {
                // BSM starts on the first CCS [digest §6, S2].
                _ccsSeen = true;
                _nextBsmMs = nowMs;
            }

            _deadlineMs = nowMs + _settings.CcsTimeoutMs;
        }

        private void OnCst(int length, long nowMs)
        {
            if (!_cst.Read(_rx, length))
            {
                FramesIgnored++;
                return;
            }

            switch (State)
            {
                case GbtBmsState.Recognition:
                case GbtBmsState.Parameters:
                case GbtBmsState.NotReady:
                case GbtBmsState.Ready:
                case GbtBmsState.Charging:
                    // The charger stopped: answer with BST "charger stopped" [digest §4, §6, S2].
                    if (!_cstReceived)
                    {
                        _cstReceived = true;
                        _cstReceivedMs = nowMs;
                    }

                    EnterStopping(BstMessage.ChargerStopped, nowMs);
                    return;
                case GbtBmsState.Stopping:
                    if (!_cstReceived)
                    {
                        _cstReceived = true;
                        _cstReceivedMs = nowMs;
                    }

                    return;
                default:
                    return;
            }
        }

        private void OnCsd(long nowMs)
        {
            if (State == GbtBmsState.Statistics)
            {
                Enter(GbtBmsState.Done, nowMs);
            }
            else if (State == GbtBmsState.Stopping)
            {
                _csdReceived = true;
            }
        }

        private void OnCem(int length, long nowMs)
        {
            if (!_cem.Read(_rx, length))
            {
                FramesIgnored++;
                return;
            }

            if (State == GbtBmsState.Off || State == GbtBmsState.WaitingForChm || State == GbtBmsState.ChargerError
                || State == GbtBmsState.Done)
            {
                return;
            }

            ChargerTimeoutField = FirstTimeout(_cem);
            if (_log != null)
            {
                _log.AddFailure(nowMs, FailureLayer.Can, "charger_timeout");
            }

            // The charger stopped on a timeout: the BMS stops too and waits for its re-handshake [digest §7, S2].
            _tp.Reset();
            Enter(GbtBmsState.ChargerError, nowMs);
            _deadlineMs = nowMs + _settings.NewCrmTimeoutMs;
        }

        private static int FirstTimeout(CemMessage cem)
        {
            for (int field = 0; field < 16; field++)
            {
                if (CemMessage.IsField(field) && cem.Get(field) == TwoBit.Yes)
                {
                    return field;
                }
            }

            return -1;
        }

        private void OnProprietary(int length, long nowMs)
        {
            // A BMS without the extension ignores CDC as an unknown proprietary PGN (no error, no timeout).
            if (!_settings.Discharge.Enabled || DischargeExtension.IdOf(_rx, length) != DischargeExtension.CdcId
                || !_cdc.Read(_rx, length))
            {
                FramesIgnored++;
                return;
            }

            if (_log != null)
            {
                TraceEntry entry = _log.Add(nowMs, MessageDirection.Sent, "CDC");
                DescribeCapability(entry, _cdc.Version, _cdc.MaxDischargeCurrentA, _cdc.MaxDischargePowerKw, _cdc.MinDischargeVoltageV);
            }

            if (_cdc.Version != DischargeExtension.Version)
            {
                return;
            }

            switch (State)
            {
                case GbtBmsState.Parameters:
                case GbtBmsState.NotReady:
                case GbtBmsState.Ready:
                    _cdcReceived = true;
                    if (!_bdcActive && !IsDischargeAgreed)
                    {
                        _bdcActive = true;
                        _nextBdcMs = nowMs;
                    }

                    return;
                default:
                    return;
            }
        }

        // ---------------------------------------------------------------- deadlines

        private void Supervise(long nowMs)
        {
            switch (State)
            {
                case GbtBmsState.Handshake:
                    if (nowMs >= _deadlineMs)
                    {
                        EnterError(BemMessage.CrmNotRecognisedTimeout, nowMs);
                    }

                    return;
                case GbtBmsState.Recognition:
                    if (nowMs >= _deadlineMs)
                    {
                        EnterError(BemMessage.CrmRecognisedTimeout, nowMs);
                    }

                    return;
                case GbtBmsState.Parameters:
                    if (nowMs >= _deadlineMs)
                    {
                        EnterError(BemMessage.CmlTimeout, nowMs);
                    }

                    return;
                case GbtBmsState.NotReady:
                    SuperviseNotReady(nowMs);
                    return;
                case GbtBmsState.Ready:
                    // CRO missing for 5 s, or not AAh within 60 s [digest §6, S2].
                    if (nowMs - _lastCroMs >= _settings.MessageTimeoutMs || nowMs - _stateSinceMs >= _settings.CroReadyTimeoutMs)
                    {
                        EnterError(BemMessage.CroTimeout, nowMs);
                    }

                    return;
                case GbtBmsState.Charging:
                    if (nowMs >= _deadlineMs)
                    {
                        EnterError(BemMessage.CcsTimeout, nowMs);
                        return;
                    }

                    CheckStop(nowMs);
                    return;
                case GbtBmsState.Stopping:
                    if (_cstReceived)
                    {
                        if (nowMs - _cstReceivedMs >= _settings.BsdDelayMs)
                        {
                            Enter(GbtBmsState.Statistics, nowMs);
                            _nextBsdMs = nowMs;
                        }
                    }
                    else if (nowMs - _stateSinceMs >= _settings.MessageTimeoutMs)
                    {
                        EnterError(BemMessage.CstTimeout, nowMs);
                    }

                    return;
                case GbtBmsState.Statistics:
                    if (nowMs - _cstReceivedMs >= _settings.CsdTimeoutMs)
                    {
                        EnterError(BemMessage.CsdTimeout, nowMs);
                    }

                    return;
                case GbtBmsState.Error:
                case GbtBmsState.ChargerError:
                    if (nowMs >= _deadlineMs)
                    {
                        // No re-handshake: the session is over (the operator re-plugs) [digest §6, S2].
                        Enter(GbtBmsState.Done, nowMs);
                    }

                    return;
                default:
                    return;
            }
        }

        private void SuperviseNotReady(long nowMs)
        {
            if (nowMs - _stateSinceMs < _settings.NotReadyMs)
            {
                return;
            }

            // BDC goes out before BRO(AAh): the charger agrees to discharge only on a BDC received before it.
            if (_bdcActive && !_bdcSent)
            {
                return;
            }

            if (!_contactorRequested)
            {
                // Close only onto a dead inlet (the charger's K1/K2 open) or a matched voltage.
                double inletV = _plant.InletVoltageV;
                double differenceV = inletV - _plant.BatteryVoltageV;
                if (differenceV < 0)
                {
                    differenceV = -differenceV;
                }

                if (inletV < _settings.SafeInletVoltageV || differenceV <= _settings.ContactorMatchToleranceV)
                {
                    _contactorRequested = true;
                    _plant.CloseContactor();
                }
            }

            if (_contactorRequested && _plant.IsContactorClosed)
            {
                DecideDischarge();
                Enter(GbtBmsState.Ready, nowMs);
                _bro.Status = BroMessage.Ready;
                _nextBroMs = nowMs;
                _lastCroMs = nowMs;
            }
        }

        private void DecideDischarge()
        {
            IsDischargeAgreed = false;
            if (!_settings.Discharge.Enabled || !_cdcReceived || !_bdcSent)
            {
                return;
            }

            double currentA = Min(_cdc.MaxDischargeCurrentA, _bdc.MaxDischargeCurrentA);
            double powerKw = Min(_cdc.MaxDischargePowerKw, _bdc.MaxDischargePowerKw);
            if (!(currentA > 0) || !(powerKw > 0))
            {
                return;
            }

            IsDischargeAgreed = true;
            AgreedMaxDischargeCurrentA = currentA;
            AgreedMaxDischargePowerKw = powerKw;
            AgreedMinDischargeVoltageV = Max(_cdc.MinDischargeVoltageV, _bdc.MinPackVoltageV);
        }

        private void CheckStop(long nowMs)
        {
            double socPercent = _plant.SocPercent;
            bool discharging = _plant.BatteryCurrentA < -DirectionDeadbandA;
            if (_stopAtSet && (discharging ? socPercent <= _stopAtSocPercent : socPercent >= _stopAtSocPercent))
            {
                EnterStopping(BstMessage.SocTargetReached, nowMs);
                return;
            }

            if (IsDischargeAgreed)
            {
                if (discharging && socPercent <= _settings.MinSocPercent)
                {
                    EnterStopping(BstMessage.SocTargetReached, nowMs);
                }

                return;
            }

            if (socPercent >= _settings.TargetSocPercent)
            {
                EnterStopping(BstMessage.SocTargetReached, nowMs);
            }
        }

        private void EnterStopping(int bstField, long nowMs)
        {
            StopField = bstField;
            _bst.Clear();
            _bst.Set(bstField, TwoBit.Yes);
            Enter(GbtBmsState.Stopping, nowMs);
            _nextBstMs = nowMs;
        }

        private void EnterError(int bemField, long nowMs)
        {
            TimeoutField = bemField;
            _bem.AllNormal();
            _bem.Set(bemField, TwoBit.Yes);
            if (_log != null)
            {
                _log.AddFailure(nowMs, FailureLayer.Can, BemMessage.FieldName(bemField));
            }

            Enter(GbtBmsState.Error, nowMs);
            _nextBemMs = nowMs;

            // After BEM, wait for the charger's new CRM [digest §6, S2].
            _deadlineMs = nowMs + _settings.NewCrmTimeoutMs;
        }

        // ---------------------------------------------------------------- sending

        private void SendDue(long nowMs)
        {
            switch (State)
            {
                case GbtBmsState.Handshake:
                    if (Due(ref _nextBhmMs, nowMs, GbtPf.PeriodMs(GbtPf.Bhm)))
                    {
                        SendBhm(nowMs);
                    }

                    return;
                case GbtBmsState.Recognition:
                    if (!_tp.IsBusy && Due(ref _nextBrmMs, nowMs, GbtPf.PeriodMs(GbtPf.Brm)))
                    {
                        StartTransfer(GbtPf.Brm, _brm.Write(_tpPayload), nowMs);
                    }

                    return;
                case GbtBmsState.Parameters:
                    if (!_tp.IsBusy && Due(ref _nextBcpMs, nowMs, GbtPf.PeriodMs(GbtPf.Bcp)))
                    {
                        FillBcp();
                        StartTransfer(GbtPf.Bcp, _bcp.Write(_tpPayload), nowMs);
                    }

                    SendBdcIfDue(nowMs);
                    return;
                case GbtBmsState.NotReady:
                case GbtBmsState.Ready:
                    // BDC first: the charger must have it before BRO(AAh).
                    SendBdcIfDue(nowMs);
                    if (Due(ref _nextBroMs, nowMs, GbtPf.PeriodMs(GbtPf.Bro)))
                    {
                        SendSingle(GbtPf.Bro, _bro.Write(_tx), nowMs);
                    }

                    return;
                case GbtBmsState.Charging:
                    SendCharging(nowMs);
                    return;
                case GbtBmsState.Stopping:
                    if (Due(ref _nextBstMs, nowMs, GbtPf.PeriodMs(GbtPf.Bst)))
                    {
                        SendSingle(GbtPf.Bst, _bst.Write(_tx), nowMs);
                    }

                    return;
                case GbtBmsState.Statistics:
                    if (Due(ref _nextBsdMs, nowMs, GbtPf.PeriodMs(GbtPf.Bsd)))
                    {
                        FillBsd();
                        SendSingle(GbtPf.Bsd, _bsd.Write(_tx), nowMs);
                        if (_csdReceived)
                        {
                            Enter(GbtBmsState.Done, nowMs);
                        }
                    }

                    return;
                case GbtBmsState.Error:
                    if (Due(ref _nextBemMs, nowMs, GbtPf.PeriodMs(GbtPf.Bem)))
                    {
                        SendSingle(GbtPf.Bem, _bem.Write(_tx), nowMs);
                    }

                    return;
                default:
                    return;
            }
        }

        private void SendBdcIfDue(long nowMs)
        {
            if (!_bdcActive || !Due(ref _nextBdcMs, nowMs, DischargeExtension.PeriodMs))
            {
                return;
            }

            FillBdc();
            int length = _bdc.Write(_tx);
            if (SendFrame(DischargeExtension.Priority, DischargeExtension.Pf, _tx, length))
            {
                _bdcSent = true;
            }

            if (_log != null)
            {
                TraceEntry entry = _log.Add(nowMs, MessageDirection.Received, "BDC");
                DescribeCapability(entry, _bdc.Version, _bdc.MaxDischargeCurrentA, _bdc.MaxDischargePowerKw, _bdc.MinPackVoltageV);
            }
        }

        private void SendCharging(long nowMs)
        {
            if (Due(ref _nextBclMs, nowMs, GbtPf.PeriodMs(GbtPf.Bcl)))
            {
                FillBcl();
                if (!_bclStopped)
                {
                    SendSingle(GbtPf.Bcl, _bcl.Write(_tx), nowMs);
                }
            }

            if (_ccsSeen && Due(ref _nextBsmMs, nowMs, GbtPf.PeriodMs(GbtPf.Bsm)))
            {
                FillBsm();
                SendSingle(GbtPf.Bsm, _bsm.Write(_tx), nowMs);
            }

            if (_tp.IsBusy)
            {
                return;
            }

            // One TP connection per direction: BCS first, BMV/BMT when the TP is free [digest §5, §9.10].
            if (Due(ref _nextBcsMs, nowMs, GbtPf.PeriodMs(GbtPf.Bcs)))
            {
                FillBcs();
                StartTransfer(GbtPf.Bcs, _bcs.Write(_tpPayload), nowMs);
                return;
            }

            if (!_settings.SendCellData)
            {
                return;
            }

            if (_bmtPending)
            {
                _bmtPending = false;
                FillBmt();
                StartTransfer(GbtPf.Bmt, _bmt.Write(_tpPayload), nowMs);
                return;
            }

            if (Due(ref _nextCellDataMs, nowMs, GbtPf.PeriodMs(GbtPf.Bmv)))
            {
                FillBmv();
                StartTransfer(GbtPf.Bmv, _bmv.Write(_tpPayload), nowMs);
                _bmtPending = true;
            }
        }

        /// <summary>True (and the schedule advanced by one period, without bursts after a stall) if a periodic message is due.</summary>
        private static bool Due(ref long nextMs, long nowMs, int periodMs)
        {
            if (nowMs < nextMs)
            {
                return false;
            }

            nextMs += periodMs;
            if (nextMs <= nowMs)
            {
                nextMs = nowMs + periodMs;
            }

            return true;
        }

        private void SendBhm(long nowMs)
        {
            _bhm.MaxChargeVoltageV = _plant.MaxVoltageV;
            SendSingle(GbtPf.Bhm, _bhm.Write(_tx), nowMs);
        }

        private void StartTransfer(int pf, int length, long nowMs)
        {
            if (_tp.Start(pf, _tpPayload, length, nowMs))
            {
                FramesSent++;
            }
            else
            {
                SendFailures++;
            }

            LogOwn(nowMs, pf, _tpPayload, length);
        }

        private void SendSingle(int pf, int length, long nowMs)
        {
            SendFrame(GbtPf.PriorityOf(pf), pf, _tx, length);
            LogOwn(nowMs, pf, _tx, length);
        }

        private bool SendFrame(int priority, int pf, byte[] payload, int length)
        {
            CanFrame frame = new CanFrame();
            frame.Id = GbtCanId.Make(priority, pf, GbtAddress.Charger, GbtAddress.Bms);
            frame.IsExtended = true;
            frame.Length = length;
            ulong data = 0;
            for (int i = length - 1; i >= 0; i--)
            {
                data = (data << 8) | payload[i];
            }

            frame.Data = data;
            if (_can.TrySend(ref frame))
            {
                FramesSent++;
                return true;
            }

            SendFailures++;
            return false;
        }

        // ---------------------------------------------------------------- contents

        private void FillIdentity()
        {
            _brm.Length = _settings.BrmLength == BrmMessage.Length2011 ? BrmMessage.Length2011 : BrmMessage.FullLength;
            _brm.BatteryType = _settings.BatteryType;
            _brm.RatedCapacityAh = _settings.RatedCapacityAh;
            _brm.RatedVoltageV = _settings.RatedVoltageV;
            CopyAscii(_settings.Maker, _brm.Maker, false);
            CopyAscii(_settings.Vin, _brm.Vin, true);
            _bmv.CellCount = Clamp(_settings.CellCount, 1, BmvMessage.MaxCells);
            _bmt.ProbeCount = Clamp(_settings.ProbeCount, 1, BmtMessage.MaxProbes);
        }

        /// <summary>Copies ASCII text into a fixed field; FF when absent, or (if <paramref name="exact"/>) when the length differs.</summary>
        private static void CopyAscii(string text, byte[] target, bool exact)
        {
            GbtBytes.Fill(target, 0, target.Length);
            if (text == null || (exact && text.Length != target.Length))
            {
                return;
            }

            for (int i = 0; i < target.Length && i < text.Length; i++)
            {
                target[i] = (byte)text[i];
            }
        }

        private double ChargeCurrentA()
        {
            double plantMaxA = _plant.MaxChargeCurrentA;
            double wantedA = _settings.ChargeCurrentA > 0 ? _settings.ChargeCurrentA : plantMaxA;
            return Min(wantedA, plantMaxA);
        }

        private double CellVoltageV()
        {
            int cells = _bmv.CellCount;
            return _plant.BatteryVoltageV / cells;
        }

        private void FillBcp()
        {
            _bcp.MaxCellVoltageV = _settings.MaxCellVoltageV;
            _bcp.MaxChargeCurrentA = -_plant.MaxChargeCurrentA;
            _bcp.NominalEnergyKWh = _plant.CapacityWh / 1000.0;
            _bcp.MaxTotalVoltageV = _plant.MaxVoltageV;
            _bcp.MaxTemperatureC = _settings.MaxTemperatureC;
            _bcp.SocPercent = _plant.SocPercent;
            _bcp.PresentVoltageV = _plant.BatteryVoltageV;
        }

        private void FillBdc()
        {
            DischargeExtensionSettings discharge = _settings.Discharge;
            _bdc.Version = DischargeExtension.Version;
            _bdc.MaxDischargeCurrentA = Max(0, Min(discharge.MaxDischargeCurrentA, _plant.MaxDischargeCurrentA));
            _bdc.MaxDischargePowerKw = Max(0, Min(discharge.MaxDischargePowerKw, _plant.MaxDischargePowerW / 1000.0));
            _bdc.MinPackVoltageV = Max(discharge.MinDischargeVoltageV, _plant.MinVoltageV);
        }

        private void FillBcl()
        {
            double socPercent = _plant.SocPercent;
            double demandA;
            if (IsDischargeAgreed && socPercent >= _settings.TargetSocPercent && socPercent > _settings.MinSocPercent)
            {
                // The extension's rule: + = discharge accepted up to this current.
                demandA = Min(AgreedMaxDischargeCurrentA, _plant.MaxDischargeCurrentA);
            }
            else
            {
                demandA = -ChargeCurrentA();
            }

            _bcl.VoltageDemandV = _plant.MaxVoltageV;
            _bcl.CurrentDemandA = demandA;
            _bcl.Mode = BclMessage.ModeConstantCurrent;
            CurrentDemandA = demandA;
        }

        private void FillBcs()
        {
            double voltageV = _plant.BatteryVoltageV;
            double currentIntoBatteryA = _plant.BatteryCurrentA;
            _bcs.MeasuredVoltageV = voltageV;

            // The standard's sign: + discharge, − charge [digest §2, S2].
            _bcs.MeasuredCurrentA = -currentIntoBatteryA;
            _bcs.HighestCellVoltageV = CellVoltageV();
            _bcs.HighestCellGroup = 1;
            double socPercent = _plant.SocPercent;
            _bcs.SocPercent = Clamp((int)socPercent, 0, 100);
            _bcs.RemainingTimeMin = RemainingMinutes(socPercent, voltageV, currentIntoBatteryA);
        }

        private int RemainingMinutes(double socPercent, double voltageV, double currentIntoBatteryA)
        {
            double powerW = voltageV * currentIntoBatteryA;
            double missingPercent = _settings.TargetSocPercent - socPercent;
            if (!(powerW > 1) || !(missingPercent > 0))
            {
                return missingPercent > 0 ? MaxRemainingMin : 0;
            }

            double minutes = missingPercent / 100.0 * _plant.CapacityWh / powerW * 60.0;
            return minutes >= MaxRemainingMin ? MaxRemainingMin : (int)minutes;
        }

        private void FillBsm()
        {
            _bsm.HighestCellNumber = 1;
            _bsm.HighestTemperatureC = _settings.HighestTemperatureC;
            _bsm.HighestTemperatureProbe = 1;
            _bsm.LowestTemperatureC = _settings.LowestTemperatureC;
            _bsm.LowestTemperatureProbe = 2;
            _bsm.CellVoltageState = TwoBit.Normal;
            _bsm.SocState = TwoBit.Normal;
            _bsm.OverCurrentState = TwoBit.Normal;
            _bsm.OverTemperatureState = TwoBit.Normal;
            _bsm.InsulationState = TwoBit.Normal;
            _bsm.ConnectorState = TwoBit.Normal;
            _bsm.ChargingAllowed = BsmMessage.Allowed;
        }

        private void FillBmv()
        {
            double cellV = CellVoltageV();
            for (int i = 0; i < _bmv.CellCount; i++)
            {
                _bmv.CellVoltageV[i] = cellV;
                _bmv.CellGroup[i] = 1;
            }
        }

        private void FillBmt()
        {
            for (int i = 0; i < _bmt.ProbeCount; i++)
            {
                _bmt.TemperatureC[i] = (i & 1) == 0 ? _settings.HighestTemperatureC : _settings.LowestTemperatureC;
            }
        }

        private void FillBsd()
        {
            double cellV = CellVoltageV();
            _bsd.EndSocPercent = Clamp((int)(_plant.SocPercent + 0.5), 0, 100);
            _bsd.MinCellVoltageV = cellV;
            _bsd.MaxCellVoltageV = cellV;
            _bsd.MinTemperatureC = _settings.LowestTemperatureC;
            _bsd.MaxTemperatureC = _settings.HighestTemperatureC;
        }

        // ---------------------------------------------------------------- contactor

        private void DriveContactor()
        {
            switch (State)
            {
                case GbtBmsState.NotReady:
                case GbtBmsState.Ready:
                case GbtBmsState.Charging:
                    return;
                default:
                    break;
            }

            if (!_contactorRequested && !_plant.IsContactorClosed)
            {
                return;
            }

            // Open only once the current is about 0: the charger brings it to ≤ 5 A after a stop [digest §6, S2].
            double currentA = _plant.BatteryCurrentA;
            if (currentA < 0)
            {
                currentA = -currentA;
            }

            if (currentA <= _settings.OpenContactorCurrentA)
            {
                _contactorRequested = false;
                _plant.OpenContactor();
            }
        }

        // ---------------------------------------------------------------- log

        private void LogReceived(long nowMs, int pf, int length)
        {
            if (_log == null)
            {
                return;
            }

            TraceEntry entry = _log.Add(nowMs, MessageDirection.Sent, GbtPf.NameOf(pf));
            GbtMessageDecoder.Describe(pf, _rx, length, entry.Details);
        }

        private void LogOwn(long nowMs, int pf, byte[] payload, int length)
        {
            if (_log == null)
            {
                return;
            }

            TraceEntry entry = _log.Add(nowMs, MessageDirection.Received, GbtPf.NameOf(pf));
            GbtMessageDecoder.Describe(pf, payload, length, entry.Details);
        }

        private static void DescribeCapability(TraceEntry entry, int version, double currentA, double powerKw, double voltageV)
        {
            entry.Details.Append("v=").Append(version)
                .Append(" I=").Append(currentA, 1).Append(" A P=").Append(powerKw, 1)
                .Append(" kW Umin=").Append(voltageV, 1).Append(" V");
        }

        // ---------------------------------------------------------------- numbers (no Math on the device)

        private static double Min(double a, double b)
        {
            return a < b ? a : b;
        }

        private static double Max(double a, double b)
        {
            return a > b ? a : b;
        }

        private static int Clamp(int value, int low, int high)
        {
            return value < low ? low : value > high ? high : value;
        }
    }
}
