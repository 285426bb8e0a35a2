using V2G.Hal.Buses;
using V2G.Hal.Connector;
using V2G.Hal.Timing;
using V2G.Protocol.GbT.Discharge;
using V2G.Protocol.GbT.Transport;
using V2G.Protocol.Session;
using V2G.Protocol.Trace;

namespace V2G.Protocol.GbT.Charger
{
    /// <summary>
    /// The charger's side of a GB/T 27930 session (2015, or 2023 Category A by <see cref="GbtChargerSettings.Profile"/>)
    /// over one CAN port, driving the controller through <see cref="IEvSessionPort"/> in the standard's
    /// order: CC1 → lock → auxiliary power → CHM/BHM and the insulation check → CRM/BRM → BCP, CTS/CML,
    /// BRO → CRO and pre-charge → BCL/BCS/CCS/BSM → CST/BST → BSD/CSD [digest §6, S2]. Each stage's BMS
    /// message has its timeout; a timeout sends CEM with the message's field, stops the output and
    /// re-handshakes from CRM(00h) after <see cref="GbtChargerSettings.ReconnectDelayMs"/>, at most
    /// <see cref="GbtChargerSettings.MaxReconnects"/> times [digest §6, §7, S2].
    /// Call <see cref="Poll"/> at least every 10 ms (CST's period) from the controller's thread. Bad
    /// frames are counted, logged with <see cref="FailureLayer.Can"/> and dropped, never thrown on.
    /// Nothing is allocated after construction.
    /// </summary>
    public sealed partial class GbtChargerSession
    {
        /// <summary>Frames taken from the CAN port per Poll at most, so a flood cannot hold the control thread.</summary>
        public const int MaxFramesPerPoll = 64;

        /// <summary>2023-A: the first CHM within 1 s of the auxiliary power [digest §8, S16; C].</summary>
        public const int Gbt2023AChmDeadlineMs = 1000;

        // Frame drop reasons (also the failure names in the log).
        private const int DropNotExtended = 0;
        private const int DropForeignAddress = 1;
        private const int DropNotPdu1 = 2;
        private const int DropUnknownPgn = 3;
        private const int DropBadLength = 4;
        private const int DropUnexpectedPgn = 5;
        private const int DropTransport = 6;
        private const int DropReasonCount = 7;

        private static readonly string[] DropNames =
        {
            "not_extended_id",
            "foreign_address",
            "not_pdu1",
            "unknown_pgn",
            "bad_length",
            "unexpected_pgn",
            "tp_session_broken",
        };

        // Periodic transmissions, in the order they are checked each Poll.
        private const int TxChm = 0;
        private const int TxCrm = 1;
        private const int TxCts = 2;
        private const int TxCml = 3;
        private const int TxCdc = 4;
        private const int TxCro = 5;
        private const int TxCcs = 6;
        private const int TxCst = 7;
        private const int TxCsd = 8;
        private const int TxCem = 9;
        private const int TxCount = 10;

        private static readonly int[] TxPf =
        {
            GbtPf.Chm, GbtPf.Crm, GbtPf.Cts, GbtPf.Cml, DischargeExtension.Pf, GbtPf.Cro, GbtPf.Ccs, GbtPf.Cst, GbtPf.Csd, GbtPf.Cem,
        };

        private static readonly int[] TxPeriodMs = { 250, 250, 500, 250, 250, 250, 50, 10, 250, 250 };

        private readonly GbtChargerSettings _settings;
        private readonly IEvSessionPort _port;
        private readonly ICanPort _can;
        private readonly IMonotonicClock _clock;
        private readonly ICc1Sense _cc1;
        private readonly IAuxiliaryPower _auxiliaryPower;
        private readonly IConnectorLock _connectorLock;
        private readonly MessageLog _log;
        private readonly Cc1Detector _cc1Detector;
        private readonly DischargeAgreement _discharge;
        private readonly J1939TransportReceiver _transport;
        private readonly GbtLogThrottle _throttle = new GbtLogThrottle();

