using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace V2G.Transport.Tests.Can
{
    /// <summary>
    /// Two connected pseudo-terminals made by socat (<c>socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B</c>):
    /// what is written to one end is read at the other, as over a USB-CAN adapter's serial port. Without socat the
    /// test fails and says how to get it (tools/run-tests.sh and CI install it): silently skipping would hide
    /// that the serial path went untested.
    /// </summary>
    internal sealed class PseudoTerminalPair : IDisposable
    {
        private readonly Process _socat;

        private PseudoTerminalPair(Process socat, string pathA, string pathB)
        {
            _socat = socat;
            PathA = pathA;
            PathB = pathB;
        }

        /// <summary>One end (a symbolic link to /dev/pts/N).</summary>
        public string PathA { get; }

        /// <summary>The other end.</summary>
        public string PathB { get; }

        public static PseudoTerminalPair Start()
        {
            string socat = FindOnPath("socat");
            if (socat == null)
            {
                Assert.Fail("socat is not installed (not found on PATH): these tests need a real pseudo-terminal pair. " +
                    "Install it with 'sudo apt-get install socat' (tools/run-tests.sh does so, and CI installs it)");
            }

            string stem = Path.Combine(Path.GetTempPath(), "v2g-slcan-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            string a = stem + "-a";
            string b = stem + "-b";
            var info = new ProcessStartInfo(socat)
            {
                UseShellExecute = false,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            info.ArgumentList.Add("-d");
            info.ArgumentList.Add("-d");
            info.ArgumentList.Add($"pty,raw,echo=0,link={a}");
            info.ArgumentList.Add($"pty,raw,echo=0,link={b}");
            Process process = Process.Start(info);
            var log = new System.Text.StringBuilder();
            process.ErrorDataReceived += (_, e) =>
            {
                lock (log)
                {
                    log.AppendLine(e.Data);
                }
            };
            process.OutputDataReceived += (_, e) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();

            var elapsed = Stopwatch.StartNew();
            while (!(File.Exists(a) && File.Exists(b) && IsReady(log)))
            {
                if (process.HasExited || elapsed.ElapsedMilliseconds > 5000)
                {
                    string text;
                    lock (log)
                    {
                        text = log.ToString();
                    }

                    if (!process.HasExited)
                    {
                        process.Kill();
                    }

                    process.Dispose();
                    Assert.Fail($"socat did not make the pseudo-terminal pair {a} / {b} within 5 s: {text}");
                }

                Thread.Sleep(10);
            }

            return new PseudoTerminalPair(process, a, b);
        }

        public void Dispose()
        {
            try
            {
                if (!_socat.HasExited)
                {
                    _socat.Kill();
                    _socat.WaitForExit(2000);
                }
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the kill.
            }

            _socat.Dispose();
            TryDelete(PathA);
            TryDelete(PathB);
        }

        // socat -d -d logs "starting data transfer loop" once both ptys exist and it relays.
        private static bool IsReady(System.Text.StringBuilder log)
        {
            lock (log)
            {
                return log.ToString().Contains("starting data transfer loop", StringComparison.Ordinal);
            }
        }

        private static string FindOnPath(string program)
        {
            string path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = Path.Combine(dir, program);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        private static void TryDelete(string path)
        {
            try
            {
                // socat removes its links on a clean exit; after a kill they may remain.
                if (File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget != null)
                {
                    File.Delete(path);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
