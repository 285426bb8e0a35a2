using V2G.Firmware.Battery;
using V2G.Firmware.Faults;
using V2G.Firmware.Grid;
using V2G.Firmware.Measurement;
using V2G.Firmware.Safety;
using V2G.Firmware.Session;
using V2G.Firmware.Uplink.StoreAndForward;
using V2G.Hal.Comms;
using V2G.Hal.Metering;
using V2G.Hal.Security;
using V2G.Hal.Storage;
using V2G.Hal.Timing;
using V2G.Protocol.Telemetry;

namespace V2G.Firmware.Uplink
{
    /// <summary>
    /// The MQTT uplink to the aggregator: telemetry, meter records and events up; setpoints, droop
    /// settings and heartbeats down (topics under v2g/1/{chargerId}/, see <see cref="UplinkTopics"/>).
    /// <para>
    /// Split in two calls so that the control thread never waits on the network:
    /// <see cref="Tick"/> runs on the control thread right after <c>ChargeController.Tick()</c> — it
    /// samples the controller into preallocated slots, turns state changes and fault raises/clears into
    /// events, applies the commands the uplink thread has checked, watches the heartbeat and the
    /// setpoint's expiry, and allocates nothing. <see cref="Pump"/> runs on the uplink thread — it
    /// supervises the connection, encodes and publishes what Tick handed over, keeps it in the
    /// <see cref="OutageQueue"/> (flagged historical) while the broker is out of reach and replays it in
    /// order at QoS 1 when it is back, and parses inbound commands into replies. Two bounded, locked
    /// rings carry records one way and checked commands the other.
    /// </para>
    /// <para>
    /// A board wires it once and runs the two calls on their threads:
    /// <code>
    /// var uplink = new UplinkService(uplinkSettings, controller, client, new OutageQueue(flash), store, wallClock, entropy);
    /// uplink.UseMeter(meter);                           // optional: AC registers from the grid meter
    /// // control thread, every tick:   controller.Tick(); uplink.Tick(clock.NowMs);
    /// // uplink thread, every 50–200 ms: uplink.Pump(clock.NowMs);
    /// </code>
    /// </para>
    /// </summary>
    public sealed class UplinkService
    {
        private const long UnixEpochTicks = 621355968000000000;
        private const long TicksPerMs = 10000;
        private const int OutboxCapacity = 64;
        private const int InboxCapacity = 8;
        private const int InboundCapacity = 8;
        private const int WriterCapacityBytes = 1024;
        private const string ReasonBusy = "busy: too many commands waiting";
        private const string ReasonNotStored = "in force, but not stored";
        private const string ReasonClockNotSet = "charger clock not set: valid_until cannot be judged";

        /// <summary>The battery guard's clip reasons (none left out), in the order of their numbers: the meter records' clip_counts.</summary>
        private static readonly string[] ClipReasonNames = NamesOfClipReasons();

        private readonly UplinkSettings _settings;
        private readonly ChargeController _controller;
        private readonly IUplink _client;
        private readonly OutageQueue _queue;
        private readonly IWallClock _wallClock;
        private readonly UplinkTopics _topics;
        private readonly UplinkConnection _connection;
        private readonly UplinkConnectOptions _options = new UplinkConnectOptions();
        private readonly long _bootId;

        // Control side.
        private readonly DispatchArbiter _arbiter;
        private readonly HeartbeatMonitor _heartbeat;
        private readonly UplinkOutbox _outbox = new UplinkOutbox(OutboxCapacity);
        private readonly UplinkInbox _inbox = new UplinkInbox(InboxCapacity);
        private readonly bool[] _faultReported;
        private IEnergyMeter _meter;
        private long _lastTrimMs = -1;
        private long _telemetrySeq;
        private long _eventSeq;
        private long _meterSeq;
        private long _nextTelemetryMs = long.MinValue;
        private long _nextMeterMs = long.MinValue;
        private long _historySeen;
        private long _faultsSeen;
        private long _heartbeatsSeen;
        private long _sessions;
        private long _lastTickMs = -1;
        private double _importWh;
        private double _exportWh;
        private double _limitsImportW = -1;
        private double _limitsExportW = -1;
        private string _limitsSourceExport;

        // Shared: heartbeats counted on the transport's thread.
        private readonly object _heartbeatLock = new object();
        private long _heartbeatsReceived;

        // Uplink side.
        private readonly InboundMessageRing _inbound;
        private readonly byte[] _inboundBuffer;
        private readonly byte[] _replayBuffer = new byte[OutageQueue.MaxPayloadBytes];
        private readonly JsonWriter _writer = new JsonWriter(WriterCapacityBytes);
        private readonly JsonReader _reader = new JsonReader();
        private readonly SetpointCommand _setpoint = new SetpointCommand();
        private readonly DroopCommand _droopCommand = new DroopCommand();
        private readonly CommandLedger _ledger;
        private readonly ChargerCapabilities _capabilities = new ChargerCapabilities();
        private readonly string[] _subscriptions;
        private readonly double _setpointAbsoluteMaxW;
        private double _publishedImportW;
        private double _publishedExportW;
        private string _publishedSourceImport = LimitSources.Charger;
        private string _publishedSourceExport = LimitSources.Charger;
        private string _droopReason;
        private string _droopResult;
        private long _published;
        private long _publishFailures;
        private long _lost;
        private long _accepted;
        private long _rejected;
        private long _clamped;
        private long _duplicates;
        private long _droopAccepted;
        private long _droopRejected;
        private string _lastError;

