using V2G.Firmware.Battery;
using V2G.Firmware.Control;
using V2G.Firmware.Faults;
using V2G.Firmware.Grid;
using V2G.Firmware.Measurement;
using V2G.Firmware.Safety;
using V2G.Firmware.Settings;
using V2G.Hal.Power;
using V2G.Protocol.Session;
using V2G.Firmware.Numerics;

namespace V2G.Firmware.Session
{
    /// <summary>
    /// The charger's session state machine. Protocols drive it through <see cref="IEvSessionPort"/>
    /// in their own standard's order; it checks each step's preconditions and runs the physical
    /// sequences (cable check, precharge, energy transfer, power-down, welding detection) in
    /// <see cref="Tick"/>, where the <see cref="SafetySupervisor"/> also judges every measurement
    /// and any fault takes the output to its safe state through <see cref="SafeShutdown"/>.
    /// Nothing here allocates after construction: the tick runs for years on a device whose
    /// garbage collector stops the world.
    /// </summary>
    public sealed class ChargeController : IEvSessionPort, IControlTask
    {
        private readonly ChargerSettings _settings;
        private readonly ChargerHardware _hw;
        private readonly IPowerStage _stage;
        private readonly OutputContactors _contactors;
        private readonly SafetySupervisor _supervisor;
        private readonly SafeShutdown _shutdown;
        private readonly FaultLog _faultLog;
        private readonly CableCheck _cableCheck;
        private readonly PreCharge _preCharge;
        private readonly EnergyTransfer _transfer;
        private readonly PowerDown _powerDown;
        private readonly WeldingDetection _welding;
        private readonly GridMonitor _grid;
        private readonly FrequencyDroop _droop;
        private readonly GridProtection _protection;
        private DroopSettingsStore _droopStore;
        private readonly BatteryGuard _guard;
        private BatteryStateStore _batteryStore;
        private BatteryGuardInput _guardInput;
        private BatteryGuardDecision _guardDecision;
        private BatteryPowerPurpose _dispatchPurpose = BatteryPowerPurpose.Dispatch;
        private bool _dispatchHasPriceSpread;
        private double _dispatchPriceSpreadPerKWh;
        private EvEnergyNeeds _energyNeeds = EvEnergyNeeds.Unknown();
        private bool _hasDepartureMs;
        private long _departureMs;
        private bool _batteryStateSaved = true;
        private readonly SessionEnergy _energy = new SessionEnergy();
        private readonly int[] _activeFaultHandles;
        private readonly StateHistory _history = new StateHistory(32);
        private readonly ContactorTest _contactorTest;
        private readonly InsulationTest _insulationTest;

        // Requests from other threads (the diagnostic shell's): latched under this lock, carried out in Tick.
        private readonly object _requestLock = new object();
        private int _maintenanceRequest; // 0 none, 1 on, 2 off
        private bool _contactorTestRequested;
        private bool _insulationTestRequested;
        private double _insulationTestVoltageV;
        private bool _frequencyOffsetRequested;
        private double _requestedOffsetHz;
        private int _requestedOffsetDurationMs;
        private bool _ratingsRequested;
        private bool _clearFaultsRequested;
        private bool _batteryWindowRequested;
        private double _requestedReserveSocPercent;
        private double _requestedMaxSocPercent;
        private long _clearFaultsDone;
        private int _clearFaultsRemaining;
        private double _requestedMaxChargePowerW;
        private double _requestedMaxDischargePowerW;
        private double _requestedMaxChargeCurrentA;
        private double _requestedMaxDischargeCurrentA;

        private bool _maintenance;
        private double _frequencyTestOffsetHz;
        private long _frequencyTestUntilMs;
        private double _droopTestFrequencyHz = double.NaN;

        private Measurements _m;
        private ApplicableLimits _limits;
        private EvLimits _evLimits;
        private EvStatus _evStatus;
        private ChargerState _state = ChargerState.Idle;
        private SessionProtocol _protocol = SessionProtocol.None;
        private ChargerNotification _notification = ChargerNotification.None;
        private StepStatus _cableCheckStatus;
        private StepStatus _preChargeStatus;
        private StepStatus _powerDownStatus;
        private StepStatus _weldingStatus;
        private bool _vehiclePresent;
        private bool _vehicleReady = true;
        private bool _authorized;
        private bool _evLimitsKnown;
        private bool _dischargeAgreed;
        private bool _endAfterPowerDown;
        private bool _hasDispatch;
        private double _dispatchPowerW;
        private long _lastVehicleMessageMs;
        private long _lastTickMs = -1;
        private long _lastGridCycleReadMs = -1;
        private long _ticks;
        private long _tickOverruns;
        private int _activeFaultCount;

        public ChargeController(ChargerSettings settings, ChargerHardware hardware)
        {
            if (settings == null || hardware == null)
            {
                throw new System.ArgumentNullException();
            }

            _settings = settings;
            _hw = hardware;
            _stage = hardware.Output.PowerStage;
            _contactors = new OutputContactors(hardware.Output);
            _faultLog = new FaultLog(settings.FaultLogCapacity);
            _supervisor = new SafetySupervisor(settings);
            _shutdown = new SafeShutdown(settings, _stage, _contactors, hardware.InsulationMonitor, _faultLog);
            _cableCheck = new CableCheck(settings, _stage, _contactors, hardware.InsulationMonitor);
            _preCharge = new PreCharge(settings, _stage, _contactors);
            _transfer = new EnergyTransfer(settings, _stage);
            _powerDown = new PowerDown(settings, _stage, _contactors, _transfer);
            _welding = new WeldingDetection(settings, _contactors);
            _contactorTest = new ContactorTest(settings, _contactors);
            _insulationTest = new InsulationTest(settings, _stage, hardware.InsulationMonitor);
            _grid = new GridMonitor(hardware.GridSensor, settings.FrequencyEstimator);
            double nominalHz = hardware.GridSensor.NominalFrequencyHz;
            DroopSettings droop = InitialDroopSettings(settings, nominalHz);
            _droop = new FrequencyDroop(droop);
            _grid.Estimator.SetWindowCycles(WindowCyclesFor(droop));
            _protection = new GridProtection(settings.GridProtection ?? GridProtectionSettings.ForNominal(nominalHz, settings.GridNominalVoltageV));
            if (settings.BatteryGuard == null)
            {
                settings.BatteryGuard = new BatteryGuardSettings();
            }

            // The guard's one-tick look-ahead is the controller's tick.
            settings.BatteryGuard.TickPeriodS = settings.TickPeriodMs / 1000.0;
            _guard = new BatteryGuard(settings.BatteryGuard);
            ClearGuardDecision(0);
            _activeFaultHandles = new int[FaultCatalogue.Count];
            for (int i = 0; i < _activeFaultHandles.Length; i++)
            {
                _activeFaultHandles[i] = -1;
            }

            SetChargerOnlyLimits();

            // Start from a known-safe output whatever the hardware was left in.
            long now = hardware.Clock.NowMs;
            _history.Add(ChargerState.Idle, now);
            _stage.Disable();
            _contactors.Open(now);
            hardware.Watchdog.Start(settings.HardwareWatchdogTimeoutMs);
            if (hardware.Watchdog.CausedLastReset)
            {
                RaiseFault(FaultCode.WatchdogReset, 1, now);
            }
        }

        // ------------------------------------------------------------------ observation

        public ChargerState State => _state;

        /// <summary>Every state transition with its time (the last 32 kept).</summary>
        public StateHistory History => _history;