        private readonly ChmMessage _chm = new ChmMessage();
        private readonly BhmMessage _bhm = new BhmMessage();
        private readonly CrmMessage _crm = new CrmMessage();
        private readonly BrmMessage _brm = new BrmMessage();
        private readonly BcpMessage _bcp = new BcpMessage();
        private readonly CtsMessage _cts = new CtsMessage();
        private readonly CmlMessage _cml = new CmlMessage();
        private readonly BroMessage _bro = new BroMessage();
        private readonly CroMessage _cro = new CroMessage();
        private readonly BclMessage _bcl = new BclMessage();
        private readonly BcsMessage _bcs = new BcsMessage();
        private readonly CcsMessage _ccs = new CcsMessage();
        private readonly BsmMessage _bsm = new BsmMessage();
        private readonly BstMessage _bst = new BstMessage();
        private readonly CstMessage _cst = new CstMessage();
        private readonly BsdMessage _bsd = new BsdMessage();
        private readonly CsdMessage _csd = new CsdMessage();
        private readonly BemMessage _bem = new BemMessage();
        private readonly CemMessage _cem = new CemMessage();

        private readonly byte[] _rx = new byte[8];
        private readonly byte[] _tx = new byte[8];
        private readonly bool[] _txActive = new bool[TxCount];
        private readonly long[] _txDueMs = new long[TxCount];
        private readonly int[] _txCount = new int[TxCount];
        private readonly long[] _dropLoggedMs = new long[DropReasonCount];
        private readonly int[] _dropCounts = new int[DropReasonCount];

        private GbtChargerStage _stage = GbtChargerStage.Unplugged;
        private long _stageSinceMs;
        private long _nowMs;
        private long _lastPollMs = -1;

        // Connection and handshake.
        private bool _vehicleConnectedCalled;
        private long _lockRequestedMs;
        private bool _bhmReceived;
        private double _bhmVoltageV;
        private bool _bhmTimeoutLogged;
        private bool _communicationStarted;
        private bool _cableCheckPassed;

        // Recognition and parameters.
        private bool _brmReceived;
        private bool _recognised;
        private long _recognisedSinceMs;
        private bool _bcpReceived;
        private bool _limitsRefused;
        private EvLimits _evLimits;
        private ChargerLimits _chargerLimits;
        private long _cmlSinceMs;
        private bool _broReceived;
        private long _broFirstMs;

        // Pre-charge and charging.
        private bool _outputReady;

        /// <summary>The pre-charge target of this attempt, V (0 until taken).</summary>
        private double _preChargeTargetV;
        private long _outputReadySinceMs;
        private bool _bclReceived;
        private bool _bcsReceived;
        private long _lastBclMs;
        private long _lastBcsMs;
        private bool _bsmReceived;
        private long _lastBsmMs;
        private bool _bmsAllowsCharging = true;
        private bool _paused;
        private long _pauseSinceMs;
        private double _appliedVoltageDemandV;
        private bool _dischargeFloorReached;
        private long _chargingSinceMs;
        private double _energyWh;
        private bool _dischargeDemandRefused;
        private EvStatus _evStatus;
        private EvEnergyNeeds _energyNeeds = EvEnergyNeeds.Unknown();
        private ChargerPresentValues _present;

        // Stop and statistics.
        private bool _bstReceived;
        private bool _chargerInitiatedStop;
        private long _cstSinceMs;
        private bool _stopCurrentChecked;
        private bool _bsdReceived;
        private long _bsdSinceMs;

        // Winding the controller down (power down, welding detection, end of session).
        private bool _windDownActive;
        private bool _powerDownDone;
        private bool _weldingDone;
        private StepStatus _weldingStatus;
        private bool _windDownDone;

        // Timeouts and reconnects.
        private long _timedOutSinceMs;
        private bool _reconnectAllowed = true;
        private int _reconnects;
        private bool _unlocked = true;

        // Transport counters seen so far, to log each broken TP session once.
        private int _seenAborts;
        private int _seenTpTimeouts;

        /// <param name="log">The decoded message log; may be null (no log).</param>
        public GbtChargerSession(GbtChargerSettings settings, IEvSessionPort port, ICanPort can, IMonotonicClock clock, ICc1Sense cc1, IAuxiliaryPower auxiliaryPower, IConnectorLock connectorLock, MessageLog log)
        {
            if (settings == null || port == null || can == null || clock == null || cc1 == null || auxiliaryPower == null || connectorLock == null)
            {
                throw new System.ArgumentNullException();
            }

            _settings = settings;
            _port = port;
            _can = can;
            _clock = clock;
            _cc1 = cc1;
            _auxiliaryPower = auxiliaryPower;
            _connectorLock = connectorLock;
            _log = log;
            _cc1Detector = new Cc1Detector(settings);
            _discharge = new DischargeAgreement(settings.Discharge);
            _transport = new J1939TransportReceiver(GbtAddress.Charger);
            _crm.ChargerNumber = settings.ChargerNumber;
            _csd.ChargerNumber = settings.ChargerNumber;
            _ccs.Length = settings.CcsLengthBytes == CcsMessage.Length2023 ? CcsMessage.Length2023 : CcsMessage.Length2015;
            _evStatus.BatteryTemperatureC = double.NaN;
        }

