using System;
using System.Globalization;

namespace V2G.Sim
{
    /// <summary>The simulator's command line.</summary>
    public sealed class SimOptions
    {
        public const string Usage =
@"v2g-sim: the V2G charger firmware on the simulator board (plant models, simulated vehicle and grid)

usage: dotnet run --project boards/sim -- [options]

  --scenario NAME|FILE  a built-in scenario (v2g, charge, weld, insulation, overcurrent, estop,
                        freq-step, loss-of-mains, aggregator, broker-outage, idle; --list says
                        what each does) or a JSON scenario file; default v2g
  --protocol P          the vehicle's protocol: iso15118-20 (the CCS chain: pilot, SLAC, then the
                        SECC and the EV simulator over real loopback sockets, in lockstep), gbt27930
                        (the GB/T charger session and a BMS simulator on a virtual CAN bus) or sim
                        (a plain vehicle model on the controller's port); default iso15118-20
  --listen ADDR:PORT    be the charger for a vehicle outside the simulator (the EV simulator tool
                        on a bench, tools/evsim): listen there, announce by SDP, run in real time;
                        with --tls the charger's root CA and a vehicle certificate are written to
                        --pki-dir (default .)
  --tls                 ISO 15118-20 over TLS 1.3 (a fresh secp521r1 test PKI)
  --tls-mutual          TLS 1.3 with mutual authentication (the vehicle's certificate required)
  --droop-preset NAME   the frequency-watt droop: ieee1547-cat2, ieee1547-cat3, en50549, china-storage,
                        fast (default: the scenario's, else IEEE 1547 Cat II at 60 Hz, EN 50549 at 50 Hz)
  --gbt-profile P       GB/T 27930: 2015 (default) or 2023a (Category A)
  --gbt-discharge       GB/T 27930: the charger's discharge extension (docs/gbt27930.md); off by default
  --candump FILE        GB/T 27930: write every CAN frame to FILE in candump -l format
  --plc-loss PERCENT    CCS: lose this share of the frames on the PLC medium (seeded)
  --plc-delay-ms MS     CCS: delay every frame on the PLC medium by MS
  --plc-attenuation-db DB  CCS: the mean attenuation the charger's modem measures (default 23;
                        the simulated vehicle refuses a charger above 40 dB)
  --plc-seed N          CCS: seed of the medium's impairments and of the board's keys (default 1)
  --no-ccs              no control pilot and SLAC: SDP starts 2 s after plug-in
  --trace FILE          write the charger's decoded message log (pilot, SLAC, ISO 15118-20)
  --broker HOST:PORT    the aggregator's MQTT broker (default: an in-process broker on a free
                        loopback port, printed at the start)
  --charger-id ID       the charger's id in the topics v2g/1/ID/... (default sim-0001)
  --mqtt-user NAME      MQTT username (with --mqtt-password)
  --mqtt-password PW    MQTT password
  --mqtt-tls            MQTT over TLS (--mqtt-ca FILE to trust a private CA, --mqtt-insecure
                        to accept any certificate on a test bench)
  --heartbeat-timeout-s S  once the aggregator has sent a heartbeat or a setpoint, its silence for S
                        simulated seconds reverts the charger to the safe setpoint (default 60)
  --no-uplink           no MQTT uplink at all
  --shell-pty           the board's diagnostics shell on a pseudo-terminal pair made by socat: the
                        technician's end is printed as 'shell: PATH' before the run starts (open it
                        with picocom -b 115200 --omap crlf PATH, or tools/diag); runs in real time
                        unless --speed says otherwise
  --shell-pty-dir DIR   with --shell-pty: put the pair's links DIR/ttyDevice and DIR/ttyTech there
                        (default: a fresh temporary folder)
  --shell-pin PIN       the technician PIN of the simulated board's shell (4-12 digits, default 1234)
  --realtime            pace simulated time to wall time (1:1)
  --speed N             pace simulated time at N times wall time
  --summary FILE        write the run's summary as JSON
  --csv FILE            write the time series as CSV
  --plot FILE           draw the run as a PNG
  --sample-ms N         time-series sample interval, simulated ms (default 1000)
  --quiet               no status line, only the end summary
  --list                list the built-in scenarios
  --help                this text

exit code: 0 when the run ended as its scenario expects (no fault, or the expected fault
with the output in its safe state), 1 otherwise, 2 on a usage or scenario error.";

        public string Scenario { get; private set; } = "v2g";

        public string Protocol { get; private set; } = "iso15118-20";

        public bool Tls { get; private set; }

        public bool MutualAuthentication { get; private set; }

        public string TracePath { get; private set; }

        public System.Net.IPEndPoint Listen { get; private set; }

        public string PkiDirectory { get; private set; } = ".";

        /// <summary>Simulated seconds per wall second; 0 = as fast as the host runs.</summary>
        public double Speed { get; private set; }

        public string SummaryPath { get; private set; }

        public string CsvPath { get; private set; }

        public string PlotPath { get; private set; }

        public int SampleMs { get; private set; } = 1000;

