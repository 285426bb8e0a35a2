using System;
using BenchmarkDotNet.Attributes;
using V2G.Sim.Scenarios;
using V2G.Sim.Simulation;

namespace V2G.Bench
{
    /// <summary>
    /// Macro benchmark: the whole built-in V2G scenario, unpaced (charge at +22 kW, discharge at
    /// −20 kW, then the charger stops; about 2,100 s of simulated time in about 105,000 ticks),
    /// with the scenario runner's recording (a sample a second, state marks, limit checks). The
    /// figure is per run, not per tick, and its allocations are the recorder's, not the tick's.
    /// </summary>
    [MemoryDiagnoser]
    public class V2gScenarioBenchmarks
    {
        [GlobalSetup]
        public void CheckScenarioRunsClean()
        {
            RunResult result = Run();
            if (result.Faults.Count != 0 || result.LimitViolations.Count != 0 || !result.EndedSafe)
            {
                throw new InvalidOperationException(
                    $"the v2g scenario did not run clean: {result.Faults.Count} fault(s), {result.LimitViolations.Count} limit violation(s), ended safe: {result.EndedSafe}");
            }

            // Goes to the benchmark log: what one measured run covers.
            Console.WriteLine($"// v2g scenario: {result.Ticks} ticks, {result.SimSeconds:0.0} s simulated, {result.Samples.Count} samples, final state {result.FinalState}");
        }

        [Benchmark(Description = "Whole v2g scenario run (macro, per run)")]
        public RunResult WholeV2gScenario()
        {
            return Run();
        }

        private static RunResult Run()
        {
            return new ScenarioRunner(BuiltInScenarios.V2g(), 0, 1000).Run();
        }
    }
}
