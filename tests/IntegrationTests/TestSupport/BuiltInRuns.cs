using System;
using System.Collections.Concurrent;
using V2G.Sim.Scenarios;

namespace V2G.IntegrationTests.TestSupport
{
    /// <summary>
    /// Each built-in scenario run once for the whole test assembly, on first use: the test classes
    /// that look at the same run share it (runs are deterministic and read-only afterwards).
    /// </summary>
    public static class BuiltInRuns
    {
        private static readonly ConcurrentDictionary<string, Lazy<ScenarioRun>> Runs = new();

        public static ScenarioRun Of(string name) =>
            Runs.GetOrAdd(name, n => new Lazy<ScenarioRun>(() => new ScenarioRun(BuiltInScenarios.Get(n)))).Value;
    }
}