        public bool Quiet { get; private set; }

        /// <summary>Share of PLC frames lost, 0..1.</summary>
        public double PlcLoss { get; private set; }

        public int PlcDelayMs { get; private set; }

        /// <summary>Mean attenuation of the PLC medium, dB; NaN = the link's default.</summary>
        public double PlcAttenuationDb { get; private set; } = double.NaN;

        public uint PlcSeed { get; private set; } = 1;

        public bool NoCcs { get; private set; }

        public V2G.Protocol.GbT.Charger.GbtProfile GbtProfile { get; private set; } = V2G.Protocol.GbT.Charger.GbtProfile.Gbt2015;

        public bool GbtDischarge { get; private set; }

        public string DroopPreset { get; private set; }

        public string CandumpPath { get; private set; }

        /// <summary>The external broker, or null for the in-process one.</summary>
        public string BrokerHost { get; private set; }

        public int BrokerPort { get; private set; } = 1883;

        public string ChargerId { get; private set; } = "sim-0001";

        public string MqttUser { get; private set; }

        public string MqttPassword { get; private set; }

        public bool MqttTls { get; private set; }

        public string MqttCaFile { get; private set; }

        public bool MqttInsecure { get; private set; }

        public bool NoUplink { get; private set; }

        /// <summary>The aggregator's heartbeat timeout, s; 0 = the firmware's default.</summary>
        public double HeartbeatTimeoutS { get; private set; }

        /// <summary>The diagnostics shell on a socat pseudo-terminal pair.</summary>
        public bool ShellPty { get; private set; }

        /// <summary>Where the pair's links go; null = a fresh temporary folder.</summary>
        public string ShellPtyDirectory { get; private set; }

        /// <summary>The simulated board's technician PIN.</summary>
        public string ShellPin { get; private set; } = DefaultShellPin;

        /// <summary>The simulated board's technician PIN unless --shell-pin says otherwise (a simulator has nothing to protect).</summary>
        public const string DefaultShellPin = "1234";

        /// <summary>True when --shell-pty chose the pace (real time) because none was given.</summary>
        public bool PacedForShell { get; private set; }

        public bool Help { get; private set; }

        public bool List { get; private set; }

