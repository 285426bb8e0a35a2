using System;
using System.Threading;
using V2G.Firmware.Battery;
using V2G.Firmware.Ccs;
using V2G.Firmware.Control;
using V2G.Firmware.Diagnostics;
using V2G.Firmware.Diagnostics.Commands;
using V2G.Firmware.Diagnostics.Log;
using V2G.Firmware.Grid;
using V2G.Firmware.Pilot;
using V2G.Firmware.Session;
using V2G.Firmware.Settings;
using V2G.Firmware.Storage;
using V2G.Firmware.Uplink;
using V2G.Firmware.Uplink.StoreAndForward;
using V2G.Hal.Board;
using V2G.Protocol.GbT.Charger;
using V2G.Protocol.Slac;
using V2G.Protocol.Trace;

namespace V2G.Firmware.Runtime
{
    /// <summary>
    /// The charger as a device's Program.Main composes it, on a wired board: the controller on the board's
    /// hardware, the record store with its stores, the GB/T session on the CAN controller (GB/T boards), the CCS
    /// connection with SLAC on the PLC modem (CCS boards), the diagnostic shell on the UART and the uplink.
    /// <para>
    /// CCS stops at "link ready": ISO 15118-20 above SLAC needs IPv6 and TCP over the modem's Ethernet frames, which
    /// the device firmware does not have; the controller is told a vehicle is there, and communication never starts.
    /// </para>
    /// <para>
    /// Boot: until the board's debounced inputs hold their real state (<see cref="BoardWiring.InputSettleMs"/>) a tick
    /// runs only the drivers' services. A board with both connectors runs one at a time: the first vehicle to arrive
    /// owns the controller until its session is over (<see cref="ActiveConnector"/>).
    /// </para>
    /// <para>
    /// Threads (<see cref="Start"/>): the control loop at ChargerSettings.TickPeriodMs running <see cref="RunControlTick"/>;
    /// a bus thread servicing the CAN controller and the PLC modem every RuntimeSettings.BusServicePeriodMs (without it,
    /// in the host's single-threaded runs, the control tick services them);
    /// housekeeping (pending battery state, the log feeder and the log's persistence: they may wait for the flash);
    /// the shell; the uplink's pump. On the host, tests call <see cref="RunControlTick"/> and <see cref="RunBackground"/>
    /// from one thread. The watchdog is started by the controller's constructor and fed by its Tick.
    /// </para>
    /// </summary>
    public sealed class ChargerRuntime : IControlTask
    {
        private readonly BoardWiring _wiring;
        private readonly BoardServices _services;
        private readonly RuntimeSettings _runtimeSettings;
        private readonly IControlTask[] _serviceTasks;
        private readonly IControlTask[] _busTasks;
        private Thread _busThread;
        private bool _busThreadRunning;
        private readonly ShellServices _shellServices;
        private readonly DiagnosticLogFeeder _logFeeder;
        private ControlLoop _loop;
        private Thread _housekeeping;
        private Thread _shellThread;
        private Thread _uplinkThread;
        private bool _running;
        private long _firstTickMs = -1;
        private bool _settled;
        private BoardConnectors _activeConnector;

