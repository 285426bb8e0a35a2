using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;

namespace V2G.Sim.Diagnostics
{
    /// <summary>
    /// A virtual null-modem cable: <c>socat -d -d pty,raw,echo=0,link=DIR/ttyDevice pty,raw,echo=0,link=DIR/ttyTech</c>.
    /// The simulated board opens <see cref="DevicePath"/> as its diagnostics UART; a technician's terminal
    /// (picocom, minicom, screen, v2g-diag) opens <see cref="TechnicianPath"/>. socat keeps both pseudo-terminals
    /// while the technician's tools come and go; it is ended (and its links removed) on <see cref="Dispose"/>
    /// and when the process exits.
    /// </summary>
    public sealed class SocatPtyPair : IDisposable
    {
        /// <summary>The device end's link name inside the folder.</summary>
        public const string DeviceLinkName = "ttyDevice";

        /// <summary>The technician's end's link name inside the folder.</summary>
        public const string TechnicianLinkName = "ttyTech";

        private const int StartTimeoutMs = 5000;

        private readonly Process _socat;
        private readonly bool _ownsDirectory;
        private int _disposed;

        private SocatPtyPair(Process socat, string directory, bool ownsDirectory)
        {
            _socat = socat;
            _ownsDirectory = ownsDirectory;
            Directory = directory;
            AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        }

        /// <summary>The folder holding both links.</summary>
        public string Directory { get; }

        /// <summary>The simulated board's end.</summary>
        public string DevicePath => Path.Combine(Directory, DeviceLinkName);

        /// <summary>The technician's end (what <c>shell:</c> prints).</summary>
        public string TechnicianPath => Path.Combine(Directory, TechnicianLinkName);

        /// <summary>True while socat relays.</summary>
        public bool IsRunning => !_socat.HasExited;

        /// <summary>
        /// Starts socat and waits until both ends exist and it relays. <paramref name="directory"/> null = a fresh
        /// temporary folder (removed again on dispose). Throws <see cref="InvalidOperationException"/> with what to
        /// do when socat is missing, a file that is no link stands in the way, or socat does not come up.
        /// </summary>
        public static SocatPtyPair Start(string directory = null)
        {
            string socat = FindOnPath("socat") ?? throw new InvalidOperationException(
                "--shell-pty needs socat (not found on PATH): install it, e.g. 'sudo apt-get install socat'");
            bool owns = directory == null;
            directory = owns ? System.IO.Directory.CreateTempSubdirectory("v2g-shell-").FullName : Path.GetFullPath(directory);
            System.IO.Directory.CreateDirectory(directory);
            foreach (string name in new[] { DeviceLinkName, TechnicianLinkName })
            {
                RemoveStaleLink(Path.Combine(directory, name));
            }

            var info = new ProcessStartInfo(socat)
            {
                UseShellExecute = false,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                RedirectStandardInput = true,
            };
            info.ArgumentList.Add("-d");
            info.ArgumentList.Add("-d");
            info.ArgumentList.Add($"pty,raw,echo=0,link={Path.Combine(directory, DeviceLinkName)}");
            info.ArgumentList.Add($"pty,raw,echo=0,link={Path.Combine(directory, TechnicianLinkName)}");
            Process process = Process.Start(info) ?? throw new InvalidOperationException("socat did not start");
            var log = new StringBuilder();
            var ready = new ManualResetEventSlim();
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data == null)
                {
                    ready.Set();
                    return;
                }

                lock (log)
                {
                    log.AppendLine(e.Data);
                }

                // socat -d -d says so once both ptys exist and it relays.
                if (e.Data.Contains("starting data transfer loop", StringComparison.Ordinal))
                {
                    ready.Set();
                }
            };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            if (!ready.Wait(StartTimeoutMs) || process.HasExited)
            {
                string text;
                lock (log)
                {
                    text = log.ToString().Trim();
                }

                try
                {
                    process.Kill();
                }
                catch (InvalidOperationException)
                {
                }

                process.Dispose();
                throw new InvalidOperationException($"socat did not make the pseudo-terminal pair in {directory} within {StartTimeoutMs / 1000} s: {text}");
            }

            return new SocatPtyPair(process, directory, owns);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            Stop();
        }

        private void OnProcessExit(object sender, EventArgs e)
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Stop();
            }
        }

        private void Stop()
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
            RemoveStaleLink(DevicePath);
            RemoveStaleLink(TechnicianPath);
            if (_ownsDirectory)
            {
                try
                {
                    System.IO.Directory.Delete(Directory);
                }
                catch (IOException)
                {
                }
            }
        }

        /// <summary>Removes a link left by an earlier pair (socat removes its links on a clean exit, a killed one leaves them); refuses to remove anything else.</summary>
        private static void RemoveStaleLink(string path)
        {
            var info = new FileInfo(path);
            if (info.LinkTarget == null)
            {
                if (info.Exists)
                {
                    throw new InvalidOperationException($"{path} exists and is not a link to a pseudo-terminal: choose another --shell-pty-dir");
                }

                return;
            }

            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"cannot remove the old link {path}: {e.Message}");
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
    }
}
