using System;
using V2G.Firmware.Battery;
using V2G.Firmware.Faults;
using V2G.Firmware.Session;
using V2G.Firmware.Settings;
using V2G.Protocol.GbT.Charger;
using V2G.Protocol.Trace;
using V2G.Sim.Diagnostics;
using V2G.Sim.Net;
using V2G.Sim.Plant.Board;
using V2G.Sim.Scenarios;

namespace V2G.Sim.Simulation
{
    /// <summary>
    /// Runs a scenario on the simulator board: applies its timed actions, runs the control ticks,
    /// records the series, the states and the faults, and checks every tick that no limit in force
    /// is exceeded (before a fault is injected; after it the fault is what is being tested).
    /// </summary>
    public sealed class ScenarioRunner
    {
        private const int ProgressIntervalMs = 100;

        /// <summary>After the vehicle has left, the run goes on this long to show the charger settled, ms.</summary>
        private const int SettleMs = 2000;

        /// <summary>Wall time the shell has to finish its last reply when a reboot ends the run, ms.</summary>
        private const int ShellFlushWallMs = 200;

        /// <summary>What an "inject" event can inject (see <see cref="Inject"/>).</summary>
        private static readonly string[] InjectableFaults = { "weld", "insulation", "overcurrent", "estop", "vehicle_silent", "overtemperature", "pilot_diode_short", "pilot_short", "vehicle_not_ready", "bcl_stop" };

        private readonly Scenario _scenario;
        private readonly Pacer _pacer;
        private readonly int _sampleIntervalMs;
        private readonly IVehicleDriver _vehicle;
        private double _matchedAttenuationDb = -1;
        private readonly GridEventTracker _gridEvents;
        private int _matchingAttempts;

        /// <param name="protocol">"sim" (the plain vehicle on the EV session port) or "iso15118-20".</param>
        /// <param name="link">ISO 15118-20 link options (TLS); ignored for "sim".</param>
        /// <param name="gbt">GB/T 27930 link options (profile, discharge extension, candump log); only for "gbt27930".</param>
        /// <param name="uplink">The MQTT uplink (in-process or external broker); null = none (the scenario's broker_down/broker_up do nothing).</param>
        /// <param name="shell">The diagnostics shell on a socat pseudo-terminal pair; null = none.</param>
        public ScenarioRunner(Scenario scenario, double speed = 0, int sampleIntervalMs = 1000, string protocol = "sim", IsoLinkOptions link = null, GbtLinkOptions gbt = null, UplinkOptions uplink = null, ShellPtyOptions shell = null)
        {
            _scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
            _pacer = new Pacer(speed);
            _sampleIntervalMs = sampleIntervalMs;
            CheckInjections(scenario);

            var settings = new ChargerSettings();
            SettingsOverrides.Apply(settings, scenario.Settings);
            ApplyBatteryGuardSettings(settings.BatteryGuard, scenario);
            if (scenario.DroopPreset.Length > 0)
            {
                settings.DroopPreset = scenario.DroopPreset;
            }
            Charger = new SimulatedCharger(settings, scenario.BatteryKWh, scenario.InitialSocPercent, scenario.GridNominalHz);
            _gridEvents = new GridEventTracker(Charger);
            Charger.Vehicle.TargetSocPercent = scenario.TargetSocPercent;
            Charger.Vehicle.MinimumSocPercent = scenario.MinimumSocPercent;
            Charger.Vehicle.CanDischarge = scenario.VehicleCanDischarge;
            switch (protocol)
            {
                case "sim":
                    _vehicle = new SimpleVehicleDriver(Charger);
                    break;
                case "iso15118-20":
                    link ??= new IsoLinkOptions();
                    link.TargetSocPercent = scenario.TargetSocPercent;
                    link.MinimumSocPercent = scenario.MinimumSocPercent;
                    link.Bidirectional = scenario.VehicleCanDischarge;
                    link.DepartureS = scenario.DepartureS;
                    _vehicle = new IsoVehicleLink(Charger, link);
                    break;
                case "listen":
                    link ??= new IsoLinkOptions();
                    V2gPki pki = null;
                    if (link.Tls)
                    {
                        pki = new V2gPki();
                        System.IO.Directory.CreateDirectory(link.PkiDirectory);
                        System.IO.File.WriteAllBytes(System.IO.Path.Combine(link.PkiDirectory, "charger-root.cer"), pki.Root.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Cert));
                        System.IO.File.WriteAllBytes(System.IO.Path.Combine(link.PkiDirectory, "vehicle.pfx"), pki.Vehicle.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "v2g"));
                    }

