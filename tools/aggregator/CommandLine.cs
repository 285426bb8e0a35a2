using System;
using System.Globalization;

namespace V2G.Aggregator
{
    /// <summary>The command line of v2g-aggregator: the usage text and the parser (what a wrong line is told).</summary>
    public static class CommandLine
    {
        public const string Usage =
@"v2g-aggregator: the aggregator's side of the chargers' MQTT uplink (topics v2g/1/{charger}/...)

usage: v2g-aggregator COMMAND [options]

  watch      [--charger ID[,ID...]|all] [--once-after S] [--csv FILE] [--refresh-ms N] [--plain]
             a live table of the chargers (link, state, power, setpoint, droop, SoC, frequency,
             faults, seconds since last heard); --once-after S prints the table after S seconds and
             exits; --csv appends every telemetry sample (with a charger column)
  setpoint   --charger ID --power-W W [--valid-s 900 | --valid-until TS] [--priority N]
             [--purpose dispatch|arbitrage|frequency] [--price-spread X] [--id ID]
             W is AC at the grid connection point: + import (charge), - export (discharge);
             exit 0 accepted or clamped, 1 rejected, 2 no reply within --timeout-s
  droop      --charger ID (--preset NAME | [--enabled true|false] [--nominal-Hz F] [--db-of-Hz F]
             [--db-uf-Hz F] [--k-of K] [--k-uf K] [--response-s S] [--rated-W W]) [--id ID]
             prints the charger's cfg/droop answer; exit 0 applied, 1 rejected, 2 no answer
  heartbeat  --charger ID [--period-s 5] [--count N]   until Ctrl-C or N heartbeats
  record     --charger ID --seconds S --csv FILE [--png FILE]
             telemetry for S seconds to CSV (ts,seq,hist,state,power_W,dc_V,dc_A,frequency_Hz,
             soc_pct,setpoint_W,droop_W) and a PNG of power against frequency and against time
  plot       --csv FILE --png FILE [--from TS] [--to TS] [--charger ID]

common: --broker HOST:PORT (default 127.0.0.1:1883) --user U --password P --tls [--tls-insecure]
        --timeout-s S (default 10)
exit code 2 also for a usage error (with its reason on stderr); 3 when the broker cannot be reached
or refuses the connection, a subscription or a publish.";

        public static readonly string[] Commands = { "watch", "setpoint", "droop", "heartbeat", "record", "plot" };