        /// <summary>Composes the charger on <paramref name="wiring"/>.</summary>
        public ChargerRuntime(ChargerSettings settings, BoardWiring wiring, BoardServices services, RuntimeSettings runtimeSettings)
        {
            if (settings == null || wiring == null || services == null)
            {
                throw new ArgumentNullException();
            }

            if (services.Clock == null || services.WallClock == null || services.Watchdog == null || services.RecordFlash == null
                || services.Entropy == null || services.ShellHost == null || services.Shell == null)
            {
                throw new ArgumentException("clock, wall clock, watchdog, record flash, entropy and the shell's host and settings are required", "services");
            }

            if (services.Uplink != null && services.UplinkFlash == null)
            {
                throw new ArgumentException("an uplink needs its outage queue's flash", "services");
            }

            // Cable check passes when ResistanceOhm ≥ InsulationLimitOhmPerV × the test voltage (at most MaxVoltageV);
            // an alarm-contact IMD reports its threshold as the resistance, so a lower threshold can never pass.
            double neededOhm = settings.InsulationLimitOhmPerV * settings.MaxVoltageV;
            if (!(wiring.InsulationMonitor.AlarmThresholdOhm >= neededOhm))
            {
                throw new ArgumentException("the insulation monitor's threshold (" + wiring.InsulationMonitor.AlarmThresholdOhm.ToString()
                    + " ohm) is below InsulationLimitOhmPerV x MaxVoltageV (" + neededOhm.ToString() + " ohm): no cable check could pass", "wiring");
            }

            _wiring = wiring;
            _services = services;
            _runtimeSettings = runtimeSettings ?? new RuntimeSettings();
            _serviceTasks = wiring.ServiceTasks;
            _busTasks = wiring.BusTasks;
            Settings = settings;

            Hardware = new ChargerHardware(services.Clock, wiring.Output, wiring.InsulationMonitor, wiring.EmergencyStop, wiring.Metering, wiring.Metering, services.Watchdog);
            Controller = new ChargeController(settings, Hardware);

            Store = new FlashRecordStore(services.RecordFlash, _runtimeSettings.RecordStoreMaxRecords, _runtimeSettings.RecordStoreMaxRecordBytes);
            Controller.UseDroopStore(new DroopSettingsStore(Store, DroopSettingsStore.DefaultRecordId));
            Controller.UseBatteryStore(new BatteryStateStore(Store, BatteryStateStore.DefaultRecordId));

            if (wiring.CanController != null)
            {
                GbtChargerSettings gbt = _runtimeSettings.Gbt;
                gbt.Discharge.Enabled = _runtimeSettings.GbtDischarge;
                gbt.Discharge.MaxDischargeCurrentA = settings.MaxDischargeCurrentA;
                gbt.Discharge.MaxDischargePowerKw = settings.MaxDischargePowerW / 1000.0;
                gbt.Discharge.MinDischargeVoltageV = settings.MinVoltageV;
                GbtLog = new MessageLog(_runtimeSettings.TraceEntries, _runtimeSettings.TraceDetailBytes);
                Gbt = new GbtChargerSession(gbt, Controller, wiring.CanController, services.Clock, wiring.Coupler, wiring.Coupler, wiring.Coupler, GbtLog);
                Gbt.WallClock = services.WallClock;
                Controller.SetVehicleReady(true);
            }

            if (wiring.PlcModem != null)
            {
                CcsLog = new MessageLog(_runtimeSettings.TraceEntries, _runtimeSettings.TraceDetailBytes);
                Slac = new SlacMatching(_runtimeSettings.Slac, wiring.PlcModem, services.Entropy, CcsLog);
                Ccs = new CcsConnection(
                    _runtimeSettings.Ccs,
                    Controller,
                    new ControlPilot(wiring.ControlPilot, _runtimeSettings.Pilot),
                    new ProximityMonitor(wiring.Proximity, _runtimeSettings.Pilot),
                    Slac,
                    services.Clock,
                    CcsLog);
            }

            if (services.Uplink != null)
            {
                Uplink = new UplinkService(_runtimeSettings.Uplink, Controller, services.Uplink, new OutageQueue(services.UplinkFlash), Store, services.WallClock, services.Entropy);
                Uplink.UseMeter(wiring.Metering);
            }

            Log = new DiagnosticLog(DiagnosticLog.DefaultCapacity, services.WallClock, Store, DiagnosticLog.DefaultFirstRecordId, DiagnosticLog.DefaultPersistedRecords);
            _logFeeder = new DiagnosticLogFeeder(Log, Controller, Uplink);
            Config = new ChargerConfig(Controller, _runtimeSettings.Uplink, Store, ChargerConfig.DefaultRecordId);
            _shellServices = new ShellServices();
            _shellServices.Controller = Controller;
            _shellServices.Log = Log;
            _shellServices.Config = Config;
            _shellServices.Uplink = Uplink;
            _shellServices.Host = services.ShellHost;
            _shellServices.Entropy = services.Entropy;
            _shellServices.Trace = GbtLog != null ? GbtLog : CcsLog;
            Shell = new DiagnosticShell(services.Shell, wiring.ShellPort, ShellCommands.All(), _shellServices);
        }

