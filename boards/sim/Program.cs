using System;
using System.IO;
using V2G.Firmware.Faults;
using V2G.Sim.Output;
using V2G.Sim.Scenarios;
using V2G.Sim.Simulation;

namespace V2G.Sim
{
    /// <summary>The simulator board's entry point: parse, run the scenario, report.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            SimOptions options;
            Scenario scenario;
            ScenarioRunner runner;
            try
            {
                options = SimOptions.Parse(args);
                if (options.Help)
                {
                    Console.WriteLine(SimOptions.Usage);
                    return 0;
                }

                if (options.List)
                {
                    foreach (string name in BuiltInScenarios.Names)
                    {
                        Console.WriteLine($"{name,-12} {BuiltInScenarios.Get(name).Description}");
                    }

                    return 0;
                }

                scenario = File.Exists(options.Scenario) ? ScenarioFile.Load(options.Scenario) : BuiltInScenarios.Get(options.Scenario);
                if (options.DroopPreset != null)
                {
                    scenario.DroopPreset = options.DroopPreset;
                }

                // Setting the runner up checks the scenario's settings and injections before anything runs.
                var link = new IsoLinkOptions
                {
                    Tls = options.Tls,
                    MutualAuthentication = options.MutualAuthentication,
                    ListenEndPoint = options.Listen,
                    PkiDirectory = options.PkiDirectory,
                    Ccs = !options.NoCcs,
                    Seed = options.PlcSeed,
                    PlcImpairments = new V2G.Sim.Plant.Plc.PlcLinkImpairments { LossProbability = options.PlcLoss, DelayMs = options.PlcDelayMs, Seed = options.PlcSeed },
                };
                if (!double.IsNaN(options.PlcAttenuationDb))
                {
                    link.PlcLink.AttenuationMeanDb = options.PlcAttenuationDb;
                }

                var gbt = new GbtLinkOptions { Profile = options.GbtProfile, DischargeExtension = options.GbtDischarge, CandumpPath = options.CandumpPath };
                UplinkOptions uplink = options.NoUplink ? null : new UplinkOptions
                {
                    BrokerHost = options.BrokerHost,
                    BrokerPort = options.BrokerPort,
                    ChargerId = options.ChargerId,
                    Username = options.MqttUser,
                    Password = options.MqttPassword,
                    Tls = options.MqttTls,
                    CaFile = options.MqttCaFile,
                    AllowUntrusted = options.MqttInsecure,
                    Settings = new V2G.Firmware.Uplink.UplinkSettings(),
                };
                if (uplink != null && options.HeartbeatTimeoutS > 0)
                {
                    uplink.Settings.HeartbeatTimeoutMs = (int)(options.HeartbeatTimeoutS * 1000);
                }
                ShellPtyOptions shell = options.ShellPty ? new ShellPtyOptions { Directory = options.ShellPtyDirectory, Pin = options.ShellPin } : null;
                runner = new ScenarioRunner(scenario, options.Speed, options.SampleMs, options.Protocol, link, gbt, uplink, shell);
            }
            catch (Exception e) when (e is ArgumentException || e is ScenarioException)
            {
                Console.Error.WriteLine($"v2g-sim: {e.Message}");
                Console.Error.WriteLine("try --help");
                return 2;
            }

            string pace = options.Speed <= 0 ? "as fast as possible" : (options.Speed == 1 ? "real time" : $"{options.Speed}x real time");
            if (runner.Shell != null)
            {
                // First, and on a line of its own: scripts and tests read the path from here.
                Console.WriteLine($"shell: {runner.Shell.TechnicianPath}");
                if (options.PacedForShell)
                {
                    pace += ", for the shell";
                }
            }

            if (runner.Vehicle is ExternalVehicleListener listener)
            {
                Console.WriteLine($"listening for a vehicle on {listener.EndPoint}{(listener.SdpUnavailable ? " (SDP port busy: give vehicles the address)" : ", SDP on UDP 15118")}");
            }

