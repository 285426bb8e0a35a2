using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace V2G.Diag
{
    /// <summary>
    /// A plain terminal on the shell's port: every key goes to the shell as its bytes (Enter as CR, arrows and
    /// Tab as their escape sequences, Ctrl-C as 0x03, so the shell's own line editing, history and completion
    /// work), everything the shell sends goes to the screen. Ctrl-] (0x1D) quits, as in telnet.
    /// </summary>
    public static class InteractiveTerminal
    {
        /// <summary>Ctrl-]: ends the session.</summary>
        public const byte QuitByte = 0x1D;

        public static int Run(ShellPort port, TextWriter status)
        {
            string saved = Console.IsInputRedirected ? null : Stty("-g");
            if (saved != null)
            {
                // Raw: bytes as typed, no local echo (the shell echoes), Ctrl-C is a byte for the shell.
                Stty("raw -echo");
            }

            status.Write($"v2g-diag: connected to {port.Path}; Ctrl-] quits{(saved != null ? "\r\n" : "\n")}");
            var stop = new CancellationTokenSource();
            Exception failure = null;
            var reader = new Thread(() =>
            {
                var buffer = new byte[512];
                using Stream screen = Console.OpenStandardOutput();
                try
                {
                    while (!stop.IsCancellationRequested)
                    {
                        int n = port.ReadSome(buffer);
                        if (n > 0)
                        {
                            screen.Write(buffer, 0, n);
                            screen.Flush();
                        }
                    }
                }
                catch (DiagException e)
                {
                    failure = e;
                    stop.Cancel();
                }
            })
            { IsBackground = true, Name = "port to screen" };
            reader.Start();
            try
            {
                // A first CR makes the shell show its prompt.
                port.Write("\r");
                using Stream keyboard = Console.OpenStandardInput();
                var key = new byte[64];
                while (!stop.IsCancellationRequested)
                {
                    int n = keyboard.Read(key, 0, key.Length);
                    if (n <= 0)
                    {
                        break;
                    }

                    int quit = Array.IndexOf(key, QuitByte, 0, n);
                    port.Write(key, 0, quit < 0 ? n : quit);
                    if (quit >= 0)
                    {
                        break;
                    }
                }
            }
            catch (DiagException e)
            {
                failure = e;
            }
            finally
            {
                stop.Cancel();
                reader.Join(500);
                if (saved != null)
                {
                    Stty(saved);
                }
            }

            status.WriteLine();
            if (failure != null)
            {
                status.WriteLine($"v2g-diag: {failure.Message}");
                return ExitCodes.Usage;
            }

            return ExitCodes.Ok;
        }

        /// <summary>Runs stty on the terminal behind stdin; returns its output, or null when it failed (not a terminal).</summary>
        private static string Stty(string arguments)
        {
            try
            {
                var info = new ProcessStartInfo("sh", $"-c \"stty {arguments} < /dev/tty\"")
                {
                    UseShellExecute = false,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                using Process p = Process.Start(info);
                string output = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                return p.ExitCode == 0 ? output.Trim() : null;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
        }
    }
}