        public SessionProtocol Protocol => _protocol;

        public FaultLog Faults => _faultLog;

        /// <summary>Faults active now.</summary>
        public int ActiveFaultCount => _activeFaultCount;

        /// <summary>The measurements of the last tick.</summary>
        public Measurements LastMeasurements => _m;

        public ApplicableLimits Limits => _limits;

        public EvStatus VehicleStatus => _evStatus;

        public SessionEnergy Energy => _energy;

        public GridMonitor Grid => _grid;

        /// <summary>The frequency-watt droop in force (its settings, its contribution now).</summary>
        public FrequencyDroop Droop => _droop;

        /// <summary>The grid protection (trip tables, ride-through, loss of mains).</summary>
        public GridProtection Protection => _protection;

        /// <summary>
        /// New droop settings (an aggregator's or a technician's): validated, then in force at the next
        /// tick; a response under way carries on through the filter. Returns null, or why they were refused.
        /// The caller stores them (DroopSettingsStore) so they survive a reboot.
        /// </summary>
        public string ApplyDroopSettings(DroopSettings settings)
        {
            string problem = ApplyDroopSettingsInternal(settings);
            if (problem == null && _droopStore != null && !_droopStore.Save(settings))
            {
                return "in force, but not stored";
            }

            return problem;
        }

        /// <summary>
        /// Keeps the droop settings in the non-volatile store: the settings found there (a technician's or
        /// an aggregator's, from before a reboot) are put in force now, and every later
        /// <see cref="ApplyDroopSettings"/> is stored. Returns true if stored settings were found and applied.
        /// </summary>
        public bool UseDroopStore(DroopSettingsStore store)
        {
            _droopStore = store;
            DroopSettings stored = store == null ? null : store.Load();
            return stored != null && ApplyDroopSettingsInternal(stored) == null;
        }

        private string ApplyDroopSettingsInternal(DroopSettings settings)
        {
            if (settings == null)
            {
                return "no settings";
            }

            string problem = settings.Validate();
            if (problem != null)
            {
                return problem;
            }

            _grid.Estimator.SetWindowCycles(WindowCyclesFor(settings));
            _droop.Apply(settings);
            return null;
        }

        public EnergyTransfer Transfer => _transfer;

        public CableCheck CableCheckStep => _cableCheck;

        public long Ticks => _ticks;

        /// <summary>Ticks that came later than the overrun limit.</summary>
        public long TickOverruns => _tickOverruns;

        public ChargerSettings Settings => _settings;

        public bool IsFaultActive(FaultCode code)
        {
            return _activeFaultHandles[(int)code] >= 0;
        }

        // ------------------------------------------------------------------ commands from outside the vehicle session

        /// <summary>The aggregator's (or operator's) power setpoint, W: + into the vehicle, − out of it.</summary>
        public void SetDispatchPowerW(double powerW)
        {
            _dispatchPowerW = powerW;
            _hasDispatch = true;
        }

        /// <summary>Without a dispatch the charger serves the vehicle's own request.</summary>
        public void ClearDispatch()
        {
            _hasDispatch = false;
        }

        public bool HasDispatch => _hasDispatch;

        /// <summary>
        /// What the dispatch is for (the setpoint's <c>purpose</c>) and the price spread sent with it
        /// (<c>price_spread_per_kWh</c>), as the battery guard judges it: an arbitrage discharge may be refused
        /// below the marginal degradation cost; frequency response never is. Stays in force until changed;
        /// the vehicle's own request (no dispatch) is always <see cref="BatteryPowerPurpose.Dispatch"/>.
        /// </summary>
        public void SetDispatchPurpose(BatteryPowerPurpose purpose, bool hasPriceSpread, double priceSpreadPerKWh)
        {
            _dispatchPurpose = purpose;
            _dispatchHasPriceSpread = hasPriceSpread && !double.IsNaN(priceSpreadPerKWh);
            _dispatchPriceSpreadPerKWh = _dispatchHasPriceSpread ? priceSpreadPerKWh : 0;
        }

        /// <summary>The dispatch's purpose as last set (<see cref="SetDispatchPurpose"/>).</summary>
        public BatteryPowerPurpose DispatchPurpose => _dispatchPurpose;

        /// <summary>True if the dispatch came with a price spread.</summary>
        public bool DispatchHasPriceSpread => _dispatchHasPriceSpread;

        /// <summary>The dispatch's price spread per kWh (0 when none came).</summary>
        public double DispatchPriceSpreadPerKWh => _dispatchPriceSpreadPerKWh;

        /// <summary>The battery guard every request passes in energy transfer: its settings, counters and figures.</summary>
        public BatteryGuard Guard => _guard;

        /// <summary>
        /// The guard's decision of the last energy-transfer tick: the request (dispatch or the vehicle's own, plus
        /// the droop's response), what was allowed, why and by how much (reason None, clipped 0, outside energy transfer).
        /// </summary>
        public BatteryGuardDecision LastGuardDecision => _guardDecision;

        /// <summary>The vehicle's energy needs as its protocol last sent them (unknown values NaN).</summary>
        public EvEnergyNeeds EnergyNeeds => _energyNeeds;

        /// <summary>True if the vehicle gave a departure time (<see cref="DepartureMs"/>).</summary>
        public bool HasDeparture => _hasDepartureMs;

        /// <summary>The vehicle's departure on the controller's clock, ms (when <see cref="HasDeparture"/>).</summary>
        public long DepartureMs => _departureMs;

        /// <summary>The vehicle's battery capacity the guard uses, Wh: the vehicle's, else the setting's default (0 = unknown).</summary>
        public double BatteryCapacityWh => _evLimitsKnown && _evLimits.BatteryCapacityWh > 0 ? _evLimits.BatteryCapacityWh : _settings.DefaultBatteryCapacityWh;

        /// <summary>
        /// Keeps the battery's ageing state in the non-volatile store: the state found there is restored now (the
        /// pack's life so far), and the state is saved at every session end. Returns true if a stored state was restored.
        /// </summary>
        public bool UseBatteryStore(BatteryStateStore store)
        {
            _batteryStore = store;
            return store != null && store.Restore(_guard);
        }

        /// <summary>Saves the battery's ageing state now; false without a store or if the write failed. Not from the control tick.</summary>
        public bool SaveBatteryState()
        {
            return _batteryStore != null && _batteryStore.Save(_guard);
        }

        /// <summary>
        /// Writes the ageing state captured at the last session end, if any: the board's housekeeping thread calls
        /// it, so that the flash write never runs in the control tick. True if nothing was pending or it was written.
        /// </summary>
        public bool WritePendingBatteryState()
        {
            return _batteryStore == null || _batteryStore.WritePending();
        }

        public double DispatchPowerW => _dispatchPowerW;

        /// <summary>The charger ends the session: the vehicle is told to stop (Terminate).</summary>
        public void RequestStop()
        {
            if (_notification == ChargerNotification.None && _state != ChargerState.Idle)
            {
                _notification = ChargerNotification.Terminate;
            }
        }

        /// <summary>
        /// Asks for <see cref="ClearFaults"/> from another thread (the diagnostics shell): it runs at the
        /// next tick, on the control thread, where the measurements it judges the causes on are taken.
        /// Returns the value <see cref="ClearFaultsDone"/> will reach when it has run. Thread-safe.
        /// </summary>
        public long RequestClearFaults()
        {
            lock (_requestLock)
            {
                _clearFaultsRequested = true;
                return _clearFaultsDone + 1;
            }
        }