        /// <summary>
        /// The uplink of <paramref name="controller"/> over <paramref name="client"/>. The boot id is
        /// read from <paramref name="store"/>, incremented and written back (record
        /// <see cref="UplinkSettings.BootIdRecordId"/>), so the aggregator tells this boot's offline will
        /// from an older one. <paramref name="queue"/> may be null (a board without flash for it: records
        /// made while offline are then lost and counted).
        /// </summary>
        public UplinkService(UplinkSettings settings, ChargeController controller, IUplink client, OutageQueue queue, INonVolatileStore store, IWallClock wallClock, IEntropySource entropy)
        {
            if (settings == null || controller == null || client == null || wallClock == null || entropy == null)
            {
                throw new System.ArgumentNullException();
            }

            _settings = settings;
            _controller = controller;
            _client = client;
            _queue = queue;
            _wallClock = wallClock;
            _topics = new UplinkTopics(settings.ChargerId);
            _bootId = NextBootId(store, settings.BootIdRecordId);

            _arbiter = new DispatchArbiter(settings, controller);
            _heartbeat = new HeartbeatMonitor(settings.HeartbeatTimeoutMs);
            _faultReported = new bool[controller.Faults.Capacity];
            _historySeen = controller.History.Total > controller.History.Capacity ? controller.History.Total - controller.History.Capacity : 0;

            _inbound = new InboundMessageRing(InboundCapacity, settings.MaxCommandBytes);
            _inboundBuffer = new byte[settings.MaxCommandBytes];
            _reader.MaxPayloadBytes = settings.MaxCommandBytes;
            _ledger = new CommandLedger(settings.CommandIdMemory);
            double ratingW = controller.Settings.MaxChargePowerW > controller.Settings.MaxDischargePowerW ? controller.Settings.MaxChargePowerW : controller.Settings.MaxDischargePowerW;
            _setpointAbsoluteMaxW = settings.SetpointAbsoluteMaxW > 0 ? settings.SetpointAbsoluteMaxW : 10 * ratingW;
            FillCapabilities();

            // The will: the retained offline status with this boot's id, fired by the broker when the
            // link dies without a clean disconnect.
            StatusEncoder.WriteWill(_writer, settings.FirmwareVersion, _bootId);
            byte[] will = new byte[_writer.Length];
            _writer.CopyTo(will, 0);
            _options.ClientId = settings.ChargerId;
            _options.WillTopic = _topics.Status;
            _options.WillPayload = will;
            _options.WillLength = will.Length;
            _options.WillQos = 1;
            _options.WillRetain = true;
            _options.KeepAliveS = settings.KeepAliveS;
            _options.SessionExpiryS = settings.SessionExpiryS;
            _options.CleanStart = false;
            _subscriptions = new string[] { _topics.Setpoint, _topics.DroopSet, _topics.Heartbeat };
            _connection = new UplinkConnection(settings, client, entropy, _options, _subscriptions);

            ApplicableLimits limits = controller.Limits;
            _publishedImportW = _arbiter.ToAcW(limits.MaxChargePowerW);
            _publishedExportW = -_arbiter.ToAcW(-limits.MaxDischargePowerW);
            client.MessageReceived += OnMessage;
        }

        // ------------------------------------------------------------------ observation (the shell's counters)

        public UplinkSettings Settings => _settings;

        public UplinkTopics Topics => _topics;

        /// <summary>The connection supervisor (state, Connects, Reconnects, ConnectFailures, ConnectTimeouts, LinkLosses, LastError).</summary>
        public UplinkConnection Connection => _connection;

        /// <summary>The connection's state name ("idle", "connecting", "subscribing", "online", "backoff").</summary>
        public string StateName => _connection.StateName;

        public bool IsOnline => _connection.IsOnline;

        /// <summary>This boot's id (counts boots; in the status and the will).</summary>
        public long BootId => _bootId;

        /// <summary>The store-and-forward queue (Count, Enqueued, Replayed, DroppedOf), or null.</summary>
        public OutageQueue Queue => _queue;

        /// <summary>Records waiting in the outage queue.</summary>
        public int Queued => _queue == null ? 0 : _queue.Count;

        /// <summary>Records replayed from the outage queue since boot.</summary>
        public long Replayed => _queue == null ? 0 : _queue.Replayed;

        /// <summary>Records of <paramref name="cls"/> the outage queue dropped to make room.</summary>
        public long DroppedOf(UplinkRecordClass cls)
        {
            return _queue == null ? 0 : _queue.DroppedOf(cls);
        }

        /// <summary>The setpoints in force and the safe setpoint.</summary>
        public DispatchArbiter Dispatch => _arbiter;

        /// <summary>The aggregator's liveness (IsArmed, IsLost, Losses, Heartbeats).</summary>
        public HeartbeatMonitor Heartbeat => _heartbeat;

        public long CommandsAccepted => _accepted;

        public long CommandsRejected => _rejected;

        public long CommandsClamped => _clamped;

        /// <summary>Commands received again with an id already taken (answered with the first answer, applied once).</summary>
        public long CommandDuplicates => _duplicates;

