using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace V2G.IntegrationTests.TestSupport
{
    /// <summary>
    /// A real mosquitto broker for one test class: its own process on a free loopback port with a config
    /// in a temp folder, stopped and started again on the same port (an outage of the aggregator's broker),
    /// killed on dispose. Fails the test with a clear message when mosquitto is not installed.
    /// </summary>
    public sealed class Mosquitto : IDisposable
    {
        /// <summary>Where Debian's package installs the broker (not on a non-root PATH).</summary>
        public const string DebianPath = "/usr/sbin/mosquitto";

        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

        private readonly TempFolder _folder = new TempFolder();
        private readonly string _executable;
        private readonly string _configPath;
        private Process _process;

        /// <summary>
        /// Writes the config (a listener on 127.0.0.1:<see cref="Port"/>, anonymous clients allowed, no
        /// persistence file, <paramref name="extraConfig"/> lines added to the listener) and starts mosquitto.
        /// </summary>
        public Mosquitto(params string[] extraConfig)
        {
            _executable = FindExecutable();
            if (_executable == null)
            {
                Assert.Fail($"mosquitto is not installed (looked for {DebianPath} and on PATH): `apt-get install mosquitto`, or run the tests through tools/run-tests.sh, which installs it");
            }

            Port = FreeLoopbackPort();
            var lines = new List<string>
            {
                "per_listener_settings false",
                "allow_anonymous true",
                "persistence false",
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                "log_type notice",
                $"listener {Port} 127.0.0.1",
            };
            lines.AddRange(extraConfig);
            _configPath = _folder.File("mosquitto.conf");
            File.WriteAllLines(_configPath, lines);
            Start();
        }

        /// <summary>The broker's TCP port on 127.0.0.1.</summary>
        public int Port { get; }

        /// <summary>Host name to connect to.</summary>
        public string Host => "127.0.0.1";

        /// <summary>The temp folder holding the config (certificates for a TLS listener may go there too).</summary>
        public TempFolder Folder => _folder;

        /// <summary>Whether the broker process is running.</summary>
        public bool IsRunning => _process != null && !_process.HasExited;

        /// <summary>What mosquitto wrote to stderr so far (its log), for failure messages.</summary>
        public string Log => File.Exists(LogPath) ? ReadShared(LogPath) : string.Empty;

        private string LogPath => _folder.File("mosquitto.log");

        /// <summary>Starts mosquitto (again) and waits until it accepts connections.</summary>
        public void Start()
        {
            if (IsRunning)
            {
                return;
            }

            var start = new ProcessStartInfo("/bin/sh")
            {
                UseShellExecute = false,
                RedirectStandardInput = false,
            };
            // Through sh only to append stderr to a file: a redirected pipe nobody reads would fill up.
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("exec \"$0\" -c \"$1\" 2>>\"$2\"");
            start.ArgumentList.Add(_executable);
            start.ArgumentList.Add(_configPath);
            start.ArgumentList.Add(LogPath);
            _process = Process.Start(start);

            var waited = Stopwatch.StartNew();
            while (!Accepts())
            {
                if (_process.HasExited)
                {
                    Assert.Fail($"mosquitto exited with {_process.ExitCode} at start: {Log}");
                }

                if (waited.Elapsed > StartTimeout)
                {
                    Assert.Fail($"mosquitto did not accept connections on port {Port} within {StartTimeout.TotalSeconds} s: {Log}");
                }

                Thread.Sleep(25);
            }
        }

        /// <summary>Stops the broker abruptly (SIGKILL): an outage, not a clean shutdown.</summary>
        public void Stop()
        {
            if (_process == null)
            {
                return;
            }

            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill();
                }

                _process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            _process.Dispose();
            _process = null;
        }

        /// <summary>Stop, then start on the same port.</summary>
        public void Restart()
        {
            Stop();
            Start();
        }

        public void Dispose()
        {
            Stop();
            _folder.Dispose();
        }

        private bool Accepts()
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        private static string FindExecutable()
        {
            if (File.Exists(DebianPath))
            {
                return DebianPath;
            }

            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                string candidate = Path.Combine(dir, "mosquitto");
                if (dir.Length > 0 && File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        private static int FreeLoopbackPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static string ReadShared(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
