using System;
using System.Diagnostics;
using V2G.Sim.Simulation;

namespace V2G.Sim.Output
{
    /// <summary>
    /// The console view of a run: events as lines, and a one-line status (state, P, V, I, SoC, f)
    /// refreshed in place on a terminal (at most 10 times a wall second). When the output is not a
    /// terminal, only the event lines are written.
    /// </summary>
    public sealed class ConsoleObserver : IRunObserver
    {
        private readonly bool _live = !Console.IsOutputRedirected;
        private readonly Stopwatch _sinceDraw = Stopwatch.StartNew();
        private string _status = "";

        public void StateEntered(double timeS, string state) => Line(timeS, $"state {state}");

        public void FaultRaised(double timeS, string name, double value) => Line(timeS, $"FAULT {name} (value {value:0.###})");

        public void Note(double timeS, string text) => Line(timeS, text);

        public void Progress(in Sample s)
        {
            _status = $"t={s.TimeS,8:0.0}s {s.State,-19} P={s.PowerW / 1000.0,7:0.00} kW  V={s.VoltageV,6:0.0} V  I={s.CurrentA,7:0.0} A  SoC={s.SocPercent,5:0.00} %  f={s.GridFrequencyHz:0.000} Hz";
            if (_live && _sinceDraw.ElapsedMilliseconds >= 100)
            {
                _sinceDraw.Restart();
                Console.Write("\r" + _status + "\u001b[K");
            }
        }

        /// <summary>Ends the status line before the summary is printed.</summary>
        public void Close()
        {
            if (_live)
            {
                Console.Write("\r" + _status + "\u001b[K\n");
            }
        }

        private void Line(double timeS, string text)
        {
            if (_live)
            {
                Console.Write("\r\u001b[K");
            }

            Console.WriteLine($"[{timeS,9:0.000} s] {text}");
            if (_live && _status.Length > 0)
            {
                Console.Write(_status);
            }
        }
    }
}
