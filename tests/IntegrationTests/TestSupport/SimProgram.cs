using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace V2G.IntegrationTests.TestSupport
{
    /// <summary>
    /// Starts the built simulator as a user does (<c>dotnet v2g-sim.dll ...</c>). The project
    /// reference to boards/sim copies v2g-sim.dll, its runtimeconfig and its dependencies next to
    /// the test assembly, so the program under test is the one built with the tests.
    /// </summary>
    public static class SimProgram
    {
        /// <summary>Generous for a run of about a second: the build machine may be busy with other builds.</summary>
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

        public static string DllPath => Path.Combine(AppContext.BaseDirectory, "v2g-sim.dll");

        public static SimProcessResult Run(string workingDirectory, params string[] args)
        {
            Assert.IsTrue(File.Exists(DllPath), $"the simulator is not next to the tests: {DllPath}");

            var start = new ProcessStartInfo(DotnetHost())
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(DllPath);
            foreach (string a in args)
            {
                start.ArgumentList.Add(a);
            }

            using Process process = Process.Start(start);
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"v2g-sim {string.Join(' ', args)} did not exit within {Timeout.TotalSeconds} s");
            }

            // The parameterless wait also waits for the redirected streams to be drained.
            process.WaitForExit();
            return new SimProcessResult(process.ExitCode, stdout.Result, stderr.Result);
        }

        /// <summary>The dotnet host running the tests (dotnet test sets DOTNET_HOST_PATH), else the one on PATH.</summary>
        private static string DotnetHost()
        {
            string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
        }
    }
}
