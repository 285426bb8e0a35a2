using System.Text;
using V2G.Firmware.Session;
using V2G.Hal.Power;
using V2G.Protocol.Iso15118.Secc;
using V2G.Sim.Plant.Board;

namespace V2G.Fuzz
{
    /// <summary>
    /// The last control ticks of a run, kept in a fixed ring so that a failure of the safe state can show what
    /// the controller, the SECC and the power stage did just before it (no allocation per tick).
    /// </summary>
    public sealed class TickRecorder
    {
        private readonly long[] _timeMs;
        private readonly ChargerState[] _controller;
        private readonly SeccState[] _secc;
        private readonly PowerStageMode[] _mode;
        private readonly double[] _targetA;
        private readonly double[] _currentA;
        private readonly double[] _converterV;
        private readonly double[] _connectorV;
        private readonly bool[] _positive;
        private readonly bool[] _vehicle;
        private readonly int[] _faults;
        private int _next;
        private int _count;

        public TickRecorder(int capacity)
        {
            _timeMs = new long[capacity];
            _controller = new ChargerState[capacity];
            _secc = new SeccState[capacity];
            _mode = new PowerStageMode[capacity];
            _targetA = new double[capacity];
            _currentA = new double[capacity];
            _converterV = new double[capacity];
            _connectorV = new double[capacity];
            _positive = new bool[capacity];
            _vehicle = new bool[capacity];
            _faults = new int[capacity];
        }

        public void Record(SimulatedCharger charger, SeccSession secc)
        {
            int i = _next;
            _timeMs[i] = charger.Clock.NowMs;
            _controller[i] = charger.Controller.State;
            _secc[i] = secc.State;
            _mode[i] = charger.Stage.Mode;
            _targetA[i] = charger.Stage.CurrentTargetA;
            _currentA[i] = charger.Stage.OutputCurrentA;
            _converterV[i] = charger.Stage.OutputVoltageV;
            _connectorV[i] = charger.Connector.VoltageV;
            _positive[i] = charger.Positive.IsCommandedClosed;
            _vehicle[i] = charger.VehicleContactor.IsClosed;
            _faults[i] = charger.Stage.Faults;
            _next = (_next + 1) % _timeMs.Length;
            if (_count < _timeMs.Length)
            {
                _count++;
            }
        }

        /// <summary>The ticks held, oldest first, one line each.</summary>
        public string Dump()
        {
            var s = new StringBuilder();
            int oldest = _count < _timeMs.Length ? 0 : _next;
            for (int k = 0; k < _count; k++)
            {
                int i = (oldest + k) % _timeMs.Length;
                s.Append($"{_timeMs[i]} ms {ChargerStateNames.Of(_controller[i])} secc={SeccStateNames.Of(_secc[i])} stage={_mode[i]} target={_targetA[i]:F1} A I={_currentA[i]:F1} A Vconv={_converterV[i]:F1} V Vconn={_connectorV[i]:F1} V DC+={(_positive[i] ? "closed" : "open")} ev={(_vehicle[i] ? "closed" : "open")} faults=0x{_faults[i]:X}\n");
            }

            return s.ToString();
        }
    }
}