        /// <summary>How many requested clears have run (see <see cref="RequestClearFaults"/>).</summary>
        public long ClearFaultsDone
        {
            get
            {
                lock (_requestLock)
                {
                    return _clearFaultsDone;
                }
            }
        }

        /// <summary>Faults still active after the last requested clear.</summary>
        public int ClearFaultsRemaining => _clearFaultsRemaining;

        /// <summary>
        /// Clears the faults a technician may clear, where their cause is gone. Returns how many
        /// faults are still active. Control thread only (other threads: <see cref="RequestClearFaults"/>).
        /// </summary>
        public int ClearFaults()
        {
            long now = _hw.Clock.NowMs;
            if (_shutdown.IsPending)
            {
                return _activeFaultCount;
            }

            // The stage's latch is released only on request, and only if its cause has gone; then the
            // causes are judged on one fresh set of measurements.
            if (IsFaultActive(FaultCode.PowerStageHardware))
            {
                _stage.ResetFaults();
            }

            Measure(now);
            for (int code = 1; code < _activeFaultHandles.Length; code++)
            {
                FaultCode fc = (FaultCode)code;
                if (_activeFaultHandles[code] >= 0 && FaultCatalogue.Get(fc).Clearing == FaultClearing.Operator && _supervisor.IsCauseGone(fc, ref _m))
                {
                    ClearFault(fc, now);
                }
            }

            LeaveFaultStateIfClear();
            return _activeFaultCount;
        }

        /// <summary>
        /// The connector's own signal that the vehicle is ready for energy (CCS: the control pilot in
        /// state C or D). Cable check waits for it, and a vehicle that withdraws it while the output
        /// is live ends energy transfer at once. Boards without such a signal leave it true.
        /// </summary>
        public void SetVehicleReady(bool ready)
        {
            _vehicleReady = ready;
        }

        public bool IsVehicleReady => _vehicleReady;

        /// <summary>
        /// A fault found by a layer outside the controller (the control pilot, the connector), handled
        /// like the controller's own: the output goes to its safe state.
        /// </summary>
        public void ReportFault(FaultCode code, double value)
        {
            RaiseFault(code, value, _hw.Clock.NowMs);
        }

        // ------------------------------------------------------------------ maintenance (the technician's requests)

        /// <summary>
        /// True while the charger is in maintenance mode: it refuses vehicles (the state stays
        /// <see cref="ChargerState.Idle"/>, so the state table and its names are unchanged; a vehicle
        /// plugged in meanwhile is not served, and a protocol sees a charger that is not ready) and
        /// accepts the maintenance tests.
        /// </summary>
        public bool IsInMaintenance => _maintenance;

        /// <summary>True while a vehicle is plugged in (a protocol reported it connected and not yet gone).</summary>
        public bool IsVehiclePresent => _vehiclePresent;

        /// <summary>
        /// Asks for maintenance mode on or off; it takes effect at the next tick. Returns null if accepted,
        /// otherwise why not: maintenance is refused while a vehicle is connected or a session is active.
        /// Leaving maintenance ends any test under way (output off) and the frequency test offset.
        /// Thread-safe.
        /// </summary>
        public string RequestMaintenance(bool on)
        {
            if (on && !_maintenance)
            {
                string problem = _vehiclePresent ? "a vehicle is connected" : IsSessionActive() || _state == ChargerState.SessionEnd ? "a session is active" : null;
                if (problem != null)
                {
                    return problem;
                }
            }

            lock (_requestLock)
            {
                _maintenanceRequest = on ? 1 : 2;
            }

            return null;
        }

        /// <summary>
        /// Asks for the contactor test (see <see cref="ContactorTest"/>); it starts at the next tick and its
        /// progress and verdict are in <see cref="ContactorTestResult"/>. Returns null if accepted, otherwise
        /// why not (maintenance off, a test under way, a fault active). Thread-safe.
        /// </summary>
        public string RequestContactorTest()
        {
            lock (_requestLock)
            {
                string problem = TestRefusal();
                if (problem != null)
                {
                    return problem;
                }

                _contactorTestRequested = true;
                _contactorTest.MarkRequested();
            }

            return null;
        }

        /// <summary>
        /// Asks for the insulation test at <paramref name="testVoltageV"/> (the charger's voltage range; see
        /// <see cref="InsulationTest"/>); it starts at the next tick, its progress and verdict are in
        /// <see cref="InsulationTestResult"/>. Returns null if accepted, otherwise why not. Thread-safe.
        /// </summary>
        public string RequestInsulationTest(double testVoltageV)
        {
            if (!(testVoltageV >= _settings.MinVoltageV && testVoltageV <= _settings.MaxVoltageV))
            {
                return "the test voltage must be within the charger's range";
            }

            lock (_requestLock)
            {
                string problem = TestRefusal();
                if (problem != null)
                {
                    return problem;
                }

                _insulationTestRequested = true;
                _insulationTestVoltageV = testVoltageV;
                _insulationTest.MarkRequested(testVoltageV);
            }

            return null;
        }

        /// <summary>The running or last contactor test (written by the control tick).</summary>
        public MaintenanceTestResult ContactorTestResult => _contactorTest.Result;

        /// <summary>The running or last insulation test (written by the control tick).</summary>
        public MaintenanceTestResult InsulationTestResult => _insulationTest.Result;

        /// <summary>Largest frequency test offset, Hz (beyond any deadband and droop range in use).</summary>
        public const double MaxFrequencyTestOffsetHz = 5;

        /// <summary>Longest frequency test, ms.</summary>
        public const int MaxFrequencyTestDurationMs = 600000;

        /// <summary>
        /// In maintenance only: for <paramref name="durationMs"/> the droop sees the grid frequency plus
        /// <paramref name="offsetHz"/> (grid protection still sees the real one), so its response shows live
        /// in <see cref="Droop"/> (ContributionW, TargetW around a setpoint of 0 W). An offset of 0 ends a test.
        /// Takes effect at the next tick. Returns null if accepted, otherwise why not. Thread-safe.
        /// </summary>
        public string SetFrequencyTestOffsetHz(double offsetHz, int durationMs)
        {
            if (!(offsetHz >= -MaxFrequencyTestOffsetHz && offsetHz <= MaxFrequencyTestOffsetHz))
            {
                return "the offset must be within -5..5 Hz";
            }

            if (durationMs <= 0 || durationMs > MaxFrequencyTestDurationMs)
            {
                return "the duration must be 1..600 s";
            }

            lock (_requestLock)
            {
                if (!_maintenance && _maintenanceRequest != 1)
                {
                    return "maintenance mode is off";
                }

                _frequencyOffsetRequested = true;
                _requestedOffsetHz = offsetHz;
                _requestedOffsetDurationMs = durationMs;
            }

            return null;
        }

        /// <summary>The frequency test offset the droop sees now, Hz (0 when no test runs).</summary>
        public double FrequencyTestOffsetHz => _frequencyTestOffsetHz;

        /// <summary>How long the frequency test offset still lasts, ms (0 when none).</summary>
        public long FrequencyTestRemainingMs
        {
            get
            {
                long left = _frequencyTestUntilMs - _hw.Clock.NowMs;
                return _frequencyTestOffsetHz != 0 && left > 0 ? left : 0;
            }
        }

        /// <summary>The frequency the droop was last given in maintenance (grid + test offset), Hz; NaN outside maintenance.</summary>
        public double DroopTestFrequencyHz => _droopTestFrequencyHz;

