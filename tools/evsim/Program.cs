using System;
using System.Globalization;
using System.Net;
using System.Threading;

namespace V2G.EvSim
{
    /// <summary>The bench EV simulator's command line.</summary>
    public static class Program
    {
        private const string Usage =
@"v2g-evsim: an ISO 15118-20 vehicle (DC / DC_BPT) for benches, against a real charger's address

usage: dotnet run --project tools/evsim -- [options]

  --charger ADDR:PORT   connect there (e.g. [fe80::1%eth0]:50000); without it, find the charger by SDP
  --sdp ADDR:PORT       send SDP requests there (default [ff02::1]:15118)
  --interface N         the network interface index for SDP multicast
  --tls                 TLS 1.3; --ca FILE the charger's root CA, --cert FILE.pfx [--cert-password P]
                        the vehicle's certificate for mutual authentication
  --dc-only             ask for DC, not DC_BPT
  --scheduled W         Scheduled control mode asking for W watts (negative = discharge); default Dynamic
  --soc P --target-soc P --minimum-soc P --battery-kwh E
  --stop-after S        ask to stop after S seconds of the session
  --time-limit S        give up after S seconds (default 3600)

exit code 0 when the session ended without a failure; 1 when it failed; 2 on a usage error.";

        public static int Main(string[] args)
        {
            BenchVehicleOptions o;
            try
            {
                o = Parse(args);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"v2g-evsim: {e.Message}");
                return 2;
            }

            if (o == null)
            {
                Console.WriteLine(Usage);
                return 0;
            }

            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            var vehicle = new BenchVehicle(o) { Status = s => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {s}") };
            bool ok = vehicle.Run(cancel.Token);
            Console.WriteLine($"session over {vehicle.Security}: {vehicle.Session.EndReason ?? "-"}{(ok ? "" : $", failed in {V2G.Protocol.Trace.FailureLayerNames.Of(vehicle.Session.FailureLayer)}: {vehicle.Session.Failure}")}");
            return ok ? 0 : 1;
        }

        public static BenchVehicleOptions Parse(string[] args)
        {
            var o = new BenchVehicleOptions();
            for (int i = 0; i < args.Length; i++)
            {
                string a = args[i];
                switch (a)
                {
                    case "--charger": o.Charger = EndPoint(Value(args, ref i, a), a); break;
                    case "--sdp": o.SdpDestination = EndPoint(Value(args, ref i, a), a); break;
                    case "--interface": o.InterfaceIndex = (int)Number(Value(args, ref i, a), a); break;
                    case "--tls": o.Tls = true; break;
                    case "--ca": o.CaFile = Value(args, ref i, a); break;
                    case "--cert": o.CertificateFile = Value(args, ref i, a); break;
                    case "--cert-password": o.CertificatePassword = Value(args, ref i, a); break;
                    case "--dc-only": o.Bidirectional = false; break;
                    case "--scheduled": o.DynamicMode = false; o.RequestedPowerW = Number(Value(args, ref i, a), a); break;
                    case "--soc": o.SocPercent = Number(Value(args, ref i, a), a); break;
                    case "--target-soc": o.TargetSocPercent = (int)Number(Value(args, ref i, a), a); break;
                    case "--minimum-soc": o.MinimumSocPercent = (int)Number(Value(args, ref i, a), a); break;
                    case "--battery-kwh": o.BatteryKWh = Number(Value(args, ref i, a), a); break;
                    case "--stop-after": o.StopAfterS = Number(Value(args, ref i, a), a); break;
                    case "--time-limit": o.TimeLimitS = Number(Value(args, ref i, a), a); break;
                    case "--help":
                    case "-h":
                        return null;
                    default:
                        throw new ArgumentException($"unknown option '{a}' (try --help)");
                }
            }

            return o;
        }

        private static string Value(string[] args, ref int i, string option)
        {
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{option} needs a value");
            }

            return args[++i];
        }

        private static IPEndPoint EndPoint(string text, string option)
        {
            if (!IPEndPoint.TryParse(text, out IPEndPoint endPoint) || endPoint.Port == 0)
            {
                throw new ArgumentException($"{option} needs ADDRESS:PORT, not '{text}'");
            }

            return endPoint;
        }

        private static double Number(string text, string option)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw new ArgumentException($"{option} needs a number, not '{text}'");
            }

            return value;
        }
    }
}
