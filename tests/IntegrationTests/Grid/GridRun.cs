using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Firmware.Faults;
using V2G.Sim.Scenarios;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.Grid
{
    /// <summary>
    /// A scenario run to the end on the simulator board with the plain vehicle model ("sim"), sampled at
    /// every control tick (20 ms) so the power can be followed through a grid event. Runs are deterministic
    /// (simulated time, seeded grid), so tests that look at the same run share it through a Lazy.
    /// </summary>
    public sealed class GridRun
    {
        /// <summary>Sample interval, ms: the controller's tick, so no step of the power is missed.</summary>
        public const int SampleMs = 20;

        public GridRun(Scenario scenario)
        {
            Scenario = scenario;
            Runner = new ScenarioRunner(scenario, 0, SampleMs, "sim");
            Result = Runner.Run();
        }

        public Scenario Scenario { get; }

        public ScenarioRunner Runner { get; }

        public RunResult Result { get; }

        /// <summary>The droop's rated power, W (the reference of every "% of rated").</summary>
        public double RatedPowerW => Runner.Charger.Controller.Droop.Settings.RatedPowerW;

        /// <summary>The controller's tick period, ms (20 on this board).</summary>
        public int TickPeriodMs => Runner.Charger.Settings.TickPeriodMs;

        /// <summary>The <paramref name="index"/>-th grid event's result; fails the test if there is none.</summary>
        public GridEventResult Event(int index)
        {
            Assert.IsGreaterThan(index, Result.GridEvents.Count, $"{Scenario.Name}: only {Result.GridEvents.Count} grid events ({Describe()})");
            return Result.GridEvents[index];
        }

        /// <summary>The samples from <paramref name="fromS"/> (inclusive) to <paramref name="toS"/> (exclusive), simulated s.</summary>
        public Sample[] SamplesBetween(double fromS, double toS) =>
            Result.Samples.Where(s => s.TimeS >= fromS - 1e-9 && s.TimeS < toS - 1e-9).ToArray();

        /// <summary>The record of the first fault with this catalogue name; fails the test if there is none.</summary>
        public FaultRecord FaultNamed(string name)
        {
            foreach (FaultRecord f in Result.Faults)
            {
                if (FaultCatalogue.Get(f.Code).Name == name)
                {
                    return f;
                }
            }

            Assert.Fail($"{Scenario.Name}: no '{name}' fault ({Describe()})");
            return default;
        }

        /// <summary>Everything a failed assertion needs to explain itself.</summary>
        public string Describe()
        {
            IEnumerable<string> events = Result.GridEvents.Select(e =>
                $"{e.Type}@{e.AtS:0.###} value {e.Value} t90 {e.DroopT90Ms} ms err {e.SteadyErrorPct:0.###} % trip '{e.Trip}' clear {e.TripClearMs} ms P {e.PowerBeforeW:0} -> {e.PowerAfterW:0} W (expected {e.ExpectedPowerW:0})");
            IEnumerable<string> faults = Result.Faults.Select(f => $"{FaultCatalogue.Get(f.Code).Name} raised {f.RaisedAtMs} converter off {f.ConverterOffAtMs}");
            return $"{Scenario.Name}: events [{string.Join("; ", events)}] faults [{string.Join("; ", faults)}] violations [{string.Join("; ", Result.LimitViolations.Take(5))}] final {Result.FinalState}";
        }
    }
}
