using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;
using V2G.IntegrationTests.Uplink;

namespace V2G.IntegrationTests.Shell
{
    /// <summary>
    /// The simulator as a technician meets it: <c>v2g-sim --scenario idle --shell-pty-dir DIR</c> as its own
    /// process, paced in real time, its shell on the socat pair's technician end (<see cref="TechnicianPath"/>,
    /// read from the <c>shell: PATH</c> line it prints before the run starts). No uplink and the plain vehicle
    /// model, so that it is up in a second. Killed on dispose if the test left it running.
    /// </summary>
    public sealed class ShellSimulator : IDisposable
    {
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

        private readonly SimulatorInBackground _sim;

        public ShellSimulator(TempFolder folder, params string[] extraArgs)
        {
            Folder = folder;
            SummaryPath = folder.File("summary.json");
            string[] args = { "--scenario", "idle", "--protocol", "sim", "--no-uplink", "--quiet", "--shell-pty-dir", folder.File("pty"), "--summary", SummaryPath };
            var all = new string[args.Length + extraArgs.Length];
            args.CopyTo(all, 0);
            extraArgs.CopyTo(all, args.Length);
            _sim = new SimulatorInBackground(folder.Path, all);

            var clock = Stopwatch.StartNew();
            while (TechnicianPath == null)
            {
                string output = _sim.OutputSoFar;
                int at = output.IndexOf("\nshell: ", StringComparison.Ordinal);
                if (at >= 0)
                {
                    int end = output.IndexOf('\n', at + 1);
                    if (end > 0)
                    {
                        TechnicianPath = output.Substring(at + 8, end - at - 8).Trim();
                        break;
                    }
                }

                if (_sim.HasExited || clock.Elapsed > StartTimeout)
                {
                    Assert.Fail($"the simulator did not print 'shell: PATH' within {StartTimeout.TotalSeconds} s: {output}");
                }

                Thread.Sleep(20);
            }
        }

        public TempFolder Folder { get; }

        /// <summary>The technician's end of the pair, as printed.</summary>
        public string TechnicianPath { get; }

        public string SummaryPath { get; }

        public bool HasExited => _sim.HasExited;

        public string OutputSoFar => _sim.OutputSoFar;

        /// <summary>Waits until the output holds <paramref name="text"/>; returns the output so far.</summary>
        public string WaitForOutput(string text, int timeoutMs = 10000)
        {
            var clock = Stopwatch.StartNew();
            for (;;)
            {
                string output = _sim.OutputSoFar;
                if (output.Contains(text, StringComparison.Ordinal))
                {
                    return output;
                }

                if (_sim.HasExited || clock.ElapsedMilliseconds > timeoutMs)
                {
                    Assert.Fail($"the simulator did not print '{text}' within {timeoutMs} ms: {output}");
                }

                Thread.Sleep(20);
            }
        }

        /// <summary>Waits for the run to end (a reboot from the shell ends it).</summary>
        public SimProcessResult WaitForExit(TimeSpan timeout) => _sim.WaitForExit(timeout);

        /// <summary>The run's summary (after <see cref="WaitForExit"/>).</summary>
        public JsonElement Summary()
        {
            Assert.IsTrue(File.Exists(SummaryPath), $"no summary at {SummaryPath}: {OutputSoFar}");
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(SummaryPath));
            return doc.RootElement.Clone();
        }

        public void Dispose() => _sim.Dispose();
    }
}