        /// <summary>
        /// New output ratings (a technician's config change), validated by the caller against the
        /// charger's hardware: they replace the settings at the next tick; limits in force in a running
        /// session only ever come down at once (a raise applies from the next session). Thread-safe.
        /// </summary>
        /// <summary>
        /// The owner's state-of-charge window for the battery guard (the shell's config, an app): in force
        /// from the next tick, on the control thread, which reads it. Thread-safe.
        /// </summary>
        public void RequestBatteryWindow(double reserveSocPercent, double maxSocPercent)
        {
            lock (_requestLock)
            {
                _batteryWindowRequested = true;
                _requestedReserveSocPercent = reserveSocPercent;
                _requestedMaxSocPercent = maxSocPercent;
            }
        }

        public void RequestOutputRatings(double maxChargePowerW, double maxDischargePowerW, double maxChargeCurrentA, double maxDischargeCurrentA)
        {
            lock (_requestLock)
            {
                _ratingsRequested = true;
                _requestedMaxChargePowerW = maxChargePowerW;
                _requestedMaxDischargePowerW = maxDischargePowerW;
                _requestedMaxChargeCurrentA = maxChargeCurrentA;
                _requestedMaxDischargeCurrentA = maxDischargeCurrentA;
            }
        }

        /// <summary>Why a maintenance test may not start now, or null; called under the request lock.</summary>
        private string TestRefusal()
        {
            if (!_maintenance && _maintenanceRequest != 1)
            {
                return "maintenance mode is off";
            }

            if (_vehiclePresent)
            {
                return "a vehicle is connected";
            }

            if (_contactorTestRequested || _insulationTestRequested || _contactorTest.IsRunning || _insulationTest.IsRunning)
            {
                return "a test is already running";
            }

            if (_activeFaultCount > 0 || _state != ChargerState.Idle)
            {
                return "faults are active (clear them first)";
            }

            return null;
        }

        /// <summary>Carries out the requests latched since the last tick (control thread).</summary>
        private void ApplyRequests(long now)
        {
            int maintenance;
            bool contactorTest, insulationTest, offset, ratings, clearFaults, batteryWindow;
            double reserveSoc, maxSoc;
            double testVoltageV, offsetHz, chargeW, dischargeW, chargeA, dischargeA;
            int offsetMs;
            lock (_requestLock)
            {
                maintenance = _maintenanceRequest;
                contactorTest = _contactorTestRequested;
                insulationTest = _insulationTestRequested;
                testVoltageV = _insulationTestVoltageV;
                offset = _frequencyOffsetRequested;
                offsetHz = _requestedOffsetHz;
                offsetMs = _requestedOffsetDurationMs;
                ratings = _ratingsRequested;
                clearFaults = _clearFaultsRequested;
                _clearFaultsRequested = false;
                batteryWindow = _batteryWindowRequested;
                reserveSoc = _requestedReserveSocPercent;
                maxSoc = _requestedMaxSocPercent;
                _batteryWindowRequested = false;
                chargeW = _requestedMaxChargePowerW;
                dischargeW = _requestedMaxDischargePowerW;
                chargeA = _requestedMaxChargeCurrentA;
                dischargeA = _requestedMaxDischargeCurrentA;
                _maintenanceRequest = 0;
                _contactorTestRequested = false;
                _insulationTestRequested = false;
                _frequencyOffsetRequested = false;
                _ratingsRequested = false;
            }

            if (ratings)
            {
                ApplyRatings(chargeW, dischargeW, chargeA, dischargeA);
            }

            if (batteryWindow)
            {
                _settings.BatteryGuard.ReserveSocPercent = reserveSoc;
                _settings.BatteryGuard.MaxSocPercent = maxSoc;
            }

            if (clearFaults)
            {
                _clearFaultsRemaining = ClearFaults();
                lock (_requestLock)
                {
                    _clearFaultsDone++;
                }
            }

            if (maintenance == 1 && !_maintenance)
            {
                // Judged again here: a vehicle may have arrived since the request was accepted.
                if (!_vehiclePresent && (_state == ChargerState.Idle || _state == ChargerState.Fault))
                {
                    _maintenance = true;
                }
            }
            else if (maintenance == 2 && _maintenance)
            {
                LeaveMaintenance(now);
            }

            if (!_maintenance || _vehiclePresent || _state != ChargerState.Idle)
            {
                if (contactorTest)
                {
                    _contactorTest.Abort(now, "refused: not in maintenance, a vehicle connected or a fault active");
                }

                if (insulationTest)
                {
                    _insulationTest.Abort(now, "refused: not in maintenance, a vehicle connected or a fault active");
                }

                return;
            }

            if (contactorTest && !_insulationTest.IsRunning)
            {
                _contactorTest.Start(now);
            }
            else if (insulationTest && !_contactorTest.IsRunning)
            {
                _insulationTest.Start(testVoltageV, now);
            }

            if (offset)
            {
                _frequencyTestOffsetHz = offsetHz;
                _frequencyTestUntilMs = now + offsetMs;
            }
        }

        /// <summary>The maintenance part of a tick: the tests under way and the droop's dry run.</summary>
        private void TickMaintenance(long now)
        {
            bool faulted = _state == ChargerState.Fault;
            _contactorTest.Tick(now, faulted);
            _insulationTest.Tick(ref _m, faulted);

            if (_frequencyTestOffsetHz != 0 && now >= _frequencyTestUntilMs)
            {
                _frequencyTestOffsetHz = 0;
            }

            // The droop runs dry around a setpoint of 0 W, inside the charger's own limits: what it would
            // do to a session at this frequency. Grid protection went on judging the real frequency above.
            if (_grid.Cycles > 0 || _frequencyTestOffsetHz != 0)
            {
                double f = (_grid.Cycles > 0 ? _grid.FrequencyHz : _droop.Settings.NominalHz) + _frequencyTestOffsetHz;
                _droopTestFrequencyHz = f;
                _droop.Update(0, f, now, _limits.MaxChargePowerW, _limits.MaxDischargePowerW);
            }
        }

        private void LeaveMaintenance(long now)
        {
            _contactorTest.Abort(now, "aborted: maintenance mode ended");
            _insulationTest.Abort(now, "aborted: maintenance mode ended");
            _frequencyTestOffsetHz = 0;
            _droopTestFrequencyHz = double.NaN;
            _maintenance = false;

            // A vehicle plugged in during maintenance gets its session now.
            if (_vehiclePresent && _state == ChargerState.Idle)
            {
                BeginSession();
                EnterState(ChargerState.EvConnected);
            }
        }

        private void ApplyRatings(double chargeW, double dischargeW, double chargeA, double dischargeA)
        {
            _settings.MaxChargePowerW = chargeW;
            _settings.MaxDischargePowerW = dischargeW;
            _settings.MaxChargeCurrentA = chargeA;
            _settings.MaxDischargeCurrentA = dischargeA;
            if (!IsSessionActive())
            {
                SetChargerOnlyLimits();
                return;
            }

            _limits.MaxChargePowerW = Numeric.Min(_limits.MaxChargePowerW, chargeW);
            _limits.MaxDischargePowerW = Numeric.Min(_limits.MaxDischargePowerW, dischargeW);
            _limits.MaxChargeCurrentA = Numeric.Min(_limits.MaxChargeCurrentA, chargeA);
            _limits.MaxDischargeCurrentA = Numeric.Min(_limits.MaxDischargeCurrentA, dischargeA);
        }

        // ------------------------------------------------------------------ the control tick

