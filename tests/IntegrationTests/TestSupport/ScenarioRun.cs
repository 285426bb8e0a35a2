using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Firmware.Faults;
using V2G.Firmware.Settings;
using V2G.Sim.Plant.Board;
using V2G.Sim.Scenarios;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.TestSupport
{
    /// <summary>A scenario run to the end, with the simulated board it ran on (for the plant's state afterwards).</summary>
    public sealed class ScenarioRun
    {
        public ScenarioRun(Scenario scenario)
        {
            Scenario = scenario;
            Runner = new ScenarioRunner(scenario);
            Result = Runner.Run();
        }

        public Scenario Scenario { get; }

        public ScenarioRunner Runner { get; }

        public RunResult Result { get; }

        public SimulatedCharger Charger => Runner.Charger;

        public ChargerSettings Settings => Runner.Charger.Settings;

        /// <summary>When the first fault was injected, simulated ms.</summary>
        public long InjectedAtMs
        {
            get
            {
                Assert.IsGreaterThanOrEqualTo(0.0, Result.InjectedAtS, $"{Scenario.Name}: no fault was injected");
                return (long)Math.Round(Result.InjectedAtS * 1000);
            }
        }

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

            Assert.Fail($"{Scenario.Name}: no '{name}' fault recorded (recorded: [{string.Join(", ", Result.Faults.Select(f => FaultCatalogue.Get(f.Code).Name))}])");
            return default;
        }

        /// <summary>When the controller first entered a state, simulated ms; fails the test if it never did.</summary>
        public long EnteredAtMs(string state)
        {
            foreach (StateMark mark in Result.StateMarks)
            {
                if (mark.State == state)
                {
                    return (long)Math.Round(mark.TimeS * 1000);
                }
            }

            Assert.Fail($"{Scenario.Name}: never entered '{state}' (states: {string.Join(" > ", Result.States)})");
            return -1;
        }

        /// <summary>The limit violations, one per line, for assertion messages.</summary>
        public string DescribeViolations() => string.Join("; ", Result.LimitViolations.Select(v => v.ToString()));
    }
}
