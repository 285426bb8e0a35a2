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
            var (exitCode, stdout, stderr) = DotnetProgram.Run(DllPath, workingDirectory, Timeout, args);
            return new SimProcessResult(exitCode, stdout, stderr);
        }
    }
}