        /// <summary>Null for help (no arguments, -h, --help).</summary>
        /// <exception cref="ArgumentException">a wrong command line, with the reason</exception>
        public static AggregatorOptions Parse(string[] args)
        {
            if (args.Length == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help")
            {
                return null;
            }

            var o = new AggregatorOptions { Command = args[0] };
            if (Array.IndexOf(Commands, o.Command) < 0)
            {
                throw new ArgumentException($"unknown command '{o.Command}' (one of {string.Join(", ", Commands)})");
            }

            for (int i = 1; i < args.Length; i++)
            {
                string a = args[i];
                switch (a)
                {
                    case "-h":
                    case "--help": return null;
                    case "--broker": o.Broker = BrokerAddress.Parse(Value(args, ref i, a)); break;
                    case "--user": o.Username = Value(args, ref i, a); break;
                    case "--password": o.Password = Value(args, ref i, a); break;
                    case "--tls": o.Tls = true; break;
                    case "--tls-insecure": o.Tls = true; o.TlsInsecure = true; break;
                    case "--timeout-s": o.TimeoutS = Positive(args, ref i, a); break;
                    case "--charger":
                        // Repeated or comma-separated: --charger a --charger b, --charger a,b.
                        foreach (string id in Value(args, ref i, a).Split(','))
                        {
                            if (id != "all")
                            {
                                ChargerTopic.ValidateChargerId(id);
                                o.Chargers.Add(id);
                            }
                        }

                        break;
                    case "--once-after": o.OnceAfterS = Positive(args, ref i, a); break;
                    case "--refresh-ms": o.RefreshMs = (int)Positive(args, ref i, a); break;
                    case "--plain": o.Plain = true; break;
                    case "--csv": o.CsvPath = Value(args, ref i, a); break;
                    case "--png": o.PngPath = Value(args, ref i, a); break;
                    case "--power-W": o.Setpoint.PowerW = Number(args, ref i, a); o.HasPower = true; break;
                    case "--valid-s": o.ValidS = Positive(args, ref i, a); break;
                    case "--valid-until": o.ValidUntil = Timestamp(args, ref i, a); break;
                    case "--priority":
                        double p = Number(args, ref i, a);
                        if (p < 0 || p > 1000 || p != Math.Floor(p))
                        {
                            throw new ArgumentException("--priority: an integer 0..1000");
                        }

                        o.Setpoint.Priority = (int)p;
                        break;
                    case "--purpose":
                        string purpose = Value(args, ref i, a);
                        if (purpose != "dispatch" && purpose != "arbitrage" && purpose != "frequency")
                        {
                            throw new ArgumentException("--purpose: dispatch, arbitrage or frequency");
                        }

                        o.Setpoint.Purpose = purpose;
                        break;
                    case "--price-spread": o.Setpoint.PriceSpreadPerKWh = Number(args, ref i, a); break;
                    case "--id":
                        string cmdId = Value(args, ref i, a);
                        if (cmdId.Length == 0 || cmdId.Length > 36)
                        {
                            throw new ArgumentException("--id: 1 to 36 characters");
                        }

                        o.Setpoint.Id = cmdId;
                        o.Droop.Id = cmdId;
                        break;
                    case "--preset": o.Droop.Preset = Value(args, ref i, a); break;
                    case "--enabled":
                        string e = Value(args, ref i, a);
                        o.Droop.Enabled = e == "true" ? true : e == "false" ? false : throw new ArgumentException("--enabled: true or false");
                        break;
                    case "--nominal-Hz": Droop(o, "nominal_Hz", args, ref i, a); break;
                    case "--db-of-Hz": Droop(o, "db_of_Hz", args, ref i, a); break;
                    case "--db-uf-Hz": Droop(o, "db_uf_Hz", args, ref i, a); break;
                    case "--k-of": Droop(o, "k_of", args, ref i, a); break;
                    case "--k-uf": Droop(o, "k_uf", args, ref i, a); break;
                    case "--response-s": Droop(o, "response_s", args, ref i, a); break;
                    case "--rated-W": Droop(o, "rated_W", args, ref i, a); break;
                    case "--period-s": o.PeriodS = Positive(args, ref i, a); break;
                    case "--count": o.Count = (long)Positive(args, ref i, a); break;
                    case "--seconds": o.Seconds = Positive(args, ref i, a); break;
                    case "--from": o.From = Timestamp(args, ref i, a); break;
                    case "--to": o.To = Timestamp(args, ref i, a); break;
                    default: throw new ArgumentException($"unknown option '{a}' (v2g-aggregator --help)");
                }
            }

            Check(o);
            return o;
        }

        // What each command cannot run without, said before anything connects.
        private static void Check(AggregatorOptions o)
        {
            bool oneCharger = o.Command is "setpoint" or "droop" or "heartbeat" or "record";
            if (oneCharger && o.Chargers.Count != 1)
            {
                throw new ArgumentException($"{o.Command} needs exactly one --charger ID");
            }

            switch (o.Command)
            {
                case "setpoint":
                    if (!o.HasPower)
                    {
                        throw new ArgumentException("setpoint needs --power-W (+ import / - export, AC)");
                    }

                    break;
                case "droop":
                    if (o.Droop.IsEmpty)
                    {
                        throw new ArgumentException("droop needs --preset NAME or parameters (--db-of-Hz, --k-of, ...)");
                    }

                    if (o.Droop.Preset != null && o.Droop.Parameters.Count > 0)
                    {
                        throw new ArgumentException("droop takes --preset or parameters, not both");
                    }

                    break;
                case "record":
                    if (o.Seconds == null || o.CsvPath == null)
                    {
                        throw new ArgumentException("record needs --seconds S and --csv FILE");
                    }

                    break;
                case "plot":
                    if (o.CsvPath == null || o.PngPath == null)
                    {
                        throw new ArgumentException("plot needs --csv FILE and --png FILE");
                    }

                    if (o.From != null && o.To != null && o.To < o.From)
                    {
                        throw new ArgumentException("--to is before --from");
                    }

                    break;
            }
        }

        private static void Droop(AggregatorOptions o, string name, string[] args, ref int i, string option) =>
            o.Droop.Parameters.Add(new System.Collections.Generic.KeyValuePair<string, double>(name, Number(args, ref i, option)));

        private static string Value(string[] args, ref int i, string option)
        {
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{option} needs a value");
            }

            return args[++i];
        }

        private static double Number(string[] args, ref int i, string option)
        {
            string text = Value(args, ref i, option);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || double.IsNaN(v) || double.IsInfinity(v))
            {
                throw new ArgumentException($"{option} {text}: not a number");
            }

            return v;
        }

        private static double Positive(string[] args, ref int i, string option)
        {
            double v = Number(args, ref i, option);
            if (v <= 0)
            {
                throw new ArgumentException($"{option} must be more than 0");
            }

            return v;
        }

        private static DateTimeOffset Timestamp(string[] args, ref int i, string option)
        {
            string text = Value(args, ref i, option);
            return JsonFields.ParseTimestamp(text) ?? throw new ArgumentException($"{option} {text}: not an RFC 3339 time (2026-11-26T05:00:00Z)");
        }
    }
}
