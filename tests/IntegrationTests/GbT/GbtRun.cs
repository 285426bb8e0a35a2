using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Firmware.Faults;
using V2G.Hal.Buses;
using V2G.Sim.Can;
using V2G.Sim.Plant.Can;
using V2G.Sim.Scenarios;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.GbT
{
    /// <summary>
    /// A scenario run to the end over GB/T 27930 on the simulator board (the charger's GB/T session and the
    /// BMS simulator on the virtual CAN bus), with every frame the bus carried (at its simulated time), the
    /// charger's decoded message log, and, when asked for, the candump log the run wrote (read back and the
    /// file deleted). Runs are deterministic, so tests that look at the same run share one through a Lazy.
    /// </summary>
    public sealed class GbtRun
    {
        /// <param name="sampleIntervalMs">The series' interval; 20 (one control tick) where a test times the output current.</param>
        /// <param name="candump">Also write the candump log through <see cref="GbtLinkOptions.CandumpPath"/> and keep its text.</param>
        public GbtRun(Scenario scenario, GbtLinkOptions gbt = null, int sampleIntervalMs = 1000, bool candump = false)
        {
            Scenario = scenario;
            Options = gbt ?? new GbtLinkOptions();
            string candumpPath = null;
            if (candump)
            {
                candumpPath = Path.Combine(Path.GetTempPath(), $"v2g-gbt-{scenario.Name}-{Guid.NewGuid():N}.log");
                Options.CandumpPath = candumpPath;
            }

            try
            {
                Runner = new ScenarioRunner(scenario, 0, sampleIntervalMs, "gbt27930", null, Options);
                Link = Runner.Vehicle as GbtVehicleLink;
                Assert.IsNotNull(Link, $"{scenario.Name}: --protocol gbt27930 did not give a GB/T vehicle link");

                // Sees every frame as the candump writer does (which it passes them on to), but with the run's time.
                var recorder = new Recorder(Link.Bus.Recorder);
                Link.Bus.Recorder = recorder;
                var trace = new StringWriter(CultureInfo.InvariantCulture);
                Runner.Trace = trace;
                Result = Runner.Run();
                Frames = recorder.Frames;
                TraceLines = trace.ToString().Split('\n');
                if (candumpPath != null)
                {
                    CandumpText = File.ReadAllText(candumpPath);
                    Candump = CandumpFile.Read(new StringReader(CandumpText));
                }
            }
            finally
            {
                if (candumpPath != null)
                {
                    File.Delete(candumpPath);
                }
            }

            Assert.IsNotNull(Result.Gbt, $"{scenario.Name}: the run has no GB/T summary");
        }

        public Scenario Scenario { get; }

        public GbtLinkOptions Options { get; }

        public ScenarioRunner Runner { get; }

        public GbtVehicleLink Link { get; }

        public RunResult Result { get; }

        /// <summary>Every frame the bus carried, in order.</summary>
        public IReadOnlyList<GbtFrame> Frames { get; }

        /// <summary>The charger's decoded message log as --trace writes it ("  seconds dir message ...").</summary>
        public string[] TraceLines { get; }

        /// <summary>The candump log's text as the run wrote it, or null.</summary>
        public string CandumpText { get; }

        /// <summary>The candump log read back with <see cref="CandumpFile"/>, or null.</summary>
        public CandumpFile Candump { get; }

        /// <summary>The controller's tick period, ms (20 on this board).</summary>
        public int TickPeriodMs => Runner.Charger.Settings.TickPeriodMs;

        /// <summary>When the first fault was injected, simulated ms.</summary>
        public long InjectedAtMs
        {
            get
            {
                Assert.IsGreaterThanOrEqualTo(0.0, Result.InjectedAtS, $"{Scenario.Name}: no fault was injected");
                return (long)Math.Round(Result.InjectedAtS * 1000);
            }
        }

        /// <summary>When the first event with this action was applied, simulated ms (at the first tick at or after its time).</summary>
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

        /// <summary>The frames with this identifier, in order.</summary>
        public IEnumerable<GbtFrame> FramesWithId(uint id) => Frames.Where(f => f.Id == id);

        /// <summary>The time of the last frame with this identifier sent before <paramref name="beforeMs"/>; fails the test if there is none.</summary>
        public long LastFrameBeforeMs(uint id, long beforeMs)
        {
            long last = -1;
            foreach (GbtFrame f in Frames)
            {
                if (f.Id == id && f.TimeMs < beforeMs)
                {
                    last = f.TimeMs;
                }
            }

            Assert.IsGreaterThanOrEqualTo(0L, last, $"{Scenario.Name}: no {GbtCanIds.Names[id]} before {beforeMs} ms");
            return last;
        }

        /// <summary>The first session failure whose text contains <paramref name="text"/> ("T ms layer: failure"), or null.</summary>
        public string SessionFailure(string text) => Result.SessionFailures.FirstOrDefault(s => s.Contains(text, StringComparison.Ordinal));

        /// <summary>The time of a session failure line ("60986 ms CAN: bcl_timeout" → 60986).</summary>
        public static long FailureTimeMs(string failure) => long.Parse(failure.Split(' ')[0], CultureInfo.InvariantCulture);

        public string DescribeStates() => string.Join(" > ", Result.StateMarks.Select(m => $"{m.State}@{m.TimeS:0.000}"));

        public string DescribeFaults() =>
            "faults: [" + string.Join(", ", Result.Faults.Select(f => $"{FaultCatalogue.Get(f.Code).Name} raised {f.RaisedAtMs} converter off {f.ConverterOffAtMs} contactors open {f.ContactorsOpenAtMs}"))
            + "]; session failures: [" + string.Join("; ", Result.SessionFailures) + "]";

        /// <summary>Keeps every frame with the bus's time and hands it on to the recorder it replaced (the candump writer, if any).</summary>
        private sealed class Recorder : ICanFrameSink
        {
            private readonly ICanFrameSink _next;

            public Recorder(ICanFrameSink next)
            {
                _next = next;
            }

            public List<GbtFrame> Frames { get; } = new List<GbtFrame>();

            public void OnFrame(long timeMs, int fromNode, ref CanFrame frame)
            {
                Frames.Add(new GbtFrame(timeMs, frame));
                _next?.OnFrame(timeMs, fromNode, ref frame);
            }
        }
    }
}