        /// <summary>The controller's settings.</summary>
        public ChargerSettings Settings { get; }

        /// <summary>The board's wiring.</summary>
        public BoardWiring Wiring => _wiring;

        /// <summary>The HAL the controller drives.</summary>
        public ChargerHardware Hardware { get; }

        /// <summary>The charge controller.</summary>
        public ChargeController Controller { get; }

        /// <summary>The record store on the board's flash.</summary>
        public FlashRecordStore Store { get; }

        /// <summary>The GB/T 27930 session (GB/T boards), or null.</summary>
        public GbtChargerSession Gbt { get; }

        /// <summary>The GB/T session's decoded messages, or null.</summary>
        public MessageLog GbtLog { get; }

        /// <summary>The CCS connection below ISO 15118 (CCS boards), or null.</summary>
        public CcsConnection Ccs { get; }

        /// <summary>SLAC on the PLC modem, or null.</summary>
        public SlacMatching Slac { get; }

        /// <summary>The CCS layers' decoded messages, or null.</summary>
        public MessageLog CcsLog { get; }

        /// <summary>The uplink, or null.</summary>
        public UplinkService Uplink { get; }

        /// <summary>The diagnostic log.</summary>
        public DiagnosticLog Log { get; }

        /// <summary>The config keys.</summary>
        public ChargerConfig Config { get; }

        /// <summary>The diagnostic shell on the UART.</summary>
        public DiagnosticShell Shell { get; }

        /// <summary>The control loop while started, else null.</summary>
        public ControlLoop Loop => _loop;

        /// <summary>
        /// True once the board's debounced inputs hold their real state (<see cref="BoardWiring.InputSettleMs"/> after
        /// the first tick); until then a tick runs the drivers' services and feeds the watchdog only.
        /// </summary>
        public bool IsSettled => _settled;

        /// <summary>
        /// One control tick, in the simulator's order: the drivers' services (pins, chips, the stage's loop, the
        /// connector's pins), the protocol (GB/T session, CCS layers), the controller, the uplink's tick. Allocates nothing.
        /// </summary>
        public void RunControlTick()
        {
            long nowMs = _services.Clock.NowMs;
            if (!_busThreadRunning)
            {
                RunBusTasks();
            }

            for (int i = 0; i < _serviceTasks.Length; i++)
            {
                _serviceTasks[i].Tick();
            }

            if (!_settled)
            {
                // At boot the e-stop driver reads "stop" until its chain has been seen closed for the release
                // debounce: the controller would latch an emergency-stop fault on a healthy board. It starts once
                // the inputs have settled; the watchdog it started is fed here meanwhile.
                if (_firstTickMs < 0)
                {
                    _firstTickMs = nowMs;
                }

                if (nowMs - _firstTickMs < _wiring.InputSettleMs)
                {
                    _services.Watchdog.Feed();
                    return;
                }

                _settled = true;
            }

            RunConnectors(nowMs);
            Controller.Tick();
            if (Uplink != null)
            {
                Uplink.Tick(nowMs);
            }
        }

        /// <summary>The control loop's task: <see cref="RunControlTick"/>.</summary>
        public void Tick()
        {
            RunControlTick();
        }

        /// <summary>The other threads' work once, in one call (host tests): housekeeping, the uplink's pump, the shell.</summary>
        public void RunBackground()
        {
            long nowMs = _services.Clock.NowMs;
            RunHousekeeping(nowMs);
            if (Uplink != null)
            {
                Uplink.Pump(nowMs);
            }

            Shell.Poll(nowMs);
        }

