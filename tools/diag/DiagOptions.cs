using System;
using System.Collections.Generic;
using System.Globalization;

namespace V2G.Diag
{
    /// <summary>v2g-diag's command line: its own options first, then the shell command and its arguments.</summary>
    public sealed class DiagOptions
    {
        public const string Usage =
@"v2g-diag: the charger's diagnostics shell from a host (a USB-UART, or the simulator's --shell-pty)

usage: v2g-diag --port PATH [options]                 an interactive terminal (Ctrl-] quits)
       v2g-diag --port PATH [options] COMMAND [ARGS]  one command in the shell's machine mode; prints its data
       v2g-diag --port PATH [options] log download [--out FILE] [--format jsonl|csv]

  --port PATH        the shell's serial port (/dev/ttyUSB0, or the path the simulator prints after 'shell:')
  --baud N           line rate (default 115200; a pseudo-terminal ignores it)
  --pin PIN          log in with the technician PIN before the command (writes need it)
  --timeout-ms MS    how long to wait for each reply (default 3000)
  --raw              print each reply line as received (JSON and checksum) instead of its data
  --out FILE         log download: write the entries to FILE (default: stdout)
  --format F         log download: jsonl (one JSON object a line, default) or csv (default for *.csv)
  --help             this text

examples: v2g-diag --port /tmp/v2g-shell/ttyTech status --json
          v2g-diag --port /tmp/v2g-shell/ttyTech --pin 1234 config set droop.preset fast

exit code: 0 ok, 1 the shell refused or failed the command, 2 a usage or port error,
3 no valid reply (timeout, checksum or sequence id mismatch).";

        public string Port { get; private set; }

        public int BaudRate { get; private set; } = 115200;

        public string Pin { get; private set; }

        public int TimeoutMs { get; private set; } = 3000;

        public bool Raw { get; private set; }

        public string OutPath { get; private set; }

        /// <summary>"jsonl" or "csv".</summary>
        public string Format { get; private set; }

        public bool Help { get; private set; }

        /// <summary>The shell command's words; empty = interactive.</summary>
        public IReadOnlyList<string> Command { get; private set; } = Array.Empty<string>();

        /// <summary>True for <c>log download</c>.</summary>
        public bool IsLogDownload => Command.Count >= 2 && Command[0] == "log" && Command[1] == "download";

        /// <summary>The command as the shell's tokenizer reads it (words with spaces quoted).</summary>
        public string CommandLine
        {
            get
            {
                var words = new List<string>();
                foreach (string w in Command)
                {
                    words.Add(w.Length == 0 || w.IndexOfAny(new[] { ' ', '\t' }) >= 0 ? "\"" + w + "\"" : w);
                }

                return string.Join(' ', words);
            }
        }

        public static DiagOptions Parse(string[] args)
        {
            var o = new DiagOptions();
            var command = new List<string>();
            for (int i = 0; i < args.Length; i++)
            {
                string a = args[i];

                // --out and --format belong to the tool wherever they stand; other words after the command are the command's.
                switch (a)
                {
                    case "--out": o.OutPath = Value(args, ref i, a); continue;
                    case "--format":
                        o.Format = Value(args, ref i, a).ToLowerInvariant();
                        if (o.Format != "jsonl" && o.Format != "csv")
                        {
                            throw new ArgumentException($"--format must be jsonl or csv, not '{o.Format}'");
                        }

                        continue;
                }

                if (command.Count > 0)
                {
                    command.Add(a);
                    continue;
                }

                switch (a)
                {
                    case "--port": o.Port = Value(args, ref i, a); break;
                    case "--baud":
                        o.BaudRate = (int)Number(args, ref i, a, 50, 4000000);
                        break;
                    case "--pin": o.Pin = Value(args, ref i, a); break;
                    case "--timeout-ms": o.TimeoutMs = (int)Number(args, ref i, a, 10, 600000); break;
                    case "--raw": o.Raw = true; break;
                    case "--help":
                    case "-h":
                        o.Help = true;
                        break;
                    default:
                        if (a.StartsWith("--", StringComparison.Ordinal))
                        {
                            throw new ArgumentException($"unknown option '{a}' (the command comes after the options)");
                        }

                        command.Add(a);
                        break;
                }
            }

            o.Command = command;
            if (o.Help)
            {
                return o;
            }

            if (o.Port == null)
            {
                throw new ArgumentException("--port PATH is required");
            }

            if ((o.OutPath != null || o.Format != null) && !o.IsLogDownload)
            {
                throw new ArgumentException("--out and --format go with 'log download'");
            }

            if (o.Pin != null && command.Count == 0)
            {
                throw new ArgumentException("--pin goes with a command (in the interactive terminal, type 'login PIN')");
            }

            if (o.Format == null && o.OutPath != null && o.OutPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                o.Format = "csv";
            }

            o.Format ??= "jsonl";
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