        public long DroopChangesAccepted => _droopAccepted;

        public long DroopChangesRejected => _droopRejected;

        /// <summary>Messages published (live, birth and replayed).</summary>
        public long Published => _published;

        /// <summary>Publishes the client refused or did not get acknowledged.</summary>
        public long PublishFailures => _publishFailures;

        /// <summary>Records lost: no queue, the queue refused them, or they did not encode.</summary>
        public long RecordsLost => _lost;

        /// <summary>Records the control thread could not hand over (ring full: the uplink thread is starved).</summary>
        public long HandOverOverflows => _outbox.Overflows;

        /// <summary>Inbound messages dropped because the pump did not keep up.</summary>
        public long InboundDropped => _inbound.Dropped;

        public long TelemetrySeq => _telemetrySeq;

        public long EventSeq => _eventSeq;

        public long MeterSeq => _meterSeq;

        /// <summary>The last error: the connection's, or a command's or a record's.</summary>
        public string LastError => _lastError ?? _connection.LastError;

        /// <summary>True when the AC registers come from a grid meter (<see cref="UseMeter"/>), false when they are the DC power converted with the efficiency.</summary>
        public bool HasMeter => _meter != null;

        /// <summary>The AC import register the meter records carry, Wh (the grid meter's, or the converted DC energy).</summary>
        public double AcImportWh => _meter != null ? _meter.ImportWh : _importWh;

        /// <summary>The AC export register the meter records carry, Wh (≥ 0).</summary>
        public double AcExportWh => _meter != null ? _meter.ExportWh : _exportWh;

        /// <summary>The AC power the telemetry carries, W (+ import): the grid meter's, or the DC power converted.</summary>
        public double AcPowerW => _meter != null ? _meter.PowerW : _arbiter.ToAcW(_controller.LastMeasurements.PowerW);

        /// <summary>Vehicle sessions seen since boot (the meter records' "sessions").</summary>
        public long Sessions => _sessions;

        /// <summary>AC registers from the grid meter instead of the DC power converted with the efficiency.</summary>
        public void UseMeter(IEnergyMeter meter)
        {
            _meter = meter;
        }

        // ------------------------------------------------------------------ control thread

        /// <summary>
        /// The control thread's part, after <c>ChargeController.Tick()</c>: applies checked commands,
        /// watches heartbeat and expiry, and hands records over. Allocates nothing in steady state.
        /// </summary>
        public void Tick(long nowMs)
        {
            long nowUnixMs = UnixNowMs();
            IntegrateEnergy(nowMs);
            ApplyCommands(nowMs, nowUnixMs);

            if (_meter != null && _lastTrimMs >= 0)
            {
                EnergyTransfer transfer = _controller.Transfer;
                // Settled: no ramp, no limit, no droop, and the converter has reached its command (a
                // transient's error would otherwise wind the trim up in a few ticks).
                double lagW = _controller.LastMeasurements.PowerW - transfer.TotalCommandW;
                double commandW = transfer.TotalCommandW < 0 ? -transfer.TotalCommandW : transfer.TotalCommandW;
                bool settled = _controller.State == ChargerState.EnergyTransfer && transfer.LimitedBy == PowerLimitReason.None
                    && transfer.FrequencyResponseW == 0 && lagW <= 0.02 * commandW + 50 && lagW >= -0.02 * commandW - 50;
                _arbiter.TrimToGridPoint(_meter.PowerW, settled, nowMs - _lastTrimMs);
            }

            _lastTrimMs = nowMs;
            if (_arbiter.ExpireIfDue(nowUnixMs))
            {
                AddEvent(nowUnixMs, UplinkEventKinds.SetpointExpired, null, null, false, 0);
            }

            long received;
            lock (_heartbeatLock)
            {
                received = _heartbeatsReceived;
            }

            if (received != _heartbeatsSeen)
            {
                _heartbeatsSeen = received;
                _heartbeat.OnHeartbeat(nowMs);
            }

            HeartbeatTransition transition = _heartbeat.Update(nowMs);
            if (transition == HeartbeatTransition.Lost)
            {
                _arbiter.ApplySafeSetpoint();
                AddEvent(nowUnixMs, UplinkEventKinds.HeartbeatLost, null, null, false, 0);
            }
            else if (transition == HeartbeatTransition.Restored)
            {
                _arbiter.EndSafeSetpoint();
                AddEvent(nowUnixMs, UplinkEventKinds.HeartbeatRestored, null, null, false, 0);
            }

            AddStateEvents(nowMs, nowUnixMs);
            AddFaultEvents(nowMs, nowUnixMs);
            AddLimitsIfChanged(nowUnixMs);

            if (IsActive())
            {
                long soonest = nowMs + _settings.TelemetryActivePeriodMs;
                if (_nextTelemetryMs > soonest)
                {
                    _nextTelemetryMs = nowMs;
                }
            }

            if (nowMs >= _nextTelemetryMs && AddTelemetry(nowUnixMs))
            {
                _nextTelemetryMs = nowMs + (IsActive() ? _settings.TelemetryActivePeriodMs : _settings.TelemetryIdlePeriodMs);
            }

            if (nowMs >= _nextMeterMs && AddMeter(nowUnixMs))
            {
                _nextMeterMs = nowMs + _settings.MeterPeriodMs;
            }
        }

