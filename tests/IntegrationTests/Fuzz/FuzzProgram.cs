using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.Fuzz
{
    /// <summary>
    /// Runs the fuzz tool (tools/fuzz, built with the solution in the configuration of the tests) as a user
    /// does, <c>dotnet v2g-fuzz.dll --cases N --seed S --json FILE</c>, and reads its JSON report. The
    /// tool runs in its own process so a hang inside the charger cannot take the test host with it.
    /// </summary>
    public static class FuzzProgram
    {
        /// <summary>The CI run takes about 20 s (Debug) on one core; generous for a busy build machine.</summary>
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(300);

        /// <summary>tools/fuzz/bin/&lt;Configuration&gt;/net10.0/v2g-fuzz.dll, the configuration taken from the test assembly's folder.</summary>
        public static string DllPath
        {
            get
            {
                string framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
                string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent.Name;
                return Path.Combine(RepositoryRoot.Path, "tools", "fuzz", "bin", configuration, framework, "v2g-fuzz.dll");
            }
        }

        /// <summary>Runs the tool; Inconclusive (with the reason) if it or the vectors are not there.</summary>
        public static FuzzRun Run(params string[] args)
        {
            string vectors = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "../shared/interop/iso15118-20/vectors.json"));
            if (!File.Exists(vectors))
            {
                Assert.Inconclusive($"the ISO 15118-20 vectors are not beside the checkout: {vectors}");
            }

            if (!File.Exists(DllPath))
            {
                Assert.Inconclusive($"the fuzz tool is not built: {DllPath} (build nanoframework.sln, which holds tools/fuzz)");
            }

            using var temp = new TempFolder();
            string json = temp.File("fuzz.json");
            var wall = Stopwatch.StartNew();
            var (exitCode, stdout, stderr) = DotnetProgram.Run(DllPath, null, Timeout, [.. args, "--vectors", vectors, "--json", json]);
            wall.Stop();
            string output = stdout + stderr;
            Assert.IsTrue(File.Exists(json), $"v2g-fuzz wrote no report (exit {exitCode}):\n{output}");
            return new FuzzRun(exitCode, output, JsonDocument.Parse(File.ReadAllText(json)).RootElement.Clone(), wall.Elapsed);
        }
    }
}