            string over = options.Protocol == "sim" ? "plain vehicle model" : options.Protocol == "gbt27930" ? $"GB/T 27930-{(options.GbtProfile == V2G.Protocol.GbT.Charger.GbtProfile.Gbt2015 ? "2015" : "2023 Category A")} on a virtual CAN bus{(options.GbtDischarge ? ", discharge extension on" : "")}" : options.Protocol == "listen" ? "ISO 15118-20 with a vehicle outside the simulator" : (options.Tls ? (options.MutualAuthentication ? "ISO 15118-20 over TLS 1.3, mutual authentication" : "ISO 15118-20 over TLS 1.3") : "ISO 15118-20 over TCP");
            Console.WriteLine($"scenario {scenario.Name}: {scenario.Description} ({over}, {pace})");
            if (runner.Uplink != null)
            {
                Console.WriteLine($"uplink: mqtt://{runner.Uplink.BrokerAddress} ({(runner.Uplink.InProcess ? "in-process broker" : "external broker")}), topics {runner.Uplink.Service.Topics.Root}#");
            }

            var observer = new ConsoleObserver();
            using StreamWriter trace = options.TracePath != null ? new StreamWriter(options.TracePath) : null;
            runner.Trace = trace;
            RunResult result = runner.Run(options.Quiet ? null : observer);
            if (!options.Quiet)
            {
                observer.Close();
            }

            PrintSummary(result);
            if (runner.Shell != null)
            {
                var shell = runner.Shell;
                string reboot = shell.Host.RebootRequested ? $"; reboot requested at {shell.Host.RebootRequestedAtMs / 1000.0:0.0} s ended the run" : "";
                Console.WriteLine($"diagnostics shell {shell.Shell.LinesRead} lines, {shell.Shell.CommandsRun} commands, {shell.Shell.Errors} errors, {shell.BytesDropped + shell.Shell.BytesDropped} bytes dropped{reboot}");
            }
            if (options.SummaryPath != null)
            {
                SummaryWriter.Write(result, options.SummaryPath);
            }

            if (options.CsvPath != null)
            {
                CsvWriter.Write(result, options.CsvPath);
            }

            if (options.PlotPath != null)
            {
                PlotWriter.Write(result, options.PlotPath);
            }