        /// <summary>
        /// One control tick: measure, supervise, advance the running step, command the hardware.
        /// Call at the fixed period of <see cref="ChargerSettings.TickPeriodMs"/>.
        /// </summary>
        public void Tick()
        {
            long now = _hw.Clock.NowMs;
            long periodMs = _lastTickMs < 0 ? _settings.TickPeriodMs : now - _lastTickMs;
            _lastTickMs = now;
            _ticks++;
            _hw.Watchdog.Feed();

            Measure(now);
            if (_grid.Update() > 0)
            {
                _lastGridCycleReadMs = now;
            }

            _m.GridFrequencyHz = _grid.FrequencyHz;
            _m.GridVoltageV = _grid.RmsVoltageV;
            ApplyRequests(now);

            if (_contactors.IsCommandedClosed)
            {
                _energy.Add(_m.PowerW, periodMs);
            }

            if (periodMs > (long)_settings.TickPeriodMs * _settings.TickOverrunPeriods)
            {
                _tickOverruns++;
                if (IsOutputLive())
                {
                    RaiseFault(FaultCode.ControlTickOverrun, periodMs, now);
                }
            }

            FaultCheck check = _supervisor.Check(ref _m, ref _limits, _contactors, InsulationLimitOhm(), VehicleSilentMs(now));
            if (check.IsFault && !IsFaultActive(check.Code))
            {
                RaiseFault(check.Code, check.Value, now);
            }

            // The grid is judged once cycles arrive (a board without a metering stream has none); a trip
            // ceases to energize only while the output is live, and holds new sessions off until the grid
            // has been back in range for the return-to-service delay.
            if (_grid.Cycles > 0)
            {
                GridTrip trip = _protection.Check(_grid.FrequencyHz, _grid.RmsVoltageV, _grid.RocofHzPerS, _lastGridCycleReadMs, now);
                if (trip != GridTrip.None && IsOutputLive())
                {
                    FaultCode code = FaultOf(trip);
                    if (!IsFaultActive(code))
                    {
                        RaiseFault(code, code == FaultCode.GridUnderVoltage || code == FaultCode.GridOverVoltage ? _grid.RmsVoltageV : _grid.FrequencyHz, now);
                    }
                }
            }

            // IEC 61851-1 gives 100 ms from C to B to power off [digest 1.6, V:E8]: the output goes to its
            // safe state at once; a power-down the vehicle asked for (Stopping) is already on its way.
            if (!_vehicleReady && IsOutputLive() && (_state == ChargerState.CableCheck || _state == ChargerState.PreCharge || _state == ChargerState.EnergyTransfer))
            {
                RaiseFault(FaultCode.VehicleNotReadyUnderLoad, _m.CurrentA, now);
            }

            switch (_state)
            {
                case ChargerState.Fault:
                    _shutdown.Tick(now, _m.CurrentA);
                    ClearAutomaticFaults(now);

                    // A vehicle unplugged while the safe-state sequence was still running: its
                    // session's faults clear once the sequence has finished.
                    ClearSessionFaultsIfVehicleGone(now);
                    LeaveFaultStateIfClear();
                    break;

                case ChargerState.CableCheck:
                    _cableCheckStatus = _cableCheck.Tick(ref _m);
                    if (_cableCheckStatus == StepStatus.Failed)
                    {
                        RaiseFault(_cableCheck.Failure, _cableCheck.MeasuredOhm, now);
                    }

                    break;

                case ChargerState.PreCharge:
                    _preChargeStatus = _preCharge.Tick(ref _m);
                    if (_preChargeStatus == StepStatus.Failed)
                    {
                        RaiseFault(FaultCode.PreChargeFailed, _m.ConverterVoltageV, now);
                    }

                    break;

                case ChargerState.EnergyTransfer:
                    double requestCapA = _evStatus.HasCurrentRequest ? _evStatus.RequestedCurrentA : double.NaN;
                    double setpointW = TargetPowerW();

                    // The droop acts on the controller itself, with no backend: around the setpoint, in
                    // both directions, inside the limits in force; its contribution skips the dispatch ramp.
                    // (ContributionW is relative to the setpoint taken inside the limits, which the
                    // transfer clamps by itself.)
                    _droop.Update(setpointW, _grid.FrequencyHz, now, _limits.MaxChargePowerW, _limits.MaxDischargePowerW);
                    bool fastest = _droop.Settings.PresetName == DroopPresets.FastName;

                    // Every request passes the battery guard: the dispatch (or the vehicle's own request) with its
                    // purpose, the droop's response as frequency response (only SoC and physical limits clip it).
                    double frequencyW = _droop.ContributionW;
                    GuardRequests(now, ref setpointW, ref frequencyW);
                    _transfer.Tick(ref _m, ref _limits, setpointW, frequencyW, fastest, requestCapA, periodMs);
                    break;

                case ChargerState.Stopping:
                    _powerDownStatus = _powerDown.Tick(ref _m, periodMs);
                    if (_powerDownStatus == StepStatus.Finished && _endAfterPowerDown)
                    {
                        EnterSessionEnd();
                    }

                    break;

                case ChargerState.WeldingDetection:
                    _weldingStatus = _welding.Tick(ref _m);
                    if (_weldingStatus == StepStatus.Failed)
                    {
                        RaiseFault(_welding.Failure, _m.ConnectorVoltageV, now);
                    }

                    break;
            }

            if (_maintenance)
            {
                TickMaintenance(now);
            }

            if (_state != ChargerState.EnergyTransfer)
            {
                ClearGuardDecision(now);
            }

            // The guard's session ends with the vehicle's (session end, a fault, the vehicle gone); its
            // ageing state is captured then, off the energy-transfer ticks.
            if (_guard.InSession && !IsSessionActive())
            {
                _guard.EndSession(now);
            }

            if (!_guard.InSession && !_batteryStateSaved)
            {
                // Captured here, written by the housekeeping thread (WritePendingBatteryState): no I/O in the tick.
                _batteryStateSaved = true;
                if (_batteryStore != null)
                {
                    _batteryStore.Capture(_guard);
                }
            }
        }

        /// <summary>
        /// The battery guard's decision for this tick, applied to the dispatch part and the frequency part. The
        /// vehicle's own current request (when its protocol carries one) still caps the transfer in
        /// <see cref="EnergyTransfer"/>: a charge forced for the departure is never more than the vehicle takes.
        /// </summary>
        private void GuardRequests(long now, ref double setpointW, ref double frequencyW)
        {
            double soc = _evStatus.SocPercent;
            if (double.IsNaN(soc))
            {
                // Without the pack's SoC the guard cannot place it in its window: the requests pass as they are.
                ClearGuardDecision(now);
                _guardDecision.RequestedPowerW = setpointW + frequencyW;
                _guardDecision.AllowedPowerW = setpointW + frequencyW;
                return;
            }

            _guardInput.NowMs = now;
            _guardInput.RequestedPowerW = setpointW;
            _guardInput.Purpose = _hasDispatch ? _dispatchPurpose : BatteryPowerPurpose.Dispatch;
            _guardInput.HasPriceSpread = _hasDispatch && _dispatchHasPriceSpread;
            _guardInput.PriceSpreadPerKWh = _dispatchPriceSpreadPerKWh;
            _guardInput.SocPercent = soc;
            _guardInput.CapacityWh = BatteryCapacityWh;
            _guardInput.TemperatureC = _evStatus.BatteryTemperatureC;
            _guardInput.MeasuredPowerW = _m.PowerW;
            _guardInput.VehicleMinimumSocPercent = _energyNeeds.MinimumSocPercent;
            _guardInput.VehicleTargetSocPercent = _energyNeeds.TargetSocPercent;
            _guardInput.TargetEnergyRequestWh = _energyNeeds.TargetEnergyRequestWh;
            _guardInput.HasDeparture = _hasDepartureMs;
            _guardInput.DepartureMs = _departureMs;
            _guardInput.AvailableChargePowerW = AvailableChargePowerW();

            double allowedFrequencyW;
            _guardDecision = _guard.Decide(ref _guardInput, frequencyW, out allowedFrequencyW);
            if (!_guard.Settings.Enabled)
            {
                return;
            }

            double allowedDispatchW = _guardDecision.AllowedPowerW - allowedFrequencyW;
            setpointW = allowedDispatchW;
            frequencyW = allowedFrequencyW;
        }