        /// <summary>
        /// The calendar clock CTS is written from (optional; set by the board). Null or not set: CTS is sent
        /// as "not available", all FF, as a real charger in R2 does [digest §3, §4].
        /// </summary>
        public IWallClock WallClock { get; set; }

        /// <summary>Where the session is.</summary>
        public GbtChargerStage Stage => _stage;

        /// <summary>The debounced CC1 state.</summary>
        public Cc1State Cc1 => _cc1Detector.State;

        public GbtChargerSettings Settings => _settings;

        /// <summary>The discharge extension's negotiation of this session.</summary>
        public DischargeAgreement Discharge => _discharge;

        /// <summary>Re-handshakes after timeouts in this plug-in (reset on unplug).</summary>
        public int Reconnects => _reconnects;

        /// <summary>Timeouts of BMS messages since construction.</summary>
        public int TimeoutCount { get; private set; }

        /// <summary>The last session failure's name ("bcl_timeout", "bsm_abnormal", ...), or null. Dropped frames: <see cref="LastDropReason"/>.</summary>
        public string LastFailure { get; private set; }

        /// <summary>Why the last bad frame was dropped ("foreign_address", "bad_length", ...), or null.</summary>
        public string LastDropReason { get; private set; }

        /// <summary>Frames taken from the CAN port.</summary>
        public long FramesReceived { get; private set; }

        /// <summary>Frames dropped as bad input (any reason).</summary>
        public long FramesDropped { get; private set; }

        /// <summary>Frames handed to the CAN port.</summary>
        public long FramesSent { get; private set; }

        /// <summary>Frames the CAN port refused (transmit queue full).</summary>
        public long TransmitFailures { get; private set; }

        /// <summary>True if, after the last CST, the current was not down to <see cref="GbtChargerSettings.StopCurrentA"/> within its deadline.</summary>
        public bool StopCurrentLate { get; private set; }

        /// <summary>Time from the first CST (or the timeout) to the current at or below <see cref="GbtChargerSettings.StopCurrentA"/>, ms; −1 if not measured.</summary>
        public long StopCurrentDelayMs { get; private set; } = -1;

        /// <summary>True while the BMS holds the output paused (BSM charging allowed = 00).</summary>
        public bool IsPaused => _paused;

        /// <summary>The last BCL's current demand in the firmware's sign (+ into the vehicle), after the discharge rule.</summary>
        public double RequestedCurrentA => _evStatus.RequestedCurrentA;

        /// <summary>The CST being sent (its reason and fault fields), for diagnostics and tests.</summary>
        public CstMessage StopFrame => _cst;

        /// <summary>The CEM being (or last) sent.</summary>
        public CemMessage ErrorFrame => _cem;

        /// <summary>The last complete BRM (the vehicle's identification).</summary>
        public BrmMessage Identification => _brm;

        /// <summary>The frames dropped for one reason (0 = not extended … 6 = TP session broken; see the log for names).</summary>
        public int DroppedFor(int reason)
        {
            return reason >= 0 && reason < DropReasonCount ? _dropCounts[reason] : 0;
        }

        /// <summary>How many times a periodic message was sent (by its PF), for tests and diagnostics.</summary>
        public int SentCount(int pf)
        {
            for (int i = 0; i < TxCount; i++)
            {
                if (TxPf[i] == pf)
                {
                    return _txCount[i];
                }
            }

            return 0;
        }

        /// <summary>An operator stop: CST with "manual stop" [digest §4, S2].</summary>
        public void RequestStop()
        {
            if (IsActiveStage(_stage))
            {
                BeginStop(CstMessage.ManualStop, -1, "operator_stop");
            }
        }

        /// <summary>Runs the session: CC1, received frames, the stage's steps and timeouts, the periodic frames.</summary>
        public void Poll(long nowMs)
        {
            long elapsedMs = _lastPollMs < 0 ? 0 : nowMs - _lastPollMs;
            _lastPollMs = nowMs;
            _nowMs = nowMs;

            if (!PollConnection(nowMs))
            {
                return;
            }

            Receive(nowMs);
            if (_stage == GbtChargerStage.Unplugged)
            {
                return;
            }

            Step(nowMs, elapsedMs);
            Transmit(nowMs);
        }

