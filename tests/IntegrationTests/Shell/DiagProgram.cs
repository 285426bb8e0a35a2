using System;
using System.IO;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.Shell
{
    /// <summary>Runs the built v2g-diag (tools/diag) as a technician's script does and waits for it.</summary>
    public static class DiagProgram
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

        public static string DllPath => Path.Combine(AppContext.BaseDirectory, "v2g-diag.dll");

        public static SimProcessResult Run(params string[] args)
        {
            var (exitCode, stdout, stderr) = DotnetProgram.Run(DllPath, null, Timeout, args);
            return new SimProcessResult(exitCode, stdout, stderr);
        }
    }
}
