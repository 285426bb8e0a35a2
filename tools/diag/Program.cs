using System;
using System.IO;
using System.Text.Json;

namespace V2G.Diag
{
    /// <summary>v2g-diag's entry point: parse, open the port, run interactively or one command.</summary>
    public static class Program
    {
        public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            DiagOptions options;
            try
            {
                options = DiagOptions.Parse(args);
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine($"v2g-diag: {e.Message}");
                stderr.WriteLine("try --help");
                return ExitCodes.Usage;
            }

            if (options.Help)
            {
                stdout.WriteLine(DiagOptions.Usage);
                return ExitCodes.Ok;
            }

            try
            {
                using var port = new ShellPort(options.Port, options.BaudRate);
                if (options.Command.Count == 0)
                {
                    return InteractiveTerminal.Run(port, stderr);
                }

                return RunCommand(options, port, stdout, stderr);
            }
            catch (DiagException e)
            {
                stderr.WriteLine($"v2g-diag: {e.Message}");
                return e.ExitCode;
            }
        }

        private static int RunCommand(DiagOptions options, ShellPort port, TextWriter stdout, TextWriter stderr)
        {
            var session = new MachineSession(port, options.TimeoutMs);
            if (options.Raw)
            {
                session.Trace = stdout.WriteLine;
            }

            session.Enter();
            try
            {
                if (options.Pin != null)
                {
                    session.Login(options.Pin);
                }

                if (options.IsLogDownload)
                {
                    return Download(options, session, stdout, stderr);
                }

                session.Send(options.CommandLine, part =>
                {
                    if (!options.Raw)
                    {
                        stdout.WriteLine(part.Data.ValueKind == JsonValueKind.Undefined ? "{}" : part.Data.GetRawText());
                    }
                });
                return ExitCodes.Ok;
            }
            finally
            {
                // Leave the shell as a person expects it: logged out, in human mode. Best effort.
                try
                {
                    if (options.Pin != null)
                    {
                        port.Write(MachineFrame.Request(0, "logout") + "\r");
                    }

                    session.Leave();
                }
                catch (DiagException)
                {
                }
            }
        }

        private static int Download(DiagOptions options, MachineSession session, TextWriter stdout, TextWriter stderr)
        {
            using StreamWriter file = options.OutPath != null ? new StreamWriter(options.OutPath) : null;
            var writer = new LogFileWriter(file ?? stdout, options.Format == "csv");
            session.Send(options.CommandLine, writer.Write);
            if (file != null)
            {
                stderr.WriteLine($"v2g-diag: {writer.Entries} log entries written to {options.OutPath} ({options.Format})");
            }

            return ExitCodes.Ok;
        }
    }
}