        // ------------------------------------------------------------------ CC1 and plug

        /// <summary>Classifies CC1; returns false when there is no session to run (unplugged).</summary>
        private bool PollConnection(long nowMs)
        {
            Cc1State state = _cc1Detector.Update(_cc1.VoltageV, nowMs);
            if (_stage == GbtChargerStage.Unplugged)
            {
                DrainWhileUnplugged();
                if (state != Cc1State.Connected)
                {
                    return false;
                }

                StartSession(nowMs);
                return true;
            }

            if (state == Cc1State.NotConnected)
            {
                Unplug(nowMs);
                return false;
            }

            if (state != Cc1State.Connected && _stage != GbtChargerStage.Ended)
            {
                // 6 V (the plug's switch S pressed) or an impossible level: the vehicle is no longer
                // connected as far as the session goes, but the plug is still in: the output is opened at
                // once, the connector stays locked until the output is safe.
                Disconnect(nowMs, state == Cc1State.Fault ? "cc1_fault" : "cc1_switch_open");
                End(nowMs);
            }

            return true;
        }

        private void DrainWhileUnplugged()
        {
            // No vehicle: whatever is on the bus is not ours to answer; keep the port's queue empty.
            CanFrame frame;
            for (int i = 0; i < MaxFramesPerPoll && _can.TryReceive(out frame); i++)
            {
                FramesReceived++;
            }
        }

        private void StartSession(long nowMs)
        {
            ResetSession();
            _reconnects = 0;
            _reconnectAllowed = true;
            _throttle.Reset();
            _transport.Reset();
            _connectorLock.Lock();
            _unlocked = false;
            _lockRequestedMs = nowMs;
            EnterStage(GbtChargerStage.Connected, nowMs);
        }

        private void Unplug(long nowMs)
        {
            Disconnect(nowMs, "unplugged");
            StopAllTransmissions();
            _auxiliaryPower.Switch(false);

            // The plug is out: nothing is left to hold.
            _connectorLock.Unlock();
            _unlocked = true;
            _transport.Reset();
            EnterStage(GbtChargerStage.Unplugged, nowMs);
        }

        /// <summary>Tells the controller at once (it opens the output on VehicleDisconnected) and logs a session cut short.</summary>
        private void Disconnect(long nowMs, string failure)
        {
            if (_vehicleConnectedCalled)
            {
                _port.VehicleDisconnected();
                _vehicleConnectedCalled = false;
            }

            if (IsActiveStage(_stage) || _stage == GbtChargerStage.Stopping || _stage == GbtChargerStage.TimedOut)
            {
                Fail(nowMs, failure);
            }
        }

        /// <summary>Forgets everything learned from the BMS (a new plug-in or a re-handshake).</summary>
        private void ResetSession()
        {
            StopAllTransmissions();
            _bhmReceived = false;
            _bhmTimeoutLogged = false;
            _communicationStarted = false;
            _cableCheckPassed = false;
            ResetNegotiation();
        }

        private void ResetNegotiation()
        {
            _brmReceived = false;
            _recognised = false;
            _bcpReceived = false;
            _limitsRefused = false;
            _broReceived = false;
            _outputReady = false;
            _preChargeTargetV = 0;
            _bclReceived = false;
            _bcsReceived = false;
            _bsmReceived = false;
            _bmsAllowsCharging = true;
            _paused = false;
            _appliedVoltageDemandV = -1;
            _dischargeFloorReached = false;
            _chargingSinceMs = 0;
            _energyWh = 0;
            _dischargeDemandRefused = false;
            _bstReceived = false;
            _chargerInitiatedStop = false;
            _stopCurrentChecked = false;
            _bsdReceived = false;
            _windDownActive = false;
            _powerDownDone = false;
            _weldingDone = false;
            _weldingStatus = StepStatus.Ongoing;
            _windDownDone = false;
            _evStatus = default(EvStatus);
            _evStatus.BatteryTemperatureC = double.NaN;
            _energyNeeds.Clear();
            _discharge.Reset();
            _crm.Recognition = CrmMessage.NotRecognised;
            _cro.Status = CroMessage.NotReady;
            _ccs.ChargingPermitted = CcsMessage.Permitted;
        }
    }
}