        public static SimOptions Parse(string[] args)
        {
            var o = new SimOptions();
            string uplinkOption = null;
            bool pinGiven = false;
            for (int i = 0; i < args.Length; i++)
            {
                string a = args[i];
                switch (a)
                {
                    case "--scenario": o.Scenario = Value(args, ref i, a); break;
                    case "--protocol":
                        o.Protocol = Value(args, ref i, a);
                        if (o.Protocol != "iso15118-20" && o.Protocol != "gbt27930" && o.Protocol != "sim")
                        {
                            throw new ArgumentException($"--protocol must be iso15118-20, gbt27930 or sim, not '{o.Protocol}'");
                        }

                        break;
                    case "--listen":
                        if (!System.Net.IPEndPoint.TryParse(Value(args, ref i, a), out System.Net.IPEndPoint listen))
                        {
                            throw new ArgumentException("--listen needs ADDRESS:PORT, e.g. [::1]:50000");
                        }

                        o.Listen = listen;
                        o.Protocol = "listen";
                        break;
                    case "--pki-dir": o.PkiDirectory = Value(args, ref i, a); break;
                    case "--tls": o.Tls = true; break;
                    case "--tls-mutual": o.Tls = true; o.MutualAuthentication = true; break;
                    case "--trace": o.TracePath = Value(args, ref i, a); break;
                    case "--realtime": o.Speed = 1; break;
                    case "--speed":
                        if (!double.TryParse(Value(args, ref i, a), NumberStyles.Float, CultureInfo.InvariantCulture, out double speed) || speed <= 0)
                        {
                            throw new ArgumentException("--speed needs a number above 0");
                        }

                        o.Speed = speed;
                        break;
                    case "--summary": o.SummaryPath = Value(args, ref i, a); break;
                    case "--csv": o.CsvPath = Value(args, ref i, a); break;
                    case "--plot": o.PlotPath = Value(args, ref i, a); break;
                    case "--sample-ms":
                        if (!int.TryParse(Value(args, ref i, a), NumberStyles.Integer, CultureInfo.InvariantCulture, out int ms) || ms < 20)
                        {
                            throw new ArgumentException("--sample-ms needs a whole number of at least 20");
                        }

                        o.SampleMs = ms;
                        break;
                    case "--quiet": o.Quiet = true; break;
                    case "--plc-loss":
                        o.PlcLoss = Number(args, ref i, a, 0, 100) / 100.0;
                        break;
                    case "--plc-delay-ms":
                        o.PlcDelayMs = (int)Number(args, ref i, a, 0, 10000);
                        break;
                    case "--plc-attenuation-db":
                        o.PlcAttenuationDb = Number(args, ref i, a, 0, 120);
                        break;
                    case "--plc-seed":
                        o.PlcSeed = (uint)Number(args, ref i, a, 0, uint.MaxValue);
                        break;
                    case "--no-ccs": o.NoCcs = true; break;
                    case "--gbt-profile":
                        string profile = Value(args, ref i, a).ToLowerInvariant();
                        o.GbtProfile = profile == "2015" ? V2G.Protocol.GbT.Charger.GbtProfile.Gbt2015
                            : profile == "2023a" || profile == "2023-a" ? V2G.Protocol.GbT.Charger.GbtProfile.Gbt2023A
                            : throw new ArgumentException($"--gbt-profile must be 2015 or 2023a, not '{profile}'");
                        break;
                    case "--gbt-discharge": o.GbtDischarge = true; break;
                    case "--droop-preset":
                        o.DroopPreset = Value(args, ref i, a);
                        if (V2G.Firmware.Grid.DroopPresets.ByName(o.DroopPreset, 50) == null)
                        {
                            throw new ArgumentException($"--droop-preset must be one of {string.Join(", ", V2G.Firmware.Grid.DroopPresets.Names())}, not '{o.DroopPreset}'");
                        }

                        break;
                    case "--candump": o.CandumpPath = Value(args, ref i, a); break;
                    case "--broker":
                        string broker = Value(args, ref i, a);
                        int colon = broker.LastIndexOf(':');
                        if (colon <= 0 || !int.TryParse(broker.Substring(colon + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 65535)
                        {
                            throw new ArgumentException($"--broker needs HOST:PORT, e.g. 127.0.0.1:1883, not '{broker}'");
                        }

                        o.BrokerHost = broker.Substring(0, colon).Trim('[', ']');
                        o.BrokerPort = port;
                        break;
                    case "--charger-id":
                        o.ChargerId = Value(args, ref i, a);
                        string idError = V2G.Protocol.Telemetry.UplinkTopics.ValidateChargerId(o.ChargerId);
                        if (idError != null)
                        {
                            throw new ArgumentException($"--charger-id '{o.ChargerId}': {idError}");
                        }

                        uplinkOption = a;
                        break;
                    case "--mqtt-user": o.MqttUser = Value(args, ref i, a); uplinkOption = a; break;
                    case "--mqtt-password": o.MqttPassword = Value(args, ref i, a); uplinkOption = a; break;
                    case "--mqtt-tls": o.MqttTls = true; uplinkOption = a; break;
                    case "--mqtt-ca": o.MqttCaFile = Value(args, ref i, a); o.MqttTls = true; uplinkOption = a; break;
                    case "--mqtt-insecure": o.MqttInsecure = true; o.MqttTls = true; uplinkOption = a; break;
                    case "--no-uplink": o.NoUplink = true; break;
                    case "--heartbeat-timeout-s": o.HeartbeatTimeoutS = Number(args, ref i, a, 1, 86400); uplinkOption = a; break;
                    case "--shell-pty": o.ShellPty = true; break;
                    case "--shell-pty-dir": o.ShellPtyDirectory = Value(args, ref i, a); o.ShellPty = true; break;
                    case "--shell-pin":
                        o.ShellPin = Value(args, ref i, a);
                        pinGiven = true;
                        if (!V2G.Firmware.Diagnostics.ShellSettings.IsValidPin(o.ShellPin))
                        {
                            throw new ArgumentException("--shell-pin needs 4 to 12 digits");
                        }

                        break;
                    case "--list": o.List = true; break;
                    case "--help":
                    case "-h":
                        o.Help = true;
                        break;
                    default:
                        throw new ArgumentException($"unknown option '{a}'");
                }
            }

            if (o.Tls && (o.Protocol == "sim" || o.Protocol == "gbt27930"))
            {
                throw new ArgumentException($"--tls needs ISO 15118-20, not --protocol {o.Protocol}");
            }

            if ((o.MqttUser == null) != (o.MqttPassword == null))
            {
                throw new ArgumentException("--mqtt-user and --mqtt-password go together");
            }

            if (o.NoUplink && o.BrokerHost != null)
            {
                throw new ArgumentException("--no-uplink and --broker exclude each other");
            }

            if (o.NoUplink && uplinkOption != null)
            {
                throw new ArgumentException($"--no-uplink and {uplinkOption} exclude each other");
            }

            if (o.Protocol == "listen" && o.Speed != 1)
            {
                // An outside vehicle lives in wall time: simulated time must follow it.
                o.Speed = 1;
            }

            if (pinGiven && !o.ShellPty)
            {
                throw new ArgumentException("--shell-pin goes with --shell-pty");
            }

            if (o.ShellPty && o.Speed <= 0)
            {
                // A technician types in wall time: an unpaced run would be over before the first command.
                o.Speed = 1;
                o.PacedForShell = true;
            }

            return o;
        }

        private static double Number(string[] args, ref int i, string option, double min, double max)
        {
            string text = Value(args, ref i, option);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < min || value > max)
            {
                throw new ArgumentException($"{option} needs a number from {min} to {max}, not '{text}'");
            }

            return value;
        }

        private static string Value(string[] args, ref int i, string option)
        {
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"{option} needs a value");
            }

            return args[++i];
        }
    }
}