        private bool IsActive()
        {
            return _controller.HasDispatch || _controller.State == ChargerState.EnergyTransfer || _controller.Droop.IsActive;
        }

        private void ApplyCommands(long nowMs, long nowUnixMs)
        {
            UplinkCommand command;
            while ((command = _inbox.Peek()) != null)
            {
                UplinkItem item = _outbox.BeginWrite();
                if (command.Kind == UplinkCommandKind.Setpoint)
                {
                    bool inForce = _arbiter.Apply(command.Id, command.PowerW, command.ValidUntilUnixMs, command.Priority,
                        command.Purpose, command.HasPriceSpread, command.PriceSpreadPerKWh, nowUnixMs);
                    if (inForce)
                    {
                        _heartbeat.OnSetpointInForce(nowMs);
                    }

                    if (item != null)
                    {
                        item.Kind = UplinkItemKind.SetpointReply;
                        item.UnixMs = nowUnixMs;
                        item.CommandId = command.Id;
                        item.Result = _arbiter.LastResult;
                        item.AppliedW = _arbiter.LastAppliedAcW;
                        item.Reason = _arbiter.LastReason;
                        item.BlockingId = _arbiter.LastBlockingId;
                    }
                }
                else
                {
                    // Rare: ApplyDroopSettings also writes the store. The droop itself is read by this thread's tick.
                    string problem = _controller.ApplyDroopSettings(command.Droop);
                    if (item != null)
                    {
                        item.Kind = UplinkItemKind.DroopReply;
                        item.UnixMs = nowUnixMs;
                        item.DroopAccepted = problem == null || problem == ReasonNotStored;
                        item.Reason = problem;
                    }
                }

                if (item != null)
                {
                    _outbox.CommitWrite();
                }

                _inbox.Release();
            }
        }

        private void AddStateEvents(long nowMs, long nowUnixMs)
        {
            StateHistory history = _controller.History;
            while (_historySeen < history.Total)
            {
                long n = _historySeen;
                if (history.Holds(n))
                {
                    ChargerState state = history.StateAt(n);
                    if (state == ChargerState.EvConnected)
                    {
                        _sessions++;
                    }

                    long atUnixMs = nowUnixMs - (nowMs - history.TimeAt(n));
                    if (!AddEvent(atUnixMs, UplinkEventKinds.State, ChargerStateNames.Of(state), null, false, 0))
                    {
                        return; // ring full: retried at the next tick
                    }
                }

                _historySeen++;
            }
        }

        private void AddFaultEvents(long nowMs, long nowUnixMs)
        {
            FaultLog log = _controller.Faults;
            while (_faultsSeen < log.TotalRaised)
            {
                long back = log.TotalRaised - _faultsSeen;
                if (back <= log.Count)
                {
                    int index = (int)(log.Count - back);
                    int handle = log.HandleOf(index);
                    FaultRecord record = log.GetByHandle(handle);
                    long atUnixMs = nowUnixMs - (nowMs - record.RaisedAtMs);
                    if (!AddEvent(atUnixMs, UplinkEventKinds.FaultRaised, null, FaultCatalogue.Get(record.Code).Name, true, record.Value))
                    {
                        return;
                    }

                    // Reported as active even if already cleared: the scan below then reports the clear.
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
                        long atUnixMs = nowUnixMs - (nowMs - record.ClearedAtMs);
                        if (!AddEvent(atUnixMs, UplinkEventKinds.FaultCleared, null, FaultCatalogue.Get(record.Code).Name, false, 0))
                        {
                            return;
                        }

                        _faultReported[handle] = false;
                    }
                }
            }
        }

        private void AddLimitsIfChanged(long nowUnixMs)
        {
            ApplicableLimits limits = _controller.Limits;
            double importW = _arbiter.MaxImportAcW();
            double exportW = _arbiter.MaxExportAcW();
            string sourceExport = _arbiter.IsSafeSetpointInForce && _settings.FallbackFollowsVehicle ? LimitSources.HeartbeatLoss
                : limits.MaxDischargePowerW < _controller.Settings.MaxDischargePowerW ? LimitSources.Vehicle : LimitSources.Charger;
            if (importW == _limitsImportW && exportW == _limitsExportW && sourceExport == _limitsSourceExport)
            {
                return;
            }

            UplinkItem item = _outbox.BeginWrite();
            if (item == null)
            {
                return;
            }

            item.Kind = UplinkItemKind.Limits;
            item.UnixMs = nowUnixMs;
            item.MaxImportW = importW;
            item.MaxExportW = exportW;
            item.SourceImport = limits.MaxChargePowerW < _controller.Settings.MaxChargePowerW ? LimitSources.Vehicle : LimitSources.Charger;
            item.SourceExport = sourceExport;
            _outbox.CommitWrite();
            _limitsImportW = importW;
            _limitsExportW = exportW;
            _limitsSourceExport = sourceExport;
        }

        private bool AddEvent(long unixMs, string kind, string state, string fault, bool hasValue, double value)
        {
            UplinkItem item = _outbox.BeginWrite();
            if (item == null)
            {
                return false;
            }

            item.Kind = UplinkItemKind.Event;
            item.Event.UnixMs = unixMs;
            item.Event.Seq = ++_eventSeq;
            item.Event.Kind = kind;
            item.Event.State = state;
            item.Event.Fault = fault;
            item.Event.HasValue = hasValue;
            item.Event.Value = value;
            _outbox.CommitWrite();
            return true;
        }

