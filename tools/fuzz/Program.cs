using System;
using System.Globalization;
using System.IO;
using V2G.Protocol.Iso15118.Secc;

namespace V2G.Fuzz
{
    /// <summary>
    /// v2g-fuzz: long fuzz runs of the charger's ISO 15118-20 SECC (docs/fuzzing.md).
    /// <c>dotnet run -c Release --project tools/fuzz -- --cases N --seed S [--tcp-share P]</c>.
    /// Exit code 0: every oracle held; 1: failures (printed with seed, case and input); 2: bad arguments.
    /// </summary>
    public static class Program
    {
        private const string Usage =
            "usage: v2g-fuzz [--cases N] [--seed S] [--tcp-share PERCENT] [--fresh-every N] [--max-inputs N]\n" +
            "                [--max-failures N] [--wall-limit-s S] [--progress-every N] [--vectors PATH] [--json PATH]\n" +
            "                [--safe-deadline-ms N] [--soc PERCENT] [--replay STATE:HEX[+HEX...][:SESSIONID]]\n" +
            "  --cases N          fuzzed inputs to send (default 100000)\n" +
            "  --seed S           seed of every random choice (default 1); the same seed and count repeat the run\n" +
            "  --tcp-share P      percent of sessions over the real V2G TCP server on loopback (default 1)\n" +
            "  --fresh-every N    a whole valid session every N cases (default 1000)\n" +
            "  --max-inputs N     inputs per session at most while it survives them (default 8)\n" +
            "  --max-failures N   stop after N oracle failures (default 10)\n" +
            "  --wall-limit-s S   stop after S seconds of wall time (default: none)\n" +
            "  --progress-every N a progress line every N cases (default 100000)\n" +
            "  --safe-deadline-ms N  the output must be safe within N simulated ms of a broken session\n" +
            "                     (default: the controller's own deadline, from its settings)\n" +
            "  --replay STATE:HEX[+HEX...][:SESSIONID]  send the inputs in turn into a session brought to STATE\n" +
            "                     (e.g. charge_loop), with SESSIONID replaced by the new session's; prints the log\n" +
            "  --soc PERCENT      the vehicle battery's state of charge at the start (default 50)\n" +
            "  --json PATH        also write the report as JSON to PATH\n" +
            "  --vectors PATH     the vectors file (default: ../shared/interop/iso15118-20/vectors.json beside the checkout)";

        public static int Main(string[] args)
        {
            var options = new FuzzOptions { Progress = Console.Out };
            string vectorsPath = null;
            string jsonPath = null;
            string replay = null;
            for (int i = 0; i < args.Length; i++)
            {
                string name = args[i];
                if (name == "--help" || name == "-h")
                {
                    Console.WriteLine(Usage);
                    return 0;
                }

                if (i + 1 >= args.Length)
                {
                    return Fail("missing value for " + name);
                }

                string value = args[++i];
                try
                {
                    switch (name)
                    {
                        case "--cases": options.Cases = long.Parse(value, CultureInfo.InvariantCulture); break;
                        case "--seed": options.Seed = int.Parse(value, CultureInfo.InvariantCulture); break;
                        case "--tcp-share": options.TcpSharePercent = double.Parse(value, CultureInfo.InvariantCulture); break;
                        case "--fresh-every": options.FreshSessionEvery = long.Parse(value, CultureInfo.InvariantCulture); break;
                        case "--max-inputs": options.MaxInputsPerSession = int.Parse(value, CultureInfo.InvariantCulture); break;
                        case "--max-failures": options.MaxFailures = int.Parse(value, CultureInfo.InvariantCulture); break;
                        case "--wall-limit-s": options.WallLimitMs = (long)(double.Parse(value, CultureInfo.InvariantCulture) * 1000); break;
                        case "--progress-every": options.ProgressEvery = long.Parse(value, CultureInfo.InvariantCulture); break;
                        case "--vectors": vectorsPath = value; break;
                        case "--json": jsonPath = value; break;
                        case "--replay": replay = value; break;
                        case "--soc": options.InitialSocPercent = double.Parse(value, CultureInfo.InvariantCulture); break;
                        case "--safe-deadline-ms": options.SafeStateDeadlineMs = int.Parse(value, CultureInfo.InvariantCulture); break;
                        default: return Fail("unknown option " + name);
                    }
                }
                catch (FormatException)
                {
                    return Fail($"not a number for {name}: {value}");
                }
                catch (OverflowException)
                {
                    return Fail($"out of range for {name}: {value}");
                }
            }

            if (options.Cases < 0 || options.FreshSessionEvery < 1 || options.MaxInputsPerSession < 1 || options.TcpSharePercent < 0 || options.TcpSharePercent > 100)
            {
                return Fail("--cases ≥ 0, --fresh-every ≥ 1, --max-inputs ≥ 1, 0 ≤ --tcp-share ≤ 100");
            }

            vectorsPath ??= VectorSet.Find(AppContext.BaseDirectory) ?? VectorSet.Find(Directory.GetCurrentDirectory());
            if (vectorsPath == null || !File.Exists(vectorsPath))
            {
                return Fail("vectors not found (" + VectorSet.RelativePath + " beside the folder with nanoframework.sln); give --vectors PATH");
            }

            VectorSet vectors = VectorSet.Load(vectorsPath);
            if (replay != null)
            {
                return Replay(vectors, options, replay, jsonPath);
            }

            Console.WriteLine($"v2g-fuzz: seed {options.Seed}, {options.Cases} cases, {vectors.Messages.Count} vectors from {vectorsPath}, TCP share {options.TcpSharePercent.ToString(CultureInfo.InvariantCulture)} %");
            FuzzReport report = FuzzRunner.Run(vectors, options);
            Console.WriteLine(report);
            if (jsonPath != null)
            {
                File.WriteAllText(jsonPath, report.ToJson());
            }

            return report.Failures.Count == 0 ? 0 : 1;
        }

        private static int Replay(VectorSet vectors, FuzzOptions options, string replay, string jsonPath)
        {
            string[] parts = replay.Split(':');
            SeccState state = SeccState.Disconnected;
            bool known = false;
            foreach (SeccState s in Enum.GetValues<SeccState>())
            {
                if (SeccStateNames.Of(s) == parts[0])
                {
                    state = s;
                    known = true;
                }
            }

            if (!known || parts.Length < 2 || parts.Length > 3)
            {
                return Fail("--replay STATE:HEX[:SESSIONID] with STATE a SECC state name (e.g. wait_session_setup, charge_loop)");
            }

            var inputs = new System.Collections.Generic.List<byte[]>();
            byte[] sessionId = null;
            try
            {
                foreach (string hex in parts[1].Split('+'))
                {
                    inputs.Add(Convert.FromHexString(hex));
                }

                if (parts.Length == 3 && parts[2].Length > 0)
                {
                    sessionId = Convert.FromHexString(parts[2]);
                }
            }
            catch (FormatException)
            {
                return Fail("--replay: not hex");
            }

            if (sessionId != null && (sessionId.Length != 8 || Array.TrueForAll(sessionId, b => b == 0)))
            {
                sessionId = null;
            }

            FuzzReport report = FuzzRunner.Replay(vectors, options, state, inputs, sessionId, Console.Out);
            Console.WriteLine(report);
            if (jsonPath != null)
            {
                File.WriteAllText(jsonPath, report.ToJson());
            }

            return report.Failures.Count == 0 ? 0 : 1;
        }

        private static int Fail(string message)
        {
            Console.Error.WriteLine("v2g-fuzz: " + message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }
}