        /// <summary>The charge power the charger and the vehicle can give now (the limits in force, and the vehicle's current at its voltage), W.</summary>
        private double AvailableChargePowerW()
        {
            double v = _m.ConnectorVoltageV > _limits.MinVoltageV ? _m.ConnectorVoltageV : _limits.MinVoltageV;
            return Numeric.Min(_limits.MaxChargePowerW, _limits.MaxChargeCurrentA * v);
        }

        private void ClearGuardDecision(long now)
        {
            _guardDecision.RequestedPowerW = 0;
            _guardDecision.AllowedPowerW = 0;
            _guardDecision.Reason = BatteryClipReason.None;
            _guardDecision.ClippedW = 0;
            _guardDecision.MarginalCostPerKWh = 0;
        }

        // ------------------------------------------------------------------ IEvSessionPort

        public void VehicleConnected()
        {
            Touch();
            _vehiclePresent = true;
            if (_maintenance)
            {
                // Maintenance refuses vehicles: the state stays Idle, so no protocol step is accepted; a
                // test under way ends at once with its output off.
                long now = _hw.Clock.NowMs;
                _contactorTest.Abort(now, "aborted: a vehicle was connected");
                _insulationTest.Abort(now, "aborted: a vehicle was connected");
                return;
            }

            if (_state == ChargerState.Idle)
            {
                BeginSession();
                EnterState(ChargerState.EvConnected);
            }
        }

        public void VehicleDisconnected()
        {
            long now = _hw.Clock.NowMs;
            _vehiclePresent = false;
            if (IsOutputLive() && _state != ChargerState.Fault)
            {
                RaiseFault(FaultCode.VehicleDisconnectedUnderLoad, _m.CurrentA, now);
            }

            ClearSessionFaultsIfVehicleGone(now);

            if (_state == ChargerState.Fault)
            {
                LeaveFaultStateIfClear();
                return;
            }

            // Without a vehicle nothing may stay energised: the output is opened whatever the state.
            _stage.Disable();
            _contactors.Open(now);
            _hw.InsulationMonitor.Stop();
            EndSessionState();
            EnterState(ChargerState.Idle);
        }

        public void CommunicationStarted(SessionProtocol protocol)
        {
            Touch();
            if (_state == ChargerState.EvConnected)
            {
                _protocol = protocol;
                EnterState(ChargerState.CommunicationSetup);
                return;
            }

            // A vehicle still plugged in after its session ended (ISO 15118-20 pause, then a new
            // SessionSetup with the old SessionID) starts a new segment of the same session: the
            // physical steps run again from the start, the authorization it earned is kept, the
            // energy counters go on.
            if (_state == ChargerState.SessionEnd && _vehiclePresent && _activeFaultCount == 0)
            {
                bool authorized = _authorized;
                double chargedWh = _energy.ChargedWh;
                double dischargedWh = _energy.DischargedWh;
                BeginSession();
                _authorized = authorized;
                _energy.Restore(chargedWh, dischargedWh);
                _protocol = protocol;
                EnterState(ChargerState.CommunicationSetup);
            }
        }

        public void CommunicationLost()
        {
            if (IsSessionActive())
            {
                RaiseFault(FaultCode.VehicleCommunicationLost, _hw.Clock.NowMs - _lastVehicleMessageMs, _hw.Clock.NowMs);
            }
        }

        public StepStatus Authorize()
        {
            Touch();
            if (_state != ChargerState.CommunicationSetup && _state != ChargerState.Authorization)
            {
                return _authorized && _state != ChargerState.Fault ? StepStatus.Finished : StepStatus.Failed;
            }

            EnterState(ChargerState.Authorization);
            if (_settings.AuthorizeAutomatically || _protocol == SessionProtocol.GbT27930)
            {
                _authorized = true;
            }

            return _authorized ? StepStatus.Finished : StepStatus.Ongoing;
        }

        /// <summary>An authorization from outside (RFID, the backend) for the present session.</summary>
        public void GrantAuthorization()
        {
            _authorized = true;
        }

        public bool SetVehicleLimits(ref EvLimits limits)
        {
            Touch();

            // ISO 15118-20 Dynamic mode and GB/T's BCL carry the vehicle's limits again while power
            // flows: those updates move the limits in force without changing the state.
            bool update = _evLimitsKnown && (_state == ChargerState.PreCharge || _state == ChargerState.EnergyTransfer || _state == ChargerState.Stopping);
            bool gbt = _protocol == SessionProtocol.GbT27930;
            bool allowed = update || (gbt
                ? (_state == ChargerState.CableCheck && _cableCheck.HasPassed) || _state == ChargerState.ParameterExchange
                : ((_state == ChargerState.Authorization || _state == ChargerState.CommunicationSetup) && _authorized) || _state == ChargerState.ParameterExchange);
            if (!allowed)
            {
                return false;
            }

            // Compatible only if the voltage windows overlap.
            if (limits.MaxVoltageV < _settings.MinVoltageV || limits.MinVoltageV > _settings.MaxVoltageV || limits.MaxVoltageV <= 0)
            {
                return false;
            }

            // While the output is live, a maximum below the voltage the vehicle shows now is nonsense
            // (a corrupted message): applying it would make the converter's voltage limit reverse the current.
            if (update && limits.MaxVoltageV < _m.ConnectorVoltageV - _settings.PreChargeToleranceV)
            {
                return false;
            }

            double dischargeCurrentA = Numeric.Abs(limits.MaxDischargeCurrentA);
            double dischargePowerW = Numeric.Abs(limits.MaxDischargePowerW);
            if (update && !_dischargeAgreed)
            {
                // Discharge is agreed in parameter exchange or never: a session that began charge-only
                // cannot turn bidirectional through a later message.
                dischargeCurrentA = 0;
                dischargePowerW = 0;
            }

            _evLimits = limits;
            _evLimitsKnown = true;
            _limits.MaxVoltageV = Numeric.Min(_settings.MaxVoltageV, limits.MaxVoltageV);
            _limits.MinVoltageV = Numeric.Max(_settings.MinVoltageV, limits.MinVoltageV);
            _limits.MaxChargeCurrentA = Numeric.Min(_settings.MaxChargeCurrentA, Numeric.Abs(limits.MaxChargeCurrentA));
            _limits.MaxDischargeCurrentA = Numeric.Min(_settings.MaxDischargeCurrentA, dischargeCurrentA);
            _limits.MaxChargePowerW = Numeric.Min(_settings.MaxChargePowerW, Numeric.Abs(limits.MaxChargePowerW));
            _limits.MaxDischargePowerW = Numeric.Min(_settings.MaxDischargePowerW, dischargePowerW);
            if (!update)
            {
                _dischargeAgreed = _limits.MaxDischargeCurrentA > 0 && _limits.MaxDischargePowerW > 0;
                EnterState(ChargerState.ParameterExchange);
            }

            return true;
        }