        /// <summary>Starts the control loop and the housekeeping, shell and uplink threads.</summary>
        public void Start()
        {
            if (_running)
            {
                return;
            }

            _running = true;
            if (_busTasks.Length > 0 && _runtimeSettings.BusServicePeriodMs > 0)
            {
                // Before the control loop, so that no tick services the chips while this thread does.
                _busThreadRunning = true;
                _busThread = new Thread(BusLoop);
                _busThread.Priority = ThreadPriority.AboveNormal;
                _busThread.Start();
            }

            _loop = new ControlLoop(_services.Clock, Settings.TickPeriodMs, new IControlTask[] { this });
            _loop.Start();
            _housekeeping = new Thread(HousekeepingLoop);
            _housekeeping.Start();
            _shellThread = new Thread(ShellLoop);
            _shellThread.Start();
            if (Uplink != null)
            {
                _uplinkThread = new Thread(UplinkLoop);
                _uplinkThread.Start();
            }
        }

        /// <summary>Stops every thread and waits for them.</summary>
        public void Stop()
        {
            _running = false;
            if (_loop != null)
            {
                _loop.Stop();
                _loop = null;
            }

            Join(_busThread);
            _busThread = null;
            _busThreadRunning = false;
            Join(_housekeeping);
            Join(_shellThread);
            Join(_uplinkThread);
            _housekeeping = null;
            _shellThread = null;
            _uplinkThread = null;
        }

        /// <summary>The connector that drives the controller on a two-connector board, or none.</summary>
        public BoardConnectors ActiveConnector => _activeConnector;

        // One DC output, two connectors: the first vehicle to arrive owns the controller until its session is over
        // (GB/T: its session back at Unplugged; CCS: its connection back at Unplugged); the other connector's stack
        // is not run meanwhile, or the CCS connection's "no vehicle" would keep telling the controller not ready.
        private void RunConnectors(long nowMs)
        {
            if (Gbt == null || Ccs == null)
            {
                if (Gbt != null)
                {
                    Gbt.Poll(nowMs);
                }

                if (Ccs != null)
                {
                    Ccs.Tick();
                }

                return;
            }

            if (_activeConnector != BoardConnectors.Ccs)
            {
                Gbt.Poll(nowMs);
                bool gbtVehicle = Gbt.Stage != GbtChargerStage.Unplugged;
                if (gbtVehicle && _activeConnector == BoardConnectors.None)
                {
                    _activeConnector = BoardConnectors.Gbt;
                    Controller.SetVehicleReady(true);
                }
                else if (!gbtVehicle && _activeConnector == BoardConnectors.Gbt)
                {
                    _activeConnector = BoardConnectors.None;
                }
            }

            if (_activeConnector != BoardConnectors.Gbt)
            {
                Ccs.Tick();
                bool ccsVehicle = Ccs.Phase != CcsPhase.Unplugged;
                if (ccsVehicle && _activeConnector == BoardConnectors.None)
                {
                    _activeConnector = BoardConnectors.Ccs;
                }
                else if (!ccsVehicle && _activeConnector == BoardConnectors.Ccs)
                {
                    _activeConnector = BoardConnectors.None;
                }
            }
        }

        private void RunHousekeeping(long nowMs)
        {
            Controller.WritePendingBatteryState();
            _logFeeder.Update(nowMs);
            Log.PersistPending();
        }

        private void HousekeepingLoop()
        {
            while (_running)
            {
                RunHousekeeping(_services.Clock.NowMs);
                Thread.Sleep(_runtimeSettings.HousekeepingPeriodMs);
            }
        }

        private void RunBusTasks()
        {
            for (int i = 0; i < _busTasks.Length; i++)
            {
                _busTasks[i].Tick();
            }
        }

        // The communication chips' own thread: their drivers' queues are locked, so the protocols on the control
        // thread send and receive while this one moves frames between the queues and the chips.
        private void BusLoop()
        {
            while (_running)
            {
                RunBusTasks();
                Thread.Sleep(_runtimeSettings.BusServicePeriodMs);
            }
        }

        private void ShellLoop()
        {
            while (_running)
            {
                Shell.Poll(_services.Clock.NowMs);
                Thread.Sleep(_runtimeSettings.ShellPeriodMs);
            }
        }

        private void UplinkLoop()
        {
            while (_running)
            {
                Uplink.Pump(_services.Clock.NowMs);
                Thread.Sleep(_runtimeSettings.UplinkPeriodMs);
            }
        }

        private static void Join(Thread thread)
        {
            if (thread != null)
            {
                thread.Join();
            }
        }
    }
}
