using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace V2G.IntegrationTests.TestSupport
{
    /// <summary>Runs one of our programs built next to the tests (<c>dotnet NAME.dll ...</c>) as a user does, and waits for it.</summary>
    public static class DotnetProgram
    {
        /// <summary>Runs <paramref name="dllPath"/>; kills it and fails the test if it has not exited within <paramref name="timeout"/>.</summary>
        public static (int ExitCode, string Stdout, string Stderr) Run(string dllPath, string workingDirectory, TimeSpan timeout, string[] args)
        {
            string name = Path.GetFileNameWithoutExtension(dllPath);
            Assert.IsTrue(File.Exists(dllPath), $"{name} is not next to the tests: {dllPath}");
            var start = new ProcessStartInfo(Host())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (workingDirectory != null)
            {
                start.WorkingDirectory = workingDirectory;
            }

            start.ArgumentList.Add(dllPath);
            foreach (string a in args)
            {
                start.ArgumentList.Add(a);
            }

            using Process process = Process.Start(start);
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{name} {string.Join(' ', args)} did not exit within {timeout.TotalSeconds} s");
            }

            // The parameterless wait also waits for the redirected streams to be drained.
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr.Result);
        }

        /// <summary>The dotnet host running the tests (dotnet test sets DOTNET_HOST_PATH), else the one on PATH.</summary>
        public static string Host()
        {
            string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
        }
    }
}
