using System;
using System.Text.Json;

namespace V2G.IntegrationTests.Fuzz
{
    /// <summary>One run of v2g-fuzz: exit code, what it printed, its JSON report and the wall time of the process.</summary>
    public sealed class FuzzRun
    {
        public FuzzRun(int exitCode, string output, JsonElement report, TimeSpan wall)
        {
            ExitCode = exitCode;
            Output = output;
            Report = report;
            Wall = wall;
        }

        public int ExitCode { get; }

        public string Output { get; }

        public JsonElement Report { get; }

        public TimeSpan Wall { get; }

        public long Number(string name) => Report.GetProperty(name).GetInt64();

        public long Outcome(string name) => Report.GetProperty("outcomes").GetProperty(name).GetInt64();
    }
}