        /// <summary>True once parameter exchange agreed discharge limits (both current and power above zero).</summary>
        public bool IsDischargeAgreed => _dischargeAgreed;

        public void GetChargerLimits(out ChargerLimits limits)
        {
            limits.MaxVoltageV = _settings.MaxVoltageV;
            limits.MinVoltageV = _settings.MinVoltageV;
            limits.MaxChargeCurrentA = _settings.MaxChargeCurrentA;
            limits.MaxDischargeCurrentA = _settings.MaxDischargeCurrentA;
            limits.MaxChargePowerW = _settings.MaxChargePowerW;
            limits.MaxDischargePowerW = _settings.MaxDischargePowerW;
        }

        public void UpdateVehicleStatus(ref EvStatus status)
        {
            Touch();
            _evStatus = status;
        }

        public void UpdateEnergyNeeds(ref EvEnergyNeeds needs)
        {
            Touch();
            _energyNeeds = needs;

            // The departure is relative to the message: fixed on the controller's clock at receipt.
            if (needs.HasDeparture && !double.IsNaN(needs.DepartureInS) && needs.DepartureInS >= 0)
            {
                _hasDepartureMs = true;
                _departureMs = _hw.Clock.NowMs + (long)(needs.DepartureInS * 1000);
            }
            else if (!needs.HasDeparture)
            {
                _hasDepartureMs = false;
            }
        }

        public StepStatus CableCheck(double vehicleMaxVoltageV)
        {
            Touch();
            if (_state == ChargerState.CableCheck)
            {
                return _cableCheckStatus;
            }

            bool gbt = _protocol == SessionProtocol.GbT27930;
            bool allowed = gbt ? _state == ChargerState.CommunicationSetup : _state == ChargerState.ParameterExchange && _evLimitsKnown;
            double testVoltageV = Numeric.Min(vehicleMaxVoltageV, _settings.MaxVoltageV);
            if (!allowed || testVoltageV < _settings.MinVoltageV || _activeFaultCount > 0)
            {
                return StepStatus.Failed;
            }

            // The vehicle asks for energy (pilot C) before its cable check: until it does, the output
            // stays off and the step is reported as going on.
            if (!_vehicleReady)
            {
                return StepStatus.Ongoing;
            }

            EnterState(ChargerState.CableCheck);
            _cableCheck.Start(testVoltageV, _hw.Clock.NowMs);
            _cableCheckStatus = StepStatus.Ongoing;
            return StepStatus.Ongoing;
        }

        public StepStatus PreCharge(double targetVoltageV)
        {
            Touch();
            if (_state == ChargerState.PreCharge)
            {
                if (_preChargeStatus == StepStatus.Ongoing && InVoltageWindow(targetVoltageV))
                {
                    _preCharge.SetTarget(targetVoltageV);
                }

                return _preChargeStatus;
            }

            bool gbt = _protocol == SessionProtocol.GbT27930;
            bool allowed = _cableCheck.HasPassed && _evLimitsKnown
                && (gbt ? _state == ChargerState.ParameterExchange : _state == ChargerState.CableCheck);
            if (!allowed || !InVoltageWindow(targetVoltageV))
            {
                return StepStatus.Failed;
            }

            EnterState(ChargerState.PreCharge);
            _preCharge.Start(targetVoltageV, _hw.Clock.NowMs);
            _preChargeStatus = StepStatus.Ongoing;
            return StepStatus.Ongoing;
        }

        public StepStatus StartEnergyTransfer()
        {
            Touch();
            if (_state == ChargerState.EnergyTransfer)
            {
                return StepStatus.Finished;
            }

            if (_state != ChargerState.PreCharge || !_preCharge.IsHolding || !_contactors.AreClosed)
            {
                return StepStatus.Failed;
            }

            EnterState(ChargerState.EnergyTransfer);
            _transfer.Start(_limits.MaxVoltageV);
            if (!_guard.InSession)
            {
                _guard.StartSession(_hw.Clock.NowMs, _evStatus.SocPercent);
                _batteryStateSaved = false;
            }

            // Continuous insulation monitoring for as long as the output is live.
            _hw.InsulationMonitor.StartTest(_m.ConnectorVoltageV);
            return StepStatus.Finished;
        }

        public StepStatus StopEnergyTransfer()
        {
            Touch();
            switch (_state)
            {
                case ChargerState.Stopping:
                    return _powerDownStatus;
                case ChargerState.WeldingDetection:
                case ChargerState.SessionEnd:
                    return StepStatus.Finished;
                case ChargerState.Fault:
                case ChargerState.Idle:
                    return StepStatus.Failed;
            }

            BeginPowerDown();
            return StepStatus.Ongoing;
        }

        public StepStatus WeldingDetection()
        {
            Touch();
            if (_state == ChargerState.WeldingDetection)
            {
                return _weldingStatus;
            }

            if (_state != ChargerState.Stopping || _powerDownStatus != StepStatus.Finished)
            {
                return StepStatus.Failed;
            }

            EnterState(ChargerState.WeldingDetection);
            _welding.Start(_hw.Clock.NowMs);
            _weldingStatus = StepStatus.Ongoing;
            return StepStatus.Ongoing;
        }

        public void EndSession()
        {
            Touch();
            if (_state == ChargerState.Idle || _state == ChargerState.SessionEnd || _state == ChargerState.Fault)
            {
                return;
            }

            if (IsOutputLive())
            {
                // Never end with a live output: power down first, then end.
                if (_state != ChargerState.Stopping)
                {
                    BeginPowerDown();
                }

                _endAfterPowerDown = true;
                return;
            }

            EnterSessionEnd();
        }

        public void GetPresentValues(out ChargerPresentValues values)
        {
            bool showConverter = !_contactors.IsCommandedClosed && _stage.IsEnabled;
            values.VoltageV = showConverter ? _m.ConverterVoltageV : _m.ConnectorVoltageV;
            values.CurrentA = _m.CurrentA;
            values.PowerW = values.VoltageV * _m.CurrentA;
            values.IsCurrentLimited = _state == ChargerState.EnergyTransfer && _transfer.IsLimited;
            values.Notification = _notification;
            values.IsFaulted = _state == ChargerState.Fault;
        }

        // ------------------------------------------------------------------ internals

        private void Measure(long now)
        {
            _m.NowMs = now;
            _m.ConverterVoltageV = _stage.OutputVoltageV;
            _m.ConnectorVoltageV = _hw.Output.VehicleSideVoltage.VoltageV;
            _m.CurrentA = _stage.OutputCurrentA;
            _m.StageTemperatureC = _stage.TemperatureC;
            _m.StageFaults = _stage.Faults;
            _m.EmergencyStopActive = _hw.EmergencyStop.IsActive;
            _m.ContactorsFeedbackOpen = _contactors.AreOpen;
            _m.InsulationHasResult = _hw.InsulationMonitor.HasResult;
            _m.InsulationOhm = _hw.InsulationMonitor.ResistanceOhm;
            _m.InsulationMonitorFault = _hw.InsulationMonitor.DeviceFault;
        }

        private double TargetPowerW()
        {
            if (_hasDispatch)
            {
                return _dispatchPowerW;
            }

            if (_evStatus.HasCurrentRequest)
            {
                return _evStatus.RequestedCurrentA * _m.ConnectorVoltageV;
            }

            return _limits.MaxChargePowerW;
        }