        private bool AddTelemetry(long nowUnixMs)
        {
            UplinkItem item = _outbox.BeginWrite();
            if (item == null)
            {
                return false;
            }

            Measurements m = _controller.LastMeasurements;
            ChargerState state = _controller.State;
            item.Kind = UplinkItemKind.Telemetry;
            item.Sample.UnixMs = nowUnixMs;
            item.Sample.Seq = ++_telemetrySeq;
            item.Sample.State = ChargerStateNames.Of(state);
            item.Sample.PowerW = _meter != null ? _meter.PowerW : _arbiter.ToAcW(m.PowerW);
            item.Sample.DcVoltageV = m.ConnectorVoltageV;
            item.Sample.DcCurrentA = m.CurrentA;
            item.Sample.DcPowerW = m.PowerW;
            item.Sample.FrequencyHz = _controller.Grid.Cycles > 0 ? _controller.Grid.FrequencyHz : double.NaN;
            item.Sample.SocPercent = state == ChargerState.Idle ? double.NaN : _controller.VehicleStatus.SocPercent;
            item.Sample.HasSetpoint = _arbiter.HasSetpoint;
            item.Sample.SetpointW = _arbiter.SetpointAcW;
            item.Sample.SetpointId = _arbiter.SetpointId;
            item.Sample.DroopW = _arbiter.ToAcW(_controller.Transfer.FrequencyResponseW);
            item.Sample.LimitReason = state == ChargerState.EnergyTransfer ? PowerLimitReasonNames.Of(_controller.Transfer.LimitedBy) : PowerLimitReasonNames.Of(PowerLimitReason.None);
            // The guard decides in energy transfer only; outside it nothing is clipped.
            BatteryGuardDecision guard = _controller.LastGuardDecision;
            bool transferring = state == ChargerState.EnergyTransfer;
            item.Sample.BatteryClipReason = BatteryClipReasonNames.Of(transferring ? guard.Reason : BatteryClipReason.None);
            item.Sample.BatteryClippedDcW = transferring ? guard.ClippedW : 0;
            item.Sample.ActiveFaults = _controller.ActiveFaultCount;
            _outbox.CommitWrite();
            return true;
        }

        private bool AddMeter(long nowUnixMs)
        {
            UplinkItem item = _outbox.BeginWrite();
            if (item == null)
            {
                return false;
            }

            SessionEnergy energy = _controller.Energy;
            item.Kind = UplinkItemKind.Meter;
            item.Meter.UnixMs = nowUnixMs;
            item.Meter.Seq = ++_meterSeq;
            item.Meter.EnergyImportWh = _meter != null ? _meter.ImportWh : _importWh;
            item.Meter.EnergyExportWh = _meter != null ? _meter.ExportWh : _exportWh;
            item.Meter.SessionChargedWh = energy.ChargedWh;
            item.Meter.SessionDischargedWh = energy.DischargedWh;
            item.Meter.Sessions = _sessions;
            FillBatteryFigures(ref item.Meter);
            _outbox.CommitWrite();
            return true;
        }

        /// <summary>
        /// The battery guard's figures: the session's (under way, or the last one) and the battery's life; costs
        /// only when the pack's replacement cost is known (else null, and no currency); the clip counters.
        /// </summary>
        private void FillBatteryFigures(ref MeterRecord meter)
        {
            BatteryGuard guard = _controller.Guard;
            BatteryUsageFigures session = guard.Session;
            BatteryUsageFigures lifetime = guard.Lifetime;
            bool costKnown = guard.Settings.Degradation.ReplacementCost > 0;
            meter.SessionEfc = session.EquivalentFullCycles;
            meter.LifetimeEfc = lifetime.EquivalentFullCycles;
            meter.CapacityLossPercent = lifetime.CapacityLoss * 100;
            meter.DegradationCost = costKnown ? session.CycleLossCost : double.NaN;
            // Below 1 Wh discharged a cost per kWh means nothing.
            meter.CostPerKWhDischarged = costKnown && session.EnergyDischargedWh >= 1 ? session.CycleLossCost * 1000 / session.EnergyDischargedWh : double.NaN;
            meter.Currency = costKnown && _settings.BatteryCostCurrency != null ? _settings.BatteryCostCurrency : string.Empty;
            meter.ClipReasonNames = ClipReasonNames;
            int count = ClipReasonNames.Length < meter.ClipTicks.Length ? ClipReasonNames.Length : meter.ClipTicks.Length;
            for (int i = 0; i < count; i++)
            {
                meter.ClipTicks[i] = guard.ClipTicks((BatteryClipReason)(i + 1));
            }

            meter.ClipReasonCount = count;
        }

        private static string[] NamesOfClipReasons()
        {
            string[] names = new string[BatteryClipReasonNames.Count - 1];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = BatteryClipReasonNames.Of((BatteryClipReason)(i + 1));
            }

