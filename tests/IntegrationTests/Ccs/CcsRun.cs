using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Firmware.Faults;
using V2G.Firmware.Pilot;
using V2G.Sim.Scenarios;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.Ccs
{
    /// <summary>
    /// A scenario run to the end over ISO 15118-20 with the CCS chain below it (pilot, proximity, SLAC on
    /// the virtual PLC link), with the charger's trace and the board it ran on. Runs are deterministic
    /// (simulated time, seeded medium), so tests that look at the same run share one through a Lazy.
    /// </summary>
    public sealed class CcsRun
    {
        public CcsRun(Scenario scenario, IsoLinkOptions link = null)
        {
            Scenario = scenario;
            Link = link ?? new IsoLinkOptions();
            Runner = new ScenarioRunner(scenario, 0, 1000, "iso15118-20", Link);
            var trace = new StringWriter(CultureInfo.InvariantCulture);
            Runner.Trace = trace;
            Result = Runner.Run();
            TraceLines = trace.ToString().Split('\n');
            Assert.IsNotNull(Result.Ccs, $"{scenario.Name}: the run had no CCS chain");
        }

        public Scenario Scenario { get; }

        public IsoLinkOptions Link { get; }

        public ScenarioRunner Runner { get; }

        public RunResult Result { get; }

        /// <summary>The charger's decoded message log as --trace writes it ("  seconds dir message ...").</summary>
        public string[] TraceLines { get; }

        /// <summary>The controller's tick period, ms (20 on this board).</summary>
        public int TickPeriodMs => Runner.Charger.Settings.TickPeriodMs;

        /// <summary>
        /// Time from a change at the pilot to the charger's debounced state, at most: the change is
        /// sampled from the next tick on and confirmed by the DebounceSamples-th equal sample (3 × 20 ms).
        /// </summary>
        public int PilotDebounceMs => new PilotSettings().DebounceSamples * TickPeriodMs;

        /// <summary>When the first fault was injected, simulated ms.</summary>
        public long InjectedAtMs
        {
            get
            {
                Assert.IsGreaterThanOrEqualTo(0.0, Result.InjectedAtS, $"{Scenario.Name}: no fault was injected");
                return (long)Math.Round(Result.InjectedAtS * 1000);
            }
        }

        /// <summary>When the first event with this action was applied, simulated ms (events are applied at the first tick at or after their time).</summary>
        public long EventAtMs(string action)
        {
            ScenarioEvent ev = Scenario.Events.First(e => e.Action == action);
            long atMs = (long)Math.Round(ev.AtSeconds * 1000);
            return (atMs + TickPeriodMs - 1) / TickPeriodMs * TickPeriodMs;
        }

        /// <summary>The first mark of <paramref name="state"/> at or after <paramref name="fromMs"/>, ms; fails the test if there is none.</summary>
        public long MarkAtMs(string state, long fromMs = 0)
        {
            foreach (StateMark mark in Result.StateMarks)
            {
                long ms = (long)Math.Round(mark.TimeS * 1000);
                if (mark.State == state && ms >= fromMs)
                {
                    return ms;
                }
            }

            Assert.Fail($"{Scenario.Name}: no '{state}' from {fromMs} ms on (states: {DescribeStates()})");
            return -1;
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

            Assert.Fail($"{Scenario.Name}: no '{name}' fault recorded ({DescribeFaults()})");
            return default;
        }

        /// <summary>When the trace first shows a line containing <paramref name="text"/>, simulated ms; −1 if never.</summary>
        public long TracedAtMs(string text)
        {
            string line = TraceLines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line == null)
            {
                return -1;
            }

            string seconds = line.TrimStart().Split(' ')[0];
            return (long)Math.Round(double.Parse(seconds, CultureInfo.InvariantCulture) * 1000);
        }

        public string DescribeStates() => string.Join(" > ", Result.StateMarks.Select(m => $"{m.State}@{m.TimeS:0.000}"));

        public string DescribeFaults() =>
            "faults: [" + string.Join(", ", Result.Faults.Select(f => $"{FaultCatalogue.Get(f.Code).Name} raised {f.RaisedAtMs} converter off {f.ConverterOffAtMs} contactors open {f.ContactorsOpenAtMs}"))
            + "]; session failures: [" + string.Join("; ", Result.SessionFailures) + "]";
    }
}