                    _vehicle = new ExternalVehicleListener(Charger, link.ListenEndPoint ?? new System.Net.IPEndPoint(System.Net.IPAddress.IPv6Loopback, 0), pki, link.MutualAuthentication);
                    break;
                case "gbt27930":
                    // GB/T 27930 carries no departure time (BCS has only the BMS's estimate of the charge time
                    // left): the scenario's departure stays the vehicle's own, unknown to the charger.
                    _vehicle = new GbtVehicleLink(Charger, gbt, scenario.TargetSocPercent, scenario.MinimumSocPercent, scenario.VehicleCanDischarge);
                    break;
                default:
                    throw new ScenarioException($"unknown protocol '{protocol}' (known: iso15118-20, gbt27930, sim, listen)");
            }

            try
            {
                CheckInjectionsForProtocol(scenario);
                if (uplink != null)
                {
                    string idError = V2G.Protocol.Telemetry.UplinkTopics.ValidateChargerId(uplink.ChargerId);
                    if (idError != null)
                    {
                        throw new ScenarioException($"charger id '{uplink.ChargerId}': {idError}");
                    }

                    _uplinkOptions = uplink;
                    Uplink = SimUplink.Start(Charger, uplink, !_pacer.IsPaced);
                }

                if (shell != null)
                {
                    Shell = StartShell(shell, uplink);
                }
            }
            catch
            {
                Uplink?.Dispose();
                _vehicle.Dispose();
                throw;
            }
        }

        private V2G.Firmware.Diagnostics.Log.DiagnosticLogFeeder _logFeeder;

        /// <summary>The diagnostics shell of this run, or null; disposed (socat ended) at the end of <see cref="Run"/>.</summary>
        public SimShell Shell { get; }

        /// <summary>The board's diagnostic log (with the shell only), or null.</summary>
        public V2G.Firmware.Diagnostics.Log.DiagnosticLog Log { get; private set; }

        /// <summary>
        /// The board's diagnostic log and config keys on its record store, and the shell over them. A socat that
        /// cannot start (not installed, the folder not writable) is a usage error, reported before the run.
        /// </summary>
        private SimShell StartShell(ShellPtyOptions shell, UplinkOptions uplink)
        {
            Log = new V2G.Firmware.Diagnostics.Log.DiagnosticLog(
                V2G.Firmware.Diagnostics.Log.DiagnosticLog.DefaultCapacity,
                new V2G.Sim.Plant.Board.SimWallClock(Charger.Clock, SimUplink.StartUtc),
                Charger.Store,
                V2G.Firmware.Diagnostics.Log.DiagnosticLog.DefaultFirstRecordId,
                V2G.Firmware.Diagnostics.Log.DiagnosticLog.DefaultPersistedRecords);
            _logFeeder = new V2G.Firmware.Diagnostics.Log.DiagnosticLogFeeder(Log, Charger.Controller, Uplink?.Service);
            var config = new V2G.Firmware.Diagnostics.ChargerConfig(
                Charger.Controller, uplink?.Settings ?? new V2G.Firmware.Uplink.UplinkSettings(), Charger.Store, V2G.Firmware.Diagnostics.ChargerConfig.DefaultRecordId);
            try
            {
                return new SimShell(Charger, Log, config, Uplink?.Service, shell.Pin, shell.Directory);
            }
            catch (Exception e) when (e is InvalidOperationException || e is System.IO.IOException || e is PlatformNotSupportedException || e is UnauthorizedAccessException)
            {
                throw new ScenarioException($"--shell-pty: {e.Message}");
            }
        }

        private readonly UplinkOptions _uplinkOptions;

        /// <summary>The MQTT uplink of this run, or null; disposed at the end of <see cref="Run"/>.</summary>
        public SimUplink Uplink { get; }

        public SimulatedCharger Charger { get; }

        /// <summary>Faults that only one vehicle driver can inject, refused before the run if the chosen one cannot.</summary>
        private void CheckInjectionsForProtocol(Scenario scenario)
        {
            foreach (ScenarioEvent ev in scenario.Events)
            {
                if (ev.Action != "inject")
                {
                    continue;
                }

                bool ccsFault = ev.Fault == "pilot_diode_short" || ev.Fault == "pilot_short" || ev.Fault == "vehicle_not_ready";
                if (ccsFault && !(_vehicle is IsoVehicleLink iso && iso.CcsVehicle != null))
                {
                    throw new ScenarioException($"{ev}: '{ev.Fault}' needs the CCS chain (--protocol iso15118-20)");
                }

                if (ev.Fault == "bcl_stop" && !(_vehicle is GbtVehicleLink))
                {
                    throw new ScenarioException($"{ev}: 'bcl_stop' needs GB/T 27930 (--protocol gbt27930)");
                }
            }
        }

        /// <summary>What drives the vehicle's side: the plain model or the ISO 15118-20 link.</summary>
        public IVehicleDriver Vehicle => _vehicle;

        /// <summary>Receives each new entry of the charger's message log (the ISO 15118-20 session), for --trace.</summary>
        public System.IO.TextWriter Trace { get; set; }

        public RunResult Run(IRunObserver observer = null)
        {
            var result = new RunResult { Scenario = _scenario.Name };
            ChargeController controller = Charger.Controller;
            int periodMs = Charger.Settings.TickPeriodMs;
            long endMs = (long)(_scenario.EndSeconds * 1000);
            int nextEvent = 0;
            int faultsSeen = 0;
            long nextSampleMs = 0;
            long nextProgressMs = 0;
            long settleUntilMs = -1;
            long statesSeen = 0;
            long linkSeen = 0;
            bool plugged = false;
            long traced = 0;

            if (Uplink != null && !Uplink.WaitOnline(Charger.Clock.NowMs, _uplinkOptions.FirstConnectWaitMs))
            {
                observer?.Note(0, $"uplink: broker {Uplink.BrokerAddress} not reachable yet ({Uplink.Service.LastError}); records are kept until it is");
            }

            while (Charger.Clock.NowMs < endMs)
            {
                long now = Charger.Clock.NowMs;
                while (nextEvent < _scenario.Events.Count && _scenario.Events[nextEvent].AtSeconds * 1000 <= now)
                {
                    ScenarioEvent ev = _scenario.Events[nextEvent++];
                    plugged |= ev.Action == "plug";
                    Apply(ev, result, observer);
                }

                _vehicle.RunTick();
                now = Charger.Clock.NowMs;
                if (Uplink != null)
                {
                    Uplink.Tick(now);
                    Uplink.Pump(now);
                }

                TrackCcs();
                _gridEvents.Tick(now);
                traced = WriteTrace(traced);
                if (Shell != null)
                {
                    // On a device the shell has a thread of its own; here it takes its bounded turn after the tick.
                    _logFeeder.Update(now);
                    Shell.Poll(now, SeccLog);
                }

                double t = now / 1000.0;

                // Every transition, also those between two ticks (several messages in one exchange), and
                // the CCS lower layers' changes (pilot, SLAC) in time order with them; at equal times the
                // lower layers first, as they ran first in the tick.
                for (;;)
                {
                    V2G.Firmware.Ccs.LinkHistory link = Charger.Ccs?.History ?? (_vehicle as GbtVehicleLink)?.History;
                    while (link != null && linkSeen < link.Total && !link.Holds(linkSeen))
                    {
                        linkSeen++;
                    }

                    while (statesSeen < controller.History.Total && !controller.History.Holds(statesSeen))
                    {
                        statesSeen++;
                    }

                    bool haveLink = link != null && linkSeen < link.Total;
                    bool haveState = statesSeen < controller.History.Total;
                    if (!haveLink && !haveState)
                    {
                        break;
                    }

                    string name;
                    double at;
                    if (haveLink && (!haveState || link.TimeAt(linkSeen) <= controller.History.TimeAt(statesSeen)))
                    {
                        name = link.LayerAt(linkSeen) + "_" + link.NameAt(linkSeen).ToLowerInvariant();
                        at = link.TimeAt(linkSeen) / 1000.0;
                        linkSeen++;
                    }
                    else
                    {
                        name = ChargerStateNames.Of(controller.History.StateAt(statesSeen));
                        at = controller.History.TimeAt(statesSeen) / 1000.0;
                        statesSeen++;
                    }

                    result.States.Add(name);
                    result.StateMarks.Add(new StateMark(at, name));
                    observer?.StateEntered(at, name);
                }

                while (faultsSeen < controller.Faults.TotalRaised)
                {
                    FaultRecord record = controller.Faults.Get(controller.Faults.Count - (controller.Faults.TotalRaised - faultsSeen));
                    observer?.FaultRaised(record.RaisedAtMs / 1000.0, FaultCatalogue.Get(record.Code).Name, record.Value);
                    faultsSeen++;
                }

                if (result.InjectedAtS < 0)
                {
                    CheckLimits(result, t);
                }

                Track(result, periodMs);
                TrackBattery(result, now);

                if (now >= nextSampleMs || now >= nextProgressMs)
                {
                    Sample sample = TakeSample(t);
                    if (now >= nextSampleMs)
                    {
                        result.Samples.Add(sample);
                        nextSampleMs += _sampleIntervalMs;
                    }

                    if (now >= nextProgressMs)
                    {
                        observer?.Progress(sample);
                        nextProgressMs += ProgressIntervalMs;
                    }
                }

                _pacer.WaitFor(now);

                bool vehicleGone = plugged && !_vehicle.IsPlugged;
                if (vehicleGone && settleUntilMs < 0)
                {
                    settleUntilMs = now + SettleMs;
                }

                if (settleUntilMs >= 0 && now >= settleUntilMs)
                {
                    break;
                }

                if (Shell != null && Shell.Host.RebootRequested)
                {
                    // A restart would lose the run's results: the run ends here, as if the board went down.
                    observer?.Note(now / 1000.0, "reboot requested on the diagnostics shell: the run ends");
                    Shell.Flush(now, ShellFlushWallMs);
                    break;
                }
            }

            Shell?.Dispose();

            if (Uplink != null)
            {
                Uplink.Finish(Charger.Clock.NowMs, _uplinkOptions.DrainWaitMs);
                result.Uplink = Uplink.Summary();
                Uplink.Dispose();
            }

            Finish(result);
            return result;
        }

        private static void AddSessionFailures(RunResult result, MessageLog log)
        {
            for (int i = 0; i < log.Count; i++)
            {
                TraceEntry e = log.Get(i);
                if (e.Layer != FailureLayer.None)
                {
                    result.SessionFailures.Add($"{e.TimeMs} ms {FailureLayerNames.Of(e.Layer)}: {e.Failure}");
                }
            }
        }

        /// <summary>The charger's message log, whichever vehicle driver runs the ISO 15118-20 session.</summary>
        private MessageLog SeccLog => _vehicle is IsoVehicleLink iso ? iso.SeccLog : _vehicle is GbtVehicleLink gbt ? gbt.Log : (_vehicle as ExternalVehicleListener)?.SeccLog;

        /// <summary>Writes the charger's message log entries added since the last call; returns the new total.</summary>
        private long WriteTrace(long written)
        {
            MessageLog log = SeccLog;
            if (Trace == null || log == null)
            {
                return written;
            }

            long pending = log.Total - written;
            if (pending > log.Count)
            {
                Trace.WriteLine($"... {pending - log.Count} entries lost (the log ring is {log.Capacity} entries)");
                pending = log.Count;
            }

            for (int i = log.Count - (int)pending; i < log.Count; i++)
            {
                TraceEntry e = log.Get(i);
                string direction = e.Direction == MessageDirection.Received ? "EV>" : (e.Direction == MessageDirection.Sent ? "<EV" : "   ");
                string response = e.ResponseTimeMs >= 0 ? $" ({e.ResponseTimeMs} ms)" : "";
                string failure = e.Layer != FailureLayer.None ? $" FAILED in {FailureLayerNames.Of(e.Layer)}: {e.Failure}" : "";
                Trace.WriteLine($"{e.TimeMs / 1000.0,10:0.000} {direction} {e.Message} {e.Details}{response}{failure}");
            }

            return log.Total;
        }

        private void Apply(ScenarioEvent ev, RunResult result, IRunObserver observer)
        {
            long now = Charger.Clock.NowMs;
            observer?.Note(now / 1000.0, Describe(ev));
            switch (ev.Action)
            {
                case "plug":
                    if (!double.IsNaN(_scenario.DepartureS))
                    {
                        // The plain vehicle counts its departure from plug-in.
                        Charger.Vehicle.HasDeparture = true;
                        Charger.Vehicle.DepartureS = _scenario.DepartureS - now / 1000.0;
                    }

                    _vehicle.PlugIn(now);
                    break;
                case "unplug":
                    _vehicle.Unplug();
                    break;
                case "dispatch":
                    Charger.Controller.SetDispatchPowerW(ev.PowerW);
                    break;
                case "broker_down":
                    Uplink?.Network.Cut();
                    break;
                case "broker_up":
                    Uplink?.Network.Restore();
                    break;
                case "clear_dispatch":
                    Charger.Controller.ClearDispatch();
                    break;
                case "stop":
                    Charger.Controller.RequestStop();
                    break;
                case "vehicle_stop":
                    _vehicle.RequestStop();
                    break;
                case "release":
                    Charger.EmergencyStop.IsActive = false;
                    break;
                case "clear_faults":
                    Charger.Controller.ClearFaults();
                    break;
                case "grid_frequency":
                    Charger.Grid.SetFrequency(ev.Value, ev.RampPerSecond);
                    _gridEvents.Begin(ev.RampPerSecond > 0 ? "frequency_ramp" : "frequency_step", ev.Value, now, true);
                    break;
                case "grid_voltage":
                    string kind = ev.Value < Charger.Grid.RmsVoltageV ? "voltage_sag" : "voltage_swell";
                    Charger.Grid.SetVoltage(ev.Value);
                    _gridEvents.Begin(kind, ev.Value, now, false);
                    break;
                case "grid_phase_jump":
                    Charger.Grid.JumpPhase(ev.Value);
                    _gridEvents.Begin("phase_jump", ev.Value, now, false);
                    break;
                case "loss_of_mains":
                    Charger.Grid.LoseMains(ev.Value != 0 ? ev.Value : 1.0);
                    _gridEvents.Begin("loss_of_mains", ev.Value, now, false);
                    break;
                case "restore_mains":
                    Charger.Grid.RestoreMains();
                    _gridEvents.Begin("restore_mains", 0, now, false);
                    break;
                case "inject":
                    Inject(ev);
                    if (result.InjectedAtS < 0)
                    {
                        result.InjectedAtS = now / 1000.0;
                    }

                    break;
                default:
                    throw new ScenarioException($"unknown action '{ev.Action}'");
            }
        }

        private void Inject(ScenarioEvent ev)
        {
            switch (ev.Fault)
            {
                case "weld":
                    Charger.Positive.IsWelded = true;
                    break;
                case "insulation":
                    Charger.Insulation.PathResistanceOhm = ev.Value > 0 ? ev.Value : 20000;
                    break;
                case "overcurrent":
                    Charger.Stage.CurrentRunawayFactor = ev.Value > 0 ? ev.Value : 1.3;
                    break;
                case "estop":
                    Charger.EmergencyStop.IsActive = true;
                    break;
                case "vehicle_silent":
                    _vehicle.GoSilent();
                    break;
                case "pilot_diode_short":
                    RequirePilot(ev).DiodeShorted = true;
                    break;
                case "pilot_short":
                    RequirePilot(ev).PilotShortedToPe = true;
                    break;
                case "vehicle_not_ready":
                    if (!(_vehicle is IsoVehicleLink link) || link.CcsVehicle == null)
                    {
                        throw new ScenarioException($"{ev}: 'vehicle_not_ready' needs the CCS chain (--protocol iso15118-20)");
                    }

                    link.CcsVehicle.ForceNotReady();
                    break;
                case "bcl_stop":
                    if (!(_vehicle is GbtVehicleLink gbtLink))
                    {
                        throw new ScenarioException($"{ev}: 'bcl_stop' needs GB/T 27930 (--protocol gbt27930)");
                    }

                    gbtLink.StopBcl();
                    break;
                case "overtemperature":
                    Charger.Stage.AmbientC = ev.Value > 0 ? ev.Value : 100;
                    Charger.Stage.TemperatureC = Charger.Stage.AmbientC;
                    break;
                default:
                    throw new ScenarioException($"{ev}: unknown fault '{ev.Fault}' (known: {string.Join(", ", InjectableFaults)})");
            }
        }

        private void TrackCcs()
        {
            var ccs = Charger.Ccs;
            if (ccs == null)
            {
                return;
            }

            if (ccs.MatchingAttempts > 0)
            {
                _matchingAttempts = ccs.MatchingAttempts;
            }

            if (ccs.IsLinkReady)
            {
                _matchedAttenuationDb = ccs.AttenuationDb;
            }
        }

        private V2G.Sim.Plant.Pilot.PilotCircuit RequirePilot(ScenarioEvent ev)
        {
            if (Charger.PilotCircuit == null)
            {
                throw new ScenarioException($"{ev}: '{ev.Fault}' needs the CCS chain (--protocol iso15118-20)");
            }

            return Charger.PilotCircuit;
        }

        /// <summary>
        /// Refuses an unknown fault before the run starts, not when its injection comes due (which,
        /// in a paced run, may be hours later and after the results so far are lost).
        /// </summary>
        private static void CheckInjections(Scenario scenario)
        {
            foreach (ScenarioEvent ev in scenario.Events)
            {
                if (ev.Action == "inject" && Array.IndexOf(InjectableFaults, ev.Fault) < 0)
                {
                    throw new ScenarioException($"{ev}: unknown fault '{ev.Fault}' (known: {string.Join(", ", InjectableFaults)})");
                }
            }
        }

        private static string Describe(ScenarioEvent ev)
        {
            switch (ev.Action)
            {
                case "grid_phase_jump": return $"grid phase jump {ev.Value:0.#} deg";
                case "loss_of_mains": return $"loss of mains (island drifting {ev.Value:0.##} Hz/s)";
                case "dispatch": return $"dispatch {ev.PowerW / 1000.0:0.###} kW";
                case "inject": return $"inject {ev.Fault}";
                case "grid_frequency": return $"grid frequency {ev.Value:0.000} Hz";
                case "grid_voltage": return $"grid voltage {ev.Value:0.0} V";
                default: return ev.Action.Replace('_', ' ');
            }
        }

        /// <summary>Applies the scenario's battery keys to the guard's settings (NaN and "" keep the charger's defaults).</summary>
        private static void ApplyBatteryGuardSettings(BatteryGuardSettings guard, Scenario scenario)
        {
            if (!double.IsNaN(scenario.ReserveSocPercent))
            {
                guard.ReserveSocPercent = scenario.ReserveSocPercent;
            }

            if (!double.IsNaN(scenario.MaxSocPercent))
            {
                guard.MaxSocPercent = scenario.MaxSocPercent;
            }

            if (guard.ReserveSocPercent >= guard.MaxSocPercent)
            {
                throw new ScenarioException($"the reserve SoC ({guard.ReserveSocPercent} %) must be below the maximum SoC ({guard.MaxSocPercent} %)");
            }

            if (!double.IsNaN(scenario.BatteryReplacementCost))
            {
                guard.Degradation.ReplacementCost = scenario.BatteryReplacementCost;
            }

            if (scenario.AgeingModel.Length > 0)
            {
                if (!AgeingModelKindNames.TryParse(scenario.AgeingModel, out AgeingModelKind kind))
                {
                    throw new ScenarioException($"unknown ageing model '{scenario.AgeingModel}' (known: {string.Join(", ", ScenarioFile.AgeingModelNames())})");
                }

                guard.Degradation.Model = kind;
            }
        }

        /// <summary>The pack's lowest SoC, and what the departure target needs: the start of energy transfer, its end, the SoC at the departure.</summary>
        private void TrackBattery(RunResult result, long now)
        {
            double soc = Charger.Battery.SocPercent;
            if (double.IsNaN(result.SocMinPercent) || soc < result.SocMinPercent)
            {
                result.SocMinPercent = soc;
            }

            _departureKnown |= Charger.Controller.EnergyNeeds.HasDeparture;
            bool transferring = Charger.Controller.State == ChargerState.EnergyTransfer;
            if (transferring && _transferStartMs < 0)
            {
                _transferStartMs = now;
                _transferStartSoc = soc;
            }

            if (!transferring && _transferStartMs >= 0 && _transferEndMs < 0)
            {
                _transferEndMs = now;
            }

            if (!double.IsNaN(_scenario.DepartureS) && double.IsNaN(result.DepartureSocPercent) && now >= _scenario.DepartureS * 1000)
            {
                result.DepartureSocPercent = soc;
            }
        }

        private bool _departureKnown;
        private long _transferStartMs = -1;
        private double _transferStartSoc = double.NaN;
        private long _transferEndMs = -1;

        /// <summary>Tolerance on the target SoC at the departure, % (the vehicle reports its SoC in steps; our choice).</summary>
        private const double DepartureSocTolerancePercent = 0.1;

        /// <summary>
        /// Whether the departure target was met: null without a departure the charger was told of within the
        /// run, when the target could not be reached charging at the power available from the start of energy
        /// transfer, or when the session was ended (scripted, or by a fault) before the departure.
        /// </summary>
        private void JudgeDeparture(RunResult result)
        {
            result.DepartureS = _scenario.DepartureS;
            if (double.IsNaN(_scenario.DepartureS))
            {
                result.DepartureNote = "no departure";
                return;
            }

            BatteryGuardSettings guard = Charger.Settings.BatteryGuard;
            double target = Math.Min(_scenario.TargetSocPercent, guard.MaxSocPercent);
            result.DepartureTargetSocPercent = target;
            long departureMs = (long)Math.Round(_scenario.DepartureS * 1000);
            if (double.IsNaN(result.DepartureSocPercent) && _transferStartMs >= 0 && !_vehicle.IsPlugged)
            {
                // The vehicle left before its departure: it leaves with what it has.
                result.DepartureSocPercent = Charger.Battery.SocPercent;
            }

            if (double.IsNaN(result.DepartureSocPercent))
            {
                result.DepartureNote = "the run ended before the departure";
                return;
            }

            if (!_departureKnown)
            {
                result.DepartureNote = _vehicle is GbtVehicleLink ? "GB/T 27930 carries no departure time" : "the charger was never told the departure";
                return;
            }

            if (result.DepartureSocPercent >= target - DepartureSocTolerancePercent)
            {
                result.DepartureTargetMet = true;
                result.DepartureNote = "target reached";
                return;
            }

            if (_transferStartMs < 0 || _transferStartMs >= departureMs)
            {
                result.DepartureNote = "no energy transfer before the departure";
                return;
            }

            if (!IsReachable(target, departureMs))
            {
                result.DepartureNote = "the target was not reachable";
                return;
            }

            if (_transferEndMs >= 0 && _transferEndMs < departureMs && EndedFromOutside(_transferEndMs))
            {
                result.DepartureNote = "the session was ended before the departure (scripted, or a fault)";
                return;
            }

            result.DepartureTargetMet = false;
            result.DepartureNote = "target missed";
        }

        /// <summary>
        /// Could the target be reached by charging from the start of energy transfer at the power available: the
        /// charger's and the pack's current and power limits and the guard's C-rate limit, less 5 % for the
        /// pack's resistance and regulation (our margin)?
        /// </summary>
        private bool IsReachable(double targetSocPercent, long departureMs)
        {
            var battery = Charger.Battery;
            ChargerSettings settings = Charger.Settings;
            double voltageV = battery.OpenCircuitVoltageV;
            double powerW = Math.Min(settings.MaxChargePowerW, Math.Min(settings.MaxChargeCurrentA, battery.MaxChargeCurrentA) * voltageV);
            BatteryGuard guard = Charger.Controller.Guard;
            double cRate = guard.Settings.MaxChargeCRatePerH > 0 ? guard.Settings.MaxChargeCRatePerH : guard.Degradation.Model.MaxChargeCRatePerH;
            powerW = Math.Min(powerW, cRate * battery.CapacityWh) * 0.95;
            double neededWh = (targetSocPercent - _transferStartSoc) / 100.0 * battery.CapacityWh;
            double neededS = neededWh <= 0 ? 0 : neededWh / powerW * 3600;
            return neededS <= (departureMs - _transferStartMs) / 1000.0;
        }

        /// <summary>True if a scripted stop, unplug or injected fault, or any fault, came at or before <paramref name="atMs"/>.</summary>
        private bool EndedFromOutside(long atMs)
        {
            foreach (ScenarioEvent ev in _scenario.Events)
            {
                bool ends = ev.Action == "stop" || ev.Action == "vehicle_stop" || ev.Action == "unplug" || ev.Action == "inject" || ev.Action == "loss_of_mains";
                if (ends && ev.AtSeconds * 1000 <= atMs)
                {
                    return true;
                }
            }

            ChargeController c = Charger.Controller;
            for (int i = 0; i < c.Faults.Count; i++)
            {
                if (c.Faults.Get(i).RaisedAtMs <= atMs)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The battery guard's counters and figures at the end of the run.</summary>
        private void AddBatteryFigures(RunResult result)
        {
            BatteryGuard guard = Charger.Controller.Guard;
            result.SocReservePercent = guard.Settings.ReserveSocPercent;
            result.SocStartPercent = _scenario.InitialSocPercent;
            for (int i = 1; i < BatteryClipReasonNames.Count; i++)
            {
                var reason = (BatteryClipReason)i;
                result.ClipCounts.Add(new System.Collections.Generic.KeyValuePair<string, long>(BatteryClipReasonNames.Of(reason), guard.ClipTicks(reason)));
                result.ClippedEnergyWh.Add(new System.Collections.Generic.KeyValuePair<string, double>(BatteryClipReasonNames.Of(reason), guard.ClippedEnergyWh(reason)));
            }

            result.LastClipReason = BatteryClipReasonNames.Of(Charger.Controller.LastGuardDecision.Reason);
            BatteryUsageFigures life = guard.Lifetime;
            result.DegradationCost = life.CycleLossCost;
            result.CapacityLossPercent = life.CapacityLoss * 100;
            result.EquivalentFullCycles = life.EquivalentFullCycles;
            result.AgeingModel = AgeingModelKindNames.Of(guard.Settings.Degradation.Model);
            JudgeDeparture(result);
        }

        private void CheckLimits(RunResult result, double t)
        {
            ChargerState state = Charger.Controller.State;
            if (state != ChargerState.PreCharge && state != ChargerState.EnergyTransfer && state != ChargerState.Stopping)
            {
                return;
            }

            var limits = Charger.Controller.Limits;
            double v = Charger.Connector.VoltageV;
            double i = Charger.Circuit.CurrentA;
            double p = Charger.Circuit.PowerW;

            // Small allowances for the converter's own regulation error (1 % and 0.5 A), not for the
            // firmware's. While precharging onto a vehicle whose contactor is already closed (GB/T closes
            // K5/K6 before CRO), the precharge current limit may flow either way while the voltages settle.
            double regulationA = 0.5 + (state == ChargerState.PreCharge ? Charger.Settings.PreChargeCurrentLimitA : 0);
            Check(result, t, "voltage_V", v, limits.MaxVoltageV + 0.5);
            Check(result, t, "charge_current_A", i, limits.MaxChargeCurrentA * 1.01 + regulationA);
            Check(result, t, "discharge_current_A", -i, limits.MaxDischargeCurrentA * 1.01 + regulationA);
            Check(result, t, "charge_power_W", p, limits.MaxChargePowerW * 1.01 + regulationA * v);
            Check(result, t, "discharge_power_W", -p, limits.MaxDischargePowerW * 1.01 + regulationA * v);
            Check(result, t, "battery_voltage_V", v, Charger.Battery.MaxVoltageV);
            Check(result, t, "battery_charge_current_A", i, Charger.Battery.MaxChargeCurrentA);
            Check(result, t, "battery_discharge_current_A", -i, Charger.Battery.MaxDischargeCurrentA);
        }

        private static void Check(RunResult result, double t, string quantity, double value, double limit)
        {
            if (value > limit && result.LimitViolations.Count < 1000)
            {
                result.LimitViolations.Add(new LimitViolation(t, quantity, value, limit));
            }
        }

        private void Track(RunResult result, int periodMs)
        {
            ChargeController c = Charger.Controller;
            if (c.State != ChargerState.EnergyTransfer || !c.HasDispatch || c.DispatchPowerW == 0)
            {
                return;
            }

            double setpoint = c.DispatchPowerW;
            double error = Math.Abs(Charger.Circuit.PowerW - setpoint);
            if (error <= Math.Abs(setpoint) * 0.02)
            {
                if (setpoint < 0)
                {
                    result.DischargeWithin2PercentS += periodMs / 1000.0;
                }
                else
                {
                    result.ChargeWithin2PercentS += periodMs / 1000.0;
                }
            }
        }

        private Sample TakeSample(double t)
        {
            ChargeController c = Charger.Controller;
            return new Sample
            {
                TimeS = t,
                State = ChargerStateNames.Of(c.State),
                PowerW = Charger.Circuit.PowerW,
                SetpointW = c.State == ChargerState.EnergyTransfer ? c.Transfer.TargetPowerW : 0,
                VoltageV = Charger.Connector.VoltageV,
                CurrentA = Charger.Circuit.CurrentA,
                SocPercent = Charger.Battery.SocPercent,
                GridFrequencyHz = c.Grid.FrequencyHz,
                StageTemperatureC = Charger.Stage.TemperatureC,
                MeterImportWh = Charger.Meter.ImportWh,
                MeterExportWh = Charger.Meter.ExportWh,
            };
        }

        private void Finish(RunResult result)
        {
            _gridEvents.Finish();
            result.GridEvents.AddRange(_gridEvents.Results);
            result.DroopPreset = Charger.Controller.Droop.Settings.PresetName;
            ChargeController c = Charger.Controller;
            for (int i = 0; i < c.Faults.Count; i++)
            {
                result.Faults.Add(c.Faults.Get(i));
            }

            result.EnergyChargedWh = c.Energy.ChargedWh;
            result.EnergyDischargedWh = c.Energy.DischargedWh;
            result.MeterImportWh = Charger.Meter.ImportWh;
            result.MeterExportWh = Charger.Meter.ExportWh;
            result.SimSeconds = Charger.Clock.NowMs / 1000.0;
            result.Ticks = c.Ticks;
            result.WallSeconds = _pacer.WallSeconds;
            result.FinalSocPercent = Charger.Battery.SocPercent;
            result.FinalState = ChargerStateNames.Of(c.State);
            result.VehicleEndReason = _vehicle.EndReason;
            result.Protocol = _vehicle.Protocol;
            AddBatteryFigures(result);
            if (_vehicle is ExternalVehicleListener listener)
            {
                result.Security = listener.Security;
                result.VehicleCertificatePresented = listener.VehicleCertificatePresented;
                AddSessionFailures(result, listener.SeccLog);
            }

            if (Charger.Ccs != null)
            {
                var ccs = Charger.Ccs;
                result.Ccs = new CcsSummary
                {
                    Phase = V2G.Firmware.Ccs.CcsPhaseNames.Of(ccs.Phase),
                    PilotState = V2G.Firmware.Pilot.PilotStateNames.Of(ccs.PilotState),
                    DutyCyclePercent = ccs.DutyCycleHundredthsPercent / 100.0,
                    Proximity = V2G.Firmware.Pilot.ProximityStateNames.Of(ccs.Proximity.State),
                    SlacState = V2G.Protocol.Slac.SlacStateNames.Of(ccs.SlacState),
                    MatchedAttenuationDb = _matchedAttenuationDb,
                    MatchingAttempts = _matchingAttempts,
                    SlacFramesDropped = ccs.Slac.FramesDropped,
                    PlcFramesLost = Charger.PlcLink.FramesLost,
                };
            }

            if (_vehicle is GbtVehicleLink gbtRun)
            {
                AddSessionFailures(result, gbtRun.Log);
                result.Gbt = new GbtSummary
                {
                    Profile = GbtProfileNames.Of(gbtRun.Session.Settings.Profile),
                    Stage = GbtChargerStageNames.Of(gbtRun.Session.Stage),
                    BmsState = V2G.Protocol.GbT.Bms.GbtBmsStateNames.Of(gbtRun.Bms.State),
                    DischargeAgreed = gbtRun.Session.Discharge.IsAgreed,
                    Reconnects = gbtRun.Session.Reconnects,
                    FramesCarried = gbtRun.Bus.FramesCarried,
                    FramesDropped = gbtRun.Session.FramesDropped,
                };
            }

            if (_vehicle is IsoVehicleLink iso)
            {
                result.Security = iso.Security;
                result.VehicleCertificatePresented = iso.VehicleCertificatePresented;
                result.ChargeLoopMessages = iso.Evcc.ChargeLoopMessages;
                result.LockstepStalls = iso.Lockstep.Stalls;
                AddSessionFailures(result, iso.SeccLog);
            }

            _vehicle.Dispose();
            result.LargestBreakingCurrentA = Math.Max(Charger.Positive.LargestBreakingCurrentA, Charger.Negative.LargestBreakingCurrentA);
            bool positiveSafe = !Charger.Positive.IsClosed || Charger.Positive.IsWelded;
            bool negativeSafe = !Charger.Negative.IsClosed || Charger.Negative.IsWelded;
            result.EndedSafe = !Charger.Stage.IsEnabled && !Charger.Positive.IsCommandedClosed && !Charger.Negative.IsCommandedClosed && positiveSafe && negativeSafe;
        }
    }
}