            return names;
        }

        /// <summary>Without a grid meter the AC registers are the DC power converted with the efficiency, integrated.</summary>
        private void IntegrateEnergy(long nowMs)
        {
            if (_lastTickMs >= 0 && _meter == null)
            {
                double acW = _arbiter.ToAcW(_controller.LastMeasurements.PowerW);
                double wh = acW * (nowMs - _lastTickMs) / 3600000.0;
                if (wh >= 0)
                {
                    _importWh += wh;
                }
                else
                {
                    _exportWh -= wh;
                }
            }

            _lastTickMs = nowMs;
        }

        private long UnixNowMs()
        {
            return (_wallClock.UtcNow.Ticks - UnixEpochTicks) / TicksPerMs;
        }

        // ------------------------------------------------------------------ transport thread

        private void OnMessage(string topic, byte[] payload, int length)
        {
            if (topic == _topics.Heartbeat)
            {
                // Its arrival is what counts; the control thread reads the counter.
                lock (_heartbeatLock)
                {
                    _heartbeatsReceived++;
                }

                return;
            }

            _inbound.Put(topic, payload, length);
        }

        // ------------------------------------------------------------------ uplink thread

        /// <summary>
        /// The uplink thread's part: supervises the connection, answers commands, publishes (or queues)
        /// what the control thread handed over, and replays the outage queue. May block up to the
        /// client's publish timeout per message; never called from the control thread.
        /// </summary>
        public void Pump(long nowMs)
        {
            long nowUnixMs = UnixNowMs();
            UplinkConnectionEvent e = _connection.Poll(nowMs);
            if (e == UplinkConnectionEvent.BirthDue)
            {
                _connection.ReportBirth(PublishBirth(nowUnixMs), nowMs);
            }

            string topic;
            int length;
            while ((length = _inbound.Take(_inboundBuffer, out topic)) >= 0)
            {
                string suffix = _topics.SuffixOf(topic);
                if (suffix == UplinkTopics.SetpointSuffix)
                {
                    HandleSetpoint(length, nowUnixMs);
                }
                else if (suffix == UplinkTopics.DroopSetSuffix)
                {
                    HandleDroop(length, nowUnixMs);
                }
            }

            UplinkItem item;
            while ((item = _outbox.Peek()) != null)
            {
                Send(item);
                _outbox.Release();
            }

            Replay();
        }

        /// <summary>
        /// A clean shutdown's last word (uplink thread): the retained status goes offline with this
        /// boot's id, as the will would say, since a clean disconnect does not fire the will.
        /// Returns false if the broker could not be told.
        /// </summary>
        public bool PublishOffline()
        {
            return _connection.IsOnline
                && StatusEncoder.Write(_writer, false, _settings.FirmwareVersion, _bootId, UnixNowMs())
                && Publish(_topics.Status, 1, true);
        }

        private bool PublishBirth(long nowUnixMs)
        {
            bool ok = StatusEncoder.Write(_writer, true, _settings.FirmwareVersion, _bootId, nowUnixMs)
                && Publish(_topics.Status, 1, true);
            ok = ok && CapabilitiesEncoder.Write(_writer, _capabilities) && Publish(_topics.Capabilities, 1, true);
            ok = ok && LimitsEncoder.Write(_writer, nowUnixMs, _publishedImportW, _publishedExportW, _publishedSourceImport, _publishedSourceExport)
                && Publish(_topics.Limits, 1, true);
            ok = ok && WriteDroop(nowUnixMs) && Publish(_topics.Droop, 1, true);
            return ok;
        }

        private bool WriteDroop(long nowUnixMs)
        {
            DroopSettings d = _controller.Droop.Settings;
            return DroopConfigEncoder.Write(_writer, nowUnixMs, d.Enabled, d.PresetName, d.NominalHz, d.DeadbandOverHz, d.DeadbandUnderHz,
                d.DroopOver, d.DroopUnder, d.ResponseTimeMs / 1000.0, d.RatedPowerW, _droopResult, _droopReason);
        }

        private void Send(UplinkItem item)
        {
            switch (item.Kind)
            {
                case UplinkItemKind.Telemetry:
                    // Live telemetry is the present: sent even while older records are replayed.
                    if (_connection.IsOnline && TelemetryEncoder.Write(_writer, ref item.Sample, false) && Publish(_topics.Telemetry, _settings.TelemetryQos, false))
                    {
                        return;
                    }

                    Keep(UplinkRecordClass.Telemetry, TelemetryEncoder.Write(_writer, ref item.Sample, true));
                    return;

                case UplinkItemKind.Event:
                    // Events and meter records stay in order behind anything still queued.
                    if (CanSendLive() && EventEncoder.Write(_writer, ref item.Event, false) && Publish(_topics.Event, 1, false))
                    {
                        return;
                    }

                    Keep(UplinkRecordClass.Event, EventEncoder.Write(_writer, ref item.Event, true));
                    return;

                case UplinkItemKind.Meter:
                    if (CanSendLive() && MeterEncoder.Write(_writer, ref item.Meter, false) && Publish(_topics.Meter, 1, false))
                    {
                        return;
                    }

                    Keep(UplinkRecordClass.Meter, MeterEncoder.Write(_writer, ref item.Meter, true));
                    return;

                case UplinkItemKind.SetpointReply:
                    string reason = item.Reason == DispatchArbiter.ReasonLowerPriority
                        ? "lower priority than setpoint '" + item.BlockingId + "' in force"
                        : item.Reason;
                    Reply(item.CommandId, item.Result, item.Result != DispatchResult.Rejected, item.AppliedW, reason, item.UnixMs);
                    return;

                case UplinkItemKind.DroopReply:
                    CountDroop(item.DroopAccepted, item.Reason);
                    if (_connection.IsOnline && WriteDroop(item.UnixMs))
                    {
                        Publish(_topics.Droop, 1, true);
                    }

                    return;

                case UplinkItemKind.Limits:
                    _publishedImportW = item.MaxImportW;
                    _publishedExportW = item.MaxExportW;
                    _publishedSourceImport = item.SourceImport;
                    _publishedSourceExport = item.SourceExport;
                    if (_connection.IsOnline && LimitsEncoder.Write(_writer, item.UnixMs, item.MaxImportW, item.MaxExportW, item.SourceImport, item.SourceExport))
                    {
                        Publish(_topics.Limits, 1, true);
                    }

                    return;
            }
        }

        private bool CanSendLive()
        {
            return _connection.IsOnline && (_queue == null || _queue.Count == 0);
        }

        /// <summary>Keeps the record just encoded (historical) in the outage queue.</summary>
        private void Keep(UplinkRecordClass cls, bool encoded)
        {
            if (!encoded || _writer.Overflowed)
            {
                _lost++;
                _lastError = "record did not encode";
                return;
            }

            if (_queue == null || !_queue.Enqueue(cls, _writer.Buffer, 0, _writer.Length))
            {
                _lost++;
            }
        }

        private void Replay()
        {
            if (_queue == null)
            {
                return;
            }

            for (int i = 0; i < _settings.ReplayPerPumpMax && _connection.IsOnline; i++)
            {
                int length;
                UplinkRecordClass cls;
                if (!_queue.Peek(_replayBuffer, out length, out cls))
                {
                    return;
                }

                string topic = cls == UplinkRecordClass.Telemetry ? _topics.Telemetry : cls == UplinkRecordClass.Event ? _topics.Event : _topics.Meter;
                if (!_client.Publish(topic, _replayBuffer, length, 1, false))
                {
                    _publishFailures++;
                    return;
                }

                _published++;
                _queue.MarkSent();
            }
        }

        private bool Publish(string topic, int qos, bool retain)
        {
            if (_writer.Overflowed)
            {
                return false;
            }

            if (_client.Publish(topic, _writer.Buffer, _writer.Length, qos, retain))
            {
                _published++;
                return true;
            }

            _publishFailures++;
            return false;
        }

        // ------------------------------------------------------------------ commands (uplink thread)

        private void HandleSetpoint(int length, long nowUnixMs)
        {
            string problem;
            if (length > _settings.MaxCommandBytes)
            {
                problem = "payload too large: " + length.ToString() + " bytes > " + _settings.MaxCommandBytes.ToString();
                _setpoint.Clear();
            }
            else
            {
                _reader.Parse(_inboundBuffer, length);
                problem = SetpointCommand.Parse(_reader, nowUnixMs, _setpointAbsoluteMaxW, _setpoint);
            }

            // Without calendar time an expiry cannot be judged: no setpoint is taken rather than one that never ends.
            if (problem == null && !_wallClock.IsSet)
            {
                problem = ReasonClockNotSet;
            }

            string id = _setpoint.Id;
            if (id != null)
            {
                int slot = _ledger.Find(id);
                if (slot >= 0)
                {
                    // A QoS 1 repeat: applied once, answered with the first answer (once it exists).
                    _duplicates++;
                    if (_ledger.IsAnswered(slot) && _connection.IsOnline && _client.Publish(_topics.SetpointReply, _ledger.ReplyOf(slot), _ledger.ReplyLengthOf(slot), 1, false))
                    {
                        _published++;
                    }

                    return;
                }
            }

            if (problem == null)
            {
                UplinkCommand command = _inbox.BeginWrite();
                if (command != null)
                {
                    command.Kind = UplinkCommandKind.Setpoint;
                    command.Id = id;
                    command.PowerW = _setpoint.PowerW;
                    command.ValidUntilUnixMs = _setpoint.ValidUntilUnixMs;
                    command.Priority = _setpoint.Priority;
                    command.Purpose = BatteryPowerPurposes.FromName(_setpoint.Purpose);
                    command.HasPriceSpread = _setpoint.HasPriceSpread;
                    command.PriceSpreadPerKWh = _setpoint.PriceSpreadPerKWh;
                    command.Droop = null;
                    _ledger.Add(id);
                    _inbox.CommitWrite();
                    return;
                }

                problem = ReasonBusy;
            }

            Reply(id, DispatchResult.Rejected, false, 0, problem, nowUnixMs);
        }

        private void Reply(string id, DispatchResult result, bool hasAppliedW, double appliedW, string reason, long unixMs)
        {
            if (result == DispatchResult.Accepted)
            {
                _accepted++;
            }
            else if (result == DispatchResult.Clamped)
            {
                _clamped++;
            }
            else
            {
                _rejected++;
                _lastError = reason;
            }

            string text = result == DispatchResult.Accepted ? SetpointResults.Accepted : result == DispatchResult.Clamped ? SetpointResults.Clamped : SetpointResults.Rejected;
            if (!SetpointReplyEncoder.Write(_writer, id, text, hasAppliedW, appliedW, reason, unixMs) || _writer.Overflowed)
            {
                _lastError = "reply did not encode";
                return;
            }

            // Transient refusals are not remembered: a redelivery later may well be taken.
            if (id != null && reason != ReasonBusy && reason != ReasonClockNotSet)
            {
                _ledger.SetReply(id, _writer.Buffer, 0, _writer.Length);
            }

            if (_connection.IsOnline)
            {
                Publish(_topics.SetpointReply, 1, false);
            }
        }

        private void HandleDroop(int length, long nowUnixMs)
        {
            string problem;
            DroopSettings settings = null;
            if (length > _settings.MaxCommandBytes)
            {
                problem = "payload too large: " + length.ToString() + " bytes > " + _settings.MaxCommandBytes.ToString();
            }
            else
            {
                _reader.Parse(_inboundBuffer, length);
                problem = DroopCommand.Parse(_reader, _droopCommand);
                if (problem == null)
                {
                    settings = BuildDroop(_droopCommand, out problem);
                }
            }

            if (problem == null)
            {
                UplinkCommand command = _inbox.BeginWrite();
                if (command != null)
                {
                    command.Kind = UplinkCommandKind.Droop;
                    command.Id = _droopCommand.Id;
                    command.Droop = settings;
                    _inbox.CommitWrite();
                    return;
                }

                problem = ReasonBusy;
            }

            CountDroop(false, problem);
            if (_connection.IsOnline && WriteDroop(nowUnixMs))
            {
                Publish(_topics.Droop, 1, true);
            }
        }

        private void CountDroop(bool accepted, string reason)
        {
            if (accepted)
            {
                _droopAccepted++;
            }
            else
            {
                _droopRejected++;
                _lastError = reason;
            }

            _droopResult = accepted ? DroopConfigEncoder.Accepted : DroopConfigEncoder.Rejected;
            _droopReason = reason;
        }

        /// <summary>The settings a droop command asks for: a preset (at the rating in force) and/or parameters over the settings in force.</summary>
        private DroopSettings BuildDroop(DroopCommand c, out string problem)
        {
            problem = null;
            DroopSettings current = _controller.Droop.Settings;
            double nominalHz = c.HasNominalHz ? c.NominalHz : current.NominalHz;
            DroopSettings s;
            if (c.HasPreset)
            {
                s = DroopPresets.ByName(c.Preset, nominalHz);
                if (s == null)
                {
                    problem = "unknown preset '" + c.Preset + "'";
                    return null;
                }

                s.RatedPowerW = current.RatedPowerW;
                s.Enabled = true;
            }
            else
            {
                s = current.Copy();
            }

            bool parameters = c.HasNominalHz || c.HasDeadbandOverHz || c.HasDeadbandUnderHz || c.HasDroopOver || c.HasDroopUnder || c.HasResponseS || c.HasRatedW;
            if (parameters)
            {
                s.PresetName = "custom";
            }

            s.NominalHz = nominalHz;
            if (c.HasEnabled)
            {
                s.Enabled = c.Enabled;
            }

            if (c.HasDeadbandOverHz)
            {
                s.DeadbandOverHz = c.DeadbandOverHz;
            }

            if (c.HasDeadbandUnderHz)
            {
                s.DeadbandUnderHz = c.DeadbandUnderHz;
            }

            if (c.HasDroopOver)
            {
                s.DroopOver = c.DroopOver;
            }

            if (c.HasDroopUnder)
            {
                s.DroopUnder = c.DroopUnder;
            }

            if (c.HasResponseS)
            {
                s.ResponseTimeMs = (int)(c.ResponseS * 1000 + 0.5);
            }

            if (c.HasRatedW)
            {
                s.RatedPowerW = c.RatedW;
            }

            problem = s.Validate();
            return problem == null ? s : null;
        }

        // ------------------------------------------------------------------ construction helpers

        private void FillCapabilities()
        {
            V2G.Firmware.Settings.ChargerSettings r = _controller.Settings;
            _capabilities.MaxChargePowerW = _arbiter.ToAcW(r.MaxChargePowerW);
            _capabilities.MaxDischargePowerW = -_arbiter.ToAcW(-r.MaxDischargePowerW);
            _capabilities.MaxChargeCurrentA = r.MaxChargeCurrentA;
            _capabilities.MaxDischargeCurrentA = r.MaxDischargeCurrentA;
            _capabilities.MinVoltageV = r.MinVoltageV;
            _capabilities.MaxVoltageV = r.MaxVoltageV;
            _capabilities.Bidirectional = r.MaxDischargePowerW > 0;
            _capabilities.Droop = true;
        }

        /// <summary>Reads the boot counter, increments it and stores it (8 bytes, little-endian); 1 on a blank store or without one.</summary>
        private static long NextBootId(INonVolatileStore store, int recordId)
        {
            if (store == null)
            {
                return 1;
            }

            byte[] buffer = new byte[store.MaxRecordLength > 8 ? store.MaxRecordLength : 8];
            long previous = 0;
            if (store.Read(recordId, buffer, 0) == 8)
            {
                for (int i = 7; i >= 0; i--)
                {
                    previous = (previous << 8) | buffer[i];
                }
            }

            long bootId = previous + 1;
            for (int i = 0; i < 8; i++)
            {
                buffer[i] = (byte)(bootId >> (8 * i));
            }

            store.Write(recordId, buffer, 0, 8);
            return bootId;
        }
    }
}
