using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.Uplink
{
    /// <summary>
    /// The built simulator (<see cref="SimProgram.DllPath"/>) started as its own process that keeps
    /// running while the test talks to it, the aggregator's way: a paced run an aggregator drives over
    /// a broker. <see cref="SimProgram.Run"/> waits for the exit; this one returns at once.
    /// Killed with its process tree on dispose if the test left it running.
    /// </summary>
    public sealed class SimulatorInBackground : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _stdout = new StringBuilder();
        private readonly StringBuilder _stderr = new StringBuilder();
        private readonly string _commandLine;

        public SimulatorInBackground(string workingDirectory, params string[] args)
        {
            Assert.IsTrue(File.Exists(SimProgram.DllPath), $"the simulator is not next to the tests: {SimProgram.DllPath}");
            string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            var start = new ProcessStartInfo(!string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(SimProgram.DllPath);
            foreach (string a in args)
            {
                start.ArgumentList.Add(a);
            }

            _commandLine = "v2g-sim " + string.Join(' ', args);
            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
            _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public bool HasExited => _process.HasExited;

        /// <summary>What it printed so far (stdout then stderr), for failure messages.</summary>
        public string OutputSoFar
        {
            get
            {
                lock (_stdout)
                {
                    return $"{_commandLine}\n--- stdout\n{_stdout}\n--- stderr\n{_stderr}";
                }
            }
        }

        /// <summary>Waits for the exit; the test fails (and the process is killed) after <paramref name="timeout"/>.</summary>
        public SimProcessResult WaitForExit(TimeSpan timeout)
        {
            if (!_process.WaitForExit(timeout))
            {
                _process.Kill(entireProcessTree: true);
                Assert.Fail($"{_commandLine} did not exit within {timeout.TotalSeconds} s: {OutputSoFar}");
            }

            // The parameterless wait also waits for the redirected streams to be drained.
            _process.WaitForExit();
            lock (_stdout)
            {
                return new SimProcessResult(_process.ExitCode, _stdout.ToString(), _stderr.ToString());
            }
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            _process.Dispose();
        }

        private void Append(StringBuilder to, string line)
        {
            if (line == null)
            {
                return;
            }

            // One lock for both buffers: OutputSoFar reads them together.
            lock (_stdout)
            {
                to.AppendLine(line);
            }
        }
    }
}