        /// <summary>The supervisor judges insulation only while energy transfer monitors it; cable check judges its own test.</summary>
        private double InsulationLimitOhm()
        {
            bool monitoring = _state == ChargerState.EnergyTransfer || (_state == ChargerState.Stopping && _contactors.IsCommandedClosed);
            return monitoring ? _settings.InsulationLimitOhmPerV * _limits.MaxVoltageV : 0;
        }

        /// <summary>
        /// The controller's own backstop on the vehicle's silence applies while the output is live; the
        /// protocols time their sequences themselves (60 s between ISO 15118-20 requests outside the
        /// charge loop) and report a loss through CommunicationLost.
        /// </summary>
        private long VehicleSilentMs(long now)
        {
            return IsSessionActive() && IsOutputLive() ? now - _lastVehicleMessageMs : -1;
        }

        private bool IsSessionActive()
        {
            return _state >= ChargerState.CommunicationSetup && _state <= ChargerState.WeldingDetection;
        }

        private bool IsOutputLive()
        {
            return _stage.IsEnabled || _contactors.IsCommandedClosed;
        }

        private bool InVoltageWindow(double voltageV)
        {
            return voltageV >= _limits.MinVoltageV && voltageV <= _limits.MaxVoltageV;
        }

        private void Touch()
        {
            _lastVehicleMessageMs = _hw.Clock.NowMs;
        }

        private void BeginSession()
        {
            _protocol = SessionProtocol.None;
            _notification = ChargerNotification.None;
            _authorized = false;
            _evLimitsKnown = false;
            _dischargeAgreed = false;
            _endAfterPowerDown = false;
            _evStatus = default(EvStatus);
            _evStatus.BatteryTemperatureC = double.NaN;
            _energyNeeds.Clear();
            _hasDepartureMs = false;
            _cableCheck.Reset();
            _preCharge.Reset();
            _powerDown.Reset();
            _welding.Reset();
            _energy.Reset();
            SetChargerOnlyLimits();
        }

        private void BeginPowerDown()
        {
            _cableCheck.Abort();
            _preCharge.Abort();
            _hw.InsulationMonitor.Stop();
            EnterState(ChargerState.Stopping);
            _powerDown.Start(_limits.MaxVoltageV);
            _powerDownStatus = StepStatus.Ongoing;
        }

        private void EnterState(ChargerState state)
        {
            if (state != _state)
            {
                _state = state;
                _history.Add(state, _hw.Clock.NowMs);
            }
        }

        private void EnterSessionEnd()
        {
            EnterState(ChargerState.SessionEnd);
            _endAfterPowerDown = false;
        }

        private void EndSessionState()
        {
            _protocol = SessionProtocol.None;
            _notification = ChargerNotification.None;
            _evLimitsKnown = false;
            SetChargerOnlyLimits();
        }

        private void RaiseFault(FaultCode code, double value, long now)
        {
            if (code == FaultCode.None || IsFaultActive(code))
            {
                return;
            }

            _activeFaultHandles[(int)code] = _shutdown.Begin(code, value, now, _m.CurrentA);
            _activeFaultCount++;
            _cableCheck.Abort();
            _preCharge.Abort();
            _notification = ChargerNotification.Terminate;
            EnterState(ChargerState.Fault);
        }

        private void ClearFault(FaultCode code, long now)
        {
            int handle = _activeFaultHandles[(int)code];
            if (handle < 0)
            {
                return;
            }

            _faultLog.SetCleared(handle, now);
            _activeFaultHandles[(int)code] = -1;
            _activeFaultCount--;
        }

        /// <summary>Faults that ended only the session clear once the vehicle is gone and the output is safe.</summary>
        private void ClearSessionFaultsIfVehicleGone(long now)
        {
            if (_vehiclePresent || _shutdown.IsPending)
            {
                return;
            }

            for (int code = 1; code < _activeFaultHandles.Length; code++)
            {
                if (_activeFaultHandles[code] >= 0 && FaultCatalogue.Get((FaultCode)code).Clearing == FaultClearing.SessionEnd)
                {
                    ClearFault((FaultCode)code, now);
                }
            }
        }

        private void ClearAutomaticFaults(long now)
        {
            if (_shutdown.IsPending)
            {
                return;
            }

            for (int code = 1; code < _activeFaultHandles.Length; code++)
            {
                FaultCode fc = (FaultCode)code;
                bool causeGone = IsGridFault(fc) ? _protection.CanReconnect(now) : _supervisor.IsCauseGone(fc, ref _m);
                if (_activeFaultHandles[code] >= 0 && FaultCatalogue.Get(fc).Clearing == FaultClearing.Automatic && causeGone)
                {
                    ClearFault(fc, now);
                }
            }
        }

        private void LeaveFaultStateIfClear()
        {
            if (_state != ChargerState.Fault || _activeFaultCount > 0 || _shutdown.IsPending)
            {
                return;
            }

            if (_vehiclePresent)
            {
                // The session that faulted is over; a new one starts after the vehicle is unplugged.
                EnterState(ChargerState.SessionEnd);
            }
            else
            {
                EndSessionState();
                EnterState(ChargerState.Idle);
            }
        }

        private static bool IsGridFault(FaultCode code)
        {
            return code >= FaultCode.GridUnderFrequency && code <= FaultCode.LossOfMains;
        }

        private static FaultCode FaultOf(GridTrip trip)
        {
            switch (trip)
            {
                case GridTrip.UnderFrequency: return FaultCode.GridUnderFrequency;
                case GridTrip.OverFrequency: return FaultCode.GridOverFrequency;
                case GridTrip.UnderVoltage: return FaultCode.GridUnderVoltage;
                case GridTrip.OverVoltage: return FaultCode.GridOverVoltage;
                default: return FaultCode.LossOfMains;
            }
        }

        /// <summary>The droop settings at boot: the setting's preset, else the default for the grid's nominal frequency.</summary>
        private static DroopSettings InitialDroopSettings(ChargerSettings settings, double nominalHz)
        {
            DroopSettings droop = settings.Droop;
            if (droop == null)
            {
                string name = settings.DroopPreset;
                if (name == null || name.Length == 0)
                {
                    name = nominalHz >= 55 ? DroopPresets.Ieee1547CategoryIIName : DroopPresets.En50549LfsmName;
                }

                droop = DroopPresets.ByName(name, nominalHz) ?? DroopPresets.Ieee1547CategoryII(nominalHz);
                droop.Enabled = settings.DroopEnabled;
            }

            if (droop.RatedPowerW <= 0)
            {
                droop.RatedPowerW = Numeric.Max(settings.MaxChargePowerW, settings.MaxDischargePowerW);
            }

            return droop;
        }

        /// <summary>The estimator's window a droop setting wants: two cycles for the fastest response (one is too noisy to stay within 10 mHz), five otherwise.</summary>
        private static int WindowCyclesFor(DroopSettings droop)
        {
            return droop.PresetName == DroopPresets.FastName ? 2 : DroopPresets.AssumedEstimatorWindowCycles;
        }

        private void SetChargerOnlyLimits()
        {
            _limits.MaxVoltageV = _settings.MaxVoltageV;
            _limits.MinVoltageV = _settings.MinVoltageV;
            _limits.MaxChargeCurrentA = _settings.MaxChargeCurrentA;
            _limits.MaxDischargeCurrentA = _settings.MaxDischargeCurrentA;
            _limits.MaxChargePowerW = _settings.MaxChargePowerW;
            _limits.MaxDischargePowerW = _settings.MaxDischargePowerW;
        }
    }
}