            return EndedAsExpected(scenario, result) ? 0 : 1;
        }

        /// <summary>No fault where none was injected; the expected fault, in the safe state, where one was.</summary>
        public static bool EndedAsExpected(Scenario scenario, RunResult result)
        {
            if (!result.EndedSafe || result.LimitViolations.Count > 0)
            {
                return false;
            }

            if (!scenario.ExpectsFault)
            {
                return result.Result == "ok";
            }

            foreach (FaultRecord f in result.Faults)
            {
                if (FaultCatalogue.Get(f.Code).Name == scenario.ExpectedFault && f.IsSafeStateReached)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The summary's battery line: the lowest SoC against the reserve, the departure, the clips, the wear.</summary>
        public static string DescribeBattery(RunResult r)
        {
            var clips = new System.Collections.Generic.List<string>();
            foreach (var pair in r.ClipCounts)
            {
                if (pair.Value > 0)
                {
                    clips.Add($"{pair.Key} {pair.Value}");
                }
            }

            string departure = r.DepartureTargetMet.HasValue
                ? $"departure target {r.DepartureTargetSocPercent:0.#} % {(r.DepartureTargetMet.Value ? "met" : "MISSED")} ({r.DepartureSocPercent:0.00} % at {r.DepartureS:0} s)"
                : $"departure: {r.DepartureNote}";
            string clipped = clips.Count > 0 ? $"clipped ticks: {string.Join(", ", clips)}" : "nothing clipped";
            return $"SoC min {r.SocMinPercent:0.00} % (reserve {r.SocReservePercent:0.#} %); {departure}; {clipped}; "
                + $"{r.EquivalentFullCycles:0.000} EFC, capacity loss {r.CapacityLossPercent:0.0000} %, degradation cost {r.DegradationCost:0.00} ({r.AgeingModel})";
        }

        private static void PrintSummary(RunResult r)
        {
            Console.WriteLine();
            Console.WriteLine($"result            {r.Result} (final state {r.FinalState}, output {(r.EndedSafe ? "safe" : "NOT SAFE")})");
            Console.WriteLine($"states            {string.Join(" > ", r.States)}");
            if (r.Ccs != null)
            {
                string matched = r.Ccs.MatchedAttenuationDb >= 0 ? $"SLAC matched at {r.Ccs.MatchedAttenuationDb:0.0} dB" : "SLAC never matched";
                Console.WriteLine($"CCS               {matched}, {r.Ccs.MatchingAttempts} attempt(s); at the end pilot {r.Ccs.PilotState}, {r.Ccs.DutyCyclePercent:0.#} % duty, SLAC {r.Ccs.SlacState}");
            }

            if (r.Gbt != null)
            {
                Console.WriteLine($"GB/T 27930        {r.Gbt.Profile}, stage {r.Gbt.Stage}, BMS {r.Gbt.BmsState}, discharge {(r.Gbt.DischargeAgreed ? "agreed" : "not agreed")}, {r.Gbt.Reconnects} reconnect(s), {r.Gbt.FramesCarried} frames");
                foreach (string failure in r.SessionFailures)
                {
                    Console.WriteLine($"session failure   {failure}");
                }
            }
            else if (r.Protocol != "sim")
            {
                Console.WriteLine($"ISO 15118-20      over {r.Security}{(r.VehicleCertificatePresented ? " with the vehicle's certificate" : "")}, {r.ChargeLoopMessages} charge-loop messages");
                foreach (string failure in r.SessionFailures)
                {
                    Console.WriteLine($"session failure   {failure}");
                }
            }

            if (r.Uplink != null)
            {
                UplinkSummary u = r.Uplink;
                string outage = u.Queued > 0 ? $", {u.Queued} kept through outages ({u.Replayed} replayed, dropped {u.DroppedTelemetry}/{u.DroppedEvents}/{u.DroppedMeter} telemetry/event/meter)" : "";
                Console.WriteLine($"uplink            {u.Broker}: {u.Published} published ({u.TelemetrySamples} telemetry, {u.Events} events, {u.MeterRecords} meter), {u.Reconnects} reconnect(s){outage}; commands {u.CommandsAccepted} accepted, {u.CommandsClamped} clamped, {u.CommandsRejected} rejected");
            }

            foreach (GridEventResult e in r.GridEvents)
            {
                string droop = e.DroopT90Ms >= 0 ? $", droop t90 {e.DroopT90Ms:0} ms" : "";
                string error = double.IsNaN(e.SteadyErrorPct) ? "" : $", steady error {e.SteadyErrorPct:0.00} % of rated";
                string trip = e.Trip.Length > 0 ? $", trip {e.Trip} cleared in {e.TripClearMs:0} ms" : "";
                Console.WriteLine($"grid event        {e.AtS:0.000} s {e.Type} {e.Value:0.###}: {e.PowerBeforeW / 1000:0.00} -> {e.PowerAfterW / 1000:0.00} kW{droop}{error}{trip}");
            }

            Console.WriteLine($"energy (DC)       {r.EnergyChargedWh / 1000.0:0.000} kWh charged, {r.EnergyDischargedWh / 1000.0:0.000} kWh discharged");
            Console.WriteLine($"meter (AC)        {r.MeterImportWh / 1000.0:0.000} kWh import, {r.MeterExportWh / 1000.0:0.000} kWh export");
            Console.WriteLine($"setpoint tracking {r.ChargeWithin2PercentS:0.0} s charging and {r.DischargeWithin2PercentS:0.0} s discharging within 2 %");
            Console.WriteLine($"SoC at the end    {r.FinalSocPercent:0.00} % (vehicle: {r.VehicleEndReason})");
            Console.WriteLine($"battery guard     {DescribeBattery(r)}");
            foreach (FaultRecord f in r.Faults)
            {
                string opened = f.ContactorsOpenAtMs >= 0 ? $"contactors open at {f.ContactorsOpenAtMs} ms (+{f.ContactorsOpenAtMs - f.RaisedAtMs} ms, breaking {f.BreakingCurrentA:0.0} A)" : "contactors NOT opened";
                Console.WriteLine($"fault             {FaultCatalogue.Get(f.Code).Name} at {f.RaisedAtMs} ms: converter off at {f.ConverterOffAtMs} ms, {opened}");
            }

            foreach (LimitViolation v in r.LimitViolations)
            {
                Console.WriteLine($"LIMIT EXCEEDED    {v}");
            }

            Console.WriteLine($"simulated         {r.SimSeconds:0.0} s in {r.Ticks} ticks, {r.WallSeconds:0.00} s wall");
        }
    }
}
